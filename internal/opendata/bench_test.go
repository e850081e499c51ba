package opendata

import (
	"io"
	"testing"
)

// The open data's share of a page and of the procedures export, for
// BENCHMARKS.md's "Open data" (a 10k build writes 10,000 of each):
//
//	go test ./internal/opendata -run '^$' -bench . -benchmem

// BenchmarkProcedureJSONLD: the JSON-LD of a procedure's page (its
// GovernmentService and breadcrumb trail), into a buffer reused as the
// build's workers reuse theirs.
func BenchmarkProcedureJSONLD(b *testing.B) {
	p := sample()
	in := ServiceInput{URL: "https://x.gov.vn/thu-tuc/khai-sinh/", Procedure: p, Area: Area{"Phường Thủ Dầu Một", "Thành phố Hồ Chí Minh"}, Language: "vi",
		Names: NewNames(nil)} // as the build makes them, once for every page
	trail := []Crumb{{"Trang chủ", "https://x.gov.vn/"}, {"Thủ tục hành chính", "https://x.gov.vn/thu-tuc/"}, {p.Title, in.URL}}
	var buf []byte
	for b.Loop() {
		var err error
		if buf, err = AppendGraph(buf[:0], BreadcrumbList(trail), GovernmentService(in)); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(len(buf)))
}

// BenchmarkProcedureExport: one procedure added to the JSON and the CSV
// export.
func BenchmarkProcedureExport(b *testing.B) {
	p := sample()
	j, err := NewProcedureJSON(io.Discard, meta(), 0)
	if err != nil {
		b.Fatal(err)
	}
	c, err := NewProcedureCSV(io.Discard, func(p string) string { return "https://x.gov.vn" + p })
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := j.Add("https://x.gov.vn/thu-tuc/khai-sinh/", p); err != nil {
			b.Fatal(err)
		}
		if err := c.Add("https://x.gov.vn/thu-tuc/khai-sinh/", p); err != nil {
			b.Fatal(err)
		}
	}
}
