package build

import (
	"os"
	"runtime"
	"runtime/pprof"
	"testing"

	"github.com/congkhai/congkhai"
	"github.com/congkhai/congkhai/internal/problem"
)

func TestHeapAfterLoad(t *testing.T) {
	if testing.Short() || *corpusSize < 5000 {
		t.Skip("needs -corpus.n")
	}
	site := benchSiteT(t)
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	problems := &problem.List{}
	p := planned(Options{Source: site, Theme: congkhai.Theme}, problems)
	runtime.GC()
	runtime.ReadMemStats(&m1)
	t.Logf("live heap after load: %.1f MiB for %d jobs", float64(m1.HeapAlloc-m0.HeapAlloc)/(1<<20), len(p.jobs))
	if f := os.Getenv("HEAPPROFILE"); f != "" {
		out, _ := os.Create(f)
		pprof.WriteHeapProfile(out)
		out.Close()
	}
	runtime.KeepAlive(p)
}
