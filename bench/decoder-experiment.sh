#!/bin/sh
# What the required TOML library costs: times, alternating, congkhai as it
# is, the same congkhai decoding front matter with pelletier/go-toml v2 (the
# decoder Hugo uses; BurntSushi/toml still reports the problems of a
# document go-toml refuses), and Hugo, on one generated portal.
#
#   bench/decoder-experiment.sh [procedures] [runs]      (defaults: 10000 5)
#
# The variant is built in a temporary copy of the committed tree and is
# never part of congkhai: BurntSushi/toml is a required library. Unknown
# keys are not reported by the variant, which is fine for the generated
# portal (it has none). OUT=/dev/shm writes the outputs to that folder.
# Needs the Go module proxy (for go-toml), Debian's hugo and GNU time.
set -eu
n=${1:-10000}
runs=${2:-5}
cd "$(dirname "$0")/.."
command -v hugo >/dev/null && [ -x /usr/bin/time ] || { echo "run bench/compare.sh once first: it installs hugo and time" >&2; exit 1; }

work=$(mktemp -d)
out=${OUT:-$work}
runs_dir=$(mktemp -d "$out/decoder-runs.XXXXXX")
trap 'rm -rf "$work" "$runs_dir"' EXIT

go build -o "$work/congkhai" ./cmd/congkhai
mkdir "$work/variant"
git archive HEAD | tar -x -C "$work/variant"
(
	cd "$work/variant"
	f=internal/tomlfile/tomlfile.go
	grep -q '	md, err := toml.Decode(d.src, v)$' "$f" || { echo "$f changed: update this script" >&2; exit 1; }
	perl -0pi -e 's|\t"github.com/BurntSushi/toml"\n|\t"github.com/BurntSushi/toml"\n\tgotoml "github.com/pelletier/go-toml/v2"\n|; s|(\tmd, err := toml.Decode\(d.src, v\)\n)|\tif gotoml.Unmarshal([]byte(d.src), v) == nil {\n\t\treturn true\n\t}\n$1|' "$f"
	go get github.com/pelletier/go-toml/v2@v2.4.3
	go build -o "$work/congkhai-gotoml" ./cmd/congkhai
)
go run ./cmd/corpus -n "$n" -out "$work/ck"
go run ./cmd/corpus -n "$n" -hugo -out "$work/hugo"

echo "$n procedures, $runs runs, $(nproc) CPUs, output in $runs_dir" >&2
for t in congkhai gotoml hugo; do : >"$work/$t.times"; done
i=0
while [ "$i" -lt "$runs" ]; do
	/usr/bin/time -f '%e %U %S %M' -a -o "$work/congkhai.times" "$work/congkhai" build --source "$work/ck" --destination "$runs_dir/ck-$i" >/dev/null 2>&1
	/usr/bin/time -f '%e %U %S %M' -a -o "$work/gotoml.times" "$work/congkhai-gotoml" build --source "$work/ck" --destination "$runs_dir/gotoml-$i" >/dev/null 2>&1
	rm -rf "$work/hugo/resources"
	/usr/bin/time -f '%e %U %S %M' -a -o "$work/hugo.times" hugo --quiet --source "$work/hugo" --destination "$runs_dir/hugo-$i" >/dev/null 2>&1
	i=$((i + 1))
done
diff -r -q "$runs_dir/ck-0" "$runs_dir/gotoml-0" >/dev/null || echo "warning: the variant's output differs" >&2

med() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
printf '%-10s %8s %8s %8s %10s\n' tool "wall s" "best s" "cpu s" "peak MiB"
for t in congkhai gotoml hugo; do
	f="$work/$t.times"
	printf '%-10s %8.2f %8.2f %8.2f %10.0f\n' "$t" "$(awk '{print $1}' "$f" | med)" "$(awk '{print $1}' "$f" | sort -n | head -1)" \
		"$(awk '{print $2+$3}' "$f" | med)" "$(awk '{print $4/1024}' "$f" | med)"
done
hw=$(awk '{print $1}' "$work/hugo.times" | med)
for t in congkhai gotoml; do
	printf '%s / hugo, median wall: %.3f\n' "$t" "$(echo "$(awk '{print $1}' "$work/$t.times" | med) $hw" | awk '{print $1 / $2}')"
done
