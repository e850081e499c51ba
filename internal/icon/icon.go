// Package icon draws the built-in theme's icon, a page with a tick on the
// portal's red, as SVG and as PNG at the sizes a web app manifest and a
// phone's home screen ask for. The drawing is congkhai's own: a few
// shapes, written once here for both formats. The files are committed in
// the theme's assets/ (icon.svg, icon-192.png, icon-512.png), where a site
// replaces them with its own; TestThemeFiles checks that they are what
// this package draws (go test ./internal/icon -update writes them).
package icon

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
)

// Brand is the red of the theme (--brand in congkhai.css), the icon's
// background and the pages' theme colour.
const Brand = "#a4161a"

var (
	brand = color.NRGBA{0xa4, 0x16, 0x1a, 0xff}
	white = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	fold  = color.NRGBA{0xf2, 0xc4, 0xc6, 0xff}
	grey  = color.NRGBA{0xc9, 0xc9, 0xc9, 0xff}
)

// The drawing, on a 512 × 512 square.
const (
	side   = 512
	radius = 96 // of the background's corners
)

// page is the sheet, its top right corner folded; corner is the fold.
var (
	page   = []pt{{144, 96}, {304, 96}, {368, 160}, {368, 416}, {144, 416}}
	corner = []pt{{304, 96}, {304, 160}, {368, 160}}
	// lines are two lines of text, as capsules of width lineWidth.
	lines     = [][2]pt{{{192, 158}, {292, 158}}, {{192, 198}, {320, 198}}}
	lineWidth = 16.0
	// tick is the check mark, of width tickWidth with round ends.
	tick      = []pt{{196, 284}, {244, 332}, {324, 236}}
	tickWidth = 36.0
)

type pt struct{ x, y float64 }

// SVG is the icon as an SVG file.
func SVG() []byte {
	var b bytes.Buffer
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">`)
	b.WriteString(`<rect width="512" height="512" rx="96" fill="` + Brand + `"/>`)
	b.WriteString(`<path d="M144 96H304L368 160V416H144Z" fill="#fff"/>`)
	b.WriteString(`<path d="M304 96V160H368Z" fill="#f2c4c6"/>`)
	b.WriteString(`<path d="M192 158H292M192 198H320" stroke="#c9c9c9" stroke-width="16" stroke-linecap="round"/>`)
	b.WriteString(`<path d="M196 284L244 332L324 236" fill="none" stroke="` + Brand + `" stroke-width="36" stroke-linecap="round" stroke-linejoin="round"/>`)
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// PNG is the icon as a PNG of size × size pixels, smoothed by 4 × 4
// samples a pixel.
func PNG(size int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	const n = 4
	scale := float64(side) / float64(size)
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			var r, g, bl, a float64
			for sy := 0; sy < n; sy++ {
				for sx := 0; sx < n; sx++ {
					p := pt{(float64(x) + (float64(sx)+0.5)/n) * scale, (float64(y) + (float64(sy)+0.5)/n) * scale}
					c, ok := at(p)
					if !ok {
						continue
					}
					r, g, bl, a = r+float64(c.R), g+float64(c.G), bl+float64(c.B), a+1
				}
			}
			if a == 0 {
				continue
			}
			img.SetNRGBA(x, y, color.NRGBA{uint8(r/a + 0.5), uint8(g/a + 0.5), uint8(bl/a + 0.5), uint8(255*a/(n*n) + 0.5)})
		}
	}
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&b, img); err != nil {
		panic(err) // writing to memory does not fail
	}
	return b.Bytes()
}

// at is the colour of the drawing at p, the last shape that covers it
// winning, and false outside the background.
func at(p pt) (color.NRGBA, bool) {
	if !inRoundSquare(p) {
		return color.NRGBA{}, false
	}
	c := brand
	if inConvex(p, page) {
		c = white
	}
	if inConvex(p, corner) {
		c = fold
	}
	for _, l := range lines {
		if distToSegment(p, l[0], l[1]) <= lineWidth/2 {
			c = grey
		}
	}
	for i := 1; i < len(tick); i++ {
		if distToSegment(p, tick[i-1], tick[i]) <= tickWidth/2 {
			c = brand
		}
	}
	return c, true
}

func inRoundSquare(p pt) bool {
	if p.x < 0 || p.y < 0 || p.x > side || p.y > side {
		return false
	}
	cx := math.Min(math.Max(p.x, radius), side-radius)
	cy := math.Min(math.Max(p.y, radius), side-radius)
	return math.Hypot(p.x-cx, p.y-cy) <= radius
}

// inConvex reports whether p is inside the convex polygon poly, whose
// points go clockwise on screen.
func inConvex(p pt, poly []pt) bool {
	for i := range poly {
		a, b := poly[i], poly[(i+1)%len(poly)]
		if (b.x-a.x)*(p.y-a.y)-(b.y-a.y)*(p.x-a.x) < 0 {
			return false
		}
	}
	return true
}

func distToSegment(p, a, b pt) float64 {
	dx, dy := b.x-a.x, b.y-a.y
	t := ((p.x-a.x)*dx + (p.y-a.y)*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(p.x-(a.x+t*dx), p.y-(a.y+t*dy))
}
