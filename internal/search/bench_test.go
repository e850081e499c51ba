package search

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// benchText is Vietnamese text as procedures have it: the bodies of the
// example portal, or of $CONGKHAI_BENCH_SITE.
func benchText(b *testing.B) string {
	dir := filepath.Join("..", "..", "content", "thu-tuc")
	if d := os.Getenv("CONGKHAI_BENCH_SITE"); d != "" {
		dir = filepath.Join(d, "content", "thu-tuc")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	var sb strings.Builder
	for _, f := range files[:min(len(files), 2000)] {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(t)
	}
	return sb.String()
}

// BenchmarkScan measures splitting and folding text into words.
func BenchmarkScan(b *testing.B) {
	text := benchText(b)
	sc := scanner{lowerToo: true}
	var n counter
	b.SetBytes(int64(len(text)))
	cpuPerOp(b, func() { sc.scan(text, &n) })
}

// BenchmarkWriter measures adding a document's text to an index.
func BenchmarkWriter(b *testing.B) {
	text := benchText(b)
	bl, _ := NewBuilder([]Doc{{Title: "x"}})
	w := bl.NewWriter()
	b.SetBytes(int64(len(text)))
	cpuPerOp(b, func() {
		w.Begin(0)
		w.Add(Body, text)
	})
}

type counter int

func (n *counter) word([]byte, []byte, int, int) { *n++ }
func (n *counter) cached(*cachedWord, int, int)  { *n++ }

// threadCPU is the CPU time of this thread: on a shared machine, what a
// benchmark's loop cost, whatever else runs.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// cpuPerOp runs the benchmark's loop on one thread and reports its CPU
// time per operation as well.
func cpuPerOp(b *testing.B, loop func()) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	start := threadCPU()
	n := 0
	for b.Loop() {
		loop()
		n++
	}
	b.ReportMetric(float64(threadCPU()-start)/float64(n), "cpu-ns/op")
}

// BenchmarkIndex measures a whole index of the benchmark's procedures,
// one document each: their words added, then the files written.
func BenchmarkIndex(b *testing.B) {
	texts := strings.Split(benchText(b), "+++\ncode")
	docs := make([]Doc, len(texts))
	for i := range docs {
		docs[i] = Doc{Kind: Procedure, URL: "/" + strconv.Itoa(i) + "/", Title: texts[i][:min(60, len(texts[i]))]}
	}
	b.ReportMetric(float64(len(docs)), "docs")
	cpuPerOp(b, func() {
		bl, ids := NewBuilder(docs)
		w := bl.NewWriter()
		for i, t := range texts {
			w.Begin(ids[i])
			w.Add(Title, docs[i].Title)
			w.Add(Body, t)
			w.End()
		}
		bl.Files()
	})
}
