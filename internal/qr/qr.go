// Package qr draws QR codes as SVG at build time: for a printed page that
// leads back to its address (a procedure's checklist), and whatever else
// prints a link. The same text always gives the same bytes.
package qr

import (
	"html/template"
	"strconv"
	"strings"

	goqr "github.com/piglig/go-qr"

	"github.com/congkhai/congkhai/internal/msg"
)

// quiet is the margin around the code, in modules, that the standard asks
// for so that a reader finds it (ISO/IEC 18004: four modules).
const quiet = 4

// SVG returns an inline SVG image of the QR code of text, with medium
// error correction, labelled for screen readers with label. The image is
// one black path on a white square, one module per unit of its viewBox,
// so that it scales to any printed size; its size is left to CSS. Each
// row is a line one module thick, drawn where its modules are dark: the
// shortest path a row can be written as, for an image every procedure
// page carries.
//
// mask is fixed (0): the encoder would otherwise try the eight masks of
// the standard for the one with the lowest penalty, eight times the work
// on every page of a large portal, for codes that read as well.
func SVG(text, label string) (template.HTML, error) {
	segs, err := goqr.MakeSegments(text)
	if err == nil {
		var code *goqr.QrCode
		if code, err = goqr.EncodeSegments(segs, goqr.Medium, 1, 40, 0, true); err == nil {
			return draw(code, label), nil
		}
	}
	return "", msg.Errorf("qr: %q: %w", text, err)
}

// draw writes code as SVG.
func draw(code *goqr.QrCode, label string) template.HTML {
	n := code.Size()
	side := strconv.Itoa(n + 2*quiet)
	var b strings.Builder
	b.Grow(n * n)
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 `)
	b.WriteString(side + " " + side)
	b.WriteString(`" role="img" aria-label="`)
	b.WriteString(template.HTMLEscapeString(label))
	b.WriteString(`" shape-rendering="crispEdges"><rect width="`)
	b.WriteString(side + `" height="` + side)
	b.WriteString(`" fill="#fff"/><path stroke="#000" d="`)
	// A row: M x y.5 to its first dark module, h length for each run of
	// dark modules, m gap 0 from one run to the next.
	for y := 0; y < n; y++ {
		end := -1 // where the last run of the row ended
		for x := 0; x < n; {
			if !code.Module(x, y) {
				x++
				continue
			}
			run := 1
			for x+run < n && code.Module(x+run, y) {
				run++
			}
			if end < 0 {
				b.WriteByte('M')
				b.WriteString(strconv.Itoa(x + quiet))
				b.WriteByte(' ')
				b.WriteString(strconv.Itoa(y + quiet))
				b.WriteString(".5h")
			} else {
				b.WriteByte('m')
				b.WriteString(strconv.Itoa(x - end))
				b.WriteString(" 0h")
			}
			b.WriteString(strconv.Itoa(run))
			x += run
			end = x
		}
	}
	b.WriteString(`"/></svg>`)
	// Every part is a number or escaped: safe to place as it is.
	return template.HTML(b.String())
}
