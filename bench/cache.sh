#!/bin/sh
# Times the builds CI runs with the build cache (issue 14), on one generated
# portal, alternating the kinds of build within each run:
#
#   cold        no cache, empty destination (--no-cache)
#   first       an empty cache folder, which the build fills
#   warm        the cache of the last build, an empty destination: CI that
#               restores the cache but not public/
#   edited      one procedure changed since, the cache restored, and public/
#               restored too (a copy of the last output)
#   1 CPU       cold, GOMAXPROCS=1 (how the build scales with CPUs)
#
#   bench/cache.sh [procedures] [runs]      (defaults: 10000 3)
#
# It prints, for each kind, min/median/max of wall and user CPU time, peak
# memory and the files written. OUT=/dev/shm keeps the outputs in RAM.
set -eu
n=${1:-10000}
runs=${2:-3}
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }

work=$(mktemp -d)
out=${OUT:-$work}
runs_dir=$(mktemp -d "$out/cache-runs.XXXXXX")
trap 'rm -rf "$work" "$runs_dir"' EXIT
go build -o "$work/congkhai" ./cmd/congkhai
go run ./cmd/corpus -n "$n" -out "$work/site"
site=$work/site
one=$(find "$site/content" -name '*.md' -path '*thu-tuc*' ! -name '_index.md' | sort | head -1)
echo "congkhai $("$work/congkhai" version | head -1 | cut -d' ' -f2-), $n procedures, $runs runs, $(nproc) CPUs, output in $runs_dir, edited: ${one#"$site"/}" >&2

# timed KIND ARGS...: one build, its times appended to $work/KIND.times
# with the number of files it says it wrote.
timed() {
	kind=$1
	shift
	/usr/bin/time -f '%e %U %S %M' -o "$work/t" "$@" >/dev/null 2>"$work/log" || { cat "$work/log" >&2; exit 1; }
	written=$(sed -n 's/.*files, \([0-9]*\) written.*/\1/p' "$work/log" | tail -1)
	echo "$(cat "$work/t") ${written:-?}" >>"$work/$kind.times"
}

i=0
while [ "$i" -lt "$runs" ]; do
	d=$runs_dir/$i
	mkdir -p "$d"
	timed cold "$work/congkhai" build --lang en --no-cache --source "$site" --destination "$d/cold"
	timed first "$work/congkhai" build --lang en --cache-dir "$d/cache" --source "$site" --destination "$d/first"
	timed warm "$work/congkhai" build --lang en --cache-dir "$d/cache" --source "$site" --destination "$d/warm"
	cp -a "$d/warm" "$d/edited"
	printf '\nMột đoạn sửa lần %s.\n' "$i" >>"$one"
	timed edited "$work/congkhai" build --lang en --cache-dir "$d/cache" --source "$site" --destination "$d/edited"
	timed 1cpu env GOMAXPROCS=1 "$work/congkhai" build --lang en --no-cache --source "$site" --destination "$d/1cpu"
	i=$((i + 1))
done

# stats COLUMN FILE: min median max of a column
stats() {
	awk -v c="$1" '{print $c}' "$2" | sort -n | awk '{a[NR]=$1} END {m = NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%.2f / %.2f / %.2f", a[1], m, a[NR]}'
}
printf '%-8s %-22s %-22s %-12s %s\n' kind "wall s (min/med/max)" "user s (min/med/max)" "peak MiB" written
for kind in cold first warm edited 1cpu; do
	f=$work/$kind.times
	peak=$(awk '{print $4}' "$f" | sort -n | tail -1)
	printf '%-8s %-22s %-22s %-12d %s\n' "$kind" "$(stats 1 "$f")" "$(stats 2 "$f")" $((peak / 1024)) "$(awk '{print $5}' "$f" | sort -n | uniq | tr '\n' ' ')"
done
