#!/bin/sh
# `narrate lexicon lookup`: the entry that applies (file:line), what is said
# and espeak-ng's phonemes; exit 1 for a word no entry covers.
set -u
N=${NARRATE:-./narrate}
export NARRATE_DATADIR="${NARRATE_DATADIR:-$PWD}"
fail() { echo "t_lexicon_lookup: $*"; exit 1; }
names="$NARRATE_DATADIR/pronunciations/en/names.yaml"
line=$(grep -n '^Tokayev:' "$names" | cut -d: -f1)
out=$("$N" lexicon lookup Toccyev) || fail "exit $? for Toccyev"
printf '%s\n' "$out" | grep -qx "entry: Tokayev at $names:$line (phonemes: t,oUkA:j'Ef)" ||
	fail "no entry line for Toccyev: $out"
printf '%s\n' "$out" | grep -qx "alias: Toccyev at $names:$line" || fail "no alias line: $out"
printf '%s\n' "$out" | grep -qx "spoken: \[\[t,oUkA:j'Ef\]\]" || fail "no spoken line: $out"
printf '%s\n' "$out" | grep -q "^espeak-ng alone: ." || fail "no default reading: $out"
# possessive and a newsroom lexicon that wins
T=${TMPDIR:-/tmp}/t_lexicon_lookup.$$
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT
printf 'Putin: { say: poo-teen }\n' > "$T/news.yaml"
out=$("$N" lexicon lookup --lexicon "$T/news.yaml" "Putin's") || fail "exit $? for Putin's"
printf '%s\n' "$out" | grep -qx "entry: Putin at $T/news.yaml:1 (say: poo-teen)" ||
	fail "the newsroom entry should win: $out"
printf '%s\n' "$out" | grep -qx "spoken: poo-teen's" || fail "possessive: $out"
"$N" lexicon lookup Quorvanizz > /dev/null; [ $? -eq 1 ] || fail "unknown word should exit 1"
echo "t_lexicon_lookup: ok"
