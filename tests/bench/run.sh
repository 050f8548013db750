#!/bin/sh
# make bench: CPU-time ratios of narrate against raw espeak-ng on the same
# text, measured side by side in one run (machines here are noisy: ratios,
# not absolute times).  Uses the BBC corpus in ../shared when present.
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus=$root/../shared/corpus/bbc-news
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# CPU seconds (user+sys, children included) of a command
cpu() { /usr/bin/time -f '%U %S' -o "$tmp/t" "$@" >/dev/null 2>&1; awk '{ print $1 + $2 }' "$tmp/t"; }

if [ -d "$corpus" ]; then
	ls "$corpus"/business/*.txt | head -n 40 >"$tmp/list"
else
	echo "$root/tests/data/sample-article.txt" >"$tmp/list"
fi
n=$(wc -l <"$tmp/list")
# One text for both: the articles concatenated.
xargs cat <"$tmp/list" >"$tmp/all.txt"
printf 'Benchmark\n\n' | cat - "$tmp/all.txt" >"$tmp/article.txt"
echo "bench: $n articles, $(wc -w <"$tmp/all.txt") words (lscpu: $(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2}'), $(nproc) cores)"

best_ratio() {
	# three rounds, alternating, keep the smallest of each side
	e=999999; r=999999
	for i in 1 2 3; do
		a=$(cpu espeak-ng -v en-us -f "$tmp/article.txt" -w "$tmp/raw.wav")
		b=$(cpu "$@")
		e=$(awk -v x="$a" -v y="$e" 'BEGIN { print (x < y) ? x : y }')
		r=$(awk -v x="$b" -v y="$r" 'BEGIN { print (x < y) ? x : y }')
	done
	echo "$e $r"
}
set -- $(best_ratio "$bin" -q -f wav --loudness off -o "$tmp/o" "$tmp/article.txt")
echo "narrate -f wav --loudness off vs espeak-ng -w: $2 s vs $1 s CPU, ratio $(awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b / a }') (bar: <= 1.10)"
set -- $(best_ratio "$bin" -q -f wav -o "$tmp/o" "$tmp/article.txt")
echo "narrate -f wav (mastered) vs espeak-ng -w: $2 s vs $1 s CPU, ratio $(awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b / a }')"
t=$(cpu "$bin" text "$tmp/article.txt")
echo "normalization alone (narrate text): $t s CPU"
for s in "$root"/tests/bench/bench_*.sh; do
	[ -e "$s" ] && sh "$s" "$bin"
done
exit 0
