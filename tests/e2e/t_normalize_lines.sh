# e2e: `narrate text --lines` gives exactly one normalized line per input
# line, reads news text as a newsreader would, and survives hostile input.
: "${NARRATE:?}"
tmp=${TMPDIR:-/tmp}
printf '%s\n' 'It cost $5.2 billion in 1917.' '' 'Nicholas II met the EU on 19 June 2022.' \
	'%%%% $$$ 2022-13-45' "$(printf '%05000d' 7)" >"$tmp/in.txt"
"$NARRATE" text --lines --no-lexicon "$tmp/in.txt" >"$tmp/out.txt" 2>"$tmp/err.txt" || {
	echo "narrate text --lines failed: $(cat "$tmp/err.txt")"; exit 1; }
[ "$(wc -l <"$tmp/in.txt")" -eq "$(wc -l <"$tmp/out.txt")" ] || {
	echo "line count differs: $(wc -l <"$tmp/in.txt") in, $(wc -l <"$tmp/out.txt") out"; exit 1; }
want='It cost five point two billion dollars in nineteen seventeen.'
[ "$(sed -n 1p "$tmp/out.txt")" = "$want" ] || { echo "line 1: $(sed -n 1p "$tmp/out.txt")"; exit 1; }
grep -q 'Nicholas the second met the E.U. on the nineteenth of June twenty twenty two' \
	"$tmp/out.txt" || { echo "line 3: $(sed -n 3p "$tmp/out.txt")"; exit 1; }
if grep -q '\[\[' "$tmp/out.txt"; then echo "output holds [["; exit 1; fi
"$NARRATE" text --lines --no-lexicon --explain "$tmp/in.txt" 2>"$tmp/why.txt" >/dev/null || exit 1
grep -q "$(printf '^\\$5.2 billion\tfive point two billion dollars\tmoney$')" "$tmp/why.txt" || {
	echo "explain: $(cat "$tmp/why.txt")"; exit 1; }
exit 0
