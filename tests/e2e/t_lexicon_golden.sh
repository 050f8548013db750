#!/bin/sh
# Golden test: every word of the shipped lexicon (entries and aliases) still
# sounds as reviewed in tests/golden/lexicon.golden, through
# `narrate text | espeak-ng -x`; and no shipped word lacks a golden line.
set -u
N=${NARRATE:-./narrate}
export NARRATE_DATADIR="${NARRATE_DATADIR:-$PWD}"
command -v espeak-ng >/dev/null 2>&1 || { echo "skip: espeak-ng not installed"; exit 77; }
T=${TMPDIR:-/tmp}/t_lexicon_golden.$$
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT
gold=tests/golden/lexicon.golden
grep -v '^#' "$gold" | cut -f1 > "$T/words"
grep -v '^#' "$gold" | cut -f2 > "$T/want"
"$N" text --lines "$T/words" > "$T/spoken" || { echo "narrate text failed"; exit 1; }
sed 's/$/ ./' "$T/spoken" | espeak-ng -q -x -v en-us --stdin | sed 's/ *$//' > "$T/got"
if ! cmp -s "$T/want" "$T/got"; then
	echo "t_lexicon_golden: pronunciations changed (word, golden, now):"
	paste "$T/words" "$T/want" "$T/got" | awk -F'\t' '$2 != $3' | head -20
	exit 1
fi
# coverage: the golden table lists exactly the shipped words
"$N" lexicon export --pls pronunciations/en/*.yaml |
	sed -n 's:.*<grapheme>\(.*\)</grapheme>.*:\1:p' | sort > "$T/shipped"
sort "$T/words" > "$T/golden-sorted"
if ! cmp -s "$T/shipped" "$T/golden-sorted"; then
	echo "t_lexicon_golden: shipped words and golden lines differ (< shipped only, > golden only):"
	diff "$T/shipped" "$T/golden-sorted" | grep '^[<>]' | head -20
	echo "regenerate with: sh tests/golden/lexicon-generate.sh, and review the diff"
	exit 1
fi
echo "t_lexicon_golden: ok ($(wc -l < "$T/words") words)"
