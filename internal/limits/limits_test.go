package limits

import (
	"testing"

	"github.com/congkhai/congkhai/internal/msg"
)

func TestTooLarge(t *testing.T) {
	tests := []struct {
		size, limit int64
		want        string
	}{
		{3 << 20, 2 << 20, "x is 3.0 MiB: at most 2 MiB"},
		{2<<20 + 1, 2 << 20, "x is 2.1 MiB: at most 2 MiB"},
		{256<<10 + 1, 256 << 10, "x is 256.1 KiB: at most 256 KiB"},
		{2304<<10 + 100, 2304 << 10, "x is 2304.1 KiB: at most 2304 KiB"},
		{1001, 1000, "x is 1001 bytes: at most 1000 bytes"},
	}
	for _, tt := range tests {
		if got := TooLarge(msg.Plain("x"), tt.size, tt.limit).String(); got != tt.want {
			t.Errorf("TooLarge(%d, %d) = %q, want %q", tt.size, tt.limit, got, tt.want)
		}
	}
}

// TestLimitsFitTogether: a content file holds the largest front matter
// and the largest body; a CSV's largest row fits in the file.
func TestLimitsFitTogether(t *testing.T) {
	if ContentFileBytes < FrontMatterBytes+BodyBytes {
		t.Error("a content file cannot hold the largest front matter and body")
	}
	if CSVBytes < CSVColumns*CSVCellBytes {
		t.Error("a CSV file cannot hold one row of the largest cells")
	}
}
