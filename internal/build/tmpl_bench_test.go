package build

import (
	"testing"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/render"
)

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
			for b.Loop() {
				if _, err := p.layouts.Execute(j.layout, j.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
