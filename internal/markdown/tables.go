package markdown

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// captionPrefix starts a paragraph written right after a table to caption
// it, as Pandoc does with "Table:".
const captionPrefix = "Bảng:"

// tableScroll wraps a table in a region that scrolls sideways on narrow
// screens instead of making the whole page scroll, with a caption for the
// table: the paragraph "Bảng: …" that follows it, shown, or else the
// nearest heading before it, for screen readers only.
type tableScroll struct {
	ast.BaseBlock
	caption string
}

var kindTableScroll = ast.NewNodeKind("CongkhaiTableScroll")

func (n *tableScroll) Kind() ast.NodeKind { return kindTableScroll }

func (n *tableScroll) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Caption": n.caption}, nil)
}

// tableCaption is the <caption> placed first inside the table.
type tableCaption struct {
	ast.BaseBlock
	text  string
	shown bool
}

var kindTableCaption = ast.NewNodeKind("CongkhaiTableCaption")

func (n *tableCaption) Kind() ast.NodeKind { return kindTableCaption }

func (n *tableCaption) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Text": n.text}, nil)
}

type tableRenderer struct{}

func (tableRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(kindTableScroll, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<div class="table-scroll" role="region" aria-label="` + html.EscapeString(n.(*tableScroll).caption) + `" tabindex="0">` + "\n")
		} else {
			_, _ = w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
	r.Register(kindTableCaption, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			c := n.(*tableCaption)
			class := ` class="visually-hidden"`
			if c.shown {
				class = ""
			}
			_, _ = w.WriteString("<caption" + class + ">" + html.EscapeString(c.text) + "</caption>\n")
		}
		return ast.WalkSkipChildren, nil
	})
}

// wrapTables gives every table a caption and a scrolling region.
func wrapTables(root ast.Node, src []byte) {
	var tables []*east.Table
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*east.Table); ok && entering {
			tables = append(tables, t)
		}
		return ast.WalkContinue, nil
	})
	for _, t := range tables {
		caption, shown := "", false
		if p, ok := t.NextSibling().(*ast.Paragraph); ok {
			if text := plainText(p, src); strings.HasPrefix(text, captionPrefix) {
				caption, shown = strings.TrimSpace(strings.TrimPrefix(text, captionPrefix)), true
				p.Parent().RemoveChild(p.Parent(), p)
			}
		}
		if caption == "" {
			caption = headingBefore(t, src)
		}
		if caption == "" {
			caption = "Bảng"
		}
		t.InsertBefore(t, t.FirstChild(), &tableCaption{text: caption, shown: shown})
		wrap := &tableScroll{caption: caption}
		parent := t.Parent()
		parent.ReplaceChild(parent, t, wrap)
		wrap.AppendChild(wrap, t)
	}
}

// headingBefore is the text of the nearest heading before n in the document.
func headingBefore(n ast.Node, src []byte) string {
	for cur := n; cur != nil; cur = cur.Parent() {
		for s := cur.PreviousSibling(); s != nil; s = s.PreviousSibling() {
			if h, ok := s.(*ast.Heading); ok {
				return plainText(h, src)
			}
		}
	}
	return ""
}
