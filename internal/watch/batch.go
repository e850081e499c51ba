package watch

import (
	"slices"
	"time"
)

// pending collects the paths of the batch being formed and computes when it
// is due: a quiet period after the last path, but no later than the
// longest wait after the first.
type pending struct {
	quiet, maxWait time.Duration

	paths    map[string]struct{}
	first    time.Time // when the first path of the batch arrived
	deadline time.Time // when the batch is due
}

func newPending(quiet, maxWait time.Duration) *pending {
	return &pending{quiet: quiet, maxWait: maxWait, paths: map[string]struct{}{}}
}

// add records paths that changed at now and moves the deadline.
func (p *pending) add(now time.Time, paths ...string) {
	if len(paths) == 0 {
		return
	}
	if len(p.paths) == 0 {
		p.first = now
	}
	for _, path := range paths {
		p.paths[path] = struct{}{}
	}
	p.deadline = now.Add(p.quiet)
	if limit := p.first.Add(p.maxWait); p.deadline.After(limit) {
		p.deadline = limit
	}
}

// takeInto empties the pending set into b, which may hold a batch not yet
// received, and returns b sorted and without duplicates.
func (p *pending) takeInto(b Batch) Batch {
	for path := range p.paths {
		b = append(b, path)
	}
	clear(p.paths)
	slices.Sort(b)
	return slices.Compact(b)
}
