#!/bin/sh
# make bench: narrate against the tools a user would use instead, measured
# side by side in one run (machines here are noisy: ratios, not absolute
# times).  CPU seconds are user+sys of the command and all its children.
# BENCH_ARTICLES (default 120) BBC articles are used; 2225 is the whole corpus.
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus=$root/../shared/corpus/bbc-news
n=${BENCH_ARTICLES:-120}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cpu() { /usr/bin/time -f '%U %S %M' -o "$tmp/t" "$@" >/dev/null 2>&1; awk '{ print $1 + $2 }' "$tmp/t"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0) ? a / b : 0 }'; }
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a < b) ? a : b }'; }

if [ ! -d "$corpus" ]; then echo "bench: no BBC corpus at $corpus"; exit 0; fi
find "$corpus" -name '*.txt' | sort | awk -v n="$n" 'NR % int(2225 / n) == 1' | head -n "$n" >"$tmp/list"
n=$(wc -l <"$tmp/list")
echo "bench: $n BBC articles, $(xargs cat <"$tmp/list" | wc -w) words; $(nproc) cores, $(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')"

# 1. one long article: narrate -f wav against espeak-ng -w on the same text
{ echo "Benchmark"; echo; xargs cat <"$tmp/list"; } >"$tmp/article.txt"
e=999; r=999; l=999
for i in 1 2 3; do
	e=$(min "$e" "$(cpu espeak-ng -v en-us -s 165 -f "$tmp/article.txt" -w "$tmp/raw.wav")")
	r=$(min "$r" "$(cpu "$bin" -q -f wav -o "$tmp/o" "$tmp/article.txt")")
done
echo "synthesis: narrate -f wav $r s vs espeak-ng -w $e s CPU: ratio $(ratio "$r" "$e") (bar <= 1.10)"

# 1b. the same, counted in instructions (valgrind's callgrind): immune to a
# busy machine, blind to kernel time; on a 30 KB piece of the text
if command -v valgrind >/dev/null && [ "${BENCH_CALLGRIND:-1}" = 1 ]; then
	head -c 30000 "$tmp/article.txt" >"$tmp/a30.txt"
	valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.e.%p" espeak-ng -v en-us -s 165 \
		-f "$tmp/a30.txt" -w "$tmp/r30.wav" >/dev/null 2>&1
	valgrind --tool=callgrind --trace-children=yes --callgrind-out-file="$tmp/cg.n.%p" \
		"$bin" -q -f wav -o "$tmp/o30" "$tmp/a30.txt" >/dev/null 2>&1
	ie=$(cat "$tmp"/cg.e.* | awk '/^summary:/ { s += $2 } END { print s }')
	in=$(cat "$tmp"/cg.n.* | awk '/^summary:/ { s += $2 } END { print s }')
	echo "synthesis in instructions (callgrind, all processes): narrate $in vs espeak-ng $ie: ratio $(ratio "$in" "$ie")"
fi

# 2. normalization (and lexicon) against synthesis, and its growth with length
t1=$(cpu "$bin" text "$tmp/article.txt")
for i in 1 2 3 4; do cat "$tmp/article.txt"; done >"$tmp/article4.txt"
t4=$(cpu "$bin" text "$tmp/article4.txt")
echo "preprocessing: $t1 s CPU, $(ratio "$t1" "$r") of narrating (bar <= 0.05); 4x the text: $t4 s ($(ratio "$t4" "$t1")x; linear is 4)"

# 3. mastering + MP3 encoding of one article (the longest of the sample)
# against the shell pipeline a user would write: espeak-ng -w, then ffmpeg
if command -v ffmpeg >/dev/null; then
	one=$(xargs wc -w <"$tmp/list" | grep -v ' total$' | sort -n | tail -n 1 | awk '{ print $2 }')
	espeak-ng -v en-us -s 165 -f "$one" -w "$tmp/one.wav"
	f=999; mm=999
	for i in 1 2 3; do
		f=$(min "$f" "$(cpu ffmpeg -nostdin -y -i "$tmp/one.wav" -af loudnorm=I=-16:TP=-1 -ar 44100 -ac 1 -b:a 96k "$tmp/x.mp3")")
		m=$(cpu "$bin" -q -f mp3 --no-chapter-files -o "$tmp/m" "$one")
		w=$(cpu "$bin" -q -f wav --no-chapter-files -o "$tmp/w" "$one")
		mm=$(min "$mm" "$(awk -v a="$m" -v b="$w" 'BEGIN { print a - b }')")
	done
	echo "mastering + MP3 ($(wc -w <"$one") words): narrate $mm s (mp3 minus wav) vs ffmpeg loudnorm + MP3 $f s: ratio $(ratio "$mm" "$f") (bar <= 0.5)"
	c=$(cpu "$bin" -q -f mp3 -o "$tmp/c" "$one")
	echo "  narrate -f mp3 with chapter files too (each its own MP3 encode): $c s in all"
