package watch

import (
	"slices"
	"testing"
	"time"
)

func TestPendingDeadline(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ms := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Millisecond) }
	p := newPending(25*time.Millisecond, 100*time.Millisecond)

	p.add(ms(0), "a")
	if !p.deadline.Equal(ms(25)) {
		t.Errorf("deadline after first event: %v, want +25ms", p.deadline.Sub(t0))
	}
	p.add(ms(20), "b")
	if !p.deadline.Equal(ms(45)) {
		t.Errorf("quiet period not restarted: %v, want +45ms", p.deadline.Sub(t0))
	}
	p.add(ms(90), "a")
	if !p.deadline.Equal(ms(100)) {
		t.Errorf("max wait not applied: %v, want +100ms", p.deadline.Sub(t0))
	}
	p.add(ms(95)) // no paths: nothing changes
	if !p.deadline.Equal(ms(100)) {
		t.Errorf("empty add moved the deadline: %v", p.deadline.Sub(t0))
	}

	b := p.takeInto(Batch{"c", "a"})
	if !slices.Equal(b, Batch{"a", "b", "c"}) {
		t.Errorf("batch %q, want [a b c]", b)
	}
	// The next batch measures its max wait from its own first event.
	p.add(ms(200), "d")
	if !p.deadline.Equal(ms(225)) {
		t.Errorf("deadline of a new batch: %v, want +225ms", p.deadline.Sub(t0))
	}
}

func TestIsEditorFile(t *testing.T) {
	for name, want := range map[string]bool{
		"dang-ky-khai-sinh.md":             false,
		"site.toml":                        false,
		"4913.md":                          false,
		"2024":                             false,
		"bieu-mau.docx":                    false,
		".dang-ky-khai-sinh.md.swp":        true,
		".dang-ky-khai-sinh.md.swx":        true,
		"dang-ky-khai-sinh.md~":            true,
		"4913":                             true,
		"5036":                             true,
		".#dang-ky-khai-sinh.md":           true,
		"#dang-ky-khai-sinh.md#":           true,
		"dang-ky-khai-sinh.md.tmp":         true,
		"dang-ky-khai-sinh.md___jb_tmp___": true,
		"dang-ky-khai-sinh.md___jb_old___": true,
		"site.toml.crswap":                 true,
		".goutputstream-ABC123":            true,
	} {
		if got := isEditorFile(name); got != want {
			t.Errorf("isEditorFile(%q) = %v, want %v", name, got, want)
		}
	}
}
