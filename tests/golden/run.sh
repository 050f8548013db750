#!/bin/sh
# Golden tests: text in, expected text out, compared with diff.
#  - golden/structure/NAME.txt: `narrate text --structure` must print NAME.expected
#  - golden/*.tsv: each line "written<TAB>spoken"; column 1 through
#    `narrate text --lines --no-lexicon -` (the text rules alone) must give
#    column 2 (lines starting with # are comments)
# Set GOLDEN_UPDATE=1 to rewrite the .expected files from the current output.
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
pass=0 fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for f in "$root"/tests/golden/structure/*.txt; do
	[ -e "$f" ] || continue
	exp=${f%.txt}.expected
	"$bin" text --structure "$f" >"$tmp/out" 2>&1
	if [ -n "$GOLDEN_UPDATE" ]; then cp "$tmp/out" "$exp"; fi
	if diff -u "$exp" "$tmp/out" >"$tmp/diff"; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "FAIL golden $(basename "$f")"; head -n 40 "$tmp/diff"; fi
done
for f in "$root"/tests/golden/*.tsv; do
	[ -e "$f" ] || continue
	grep -v '^#' "$f" | grep -v '^$' >"$tmp/cases"
	cut -f1 "$tmp/cases" | "$bin" text --lines --no-lexicon - >"$tmp/got" 2>/dev/null
	cut -f2 "$tmp/cases" >"$tmp/want"
	n=$(wc -l <"$tmp/cases")
	bad=$(paste "$tmp/cases" "$tmp/got" | awk -F'\t' '$2 != $3 {print "  in:   " $1 "\n  want: " $2 "\n  got:  " $3; c++} END {print c+0 > "/dev/stderr"}' 2>"$tmp/count")
	c=$(cat "$tmp/count")
	pass=$((pass + n - c)); fail=$((fail + c))
	[ "$c" -eq 0 ] || { echo "FAIL golden $(basename "$f"): $c of $n"; echo "$bad" | head -n 60; }
done
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
