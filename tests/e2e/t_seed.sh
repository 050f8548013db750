# The seed article: three chapters titled by the two headings; the dateline
# and the credit are metadata, not chapters.
. tests/e2e/lib.sh
seed=$SHARED/seeds/000_0b1b58425bc53629.txt
[ -f "$seed" ] || skip "no seed article at $seed"
"$NARRATE" -q -f wav -o "$TMPDIR/o" "$seed" || fail "exit $?"
n=$(find "$TMPDIR/o" -path '*/chapters/*.wav' | wc -l)
[ "$n" -eq 3 ] || fail "$n chapter files, want 3"
ls "$TMPDIR"/o/*/chapters/ | sed -n 2p | grep -q '^02-kazakhstan-made-a-statement' || fail "chapter 2 not named by its heading"
ls "$TMPDIR"/o/*/chapters/ | sed -n 3p | grep -q '^03-kazakhstan-is-afraid-of-sanctions' || fail "chapter 3 not named by its heading"
"$NARRATE" text --structure "$seed" >"$TMPDIR/s"
grep -q '^date: 2022-06-19 06:09:38' "$TMPDIR/s" || fail "dateline not read as metadata"
grep -q '^credit: .*Source: Wenhui.com' "$TMPDIR/s" || fail "credit not read as metadata"
[ "$(grep -c '^chapter ' "$TMPDIR/s")" -eq 3 ] || fail "outline does not have 3 chapters"
grep -q '^chapter 2: Kazakhstan made a statement' "$TMPDIR/s" || fail "chapter 2 title"
# the date is spoken once, after the title, as a date; the credit last
"$NARRATE" text "$seed" >"$TMPDIR/script"
grep -c 'June' "$TMPDIR/script" | grep -q '^1$' || fail "the date is not spoken exactly once"
grep -q '16' "$TMPDIR/script" && fail "the dateline's temperature is spoken"
tail -n 1 "$TMPDIR/script" | grep -qi 'source' || fail "the credit is not spoken last"
exit 0
