#!/bin/sh
# Times this working copy's congkhai against the program of another commit
# on the same generated portal: cold builds (a fresh destination and an
# empty build cache each), alternating the two programs, and prints the
# medians of CPU time (user + system) and peak memory, and the median of
# the ratios of CPU time run by run. What a change costs (the open data of
# issue 19 against the main branch it was merged with, say):
#
#   bench/against.sh <commit> [procedures] [runs]      (defaults: 10000 5)
#
# OUT=/dev/shm bench/against.sh … writes the outputs to that folder (a RAM
# disk). On a disk, see compare.sh for why a build right after a large
# delete measures the file system, not the program. CPU time, not wall
# time: the machine is shared, and other tenants add to the wall time of
# one run or the next.
set -eu
base=$1
n=${2:-10000}
runs=${3:-5}
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { echo "against.sh needs GNU time (apt-get install time)" >&2; exit 1; }

work=$(mktemp -d)
out=${OUT:-$work}
runs_dir=$(mktemp -d "$out/against-runs.XXXXXX")
trap 'rm -rf "$work" "$runs_dir"' EXIT
mkdir "$work/base-src"
git archive "$base" | tar -x -C "$work/base-src"
(cd "$work/base-src" && go build -o "$work/base" ./cmd/congkhai)
go build -o "$work/this" ./cmd/congkhai
go run ./cmd/corpus -n "$n" -out "$runs_dir/site"

echo "base $(git rev-parse --short "$base"), this working copy at $(git rev-parse --short HEAD), $n procedures, $runs runs, $(nproc) CPUs" >&2
: >"$work/base.times"
: >"$work/this.times"
i=0
while [ "$i" -lt "$runs" ]; do
	for prog in base this; do
		d="$runs_dir/$prog-$i"
		/usr/bin/time -f '%e %U %S %M' -a -o "$work/$prog.times" "$work/$prog" build --source "$runs_dir/site" \
			--destination "$d/public" --cache-dir "$d/cache" >/dev/null 2>&1
	done
	i=$((i + 1))
done

med() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
cpu() { awk '{print $2+$3}' "$1" | med; }
peak() { awk '{print $4}' "$1" | med; }
ratio=$(paste "$work/base.times" "$work/this.times" | awk '{print ($6+$7)/($2+$3)}' | med)
awk -v bc="$(cpu "$work/base.times")" -v tc="$(cpu "$work/this.times")" -v bm="$(peak "$work/base.times")" \
	-v tm="$(peak "$work/this.times")" -v r="$ratio" 'BEGIN {
	printf "%-6s %8s %10s\n", "", "cpu s", "peak MiB"
	printf "%-6s %8.2f %10.0f\n", "base", bc, bm / 1024
	printf "%-6s %8.2f %10.0f\n", "this", tc, tm / 1024
	printf "this/base: cpu %.3f (median of the runs'"'"' ratios %.3f), peak memory %.3f\n", tc / bc, r, tm / bm
}'
