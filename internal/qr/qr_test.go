package qr

import (
	"image"
	"image/color"
	"regexp"
	"strconv"
	"strings"
	"testing"

	goqr "github.com/piglig/go-qr"
)

var (
	viewBox = regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`)
	// row is one row of modules, rest its further runs.
	row  = regexp.MustCompile(`M(\d+) (\d+)\.5h(\d+)((?:m\d+ 0h\d+)*)`)
	rest = regexp.MustCompile(`m(\d+) 0h(\d+)`)
)

// raster draws the path of an SVG made by SVG into an image, scale pixels
// per module, as a printer would.
func raster(t *testing.T, svg string, scale int) image.Image {
	t.Helper()
	m := viewBox.FindStringSubmatch(svg)
	if m == nil {
		t.Fatalf("no viewBox in %s", svg)
	}
	side, _ := strconv.Atoi(m[1])
	img := image.NewGray(image.Rect(0, 0, side*scale, side*scale))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	d := svg[strings.Index(svg, ` d="`):]
	dark := func(x, y, n int) {
		for px := x * scale; px < (x+n)*scale; px++ {
			for py := y * scale; py < (y+1)*scale; py++ {
				img.SetGray(px, py, color.Gray{})
			}
		}
	}
	for _, r := range row.FindAllStringSubmatch(d, -1) {
		x, _ := strconv.Atoi(r[1])
		y, _ := strconv.Atoi(r[2])
		n, _ := strconv.Atoi(r[3])
		dark(x, y, n)
		x += n
		for _, m := range rest.FindAllStringSubmatch(r[4], -1) {
			gap, _ := strconv.Atoi(m[1])
			n, _ := strconv.Atoi(m[2])
			x += gap
			dark(x, y, n)
			x += n
		}
	}
	return img
}

// TestSVGReads: the drawn code reads back as its text (a QR decoder on the
// rasterised path), for a portal's addresses, Vietnamese text included.
func TestSVGReads(t *testing.T) {
	for _, text := range []string{
		"https://thudaumot.example.gov.vn/thu-tuc/dang-ky-khai-sinh/",
		"https://example.gov.vn/cong-thong-tin/thu-tuc/1.001193/",
		"Phiếu khảo sát mức độ hài lòng",
	} {
		svg, err := SVG(text, "Mã QR")
		if err != nil {
			t.Fatal(err)
		}
		got, err := goqr.Decode(raster(t, string(svg), 4))
		if err != nil {
			t.Fatalf("%q: the drawn code does not read: %v", text, err)
		}
		if got != text {
			t.Errorf("the code of %q reads %q", text, got)
		}
	}
}

// TestSVGIsStable: the same text gives the same bytes (builds are
// reproducible), the label is escaped, and the image has a quiet zone.
func TestSVGIsStable(t *testing.T) {
	a, err := SVG("https://example.gov.vn/", `Mã QR "trang" <a>`)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := SVG("https://example.gov.vn/", `Mã QR "trang" <a>`)
	if a != b {
		t.Error("two calls gave two images")
	}
	if !strings.Contains(string(a), `aria-label="Mã QR &#34;trang&#34; &lt;a&gt;"`) {
		t.Errorf("label not escaped: %s", a)
	}
	if strings.Contains(string(a), `M0 `) || strings.Contains(string(a), ` 0.5h`) {
		t.Errorf("a module on the edge: no quiet zone: %s", a)
	}
}

func BenchmarkSVG(b *testing.B) {
	for b.Loop() {
		if _, err := SVG("https://thudaumot.example.gov.vn/thu-tuc/dang-ky-khai-sinh/", "Mã QR"); err != nil {
			b.Fatal(err)
		}
	}
}
