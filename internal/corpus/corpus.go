// Package corpus writes synthetic portals of any size for benchmarks: N
// procedures in the project's real schema, with Vietnamese bodies of
// several kilobytes (steps, lists, a table), spread over fields and
// agencies, plus ordinary pages and forms. The same seed and size always
// give the same files. It can also write the equivalent Hugo site, so that
// both tools are measured on the same pages.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/congkhai/congkhai/internal/vntext"
)

// Options say what to generate.
type Options struct {
	Procedures int
	Seed       uint64
}

// Write generates a congkhai site into dir.
func Write(dir string, o Options) error {
	g := newGen(o)
	if err := g.files(dir, false); err != nil {
		return err
	}
	return nil
}

// WriteHugo generates the same site for Hugo into dir: the same content
// files (Hugo reads TOML front matter between +++ and keeps unknown keys
// as page parameters), a config with taxonomies for field, agency and
// level, and layouts that show the same fields and lists.
func WriteHugo(dir string, o Options) error {
	g := newGen(o)
	if err := g.files(dir, true); err != nil {
		return err
	}
	return writeHugoTheme(dir)
}

type gen struct {
	o   Options
	rnd *rand.Rand
}

func newGen(o Options) *gen {
	return &gen{o: o, rnd: rand.New(rand.NewPCG(o.Seed, 0x636f6e676b686169))}
}

func (g *gen) pick(list []string) string { return list[g.rnd.IntN(len(list))] }

func (g *gen) files(dir string, hugo bool) error {
	w := &writer{dir: dir}
	if hugo {
		w.put("hugo.toml", hugoConfig)
	} else {
		w.put("site.toml", siteConfig)
	}
	w.put("content/_index.md", "+++\ntitle = \"Cổng thông tin điện tử (dữ liệu thử nghiệm)\"\n+++\nTrang chủ của cổng thử nghiệm hiệu năng.\n")
	w.put("content/thu-tuc/_index.md", "+++\ntitle = \"Thủ tục hành chính\"\n+++\nDanh mục thủ tục hành chính (dữ liệu sinh tự động để đo hiệu năng).\n")
	w.put("content/gioi-thieu.md", "+++\ntitle = \"Giới thiệu\"\nupdated = 2026-10-01\n+++\n"+g.paragraphs(3))
	w.put("content/lien-he.md", "+++\ntitle = \"Liên hệ\"\nupdated = 2026-10-01\n+++\n"+g.paragraphs(2))
	for _, f := range forms {
		w.put("static/bieu-mau/"+f+".docx", "PK minh họa "+f+"\n")
	}
	for i := range g.o.Procedures {
		name, text := g.procedure(i)
		w.put("content/thu-tuc/"+name+".md", text)
	}
	return w.err
}

type writer struct {
	dir string
	err error
}

func (w *writer) put(name, text string) {
	if w.err != nil {
		return
	}
	p := filepath.Join(w.dir, filepath.FromSlash(name))
	if w.err = os.MkdirAll(filepath.Dir(p), 0o755); w.err != nil {
		return
	}
	w.err = os.WriteFile(p, []byte(text), 0o644)
}

