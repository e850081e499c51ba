# The two commands of the README:
#   make site   builds the example portal in this folder into public/
#   make test   runs every test (what .ci/run calls)
# and, apart from them:
#   make fuzz   runs every fuzz target for FUZZTIME each (scripts/fuzz)

GO ?= go
# BASE_URL, when given, is the address the portal is published at
# (make site BASE_URL=https://example.gov.vn/portal/); otherwise base_url
# of site.toml.
BASE_URL ?=
# FUZZTIME is how long make fuzz runs each fuzz target (make fuzz FUZZTIME=5m).
FUZZTIME ?= 30s

.PHONY: site test vet deps fuzz

site:
	GO="$(GO)" ./scripts/deps
	$(GO) run ./cmd/congkhai build $(if $(BASE_URL),--base-url "$(BASE_URL)")

# The tests of a program with ECharts built in (a binary that builds a site
# without node_modules) must run, not be skipped: deps generates the file.
# The browser tests (every page type of both languages, in headless
# Chromium) take some ten minutes on two CPUs: more than go test's default
# limit for one package.
test: vet
	GO="$(GO)" ./scripts/deps --browser
	CONGKHAI_WANT_BUILTIN_ECHARTS=1 $(GO) test -timeout 30m ./...

fuzz:
	GO="$(GO)" FUZZTIME="$(FUZZTIME)" ./scripts/fuzz

vet:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './node_modules/*')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...
