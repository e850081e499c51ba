package build

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/congkhai/congkhai/internal/buildcache"
	"github.com/congkhai/congkhai/internal/content"
	"github.com/congkhai/congkhai/internal/frontmatter"
	"github.com/congkhai/congkhai/internal/limits"
	"github.com/congkhai/congkhai/internal/markdown"
	"github.com/congkhai/congkhai/internal/msg"
	"github.com/congkhai/congkhai/internal/procedure"
	"github.com/congkhai/congkhai/internal/rawfile"
	"github.com/congkhai/congkhai/internal/render"
	"github.com/congkhai/congkhai/internal/vntext"
)

// body is what a page's Markdown body gives the build, once goldmark has
// read it: its HTML, cut where the body places embeds (charts), whose HTML
// depends on the page and the data, not on the body; the embeds; the
// links, for the link check; the headings a procedure needs that it
// lacks; its empty list items; and its text, for the search index. With a
// build cache it is kept, found by the body's bytes, so that an unchanged
// body costs no goldmark.
type body struct {
	html    [][]byte // len(embeds)+1 pieces
	embeds  []markdown.Embed
	links   []markdown.Link
	missing []string // required headings absent
	empty   []int    // lines of the body (from 1) of empty list items
	// text is what a reader reads of the body (markdown.Document.Text),
	// its runs joined by newlines: a newline parts words as the end of a
	// run does, and never joins the groups of a phone number.
	text []byte
}

// embedMark stands in the HTML for an embed until the pieces are cut:
// goldmark writes no NUL byte of its own (a NUL in the text becomes
// U+FFFD), so the mark cannot be confused with the text.
var embedMark = []byte{0}

// bodyOf returns what the body of pg gives, from the cache when it holds
// it, else from its file (its HTML then in bufs.md).
func (p *plan) bodyOf(pg *content.Page, bufs *pageBuffers) (*body, error) {
	var key buildcache.Key
	if p.cache != nil {
		key = p.bodyKey(pg)
		if b, ok := p.cache.Get(key); ok {
			if bd, err := decodeBody(b); err == nil {
				return bd, nil
			}
		}
	}
	src, err := rawfile.ReadFileInto(bufs.src, filepath.Join(p.site.Dir, filepath.FromSlash(pg.File)), limits.ContentFileBytes)
	if err != nil {
		return nil, err
	}
	bufs.src = src
	split, err := frontmatter.Parse(src)
	if err != nil {
		return nil, msg.Errorf("the file changed during the build: %w", err)
	}
	doc := p.md.ParseIn(vntext.NFCBytes(split.Body), p.foreignLinks(pg))
	bd := &body{embeds: doc.Embeds, links: doc.Links, empty: doc.EmptyItems}
	if p.cache != nil || !p.opts.noSearch { // a cached body holds its text for every later build
		// In the worker's buffer, read before its next page as bd.html
		// is: one growing slice per page was the index's largest garbage.
		text := bufs.text[:0]
		doc.Text(func(run []byte) {
			if len(text) > 0 {
				text = append(text, '\n')
			}
			text = append(text, run...)
		})
		bufs.text, bd.text = text, text
	}
	if pg.Kind == content.KindProcedure {
		for _, h := range procedure.RequiredHeadingsIn(string(pg.Lang)) {
			if !doc.HasHeading(2, h) {
				bd.missing = append(bd.missing, h)
			}
		}
	}
	bufs.md.Reset()
	if err := doc.WriteHTML(&bufs.md, func(markdown.Embed) ([]byte, error) { return embedMark, nil }); err != nil {
		return nil, err
	}
	html := bufs.md.Bytes()
	if bytes.Count(html, embedMark) != len(bd.embeds) {
		return nil, msg.Errorf("internal error: the HTML of %s holds a NUL byte (please report this)", pg.File)
	}
	bd.html = bytes.Split(html, embedMark)
	if p.cache != nil {
		p.cache.Put(key, bd.encode())
	}
	return bd, nil
}

