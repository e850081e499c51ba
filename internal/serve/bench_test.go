package serve

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/corpus"
)

var corpusSize = flag.Int("corpus.n", 1000, "procedures in the generated portal")

// BenchmarkEditToReload measures what an editor waits for in `congkhai
// serve` on a generated portal of -corpus.n procedures: from saving one
// procedure (a text edit) to the reload event reaching the browser. It
// includes the watcher's quiet period (watch.DefaultQuiet) that batches
// bursts of events.
//
//	go test ./internal/serve -run '^$' -bench EditToReload -corpus.n 10000
func BenchmarkEditToReload(b *testing.B) {
	site := filepath.Join(b.TempDir(), "site")
	if err := corpus.Write(site, corpus.Options{Procedures: *corpusSize, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(site, "content", "thu-tuc", "*.md"))
	file := files[len(files)/2]
	original, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	log := &syncBuffer{}
	go func() {
		_ = Run(ctx, Options{Source: site, Theme: congkhai.Theme, Out: log, Ready: func(u string) { ready <- u }})
	}()
	var url string
	select {
	case url = <-ready:
	case <-time.After(10 * time.Minute):
		b.Fatal("serve did not start")
	}
	ev := eventsB(b, url+"__congkhai/events")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		text := strings.Replace(string(original), "## Trình tự thực hiện", fmt.Sprintf("## Trình tự thực hiện\n\nSửa lần %d.", i), 1)
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		select {
		case e := <-ev:
			if e != "reload" {
				b.Fatalf("event %q:\n%s", e, log.String())
			}
		case <-time.After(time.Minute):
			b.Fatalf("no reload event:\n%s", log.String())
		}
	}
	b.StopTimer()
	if !strings.Contains(log.String(), "1 of ") {
		b.Errorf("the edits did not render one page only:\n%s", log.String())
	}
}
