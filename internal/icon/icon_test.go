package icon

import (
	"bytes"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "write the theme's icon files from this package's drawing")

// themeFiles are the icon files of the built-in theme and what draws each.
var themeFiles = map[string]func() []byte{
	"icon.svg":     SVG,
	"icon-192.png": func() []byte { return PNG(192) },
	"icon-512.png": func() []byte { return PNG(512) },
}

// TestThemeFiles: the committed icon files are this package's drawing.
func TestThemeFiles(t *testing.T) {
	dir := filepath.Join("..", "..", "assets")
	for name, draw := range themeFiles {
		want := draw()
		file := filepath.Join(dir, name)
		if *update {
			if err := os.WriteFile(file, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("assets/%s is not what internal/icon draws: go test ./internal/icon -update", name)
		}
	}
}

// TestPNG: the PNGs have their size, a transparent corner (the rounded
// background), the brand red at the edge and white on the page.
func TestPNG(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(PNG(192)))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 192 || b.Dy() != 192 {
		t.Fatalf("size %v", b)
	}
	if _, _, _, a := img.At(0, 0).RGBA(); a != 0 {
		t.Error("the corner is not transparent")
	}
	if r, g, b, _ := img.At(96, 10).RGBA(); r>>8 != 0xa4 || g>>8 != 0x16 || b>>8 != 0x1a {
		t.Errorf("the background at the top is %x %x %x, want the brand red", r>>8, g>>8, b>>8)
	}
	if r, g, b, _ := img.At(70, 140).RGBA(); r>>8 != 0xff || g>>8 != 0xff || b>>8 != 0xff {
		t.Errorf("the page is %x %x %x, want white", r>>8, g>>8, b>>8)
	}
	if !bytes.Equal(PNG(192), PNG(192)) {
		t.Error("two drawings differ")
	}
}
