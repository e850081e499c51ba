package build

import (
	"bytes"
	"testing"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/render"
)

// BenchmarkLayouts measures the layouts alone, for a procedure, an ordinary
// page and the home page, without their Markdown bodies.
func BenchmarkLayouts(b *testing.B) {
	site := benchSite(b)
	problems := &problem.List{}
	p := load(Options{Source: site, Theme: congkhai.Theme}, problems)
	var proc, page, home *job
	for _, j := range p.jobs {
		switch j.layout {
		case render.LayoutProcedure:
			proc = j
		case render.LayoutPage:
			page = j
		case render.LayoutHome:
			home = j
		}
	}
	for _, j := range []*job{proc, page, home} {
		b.Run(j.layout, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				if err := p.layouts.Execute(&buf, j.layout, p.pageData(j)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
