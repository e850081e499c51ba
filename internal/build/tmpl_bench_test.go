package build

import (
	"bytes"
	"testing"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/problem"
)

// BenchmarkLayouts measures each layout alone, on its first page, without
// Markdown bodies; "pages" is how many pages of the site use it.
func BenchmarkLayouts(b *testing.B) {
	site := benchSite(b)
	problems := &problem.List{}
	p := planned(Options{Source: site, Theme: congkhai.Theme}, problems)
	// The first job of each layout, and how many pages use it.
	first := map[string]*job{}
	count := map[string]int{}
	var layouts []string
	for _, j := range p.jobs {
		if j.page == nil && j.data == nil || j.alias > 0 {
			continue
		}
		if first[j.layout] == nil {
			first[j.layout] = j
			layouts = append(layouts, j.layout)
		}
		count[j.layout]++
	}
	for _, l := range layouts {
		j := first[l]
		data := j.data
		if j.page != nil {
			var err error
			if data, err = p.pageData(j); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(l, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				if err := p.layouts.Execute(&buf, l, data); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(count[l]), "pages")
		})
	}
}
