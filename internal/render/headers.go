package render

import (
	"bytes"
	"slices"
)

// PagePolicy is the Content-Security-Policy every page carries in a
// <meta http-equiv> (base.html, alias.html): scripts, styles, images and
// fonts from the site itself only, nothing inline, no plugins, no <base>,
// forms sent to the site only. The pages need nothing more: charts are
// SVG that ECharts draws from a script of the site, their options are
// JSON data, and scripts set styles through the DOM, never as text.
//
// This is the one place the policy is written: the layouts show it
// (Site.ContentSecurityPolicy), Headers writes it into _headers, and tests
// check it against the README's nginx and Apache configuration and run
// every page of the example portal under it in Chromium.
const PagePolicy = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"

// HeaderPolicy is PagePolicy as an HTTP header, with what a browser only
// reads from a header: frame-ancestors 'none' (no other site may show the
// portal in a frame, where it could be dressed up as something else). A
// <meta> policy with frame-ancestors is ignored with a console error, so
// the pages do not carry it.
const HeaderPolicy = PagePolicy + "; frame-ancestors 'none'"

// ImmutableCache is the Cache-Control of the files whose names carry a
// hash of their content (assets, ECharts): a new content is a new name.
const ImmutableCache = "public, max-age=31536000, immutable"

// Header is one HTTP header.
type Header struct {
	Name, Value string
}

// SecurityHeaders are the headers every response of the portal should
// carry. Referrer-Policy is strict-origin-when-cross-origin: another site
// a page links to (the national procedure database, a ministry) learns
// only that the visitor came from this portal, never which page they read,
// and nothing at all over plain HTTP; links within the portal keep the
// whole address.
func SecurityHeaders() []Header {
	return []Header{
		{"Content-Security-Policy", HeaderPolicy},
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", "strict-origin-when-cross-origin"},
	}
}

// HeadersFile is the output that hosts such as Netlify and Cloudflare
// Pages read for the headers of every response.
const HeadersFile = "_headers"

// Headers renders _headers: SecurityHeaders for every address under the
// base path, and ImmutableCache for each hashed file, one rule per file,
// so that a file of static/ in the same folder is not cached for a year.
// relURL turns a site path into an address under the base path; hashed
// are the site paths of the hashed files, in any order, or patterns of
// them whose final * stands for any rest of the name (the search index's
// shards). Each rule names
// its own headers only: such hosts join the values of a header that two
// matching rules set.
func Headers(relURL func(string) string, hashed []string) []byte {
	var b bytes.Buffer
	b.WriteString("# Written by congkhai for hosts that read _headers (Netlify, Cloudflare Pages).\n")
	b.WriteString("# A static/_headers of the site is published instead of this file.\n")
	b.WriteString(relURL("/*") + "\n")
	for _, h := range SecurityHeaders() {
		b.WriteString("  " + h.Name + ": " + h.Value + "\n")
	}
	for _, p := range slices.Sorted(slices.Values(hashed)) {
		b.WriteString(relURL(p) + "\n  Cache-Control: " + ImmutableCache + "\n")
	}
	return b.Bytes()
}

// ContentSecurityPolicy is PagePolicy, for the <meta http-equiv> of a
// layout.
func (s *Site) ContentSecurityPolicy() string { return PagePolicy }
