package render

import (
	"html/template"
	"time"

	"github.com/congkhai/congkhai/internal/catalog"
	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/procedure"
)

// Site is what every layout sees as .Site.
type Site struct {
	Config  *config.Config
	Home    *content.Page
	Catalog *catalog.Catalog
	// Today is the build's reference date: SOURCE_DATE_EPOCH or as_of,
	// never the clock, so that builds are reproducible.
	Today time.Time
	// Pages maps site paths to content pages, for layouts that link to a
	// page only when it exists (privacy policy, contacts).
	Pages map[string]*content.Page
}

// Page returns the content page published at sitePath, or nil.
func (s *Site) Page(sitePath string) *content.Page { return s.Pages[sitePath] }

// Crumb is one step of the breadcrumb trail.
type Crumb struct {
	Title string
	Path  string
}

// Data is what a layout receives.
type Data struct {
	Site        *Site
	Layout      string // the layout's file name, such as procedure.html
	Title       string
	Description string
	Path        string        // site path of this page, such as /thu-tuc/
	Page        *content.Page // nil for generated lists and 404
	Content     template.HTML // the Markdown body, rendered
	Breadcrumbs []Crumb

	Procedure *procedure.Procedure // procedure.html
	Related   []*content.Page      // procedure.html
	Dimension *catalog.Dimension   // groups.html, and group.html's parent
	Group     *catalog.Group       // group.html

	Target string // alias.html: the path redirected to
}
