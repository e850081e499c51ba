package corpus

const hugoConfig = `baseURL = "https://bench.example.gov.vn/"
languageCode = "vi"
title = "Cổng thông tin điện tử (dữ liệu thử nghiệm)"
disableKinds = ["RSS"]
[taxonomies]
field = "field"
agency = "agency"
level = "level"
[markup.goldmark.renderer]
unsafe = false
`

// hugoLayouts show the same things as congkhai's layouts: every field of a
// procedure, the checklist of papers, the legal basis table, and lists by
// field, agency and level.
var hugoLayouts = map[string]string{
	"layouts/_default/baseof.html": `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ site.Title }}</title><link rel="canonical" href="{{ .Permalink }}"></head>
<body><a href="#noi-dung">Bỏ qua</a><header><p><a href="{{ "/" | relURL }}">{{ site.Title }}</a></p>
<nav><ul><li><a href="{{ "/thu-tuc/" | relURL }}">Thủ tục hành chính</a></li><li><a href="{{ "/gioi-thieu/" | relURL }}">Giới thiệu</a></li></ul></nav></header>
<main id="noi-dung">{{ block "main" . }}{{ end }}</main><footer>{{ site.Title }}</footer></body></html>
`,
	"layouts/_default/single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ end }}
`,
	"layouts/_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span>Mã {{ .Params.code }} · {{ .Params.field }}</span></li>{{ end }}</ul>{{ end }}
`,
	"layouts/_default/terms.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.ByTitle }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }} thủ tục</li>{{ end }}</ul>{{ end }}
`,
	"layouts/_default/index.html": `{{ define "main" }}<h1>{{ site.Title }}</h1>{{ .Content }}
<h2>Tra cứu theo lĩnh vực</h2><ul>{{ range site.Taxonomies.field.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }} thủ tục</li>{{ end }}</ul>{{ end }}
`,
	"layouts/thu-tuc/single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>Mã thủ tục {{ .Params.code }} · {{ .Params.field }}{{ range .Params.level }} · {{ . }}{{ end }}</p>
<h2>Tóm tắt</h2><dl><dt>Nơi nộp</dt><dd>{{ .Params.reception_address }}</dd><dt>Cơ quan</dt><dd>{{ .Params.agency }}</dd>
<dt>Đối tượng</dt><dd>{{ delimit .Params.subjects "; " }}</dd><dt>Trực tuyến</dt><dd>{{ .Params.online_level }}{{ with .Params.online_url }} <a href="{{ . }}">Nộp trực tuyến</a>{{ end }}</dd></dl>
{{ range .Params.channels }}<h3>{{ .kind }}</h3><p>{{ .processing_time.text }}</p><ul>{{ range .fees }}<li>{{ .type }}: {{ .amount_vnd }} {{ .text }}</li>{{ end }}</ul>{{ end }}
<h2>Giấy tờ cần mang theo</h2>{{ range .Params.dossier }}<h3>{{ .case }}</h3><ul>{{ range .documents }}<li>{{ .name }} – {{ .originals }} bản chính, {{ .copies }} bản sao{{ with .form }} <a href="{{ .file | relURL }}">Tải mẫu: {{ .title }}</a>{{ end }}</li>{{ end }}</ul>{{ end }}
{{ .Content }}
<h2>Căn cứ pháp lý</h2><table><thead><tr><th>Số ký hiệu</th><th>Trích yếu</th><th>Ngày ban hành</th><th>Cơ quan</th></tr></thead><tbody>
{{ range .Params.legal_basis }}<tr><th>{{ .number }}</th><td>{{ .title }}</td><td>{{ .issued }}</td><td>{{ .issuer }}</td></tr>{{ end }}</tbody></table>
<h2>Kết quả</h2><ul>{{ range .Params.result }}<li>{{ . }}</li>{{ end }}</ul>
<p>Đồng bộ lần cuối {{ .Params.synced_at }} – <a href="{{ .Params.source_url }}">Nguồn</a></p></article>{{ end }}
`,
	"layouts/404.html": `{{ define "main" }}<h1>Không tìm thấy trang</h1>{{ end }}
`,
}

func writeHugoTheme(dir string) error {
	w := &writer{dir: dir}
	for name, text := range hugoLayouts {
		w.put(name, text)
	}
	return w.err
}
