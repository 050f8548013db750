#!/bin/sh
# Regenerates tests/golden/lexicon.golden: for every word of the shipped lexicon
# (entries and aliases), what espeak-ng says for narrate's spoken form
# (through `narrate text --lines | espeak-ng -x`) and what it says for the word
# alone.  Review the diff before committing: a changed line is a changed
# pronunciation.  Usage: sh tests/golden/lexicon-generate.sh [./narrate]
set -eu
NARRATE=${1:-./narrate}
export NARRATE_DATADIR=${NARRATE_DATADIR:-$PWD}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$NARRATE" lexicon export --pls pronunciations/en/*.yaml |
	sed -n 's:.*<grapheme>\(.*\)</grapheme>.*:\1:p' |
	sed -e 's/&amp;/\&/g' -e "s/&apos;/'/g" > "$tmp/words"
"$NARRATE" text --lines "$tmp/words" > "$tmp/spoken"
# one clause per line: espeak-ng -x prints one line per clause
sed 's/$/ ./' "$tmp/spoken" | espeak-ng -q -x -v en-us --stdin > "$tmp/lex"
sed 's/$/ ./' "$tmp/words" | espeak-ng -q -x -v en-us --stdin > "$tmp/raw"
n=$(wc -l < "$tmp/words")
for f in lex raw; do
	if [ "$(wc -l < "$tmp/$f")" -ne "$n" ]; then
		echo "lexicon-generate: espeak-ng gave $(wc -l < "$tmp/$f") lines for $n words" >&2
		exit 1
	fi
done
{
	printf '# word\tphonemes with the lexicon (espeak-ng -x)\tespeak-ng alone\n'
	paste "$tmp/words" "$tmp/lex" "$tmp/raw" | sed 's/ *\t */\t/g; s/ *$//'
} > tests/golden/lexicon.golden
echo "tests/golden/lexicon.golden: $n words"
