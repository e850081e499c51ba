# The two commands of the README:
#   make site   builds the example portal in this folder into public/
#   make test   runs every test (what .ci/run calls)

GO ?= go

.PHONY: site test vet deps

site:
	./scripts/deps
	$(GO) run ./cmd/congkhai build

test: vet
	./scripts/deps --browser
	$(GO) test ./...

vet:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './node_modules/*')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...
