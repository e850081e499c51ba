// Package browsertest holds the tests that look at the example portal the
// way a citizen does: in Debian's Chromium, headless, driven through the
// DevTools protocol by chromedp. They build the portal under a subpath,
// serve it on loopback with the headers of its own _headers file and check
// accessibility with axe-core (WCAG 2.1 A and AA), pages with JavaScript
// turned off, the keyboard path, that no request leaves the site, and the
// weight of each page type. Every tab a test opens fails that test on any
// Content-Security-Policy violation Chromium reports (csp_test.go).
//
// They need /usr/bin/chromium and node_modules/axe-core; `make test` (the
// README's command) installs both through scripts/deps. They take minutes,
// so `go test -short ./...`, the inner loop while editing, skips them.
package browsertest
