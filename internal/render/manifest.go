package render

import (
	"encoding/json"

	"github.com/congkhai/congkhai/internal/config"
	"github.com/congkhai/congkhai/internal/icon"
	"github.com/congkhai/congkhai/internal/static"
)

// ManifestFile is the web app manifest every page links to, so that a
// citizen can add the portal to a phone's home screen.
const ManifestFile = "manifest.webmanifest"

// ThemeColor is the colour browsers paint around the portal (the
// theme-color of every page, and the manifest's).
const ThemeColor = icon.Brand

// manifestIcons are the theme's icon assets, with the sizes the manifest
// declares for them.
var manifestIcons = []struct{ name, sizes, typ string }{
	{"icon.svg", "any", "image/svg+xml"},
	{"icon-192.png", "192x192", "image/png"},
	{"icon-512.png", "512x512", "image/png"},
}

// Manifest writes the web app manifest of the site: its title, its place
// as the short name, the start at the home page under the base path, the
// theme colour and the icons (hashed assets; one the site lacks, having
// removed it, is left out). The same site gives the same bytes.
func Manifest(cfg *config.Config, files *static.Files) []byte {
	type iconEntry struct {
		Src   string `json:"src"`
		Sizes string `json:"sizes"`
		Type  string `json:"type"`
	}
	m := struct {
		Name            string      `json:"name"`
		ShortName       string      `json:"short_name,omitempty"`
		Description     string      `json:"description,omitempty"`
		Lang            string      `json:"lang,omitempty"`
		StartURL        string      `json:"start_url"`
		Scope           string      `json:"scope"`
		Display         string      `json:"display"`
		BackgroundColor string      `json:"background_color"`
		ThemeColor      string      `json:"theme_color"`
		Icons           []iconEntry `json:"icons"`
	}{
		Name:            cfg.Title,
		ShortName:       cfg.Jurisdiction.Name,
		Description:     cfg.Description,
		Lang:            cfg.Language,
		StartURL:        cfg.RelURL("/"),
		Scope:           cfg.RelURL("/"),
		Display:         "standalone",
		BackgroundColor: "#ffffff",
		ThemeColor:      ThemeColor,
	}
	for _, ic := range manifestIcons {
		if a, err := files.Asset(ic.name); err == nil {
			m.Icons = append(m.Icons, iconEntry{Src: cfg.RelURL(a.Path), Sizes: ic.sizes, Type: ic.typ})
		}
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		panic(err) // strings and slices of strings always marshal
	}
	return append(b, '\n')
}
