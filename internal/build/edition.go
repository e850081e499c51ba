package build

import (
	"slices"
	"strings"

	"github.com/congkhai/congkhai/internal/catalog"
	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/i18n"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/opendata"
	"github.com/congkhai/congkhai/internal/render"
	"github.com/congkhai/congkhai/internal/search"
)

// edition is the site in one of its languages: its pages, their lists,
// the layouts that write its language, and what its layouts see. The
// default language's is the site at the root; another's is the pages
// translated into it, under its path (/en/), with the directory and the
// dashboard, which are made from data in both.
type edition struct {
	*config.Edition
	cfg     *config.Config // site.toml as the edition reads it (Config.In)
	loc     *locale.Locale
	site    *content.Site
	catalog *catalog.Catalog
	layouts *render.Layouts
	// view is what the edition's layouts see as .Site, set by the plan.
	view *render.Site
	// serviceNames are what the JSON-LD of its procedures' pages names
	// channels and fees with, set by the plan.
	serviceNames *opendata.Names
	// addrs are the addresses of the edition's pages, for the
	// alternates of the others' (set by listOutputs).
	addrs map[string]bool
	// n is the edition's place among the site's (0: the default).
	n int
	// search gathers the edition's index while its pages are written
	// (nil when nothing is written); searchFiles are the names of the
	// files it wrote last.
	search      *search.Builder
	searchFiles map[string]bool
}

// path is a site path of the default edition (/danh-ba/) in this one
// (/en/danh-ba/).
func (e *edition) path(sitePath string) string { return e.Prefix() + sitePath }

// home is the first step of the edition's breadcrumb trails.
func (e *edition) home() render.Crumb {
	return render.Crumb{Title: e.loc.T("Home"), Path: e.Path}
}

// newEditions makes the edition of every language of the site, the
// default first, from the checked site's content and catalog.
func newEditions(c *checkedSite, popular []string) []*edition {
	var out []*edition
	for i, e := range c.cfg.Editions() {
		ed := &edition{Edition: e, cfg: c.cfg.In(e), loc: c.locales[i], site: c.site.Edition(e.Lang),
			layouts: c.layouts.In(e.Lang), addrs: map[string]bool{}, n: i}
		if i == 0 {
			ed.catalog = c.catalog
		} else {
			codes := slices.DeleteFunc(slices.Clone(popular), func(code string) bool { return ed.site.ProcedureByCode(code) == nil })
			ed.catalog = catalog.Build(ed.site, codes, ed.loc)
		}
		out = append(out, ed)
	}
	return out
}

// editionOf is the edition an output belongs to: the default one unless
// it says.
func (c *checkedSite) editionOf(o *output) *edition {
	if o.ed != nil {
		return o.ed
	}
	return c.editions[0]
}

// editionIn is the edition of a language, the default one for a
// language the site does not have.
func (c *checkedSite) editionIn(lang i18n.Lang) *edition {
	for _, ed := range c.editions {
		if ed.Lang == lang {
			return ed
		}
	}
	return c.editions[0]
}

// alternates are the page at addr of edition ed in the site's other
// languages: its translation for a content page (pg), the same address
// under the other's path for a generated page, or the other's home when
// it has neither.
func (c *checkedSite) alternates(ed *edition, addr string, pg *content.Page) []render.Alternate {
	if len(c.editions) < 2 || ed.layouts == nil {
		return nil
	}
	var out []render.Alternate
	for _, other := range c.editions {
		a := render.Alternate{Lang: string(other.Lang), Name: other.Name}
		switch {
		case other == ed:
			a.Path = addr
		case pg != nil:
			if t := pg.Translation(other.Lang); t != nil {
				a.Path = t.Path
			}
		default:
			if p, ok := c.pairs[pairKey{addr, other.Lang}]; ok {
				a.Path = p
			} else if p := other.Prefix() + strings.TrimPrefix(addr, ed.Prefix()); other.addrs[p] {
				a.Path = p
			}
		}
		if a.Path == "" {
			a.Path, a.Home = other.Path, true
			a.Note = other.loc.T("home page: this page is not in this language")
		}
		out = append(out, a)
	}
	return out
}

// pairKey finds the version of a generated page in a language, when its
// address there is not its own under the language's path: the list of a
// field, whose name (and so address) is the field's in each language.
type pairKey struct {
	addr string
	lang i18n.Lang
}

// pairGroups pairs the groups of an edition's catalog with the default
// edition's: a group's pair is the group of its procedures' originals,
// when they are all in one.
func (c *checkedSite) pairGroups(ed *edition) {
	def := c.editions[0]
	if c.pairs == nil {
		c.pairs = map[pairKey]string{}
	}
	for d, dim := range ed.catalog.Dimensions() {
		origDim := def.catalog.Dimensions()[d]
		groupOf := map[*content.Page]string{}
		for _, g := range origDim.Groups {
			for _, pg := range g.Procedures {
				groupOf[pg] = g.Path
			}
		}
		// A group of the default edition that two groups of this one pair
		// with (a field translated two ways) pairs with neither: hreflang
		// goes both ways.
		claims := map[string]int{}
		pairs := map[string]string{}
		for _, g := range dim.Groups {
			pair := ""
			for _, pg := range g.Procedures {
				orig := pg.Translation(def.Lang)
				if orig == nil || groupOf[orig] == "" || (pair != "" && groupOf[orig] != pair) {
					pair = ""
					break
				}
				pair = groupOf[orig]
			}
			if pair != "" {
				claims[pair]++
				pairs[g.Path] = pair
			}
		}
		for path, pair := range pairs {
			if claims[pair] == 1 && pair != def.Prefix()+strings.TrimPrefix(path, ed.Prefix()) {
				c.pairs[pairKey{path, def.Lang}] = pair
				c.pairs[pairKey{pair, ed.Lang}] = path
			}
		}
	}
}