// procedure returns the file name and text of procedure i.
func (g *gen) procedure(i int) (string, string) {
	code := fmt.Sprintf("%d.%06d", 1+i%3, 1000+i)
	verb := g.pick(verbs)
	object := g.pick(objects)
	field := fields[g.rnd.IntN(len(fields))]
	level := "xa"
	agency := fmt.Sprintf("Ủy ban nhân dân %s", g.pick(communes))
	if g.rnd.IntN(3) == 0 {
		level = "tinh"
		agency = g.pick(departments)
	}
	title := fmt.Sprintf("Thủ tục %s %s (mẫu %d)", verb, object, i+1)
	slug := fmt.Sprintf("%s-%06d", vntext.Slug(verb+" "+object), i+1)

	var b strings.Builder
	b.WriteString("+++\n")
	fmt.Fprintf(&b, "code = %q\ntitle = %q\ndecision = \"%d/QĐ-UBND\"\nfield = %q\nlevel = [%q]\n", code, title, 100+g.rnd.IntN(3000), field, level)
	fmt.Fprintf(&b, "subjects = [%q, %q]\nagency = %q\n", g.pick(subjects), g.pick(subjects), agency)
	fmt.Fprintf(&b, "reception_address = \"Trung tâm Phục vụ hành chính công, số %d đường Thử Nghiệm\"\n", 1+g.rnd.IntN(200))
	online := []string{"toan_trinh", "mot_phan", "khong"}[g.rnd.IntN(3)]
	fmt.Fprintf(&b, "online_level = %q\n", online)
	if online == "toan_trinh" {
		fmt.Fprintf(&b, "online_url = \"https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=%s\"\n", code)
	}
	fmt.Fprintf(&b, "result = [%q]\nkeywords = [%q, %q]\n", "Văn bản "+object, verb, object)
	fmt.Fprintf(&b, "source_url = \"https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=%s\"\n", code)
	fmt.Fprintf(&b, "synced_at = 2026-10-%02d\neffective_from = 2025-07-01\n", 1+g.rnd.IntN(28))
	fmt.Fprintf(&b, "description = %q\n", "Hướng dẫn "+verb+" "+object+": hồ sơ, thời hạn, phí và nơi nộp.")
	b.WriteString("legal_basis = [\n")
	for range 2 + g.rnd.IntN(4) {
		law := g.pick(laws)
		fmt.Fprintf(&b, "  { number = %q, title = %q, issued = 20%02d-%02d-%02d, issuer = \"Chính phủ\" },\n", fmt.Sprintf("%d/20%02d/NĐ-CP", 10+g.rnd.IntN(190), 14+g.rnd.IntN(11)), law, 14+g.rnd.IntN(11), 1+g.rnd.IntN(12), 1+g.rnd.IntN(28))
	}
	b.WriteString("]\n")
	kinds := []string{"truc_tiep", "buu_chinh"}
	if online != "khong" {
		kinds = append(kinds, "truc_tuyen")
	}
	for _, k := range kinds {
		days := 1 + g.rnd.IntN(20)
		fmt.Fprintf(&b, "\n[[channels]]\nkind = %q\nprocessing_time = { value = %d, unit = \"ngay_lam_viec\", text = \"%02d ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.\" }\n", k, days, days)
		if g.rnd.IntN(2) == 0 {
			amount := 1000 * (5 + g.rnd.IntN(200))
			fmt.Fprintf(&b, "fees = [ { type = \"le_phi\", amount_vnd = %d, text = %q } ]\n", amount, fmt.Sprintf("%d đồng/hồ sơ; miễn đối với người có công với cách mạng, hộ nghèo, người khuyết tật theo quy định.", amount))
		} else {
			b.WriteString("fees = [ { type = \"le_phi\", amount_vnd = 0, text = \"Không thu lệ phí.\" } ]\n")
		}
	}
	for c := range 1 + g.rnd.IntN(3) {
		fmt.Fprintf(&b, "\n[[dossier]]\ncase = %q\ndocuments = [\n", cases[c])
		for d := range 2 + g.rnd.IntN(5) {
			doc := g.pick(documents)
			if d == 0 && c == 0 {
				form := g.pick(forms)
				fmt.Fprintf(&b, "  { name = %q, originals = 1, copies = 0, form = { title = %q, file = \"/bieu-mau/%s.docx\" } },\n", "Tờ khai "+object+" theo mẫu", "Tờ khai "+object, form)
				continue
			}
			fmt.Fprintf(&b, "  { name = %q, originals = %d, copies = %d },\n", doc, g.rnd.IntN(2), 1-g.rnd.IntN(1))
		}
		b.WriteString("]\n")
	}
	b.WriteString("+++\n\n## Trình tự thực hiện\n\n")
	for s := range 4 + g.rnd.IntN(6) {
		fmt.Fprintf(&b, "%d. %s\n", s+1, g.sentence(2))
	}
	b.WriteString("\n## Yêu cầu, điều kiện thực hiện\n\n")
	b.WriteString(g.paragraphs(2))
	b.WriteString("| Trường hợp | Thời hạn | Ghi chú |\n|---|---|---|\n")
	for range 3 + g.rnd.IntN(4) {
		fmt.Fprintf(&b, "| %s | %02d ngày làm việc | %s |\n", g.pick(cases), 1+g.rnd.IntN(15), g.sentence(1))
	}
	b.WriteString("\n## Ghi chú\n\n")
	for range 3 + g.rnd.IntN(4) {
		fmt.Fprintf(&b, "- %s\n", g.sentence(1))
	}
	b.WriteString("\n" + g.paragraphs(1+g.rnd.IntN(3)))
	return slug, b.String()
}

func (g *gen) sentence(clauses int) string {
	parts := make([]string, clauses)
	for i := range parts {
		parts[i] = g.pick(clausesVI)
	}
	s := strings.Join(parts, "; ")
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:] + "."
}

func (g *gen) paragraphs(n int) string {
	var b strings.Builder
	for range n {
		for range 3 + g.rnd.IntN(3) {
			b.WriteString(g.sentence(1+g.rnd.IntN(2)) + " ")
		}
		b.WriteString("\n\n")
	}
	return b.String()
}