// bodyKey is the cache key of a page's body: its bytes (hashed when the
// page was loaded), what its rendering depends on besides (the base path
// links are rewritten under, the embeds' fences, the headings a procedure
// needs).
func (p *plan) bodyKey(pg *content.Page) buildcache.Key {
	h := buildcache.NewHasher("body")
	h.Bytes(pg.BodyHash[:]).String(p.cfg.BasePath()).String(strings.Join(p.md.Embeds(), "\x00"))
	if pg.Kind == content.KindProcedure {
		h.String(strings.Join(procedure.RequiredHeadingsIn(string(pg.Lang)), "\x00"))
	}
	if f := p.foreignLinks(pg); f != nil {
		// Links to the default language's pages are marked.
		h.String("foreign").String(pg.Path).String(string(f.Marker(string(p.editions[0].Lang))))
	}
	return h.Key()
}

// foreignLinks marks, in a page of an edition other than the default,
// the links to pages of the default edition: every site path not under
// the edition's own, but for files (forms, images), which are in no
// language. It is nil for a page of the default edition.
func (p *plan) foreignLinks(pg *content.Page) *markdown.Foreign {
	ed := p.editionIn(pg.Lang)
	if ed.Default {
		return nil
	}
	return &markdown.Foreign{
		Lang:   func(dest string) string { return p.cfg.OtherLang(ed.Edition, dest) },
		Marker: func(lang string) []byte { return []byte(render.LangMarker(lang)) },
	}
}

// writeHTML writes the body's HTML into buf, each embed as embedHTML
// writes it.
func (bd *body) writeHTML(buf *bytes.Buffer, embedHTML func(markdown.Embed) ([]byte, error)) error {
	buf.Reset()
	for i, piece := range bd.html {
		if i > 0 {
			h, err := embedHTML(bd.embeds[i-1])
			if err != nil {
				return err
			}
			buf.Write(h)
		}
		buf.Write(piece)
	}
	return nil
}

// bodyVersion changes when the encoding below does.
const bodyVersion = 3

func (bd *body) encode() []byte {
	var w buildcache.Writer
	w.Byte(bodyVersion)
	w.Uint(uint64(len(bd.html)))
	for _, piece := range bd.html {
		w.Blob(piece)
	}
	w.Uint(uint64(len(bd.embeds)))
	for _, e := range bd.embeds {
		w.String(e.Fence)
		w.String(e.Name)
		w.Int(int64(e.Line))
	}
	w.Uint(uint64(len(bd.links)))
	for _, l := range bd.links {
		w.String(l.Dest)
		w.Bool(l.Image)
		w.Int(int64(l.Line))
	}
	w.Uint(uint64(len(bd.missing)))
	for _, m := range bd.missing {
		w.String(m)
	}
	w.Uint(uint64(len(bd.empty)))
	for _, line := range bd.empty {
		w.Int(int64(line))
	}
	w.Blob(bd.text)
	return w.Bytes()
}

func decodeBody(b []byte) (*body, error) {
	r := buildcache.NewReader(b)
	if r.Byte() != bodyVersion {
		return nil, buildcache.ErrEntry
	}
	bd := &body{}
	for range r.Count() {
		bd.html = append(bd.html, r.Blob())
	}
	for range r.Count() {
		bd.embeds = append(bd.embeds, markdown.Embed{Fence: r.String(), Name: r.String(), Line: int(r.Int())})
	}
	for range r.Count() {
		bd.links = append(bd.links, markdown.Link{Dest: r.String(), Image: r.Bool(), Line: int(r.Int())})
	}
	for range r.Count() {
		bd.missing = append(bd.missing, r.String())
	}
	for range r.Count() {
		bd.empty = append(bd.empty, int(r.Int()))
	}
	bd.text = r.Blob()
	if err := r.Err(); err != nil {
		return nil, err
	}
	if len(bd.html) != len(bd.embeds)+1 {
		return nil, buildcache.ErrEntry
	}
	return bd, nil
}
