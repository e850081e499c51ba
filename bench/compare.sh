#!/bin/sh
# Times congkhai and Hugo on the same generated portal, alternating runs,
# and prints medians and ratios of wall time, CPU time and peak memory, and
# the best wall time of each.
#
#   bench/compare.sh [procedures] [runs]      (defaults: 10000 5)
#
# OUT=/dev/shm bench/compare.sh … writes both outputs to that folder (a
# RAM disk, say) to compare the tools without the cost of the disk.
#
# Every run writes into a destination of its own, and the outputs are only
# deleted at the end: ext4 without a journal (this machine's disk) skips
# inodes freed in the last minutes when it creates files, which made a build
# right after "rm -rf" of the last one create its 10,000 files several times
# slower. For the same reason, leave a few minutes after deleting a large
# folder before timing anything on that disk.
# Needs Debian's hugo and GNU time; installs them with apt-get when missing.
set -eu
n=${1:-10000}
runs=${2:-5}
cd "$(dirname "$0")/.."

need() {
	command -v "$1" >/dev/null 2>&1 && return
	echo "installing $2 with apt-get" >&2
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}
need hugo hugo
[ -x /usr/bin/time ] || need /usr/bin/time time

work=$(mktemp -d)
out=${OUT:-$work}
runs_dir=$(mktemp -d "$out/compare-runs.XXXXXX")
trap 'rm -rf "$work" "$runs_dir"' EXIT
go build -o "$work/congkhai" ./cmd/congkhai
go run ./cmd/corpus -n "$n" -out "$work/ck"
go run ./cmd/corpus -n "$n" -hugo -out "$work/hugo"

echo "congkhai $("$work/congkhai" version | cut -d' ' -f2-), $(hugo version | cut -d' ' -f2), $n procedures, $runs runs, $(nproc) CPUs, output in $runs_dir" >&2
: >"$work/congkhai.times"
: >"$work/hugo.times"
i=0
while [ "$i" -lt "$runs" ]; do
	ckout="$runs_dir/congkhai-$i"
	hugoout="$runs_dir/hugo-$i"
	rm -rf "$work/hugo/resources"
	/usr/bin/time -f '%e %U %S %M' -a -o "$work/congkhai.times" "$work/congkhai" build --no-cache --source "$work/ck" --destination "$ckout" >/dev/null 2>&1
	/usr/bin/time -f '%e %U %S %M' -a -o "$work/hugo.times" hugo --quiet --source "$work/hugo" --destination "$hugoout" >/dev/null 2>&1
	i=$((i + 1))
done

# med prints the median of the numbers on its input, one per line.
med() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# median of column $2 of file $1; cpu: median of user + system time
median() { awk -v c="$2" '{print $c}' "$1" | med; }
cpu() { awk '{print $2+$3}' "$1" | med; }

# fastest wall time of file $1: the machine's other tenants only ever add
best() { awk '{print $1}' "$1" | sort -n | head -1; }

cw=$(median "$work/congkhai.times" 1); hw=$(median "$work/hugo.times" 1)
cb=$(best "$work/congkhai.times"); hb=$(best "$work/hugo.times")
cc=$(cpu "$work/congkhai.times"); hc=$(cpu "$work/hugo.times")
cm=$(median "$work/congkhai.times" 4); hm=$(median "$work/hugo.times" 4)
pages_ck=$(find "$ckout" -name '*.html' | wc -l)
pages_hugo=$(find "$hugoout" -name '*.html' | wc -l)
awk -v cw="$cw" -v hw="$hw" -v cb="$cb" -v hb="$hb" -v cc="$cc" -v hc="$hc" -v cm="$cm" -v hm="$hm" -v pc="$pages_ck" -v ph="$pages_hugo" 'BEGIN {
	printf "%-10s %10s %10s %10s %12s %8s\n", "tool", "wall s", "best s", "cpu s", "peak MiB", "html"
	printf "%-10s %10.2f %10.2f %10.2f %12.0f %8d\n", "congkhai", cw, cb, cc, cm / 1024, pc
	printf "%-10s %10.2f %10.2f %10.2f %12.0f %8d\n", "hugo", hw, hb, hc, hm / 1024, ph
	printf "ratio congkhai/hugo: wall %.3f (best %.3f), cpu %.3f, peak memory %.3f\n", cw / hw, cb / hb, cc / hc, cm / hm
}'
