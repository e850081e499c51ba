#!/bin/sh
# Compares congkhai's search with Pagefind 1.x on the same generated
# portal: the size of each index, the time to build it, and, in Chromium
# with the CPU slowed 4 times and a cold cache, what each of 30 queries
# downloads and how many relevant procedures its first ten results hold
# (internal/browsertest TestSearchCompare).
#
#   bench/search-compare.sh [procedures] [runs]      (defaults: 10000 3)
#
# OUT=/dev/shm bench/search-compare.sh … keeps the portals in that folder.
# Pagefind is installed with npm into the temporary folder, never into the
# repository's package.json; it indexes congkhai's HTML, the <main> of
# each page (--root-selector main), as a site without congkhai would.
# Needs Go, npm, Debian's chromium and GNU time.
set -eu
n=${1:-10000}
runs=${2:-3}
cd "$(dirname "$0")/.."
repo=$(pwd)

work=$(mktemp -d "${OUT:-${TMPDIR:-/tmp}}/search-compare.XXXXXX")
trap 'rm -rf "$work"' EXIT
go build -o "$work/congkhai" ./cmd/congkhai
go run ./cmd/corpus -n "$n" -out "$work/site" >/dev/null
npm install --prefix "$work/pf" --no-save --no-audit --no-fund --loglevel=error pagefind@1 >/dev/null
pagefind="$work/pf/node_modules/.bin/pagefind"
echo "congkhai $("$work/congkhai" version | head -1 | cut -d' ' -f2-), pagefind $("$pagefind" --version | cut -d' ' -f2), $n procedures, $runs runs, $(nproc) CPUs" >&2

# Build times: congkhai's whole build, cold (no build cache), and Pagefind
# indexing the HTML it wrote. What the index adds to congkhai's build is
# measured by the build benchmarks with and without it, alternated, in CPU
# time (the machine may be shared).
: >"$work/congkhai.times"
: >"$work/pagefind.times"
i=0
while [ "$i" -lt "$runs" ]; do
	/usr/bin/time -f '%e %U %S %M' -a -o "$work/congkhai.times" "$work/congkhai" build --no-cache --source "$work/site" --destination "$work/out-$i" >/dev/null 2>&1
	/usr/bin/time -f '%e %U %S %M' -a -o "$work/pagefind.times" "$pagefind" --site "$work/out-$i" --root-selector main --silent >/dev/null 2>&1
	i=$((i + 1))
done
(cd internal/build && go test -c -o "$work/build.test" . >/dev/null)
: >"$work/bench.txt"
i=0
while [ "$i" -lt "$runs" ]; do
	(cd internal/build && CONGKHAI_BENCH_SITE="$work/site" TMPDIR="$work" "$work/build.test" -test.run '^$' -test.bench '^BenchmarkBuild(WithoutSearch)?$' -test.benchtime 1x) | grep '^Benchmark' >>"$work/bench.txt"
	i=$((i + 1))
done

# stats prints the min, median and max of the numbers on its input.
stats() { sort -n | awk '{a[NR]=$1} END {printf "%.2f / %.2f / %.2f", a[1], (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), a[NR]}'; }
col() { awk -v c="$2" '{print $c}' "$1"; }
# cpu prints the cpu-ns/op of the benchmark lines on its input, in seconds.
cpu() { awk '{for (i = 2; i <= NF; i++) if ($i == "cpu-ns/op") print $(i-1)/1e9}'; }
size() { find "$@" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}'; }
count() { find "$@" -type f | wc -l; }
out="$work/out-0"
echo
echo "builds (min / median / max of $runs, seconds)"
echo "  congkhai build, wall:           $(col "$work/congkhai.times" 1 | stats)"
echo "  congkhai build, user+sys CPU:   $(awk '{print $2+$3}' "$work/congkhai.times" | stats)"
echo "  congkhai build, peak MiB:       $(awk '{print $4/1024}' "$work/congkhai.times" | stats)"
echo "  BenchmarkBuild, wall:           $(grep 'BenchmarkBuild-' "$work/bench.txt" | awk '{print $3/1e9}' | stats)"
echo "  BenchmarkBuild, CPU:            $(grep 'BenchmarkBuild-' "$work/bench.txt" | cpu | stats)"
echo "  BenchmarkBuildWithoutSearch, wall: $(grep 'BenchmarkBuildWithoutSearch-' "$work/bench.txt" | awk '{print $3/1e9}' | stats)"
echo "  BenchmarkBuildWithoutSearch, CPU:  $(grep 'BenchmarkBuildWithoutSearch-' "$work/bench.txt" | cpu | stats)"
echo "  pagefind --site, wall:          $(col "$work/pagefind.times" 1 | stats)"
echo "  pagefind --site, user+sys CPU:  $(awk '{print $2+$3}' "$work/pagefind.times" | stats)"
echo "  pagefind --site, peak MiB:      $(awk '{print $4/1024}' "$work/pagefind.times" | stats)"
echo
echo "index on disk (bytes, files)"
echo "  congkhai /tim-kiem/index/:      $(size "$out/tim-kiem/index") in $(count "$out/tim-kiem/index") files"
echo "  pagefind index and fragments:   $(size "$out/pagefind/index" "$out/pagefind/fragment" "$out/pagefind/"*.pf_meta "$out/pagefind/pagefind-entry.json") in $(count "$out/pagefind/index" "$out/pagefind/fragment" "$out/pagefind/"*.pf_meta "$out/pagefind/pagefind-entry.json") files"
echo "  pagefind script and wasm:       $(size "$out/pagefind/pagefind.js" "$out/pagefind/wasm.unknown.pagefind")"
echo
CONGKHAI_COMPARE_PUBLIC="$out" CONGKHAI_COMPARE_SOURCE="$work/site" CONGKHAI_COMPARE_OUT="$work/compare.json" \
	go test "$repo/internal/browsertest" -run '^TestSearchCompare$' -count 1 -v -timeout 30m | grep -E 'compare_test|^(ok|FAIL|---)' >&2 || true
[ -s "$work/compare.json" ] || { echo "the comparison in Chromium did not run" >&2; exit 1; }
python3 - "$work/compare.json" <<'PY'
import json, statistics, sys
rows = json.load(open(sys.argv[1]))
print("30 queries, cold cache, CPU slowed 4x (min / median / max)")
for e in ("congkhai", "pagefind"):
    runs = [r["Runs"][e] for r in rows]
    def s(key):
        v = sorted(x[key] for x in runs)
        return "%d / %d / %d" % (v[0], statistics.median(v), v[-1])
    rec = statistics.mean(x["Recall"] for x in runs)
    first = sum(x["FirstGood"] for x in runs)
    print(f"  {e:9s} index+results bytes {s('Index')}, engine code bytes {s('Code')}, ms {s('Ms')}, mean recall@10 {rec:.2f}, first result relevant {first}/30")
for r in rows:
    c, p = r["Runs"]["congkhai"], r["Runs"]["pagefind"]
    print(f"  {r['Query'][:44]:44s} {r['Relevant']:4d} relevant | congkhai {c['Recall']:.2f} {c['Index']:6d} B | pagefind {p['Recall']:.2f} {p['Index']:6d} B")
PY
