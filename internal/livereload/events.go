package livereload

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// client is one open event stream: one browser tab.
type client struct {
	events chan event // closed when the client fell too far behind
}

// event is one Server-Sent Event. Its id is the version it announces, so
// that a reconnecting tab (Last-Event-ID) can tell whether it missed one.
type event struct {
	name, id, data string
}

// backlog is how many events a slow tab may have waiting before it is
// dropped; it then reconnects and, seeing it missed a change, reloads.
const backlog = 16

// Reload tells every open tab to reload.
func (s *Server) Reload() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.version++
	s.broadcastLocked(reloadEvent(s.versionLocked()))
}

// reloadEvent tells a tab to reload: the site changed since version id.
func reloadEvent(id string) event { return event{name: "reload", id: id, data: "reload"} }

// SetProblems replaces the build problems. With problems, every tab shows
// them in the overlay and every HTML page served includes it; with none,
// the overlay is cleared and every tab reloads (after a successful build,
// call SetRoot first). The caller keeps ownership of ps.
func (s *Server) SetProblems(ps []Problem) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.problems = append([]Problem(nil), ps...) // nil for none
	s.version++
	if len(ps) == 0 {
		s.broadcastLocked(reloadEvent(s.versionLocked()))
		return
	}
	data, err := json.Marshal(toWire(ps))
	if err != nil { // plain strings and ints: cannot happen
		data = []byte("[]")
	}
	s.broadcastLocked(event{name: "problems", id: s.versionLocked(), data: string(data)})
}

// broadcastLocked queues ev for every tab, dropping the tabs whose queue is
// full. s.mu must be held for writing.
func (s *Server) broadcastLocked(ev event) {
	for c := range s.clients {
		select {
		case c.events <- ev:
		default:
			delete(s.clients, c)
			close(c.events)
		}
	}
}

// serveEvents streams events to one tab until it goes away or the Server
// is closed. A tab that connects with an older version than the server's
// (from its Last-Event-ID, or the version of its page) is told to reload
// at once: it missed a change while it was loading or disconnected.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", "GET")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if !s.hosts.allowOrigin(w, r) {
		return
	}
	c := &client{events: make(chan event, backlog)}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		w.WriteHeader(http.StatusNoContent) // tells EventSource to stop
		return
	}
	s.clients[c] = struct{}{}
	current := s.versionLocked()
	s.mu.Unlock()
	defer s.drop(c)

	rc := http.NewResponseController(w)
	_ = rc.SetWriteDeadline(time.Time{}) // a stream outlives any write timeout
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)

	since := r.Header.Get("Last-Event-ID")
	if since == "" {
		since = r.URL.Query().Get("since")
	}
	// retry: how long the browser waits before reconnecting.
	err := writeString(w, "retry: 1000\n: "+current+"\n\n")
	if err == nil && since != "" && since != current {
		err = writeEvent(w, reloadEvent(current))
	}
	if err != nil || rc.Flush() != nil {
		return
	}

	ping := time.NewTicker(s.ping)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case ev, ok := <-c.events:
			if !ok {
				return
			}
			err = writeEvent(w, ev)
		case <-ping.C:
			err = writeString(w, ": ping\n\n")
		}
		if err != nil || rc.Flush() != nil {
			return
		}
	}
}

// drop forgets a tab whose stream ended.
func (s *Server) drop(c *client) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.clients, c)
}

// writeEvent writes ev in the text/event-stream format.
func writeEvent(w http.ResponseWriter, ev event) error {
	var b strings.Builder
	fmt.Fprintf(&b, "event: %s\nid: %s\n", ev.name, ev.id)
	for line := range strings.SplitSeq(ev.data, "\n") {
		fmt.Fprintf(&b, "data: %s\n", line)
	}
	b.WriteString("\n")
	return writeString(w, b.String())
}

func writeString(w http.ResponseWriter, s string) error {
	if _, err := w.Write([]byte(s)); err != nil {
		return fmt.Errorf("event stream: %w", err)
	}
	return nil
}
