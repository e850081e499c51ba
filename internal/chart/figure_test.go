package chart

import (
	"html/template"
	"strings"
	"testing"
)

// figure is how a page may place a chart (the theme's layout decides):
// the option goes in as template.JS, which is safe only because
// json.Marshal has escaped <, > and & in it; every other text is a plain
// string that html/template escapes.
var figure = template.Must(template.New("figure").Parse(`<figure class="chart" aria-labelledby="{{.ID}}-caption">
<figcaption id="{{.ID}}-caption">{{.Caption}}</figcaption>
<div class="chart-canvas" id="{{.ID}}" style="height: {{.Height}}" role="img" aria-describedby="{{.ID}}-desc" data-renderer="{{.Renderer}}"></div>
<script type="application/json" id="{{.ID}}-option">{{.Option}}</script>
<p id="{{.ID}}-desc">{{.Description}}</p>
<table><caption>{{.Table.Caption}}</caption>
<thead><tr>{{range .Table.Head}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>{{range .Table.Rows}}<tr><th scope="row">{{.Header}}</th>{{range .Cells}}<td>{{if .Missing}}<span aria-hidden="true">{{.Text}}</span><span class="visually-hidden">không có số liệu</span>{{else}}{{.Text}}{{end}}</td>{{end}}</tr>
{{end}}</tbody></table>
<p><a href="/{{.CSVFile}}" download>Tải dữ liệu (CSV)</a></p>
</figure>`))

func renderFigure(t *testing.T, c *Chart) string {
	t.Helper()
	var b strings.Builder
	err := figure.Execute(&b, struct {
		*Chart
		Option template.JS
	}{c, template.JS(c.OptionJSON)})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestFigure: the figure of a chart, rendered, has its caption, its option
// intact in a JSON script, the description and the table.
func TestFigure(t *testing.T) {
	c, err := draw(load(t, "testdata/site"), "/ket-qua-phuc-vu/", "truc-tuyen-so-tu-phap")
	if err != nil {
		t.Fatal(err)
	}
	html := renderFigure(t, c)
	for _, want := range []string{
		`<figcaption id="chart_ket_qua_phuc_vu_truc_tuyen_so_tu_phap-caption">Hồ sơ tiếp nhận trực tuyến của Sở Tư pháp</figcaption>`,
		`<script type="application/json" id="chart_ket_qua_phuc_vu_truc_tuyen_so_tu_phap-option">` + string(c.OptionJSON) + `</script>`,
		`<th scope="row">Tháng 5/2025</th><td><span aria-hidden="true">–</span><span class="visually-hidden">không có số liệu</span></td>`,
		`<th scope="row">Tháng 8/2025</th><td>800</td>`,
		`<a href="/data/ho-so.csv" download>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the figure lacks %s\n%s", want, html)
		}
	}
}
