// Package catalog arranges the procedures of a site the ways citizens look
// for them: by field (lĩnh vực), by agency and by level, each list in
// Vietnamese alphabetical order.
package catalog

import (
	"cmp"
	"path"
	"slices"

	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/problem"
	"github.com/congkhai/congkhai/internal/procedure"
	"github.com/congkhai/congkhai/internal/vntext"
)

// Group is the procedures that share a field, an agency or a level.
type Group struct {
	Name       string
	Slug       string
	Path       string // site path of the group's page
	Procedures []*content.Page
}

// Dimension is one way of grouping, with the page that lists its groups.
type Dimension struct {
	Title  string // "Lĩnh vực", "Field", in the site's language
	Path   string // /thu-tuc/linh-vuc/
	Groups []*Group
}

// Catalog is every grouping of a site's procedures.
type Catalog struct {
	Section  *content.Page // the procedures section (/thu-tuc/)
	Fields   *Dimension
	Agencies *Dimension
	Levels   *Dimension
	Popular  []*content.Page // in the order site.toml gives
	All      []*content.Page // every procedure by title

	siteDir string
	respelt []respelling // found while grouping, reported by CheckSpellings
}

// respelling is a field or agency written differently from the name its
// group already has.
type respelling struct {
	page  *content.Page
	field string // "field" or "agency"
	name  string
	group *Group
}

// Key is the last folder of the dimension's address ("linh-vuc"), which
// also names its filter on the search page.
func (d *Dimension) Key() string { return path.Base(d.Path) }

// Dimensions returns the groupings in the order pages show them.
func (c *Catalog) Dimensions() []*Dimension {
	return []*Dimension{c.Fields, c.Agencies, c.Levels}
}

// Build groups the procedures of site, with the titles of the groupings
// and the names of levels in the language of loc. popular are the codes
// to feature, already checked to exist.
func Build(site *content.Site, popular []string, loc *locale.Locale) *Catalog {
	section := site.ProcedureSection
	base := "/"
	if section != nil {
		base = section.Path
	}
	coll := vntext.NewCollator()
	c := &Catalog{Section: section, siteDir: site.Dir}
	c.All = slices.Clone(site.Procedures)
	vntext.SortByText(coll, c.All, content.TitleOf, nil, content.ByPath)

	c.Fields = c.group(coll, loc.T("Field"), base+"linh-vuc/", "field",
		func(p *procedure.Procedure) string { return p.Field })
	c.Agencies = c.group(coll, loc.T("Implementing agency"), base+"co-quan/", "agency",
		func(p *procedure.Procedure) string { return p.Agency })
	c.Levels = levels(loc, base+"cap/", c.All)

	for _, code := range popular {
		if p := site.ProcedureByCode(code); p != nil {
			c.Popular = append(c.Popular, p)
		}
	}
	return c
}

// group makes one group per distinct value of key. Two spellings that give the
// same slug ("Hộ tịch", "Hộ Tịch") would publish two lists at one address,
// so the second spelling is kept for CheckSpellings.
func (c *Catalog) group(coll *vntext.Collator, title, base, field string, key func(*procedure.Procedure) string) *Dimension {
	bySlug := map[string]*Group{}
	var groups []*Group
	for _, p := range c.All {
		name := key(p.Procedure)
		slug := vntext.Slug(name)
		if slug == "" {
			slug = "khac"
		}
		g := bySlug[slug]
		if g == nil {
			g = &Group{Name: name, Slug: slug, Path: base + slug + "/"}
			bySlug[slug] = g
			groups = append(groups, g)
		} else if g.Name != name {
			c.respelt = append(c.respelt, respelling{page: p, field: field, name: name, group: g})
		}
		g.Procedures = append(g.Procedures, p)
	}
	vntext.SortByText(coll, groups, func(g *Group) string { return g.Name }, nil, func(a, b *Group) int { return cmp.Compare(a.Slug, b.Slug) })
	return &Dimension{Title: title, Path: base, Groups: groups}
}

// levels groups by level in the fixed order of procedure.Levels().
func levels(loc *locale.Locale, base string, pages []*content.Page) *Dimension {
	d := &Dimension{Title: loc.T("Level of government"), Path: base}
	for _, l := range procedure.Levels() {
		g := &Group{Name: loc.Text(l.Label()), Slug: string(l), Path: base + string(l) + "/"}
		for _, p := range pages {
			if p.Procedure.HasLevel(l) {
				g.Procedures = append(g.Procedures, p)
			}
		}
		if len(g.Procedures) > 0 {
			d.Groups = append(d.Groups, g)
		}
	}
	return d
}

// CheckSpellings reports every procedure whose field or agency is written
// differently from the name of the group it falls in ("Hộ Tịch" in the
// group "Hộ tịch"): one address would hold two lists.
func (c *Catalog) CheckSpellings(problems *problem.List) {
	for _, r := range c.respelt {
		problems.Errorf(r.page.File, content.FieldLine(c.siteDir, r.page, r.field), r.field, "%q is spelt differently from %q in %s: use one spelling",
			r.name, r.group.Name, r.group.Procedures[0].File)
	}
}
