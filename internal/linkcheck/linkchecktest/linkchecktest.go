// Package linkchecktest is for tests only: a local web server that stands
// for the other sites pages link to, so that no test of `check --external`
// needs the network.
package linkchecktest

import (
	"net/http"
	"time"
)

// Handler answers as other sites do:
//
//	/ok        200
//	/gone      404
//	/no-head   405 to HEAD, 200 to GET
//	/slow      200 after 5 seconds (or when the request is given up)
//	/loop      a redirect to itself
//	/moved     a redirect to /ok
func Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(http.ResponseWriter, *http.Request) {})
	mux.HandleFunc("/gone", http.NotFound)
	mux.HandleFunc("/no-head", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ok", http.StatusMovedPermanently) })
	return mux
}
