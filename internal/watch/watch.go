// Package watch reports changes to a site's input files while `congkhai
// serve` runs. It wraps fsnotify with what a site generator needs:
//
//   - folders are watched recursively, including folders created later;
//   - single files (site.toml) are watched through their parent folder, so
//     editors that save by writing a temporary file and renaming it over the
//     original are seen;
//   - Chmod-only events, hidden files and editor temporary, swap and backup
//     files are ignored;
//   - events are batched: a Batch is sent once no event has arrived for a
//     quiet period (Options.Quiet), or after Options.MaxWait at the latest so
//     that a long burst still rebuilds.
package watch

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/congkhai/congkhai/internal/msg"
)

// Default batching delays. The quiet period is short because a rebuild after
// editing one procedure must reach the browser within 50 ms.
const (
	DefaultQuiet   = 25 * time.Millisecond
	DefaultMaxWait = 250 * time.Millisecond
)

// Options tunes a Watcher. The zero value is ready to use.
type Options struct {
	// Quiet is how long no event must arrive before a batch is sent;
	// 0 means DefaultQuiet.
	Quiet time.Duration
	// MaxWait is the longest a batch waits after its first event, so that a
	// steady stream of events still produces batches; 0 means
	// DefaultMaxWait.
	MaxWait time.Duration
	// Ignore lists folders that are never watched nor reported, such as the
	// output folder: slash-separated and relative to the root, or absolute.
	// Hidden folders (.git) and node_modules are always ignored.
	Ignore []string
}

// Batch is the sorted list of the distinct paths that changed, relative to
// the root and slash-separated. A path may name a folder: one created or
// renamed into place (its contents are listed too), or one removed or
// renamed away (its contents are not). After the watcher lost events (a kernel queue
// overflow) a batch holds every watched path.
type Batch []string

// Watcher watches paths under a root folder and sends batches of changes.
type Watcher struct {
	fs     *fsnotify.Watcher
	tree   *tree
	events chan Batch
	errors chan error

	closeOnce sync.Once
	quit      chan struct{} // closed by Close
	stopped   chan struct{} // closed when run returns
}

// New starts watching paths (slash-separated, relative to root) under root.
// A path may be a folder, watched with all its subfolders, or a file such as
// site.toml. A path that does not exist yet is watched from the moment it is
// created.
func New(root string, paths []string, opts Options) (*Watcher, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, msg.Errorf("watch: %w", err)
	}
	if info, err := os.Stat(abs); err != nil {
		return nil, msg.Errorf("watch: %w", err)
	} else if !info.IsDir() {
		return nil, msg.Errorf("watch: %s is not a folder", root)
	}
	quiet, maxWait := opts.Quiet, opts.MaxWait
	if quiet <= 0 {
		quiet = DefaultQuiet
	}
	if maxWait <= 0 {
		maxWait = DefaultMaxWait
	}

	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, msg.Errorf("watch: %w", err)
	}
	t, err := newTree(abs, paths, opts.Ignore, fsw)
	if err == nil {
		_, err = t.add(".", false)
	}
	if err != nil {
		_ = fsw.Close()
		return nil, msg.Errorf("watch: %w", err)
	}
	w := &Watcher{
		fs:      fsw,
		tree:    t,
		events:  make(chan Batch),
		errors:  make(chan error, 16),
		quit:    make(chan struct{}),
		stopped: make(chan struct{}),
	}
	go w.run(newPending(quiet, maxWait))
	return w, nil
}

// Events returns the channel of batches. While the receiver is busy (say,
// rebuilding), new changes are merged into the next batch rather than queued,
// so one receive always gets everything that changed since the last one.
// The channel is closed by Close.
func (w *Watcher) Events() <-chan Batch { return w.events }

// Errors returns the channel of errors: events lost by the kernel, folders
// that could not be watched. Reading it is optional: errors are dropped when
// nobody reads them. The channel is closed by Close.
func (w *Watcher) Errors() <-chan error { return w.errors }

// Close stops watching and closes the Events and Errors channels. It is safe
// to call more than once.
func (w *Watcher) Close() error {
	var err error
	w.closeOnce.Do(func() {
		close(w.quit)
		err = w.fs.Close()
		<-w.stopped
	})
	if err != nil {
		return msg.Errorf("watch: close: %w", err)
	}
	return nil
}

// run reads fsnotify's events until Close, collecting accepted paths into
// pending, which becomes the ready batch when its timer fires.
func (w *Watcher) run(pending *pending) {
	defer close(w.stopped)
	defer close(w.errors)
	defer close(w.events)

	var (
		ready Batch
		timer = time.NewTimer(time.Hour)
	)
	timer.Stop()
	defer timer.Stop()

	for {
		var out chan<- Batch
		if len(ready) > 0 {
			out = w.events
		}
		select {
		case <-w.quit:
			return
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if w.handle(ev, pending, time.Now()) {
				timer.Reset(time.Until(pending.deadline))
			}
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost: everything may have changed.
				pending.add(time.Now(), w.tree.targets...)
				timer.Reset(time.Until(pending.deadline))
			}
			w.report(msg.Errorf("watch: %w", err))
		case <-timer.C:
			ready = pending.takeInto(ready)
		case out <- ready:
			ready = nil
		}
	}
}

// handle applies one fsnotify event: it keeps the watches in step with the
// folders and adds the changed paths to pending. It reports whether pending
// grew.
func (w *Watcher) handle(ev fsnotify.Event, pending *pending, now time.Time) bool {
	rel, ok := w.tree.rel(ev.Name)
	if !ok || ev.Op == fsnotify.Chmod || ev.Op == 0 {
		return false
	}
	var changed []string
	switch {
	case ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename):
		// The path is gone: if it was a folder, so are its watches.
		w.tree.forget(rel)
		if w.tree.reported(rel) {
			changed = append(changed, rel)
		}
	case ev.Has(fsnotify.Create):
		if isDir(ev.Name) {
			// A new folder, or one renamed into place: watch it, and report
			// it with what it already holds, put there before the watch.
			found, err := w.tree.add(rel, true)
			if err != nil {
				w.report(msg.Errorf("watch: %w", err))
			}
			changed = found
		} else if w.tree.reported(rel) {
			changed = append(changed, rel)
		}
	case ev.Has(fsnotify.Write):
		// kqueue and Windows also send Write for a folder whose entries
		// changed; the entries have events of their own.
		if w.tree.reported(rel) && !isDir(ev.Name) {
			changed = append(changed, rel)
		}
	}
	if len(changed) == 0 {
		return false
	}
	pending.add(now, changed...)
	return true
}

// isDir reports whether name is a folder (not a link to one): one system
// call, however many folders are watched.
func isDir(name string) bool {
	info, err := os.Lstat(name)
	return err == nil && info.IsDir()
}

// report sends err on the Errors channel unless its buffer is full.
func (w *Watcher) report(err error) {
	select {
	case w.errors <- err:
	default:
	}
}
