package build

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/congkhai/congkhai/internal/frontmatter"
	"github.com/congkhai/congkhai/internal/procedure"
)

func BenchmarkTOMLDecode(b *testing.B) {
	site := benchSite(b)
	files, _ := filepath.Glob(filepath.Join(site, "content", "thu-tuc", "*.md"))
	src, _ := os.ReadFile(files[1])
	split, _ := frontmatter.Parse(src)
	fm := string(split.FrontMatter)
	b.SetBytes(int64(len(fm)))
	b.Run("struct", func(b *testing.B) {
		for b.Loop() {
			var p procedure.Procedure
			if _, err := toml.Decode(fm, &p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("map", func(b *testing.B) {
		for b.Loop() {
			var m map[string]any
			if _, err := toml.Decode(fm, &m); err != nil {
				b.Fatal(err)
			}
		}
	})
}