fi

# 4. batch: -j 2 speed-up against two raw espeak-ng processes, throughput
# against `parallel -j2 espeak-ng -w`, memory per worker
if command -v parallel >/dev/null; then
	mkdir -p "$tmp/arch"; xargs -I{} cp {} "$tmp/arch/" <"$tmp/list" 2>/dev/null
	ls "$tmp"/arch/*.txt >"$tmp/alist"
	wall() { s=$(date +%s.%N); "$@" >/dev/null 2>&1; awk -v s="$s" -v e="$(date +%s.%N)" 'BEGIN { print e - s }'; }
	mkdir -p "$tmp/pw"
	p1=$(wall parallel -j1 espeak-ng -v en-us -s 165 -f {} -w "$tmp/pw/{/.}.wav" :::: "$tmp/alist")
	p2=$(wall parallel -j2 espeak-ng -v en-us -s 165 -f {} -w "$tmp/pw/{/.}.wav" :::: "$tmp/alist")
	b1=$(wall "$bin" batch -q -j 1 -f wav --force --no-cache -o "$tmp/b" "$tmp/arch")
	b2=$(wall "$bin" batch -q -j 2 -f wav --force --no-cache -o "$tmp/b" "$tmp/arch")
	/usr/bin/time -f "%M" -o "$tmp/mem" "$bin" batch -q -j 2 -f wav --force --no-cache -o "$tmp/b" "$tmp/arch" >/dev/null 2>&1
	echo "batch wall time: espeak-ng -j1 $p1 s, -j2 $p2 s (speed-up $(ratio "$p1" "$p2")); narrate -j1 $b1 s, -j2 $b2 s (speed-up $(ratio "$b1" "$b2"))"
	awk -v a="$p1" -v b="$p2" -v c="$b1" -v d="$b2" 'BEGIN { ce = a / b; cn = c / d; printf "  narrate gets %.0f%% of espeak-ng'"'"'s -j2 speed-up (bar >= 90%%); throughput %.2fx of parallel -j2 espeak-ng (bar >= 0.85)\n", 100 * (cn - 1) / (ce - 1 > 0 ? ce - 1 : 1), b / d }'
	echo "  peak memory of the biggest process: $(cat "$tmp/mem") KB (bar per worker <= 51200)"
	s=$(date +%s%N); "$bin" batch -q -j 2 -f wav -o "$tmp/b" "$tmp/arch" >/dev/null 2>&1
	echo "  unchanged re-run: $(( ($(date +%s%N) - s) / 1000000 )) ms for $n articles"
	# one lexicon entry for a name in about 5% of the articles, with the
	# sentence cache: only the sentences that say it are synthesized again
	# (a name: never written in lower case, since entries match any case)
	word=$(for f in "$tmp"/arch/*.txt; do grep -oE '\b[A-Z][a-z]{4,}\b' "$f" | sort -u; done |
		sort | uniq -c | awk -v t="$((n / 20 + 1))" '{ d = $1 - t; d = d < 0 ? -d : d; print d, $2 }' |
		sort -n | awk '{ print $2 }' | while read -r w; do
			lw=$(echo "$w" | tr 'A-Z' 'a-z')
			cat "$tmp"/arch/*.txt | grep -qw "$lw" || { echo "$w"; break; }
		done)
	printf '%s: { say: "%s" }\n' "$word" "$(echo "$word" | tr 'A-Z' 'a-z')ah" >"$tmp/lex.yaml"
	c0=$(wall "$bin" batch -q -j 2 -f wav -o "$tmp/bc" "$tmp/arch")
	c1=$(wall "$bin" batch -q -j 2 -f wav --lexicon "$tmp/lex.yaml" -o "$tmp/bc" "$tmp/arch")
	sum=$(python3 -c "import json; s = json.load(open('$tmp/bc/batch-report.json'))['summary']; print(s['narrated'], 'articles,', s['sentences_synthesized'], 'sentences synthesized,', s['sentences_from_cache'], 'from the cache')")
	echo "  after a lexicon entry for '$word': $c1 s ($sum) vs $c0 s from scratch: $(ratio "$c0" "$c1")x faster (bar >= 10)"
fi
for s in "$root"/tests/bench/bench_*.sh; do
	[ -e "$s" ] && sh "$s" "$bin"
done
[ -f "$root/tests/bench/lexicon.sh" ] && (cd "$root" && sh tests/bench/lexicon.sh "$bin" "$root/../shared")
exit 0
