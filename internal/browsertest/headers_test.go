package browsertest

import (
	"fmt"
	"net/http"
	"os"
	"strings"
)

// headerRule is one rule of a _headers file: the headers of every address
// that matches path, where a final * stands for any rest of the address.
type headerRule struct {
	path    string
	headers http.Header
}

// headerRules are the rules of a _headers file, in their order.
type headerRules []headerRule

// readHeaders reads a _headers file as Netlify and Cloudflare Pages do:
// a line at the start names an address, the indented "Name: value" lines
// under it are its headers; # starts a comment. Anything else is an error,
// so that a broken file fails the tests rather than sending nothing.
func readHeaders(name string) (headerRules, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var rules headerRules
	for i, line := range strings.Split(string(b), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case strings.HasPrefix(line, "/"):
			rules = append(rules, headerRule{path: trimmed, headers: http.Header{}})
		case trimmed != line && len(rules) > 0 && strings.Contains(trimmed, ": "):
			k, v, _ := strings.Cut(trimmed, ": ")
			rules[len(rules)-1].headers.Add(k, v)
		default:
			return nil, fmt.Errorf("%s:%d: neither an address, a header under one nor a comment: %q", name, i+1, line)
		}
	}
	return rules, nil
}

// match reports whether the rule applies to the address path.
func (r headerRule) match(path string) bool {
	if prefix, ok := strings.CutSuffix(r.path, "*"); ok {
		return strings.HasPrefix(path, prefix)
	}
	return path == r.path
}

// handler sends the headers of every rule that matches a request, then
// passes it to next. A header two rules set is sent twice.
func (rules headerRules) handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, rule := range rules {
			if rule.match(r.URL.Path) {
				for k, vs := range rule.headers {
					for _, v := range vs {
						w.Header().Add(k, v)
					}
				}
			}
		}
		next.ServeHTTP(w, r)
	})
}
