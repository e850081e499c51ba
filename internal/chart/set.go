package chart

import (
	"slices"
	"strings"

	"github.com/congkhai/congkhai/internal/dataset"
	"github.com/congkhai/congkhai/internal/markdown"
	"github.com/congkhai/congkhai/internal/problem"
)

// Fence is the info string of the fenced block by which a page places a
// chart (a markdown.Embed):
//
//	```chart
//	ho-so-giai-quyet-theo-thang
//	```
const Fence = "chart"

// IsChart reports whether an embed of a page places a chart.
func IsChart(e markdown.Embed) bool { return e.Fence == Fence }

// Set is every chart of a site, in the order of their datasets and of
// their declarations. Pages place charts by name.
type Set struct {
	specs  []*Spec
	failed map[*dataset.Dataset]bool // datasets with a chart in error
}

// Load checks the charts that the datasets' descriptions declare and
// draws each one's data. A dataset with a chart in error gives none, and
// is itself in error (Failed), as a data file that does not load is.
func Load(sets []*dataset.Dataset, problems *problem.List) *Set {
	s := &Set{failed: map[*dataset.Dataset]bool{}}
	for _, ds := range sets {
		specs, ok := resolve(ds, problems)
		if !ok {
			s.failed[ds] = true
		}
		s.specs = append(s.specs, specs...)
	}
	return s
}

// Failed reports whether a chart of ds is in error.
func (s *Set) Failed(ds *dataset.Dataset) bool { return s.failed[ds] }

// All returns every chart of the site.
func (s *Set) All() []*Spec { return s.specs }

// Find returns the chart called name; chart names are unique across a
// site (CheckNames), and the first one declared is the one found.
func (s *Set) Find(name string) (*Spec, bool) {
	for _, c := range s.specs {
		if c.Name == name {
			return c, true
		}
	}
	return nil, false
}

// CheckNames reports a chart name used by two datasets: pages place
// charts by name across the whole site. (A name used twice in one
// description is reported when it is loaded.)
func (s *Set) CheckNames(problems *problem.List) {
	seen := map[string]*Spec{}
	for _, c := range s.specs {
		if first, dup := seen[c.Name]; dup && first.Dataset != c.Dataset {
			c.Dataset.Errorf(problems, c.path+".name", "%q is already the name of a chart in %s (line %d): chart names are unique across the site",
				c.Name, first.Dataset.DescFile, first.Dataset.Line(first.path+".name"))
			continue
		}
		seen[c.Name] = c
	}
}

// CheckPlaced reports the charts a page places (its embeds with Fence)
// that the site does not have, and a chart placed twice on one page.
// bodyLine is the line of the file where the Markdown body starts.
// dataFailed says that some data file did not load, so that an unknown
// chart may be one of its charts: the message then says so.
func (s *Set) CheckPlaced(file string, bodyLine int, embeds []markdown.Embed, dataFailed bool, problems *problem.List) {
	placed := map[string]bool{}
	for _, e := range embeds {
		if !IsChart(e) {
			continue
		}
		line := bodyLine + e.Line - 1
		if _, ok := s.Find(e.Name); !ok {
			if dataFailed {
				problems.Errorf(file, line, "", "chart %q cannot be drawn: it is unknown, or its data file did not load because of the problems reported in data/", e.Name)
			} else {
				problems.Errorf(file, line, "", "unknown chart %q: name a chart declared in a data/*.toml file (%s)", e.Name, strings.Join(s.names(), ", "))
			}
			continue
		}
		if placed[e.Name] {
			problems.Errorf(file, line, "", "the chart %q is placed twice on this page", e.Name)
		}
		placed[e.Name] = true
	}
}

// names lists every chart of the site, for messages.
func (s *Set) names() []string {
	var names []string
	for _, c := range s.specs {
		names = append(names, c.Name)
	}
	slices.Sort(names)
	if len(names) == 0 {
		return []string{"the site has none"}
	}
	return names
}

// Field is the path of the chart's table in its description, such as
// charts[1], for problems found when it is drawn for a page.
func (c *Spec) Field() string { return c.path }
