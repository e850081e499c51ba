package late

import (
	"testing"

	"github.com/congkhai/congkhai/internal/boundtest"
	"github.com/congkhai/congkhai/internal/locale"
	"github.com/congkhai/congkhai/internal/problem"
)

// FuzzParse: whatever the bytes of data/ho-so-tre-han.csv, no panic,
// within boundtest's bounds, every problem names the file, and an accepted
// file's figures never show a group below MinGroup as a number.
func FuzzParse(f *testing.F) {
	f.Add([]byte(header + rows("2026-10", "a", 4, 2, []int{1, 3}, "xac_minh") + rows("2026-10", "b", 1, 1, []int{2}, "khac")))
	f.Add([]byte(header + "2026-10,a,1.001193,2026-10-01,2026-10-10,,5,,lien_thong,2026-11-05\n"))
	f.Add([]byte("ky;don_vi;ho_ten\r\n2026-10;a;x\r\n"))
	f.Add([]byte("\xef\xbb\xbf" + header + "\"2026-10\",a,\"1.0\n01193\""))
	f.Fuzz(func(t *testing.T, src []byte) {
		var l problem.List
		var file *File
		boundtest.Check(t, len(src), func() { file = Parse(FileName, src, nil, &l) })
		for _, p := range l.Sorted() {
			if p.File != FileName || p.Line < 0 || p.Message == "" {
				t.Fatalf("problem without a file, line or message: %#v", p)
			}
		}
		if file == nil {
			return
		}
		n := map[[2]string]int{}
		for _, d := range file.Dossiers {
			n[[2]string{d.Period, d.Unit}]++
		}
		for _, g := range file.Groups(nil, locale.Vietnamese()) {
			if k := n[[2]string{g.Period, g.Unit}]; k < MinGroup && (g.Late.Text != Suppressed || g.MedianDays.Text != Suppressed || g.ShareApology.Text != Suppressed) {
				t.Fatalf("group of %d published: %+v", k, g)
			}
		}
		CSV(file.Groups(nil, locale.Vietnamese()))
	})
}
