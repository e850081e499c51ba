package markdown

import (
	"strconv"

	"github.com/yuin/goldmark/ast"

	"github.com/congkhai/congkhai/internal/vntext"
)

// headingIDs generates heading IDs that keep Vietnamese words readable
// ("Trình tự thực hiện" → trinh-tu-thuc-hien) where goldmark's default
// drops every non-ASCII byte (trnh-t-thc-hin). One per document.
type headingIDs struct {
	used map[string]bool
}

func newHeadingIDs() *headingIDs { return &headingIDs{used: map[string]bool{}} }

// Generate implements parser.IDs.
func (s *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := vntext.Slug(string(value))
	if base == "" {
		base = "muc" // "section"; a heading with no letters or digits
	}
	id := base
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

// Put implements parser.IDs; explicit {#id} attributes are reserved here.
func (s *headingIDs) Put(value []byte) { s.used[string(value)] = true }
