// Package qr draws QR codes as SVG at build time: for a printed page that
// leads back to its address (a procedure's checklist), and whatever else
// prints a link. The same text always gives the same bytes.
package qr

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	goqr "github.com/piglig/go-qr"
)

// quiet is the margin around the code, in modules, that the standard asks
// for so that a reader finds it (ISO/IEC 18004: four modules).
const quiet = 4

// SVG returns an inline SVG image of the QR code of text, with medium
// error correction, labelled for screen readers with label. The image is
// one black path on a white square, one module per unit of its viewBox,
// so that it scales to any printed size; its size is left to CSS.
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
	return "", fmt.Errorf("qr: %q: %w", text, err)
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
	b.WriteString(`" fill="#fff"/><path fill="#000" d="`)
	// Each run of dark modules on a row is one rectangle: M x y h len v1 h -len z.
	for y := 0; y < n; y++ {
		for x := 0; x < n; {
			if !code.Module(x, y) {
				x++
				continue
			}
			run := 1
			for x+run < n && code.Module(x+run, y) {
				run++
			}
			r := strconv.Itoa(run)
			b.WriteByte('M')
			b.WriteString(strconv.Itoa(x + quiet))
			b.WriteByte(' ')
			b.WriteString(strconv.Itoa(y + quiet))
			b.WriteByte('h')
			b.WriteString(r)
			b.WriteString("v1h-")
			b.WriteString(r)
			b.WriteByte('z')
			x += run
		}
	}
	b.WriteString(`"/></svg>`)
	// Every part is a number or escaped: safe to place as it is.
	return template.HTML(b.String())
}
