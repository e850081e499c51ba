package markdown

import (
	"bytes"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Embed is a fenced block that stands for something the site makes
// itself, not for code: the block's info string (Fence) says what, its
// text names which. Package chart places charts this way:
//
//	```chart
//	ho-so-giai-quyet-theo-thang
//	```
//
// The converter is told which info strings are embeds (New); each such
// block is rendered as the HTML the caller gives for it (WriteHTML).
type Embed struct {
	Fence string
	Name  string
	Line  int
}

// embedBlock replaces an embed's fence in the tree. Its HTML is filled in
// just before rendering, because the shared converter does not know which
// page it is rendering.
type embedBlock struct {
	ast.BaseBlock
	embed Embed
	html  []byte
}

var kindEmbedBlock = ast.NewNodeKind("CongkhaiEmbed")

func (n *embedBlock) Kind() ast.NodeKind { return kindEmbedBlock }

func (n *embedBlock) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Fence": n.embed.Fence, "Name": n.embed.Name}, nil)
}

// embedRenderer writes an embed block's HTML as given.
type embedRenderer struct{}

func (embedRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(kindEmbedBlock, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.Write(n.(*embedBlock).html)
		}
		return ast.WalkSkipChildren, nil
	})
}

// replaceEmbeds turns every fenced block whose info string is one of
// fences into an embedBlock and returns the embeds, in order.
func replaceEmbeds(root ast.Node, src []byte, lines lineIndex, fences []string) []Embed {
	if len(fences) == 0 {
		return nil
	}
	var blocks []*ast.FencedCodeBlock
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fb, ok := n.(*ast.FencedCodeBlock); ok && entering && slices.Contains(fences, string(fb.Language(src))) {
			blocks = append(blocks, fb)
		}
		return ast.WalkContinue, nil
	})
	var embeds []Embed
	for _, fb := range blocks {
		var body bytes.Buffer
		for i := range fb.Lines().Len() {
			seg := fb.Lines().At(i)
			body.Write(seg.Value(src))
		}
		line := 0
		if fb.Info != nil {
			line = lines.line(fb.Info.Segment.Start)
		}
		block := &embedBlock{embed: Embed{Fence: string(fb.Language(src)), Name: strings.TrimSpace(body.String()), Line: line}}
		fb.Parent().ReplaceChild(fb.Parent(), fb, block)
		embeds = append(embeds, block.embed)
	}
	return embeds
}
