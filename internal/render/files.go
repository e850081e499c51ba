package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"time"
)

// SitemapEntry is one page of sitemap.xml.
type SitemapEntry struct {
	URL     string    // absolute
	LastMod time.Time // zero when unknown; never the build time
}

// Sitemap renders sitemap.xml (sitemaps.org protocol 0.9). Entries must be
// given in a stable order.
func Sitemap(entries []SitemapEntry) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, e := range entries {
		b.WriteString("  <url><loc>")
		_ = xml.EscapeText(&b, []byte(e.URL))
		b.WriteString("</loc>")
		if !e.LastMod.IsZero() {
			b.WriteString("<lastmod>" + e.LastMod.Format("2006-01-02") + "</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// Robots renders robots.txt, pointing crawlers at the sitemap.
func Robots(sitemapURL string) []byte {
	return fmt.Appendf(nil, "User-agent: *\nAllow: /\n\nSitemap: %s\n", sitemapURL)
}
