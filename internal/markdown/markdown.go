// Package markdown turns page bodies into HTML with one goldmark instance
// shared by every goroutine of a build. It adds what Vietnamese pages need
// and goldmark lacks: heading IDs that fold Vietnamese letters to ASCII, and
// site-relative links that stay correct when the site lives under a subpath.
package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/vntext"
)

// Converter renders Markdown. It is safe for concurrent use.
type Converter struct {
	md     goldmark.Markdown
	base   string
	embeds []string // the info strings of fenced blocks that are embeds
}

// New returns a converter whose root-relative links and images (/thu-tuc/)
// are prefixed with basePath ("/" or "/portal/"), and whose fenced blocks
// with one of the info strings embeds are embeds (see Embed), not code.
func New(basePath string, embeds ...string) *Converter {
	md := goldmark.New(
		// GFM's tables and strikethrough. Not its linkify, which costs a
		// fifth of the parse on every page to turn bare URLs into links:
		// editors write [text](https://…) links, which say where they go.
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithAttribute(), // ## Heading {#explicit-id}
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(embedRenderer{}, 100), util.Prioritized(tableRenderer{}, 100), util.Prioritized(linkRenderer{}, 100)),
		),
		// Raw HTML stays off (no html.WithUnsafe): editors write Markdown,
		// and javascript: links are dropped.
	)
	return &Converter{md: md, base: basePath, embeds: embeds}
}

// Embeds returns the info strings of the fenced blocks that are embeds.
func (c *Converter) Embeds() []string { return c.embeds }

// Heading is a heading of a document.
type Heading struct {
	Level int
	Text  string // plain text, without Markdown
	ID    string
	Line  int // line in the document, 1-based
}

// Link is a link or image destination written in a document.
type Link struct {
	Dest  string // as written, before the base path is added
	Image bool
	Line  int
}

// Document is a parsed Markdown body.
type Document struct {
	src      []byte
	root     ast.Node
	md       goldmark.Markdown
	Headings []Heading
	Links    []Link
	Embeds   []Embed
	// EmptyItems are the lines of list items with nothing written after
	// their marker, such as a step "1. " left to fill in.
	EmptyItems []int
}

// Parse parses src. It does not fail: Markdown has no syntax errors.
func (c *Converter) Parse(src []byte) *Document { return c.ParseIn(src, nil) }

// Foreign marks the links of a page in one language to pages in another:
// Lang says which language a root-relative destination is in ("" for the
// page's own), and Marker is the HTML put at the end of such a link's
// text, such as "(tiếng Việt)" in a span of that language.
type Foreign struct {
	Lang   func(dest string) string
	Marker func(lang string) []byte
}

// ParseIn parses src as Parse does, marking the links foreign (nil: none)
// says go to a page in another language with hreflang and its marker.
func (c *Converter) ParseIn(src []byte, foreign *Foreign) *Document {
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	root := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	doc := &Document{src: src, root: root, md: c.md}
	lines := newLineIndex(src)
	doc.Embeds = replaceEmbeds(root, src, lines, c.embeds)
	wrapTables(root, src)
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			idb, _ := id.([]byte)
			line := lines.line(max(n.Pos(), 0))
			if n.Pos() < 0 && n.Lines().Len() > 0 {
				line = lines.line(n.Lines().At(0).Start)
			}
			doc.Headings = append(doc.Headings, Heading{Level: n.Level, Text: plainText(n, src), ID: string(idb), Line: line})
		case *ast.Link:
			doc.Links = append(doc.Links, Link{Dest: string(n.Destination), Line: lines.line(inlinePos(n))})
			if foreign != nil {
				if lang := foreign.Lang(string(n.Destination)); lang != "" {
					n.SetAttributeString("hreflang", []byte(lang))
					marker := ast.NewString(foreign.Marker(lang))
					marker.SetCode(true) // HTML, written as it is
					n.AppendChild(n, marker)
				}
			}
			n.Destination = c.rebase(n.Destination)
		case *ast.Image:
			doc.Links = append(doc.Links, Link{Dest: string(n.Destination), Image: true, Line: lines.line(inlinePos(n))})
			n.Destination = c.rebase(n.Destination)
		case *ast.ListItem:
			if n.ChildCount() == 0 {
				doc.EmptyItems = append(doc.EmptyItems, lines.line(max(n.Pos(), 0)))
			}
		}
		return ast.WalkContinue, nil
	})
	return doc
}

// WriteHTML renders the document, appending to buf (a build renders every
// body into one buffer per worker). Embeds are written as embedHTML
// returns them (nil: a document without embeds).
func (d *Document) WriteHTML(buf *bytes.Buffer, embedHTML func(Embed) ([]byte, error)) error {
	if len(d.Embeds) > 0 {
		var err error
		_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if eb, ok := n.(*embedBlock); ok && entering && err == nil {
				if embedHTML == nil {
					return ast.WalkStop, nil
				}
				eb.html, err = embedHTML(eb.embed)
			}
			return ast.WalkContinue, nil
		})
		if err != nil {
			return err
		}
	}
	if err := d.md.Renderer().Render(bufferWriter{buf}, d.src, d.root); err != nil {
		return msg.Errorf("rendering markdown: %w", err)
	}
	return nil
}

// bufferWriter lets goldmark write straight into a bytes.Buffer: it wraps
// any writer that is not a util.BufWriter in a 4 KB bufio.Writer of its
// own, one more allocation and copy per page.
type bufferWriter struct{ *bytes.Buffer }

func (bufferWriter) Buffered() int { return 0 }
func (bufferWriter) Flush() error  { return nil }

// Text calls fn with each run of the document's text, in order: what a
// reader reads of it, without Markdown, link addresses or code blocks.
// The bytes are the document's own, valid while it is.
func (d *Document) Text(fn func([]byte)) {
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			fn(n.Segment.Value(d.src))
		case *ast.String:
			if !n.IsCode() { // HTML written as it is (a link's language marker) is not text
				fn(n.Value)
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.RawHTML, *embedBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// HasHeading reports whether the document has a heading of the given level
// whose text is want, ignoring case, diacritic variants and punctuation.
func (d *Document) HasHeading(level int, want string) bool {
	slug := vntext.Slug(want)
	for _, h := range d.Headings {
		if h.Level == level && vntext.Slug(h.Text) == slug {
			return true
		}
	}
	return false
}

// rebase prefixes root-relative destinations with the site's base path, so
// that [Khai sinh](/thu-tuc/khai-sinh/) works under /portal/ too.
func (c *Converter) rebase(dest []byte) []byte {
	d := string(dest)
	if c.base == "/" || !strings.HasPrefix(d, "/") || strings.HasPrefix(d, "//") {
		return dest
	}
	return []byte(strings.TrimSuffix(c.base, "/") + d)
}

// plainText concatenates the text of n's inline children.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if tx, ok := t.(*ast.Text); ok {
					b.Write(tx.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// inlinePos finds a byte offset for an inline node from its first text.
func inlinePos(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// lineIndex maps byte offsets to 1-based line numbers.
type lineIndex []int

func newLineIndex(src []byte) lineIndex {
	starts := lineIndex{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func (li lineIndex) line(offset int) int {
	lo, hi := 0, len(li)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if li[mid] <= offset {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}
