#!/bin/sh
# `narrate lexicon audit` on an article of made-up names lists exactly those
# names, with counts; exit 1 while any are left; the --stub it writes is a
# valid lexicon, and with it the audit comes back clean (exit 0).
set -u
N=${NARRATE:-./narrate}
export NARRATE_DATADIR="${NARRATE_DATADIR:-$PWD}"
dict=/usr/share/dict/american-english
[ -r "$dict" ] || { echo "skip: no word list at $dict (wamerican)"; exit 77; }
T=${TMPDIR:-/tmp}/t_lexicon_audit.$$
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT
fail() { echo "t_lexicon_audit: $*"; exit 1; }

# Our own text: made-up names and an acronym, among real words, names the
# lexicon knows (Tokayev, Kazakhstan, EU) and names the word list knows.
cat > "$T/article.txt" <<'TEXT'
Quorvani talks stall in Kazakhstan

Officials from Quorvani met Tokayev's envoy on Monday in Almaty. The
Blemstrad delegation, led by Ostrevik Paluschenko, left early.

Quorvani said the ZRTQ agreement with the EU was final. Paluschenko's aides
disagreed, and a Blemstrad-Quorvani panel will meet again in March in Paris.
TEXT
"$N" lexicon audit --stub "$T/stub.yaml" "$T/article.txt" > "$T/out" 2> "$T/err"
rc=$?
[ $rc -eq 1 ] || fail "exit $rc, want 1 (found names); stderr: $(cat "$T/err")"
cut -f2 "$T/out" | sort > "$T/got"
printf '%s\n' Blemstrad Ostrevik Paluschenko Quorvani ZRTQ | sort > "$T/want"
cmp -s "$T/got" "$T/want" || fail "listed $(tr '\n' ' ' < "$T/got"), want $(tr '\n' ' ' < "$T/want")"
# counts: Quorvani 4 (title, twice in text, once hyphenated), first line
[ "$(head -1 "$T/out" | cut -f1,2)" = "$(printf '4\tQuorvani')" ] ||
	fail "first line '$(head -1 "$T/out")', want Quorvani with 4"
grep -q "^2	Paluschenko	" "$T/out" || fail "Paluschenko (with Paluschenko's) should count 2"
# espeak-ng's current reading is the third column
awk -F'\t' 'NF != 3 || $3 == "" { exit 1 }' "$T/out" || fail "missing readings: $(cat "$T/out")"

"$N" lexicon check "$T/stub.yaml" > /dev/null || fail "the stub is not a valid lexicon"
"$N" lexicon audit --lexicon "$T/stub.yaml" "$T/article.txt" > "$T/out2" ||
	fail "with the stub, audit still finds: $(cat "$T/out2")"
[ ! -s "$T/out2" ] || fail "with the stub, audit printed: $(cat "$T/out2")"
echo "t_lexicon_audit: ok"
