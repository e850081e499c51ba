package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// ChartFence is the info string of a fenced block that places a chart:
//
//	```chart
//	ho-so-giai-quyet-theo-thang
//	```
const ChartFence = "chart"

// ChartRef is a chart placed in a document.
type ChartRef struct {
	Name string
	Line int
}

// chartBlock replaces a chart fence in the tree. Its HTML is filled in by
// Document.HTML just before rendering, because the shared converter has no
// way to know which page it is rendering.
type chartBlock struct {
	ast.BaseBlock
	name string
	html []byte
}

var kindChartBlock = ast.NewNodeKind("CongkhaiChart")

func (n *chartBlock) Kind() ast.NodeKind { return kindChartBlock }

func (n *chartBlock) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.name}, nil)
}

// chartRenderer writes a chart block's HTML as given.
type chartRenderer struct{}

func (chartRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(kindChartBlock, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.Write(n.(*chartBlock).html)
		}
		return ast.WalkSkipChildren, nil
	})
}

// replaceChartFences turns every ```chart block into a chartBlock and
// returns the charts placed, in order.
func replaceChartFences(root ast.Node, src []byte, lines lineIndex) []ChartRef {
	var fences []*ast.FencedCodeBlock
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fb, ok := n.(*ast.FencedCodeBlock); ok && entering && string(fb.Language(src)) == ChartFence {
			fences = append(fences, fb)
		}
		return ast.WalkContinue, nil
	})
	var refs []ChartRef
	for _, fb := range fences {
		var body bytes.Buffer
		for i := range fb.Lines().Len() {
			seg := fb.Lines().At(i)
			body.Write(seg.Value(src))
		}
		line := 0
		if fb.Info != nil {
			line = lines.line(fb.Info.Segment.Start)
		}
		block := &chartBlock{name: strings.TrimSpace(body.String())}
		fb.Parent().ReplaceChild(fb.Parent(), fb, block)
		refs = append(refs, ChartRef{Name: block.name, Line: line})
	}
	return refs
}
