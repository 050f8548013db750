#!/bin/sh
# The seed article's names and the region's: the spellings of Tokayev all get
# the lexicon's phonemes (checked through espeak-ng -x), not espeak-ng's own.
set -u
N=${NARRATE:-./narrate}
SHARED=${SHARED:-../shared}
export NARRATE_DATADIR="${NARRATE_DATADIR:-$PWD}"
command -v espeak-ng >/dev/null 2>&1 || { echo "skip: espeak-ng not installed"; exit 77; }
fail() { echo "t_lexicon_seed: $*"; exit 1; }

spoken() { printf '%s said so.\n' "$1" | "$N" text --lines - | espeak-ng -q -x -v en-us --stdin; }
alone() { printf '%s said so.\n' "$1" | espeak-ng -q -x -v en-us --stdin; }

a=$(spoken Tokayev); b=$(spoken Toccyev); c=$(spoken Tocaev)
[ -n "$a" ] || fail "no phonemes for Tokayev"
[ "$a" = "$b" ] || fail "Toccyev ($b) differs from Tokayev ($a)"
[ "$a" = "$c" ] || fail "Tocaev ($c) differs from Tokayev ($a)"
[ "$a" != "$(alone Tokayev)" ] || fail "Tokayev is still espeak-ng's default: $a"

# Every region name: the lexicon's phonemes, which are not espeak-ng's default.
for w in Tokayev Nazarbayev Kassym-Jomart Kazakhstan Kazakh Astana Almaty Putin \
	 Donbass Donetsk Luhansk Kyiv Zelenskyy tenge; do
	ph=$("$N" lexicon lookup "$w" | sed -n 's/^phonemes: //p')
	[ -n "$ph" ] || fail "'$w' is not in the shipped lexicon"
	# what espeak-ng's own phoneme input makes of the entry's phonemes
	want=$(printf '[[%s]] said so.\n' "$ph" | espeak-ng -q -x -v en-us --stdin)
	got=$(spoken "$w")
	[ "$got" = "$want" ] || fail "'$w': espeak-ng says '$got', the lexicon means '$want'"
	[ "$got" != "$(alone "$w")" ] || fail "'$w' sounds as espeak-ng's default"
done

# The seed article itself: no spelling of the names reaches espeak-ng as text.
seed="$SHARED/seeds/000_0b1b58425bc53629.txt"
[ -r "$seed" ] || { echo "skip: no seed article at $seed"; exit 77; }
script=$("$N" text "$seed") || fail "narrate text failed on the seed"
for w in Toccyev Tocaev Kazakhstan Putin Donbass; do
	if printf '%s\n' "$script" | grep -q "\\b$w"; then
		fail "'$w' reaches espeak-ng as plain text"
	fi
done
tok=$(printf '%s\n' "$script" | grep -o "\[\[t,oUkA:j'Ef\]\]" | wc -l)
[ "$tok" -ge 2 ] || fail "expected Toccyev and Tocaev as Tokayev's phonemes, got $tok"
echo "t_lexicon_seed: ok"
