# The same article gives the same samples whatever was narrated before it in
# the same run (espeak-ng carries state between syntheses).
. tests/e2e/lib.sh
"$NARRATE" -q -f wav -o "$TMPDIR/a" "$sample" || fail "alone: exit $?"
"$NARRATE" -q -f wav -o "$TMPDIR/b" tests/golden/structure/bullets.txt tests/crash_vectors/dotted-lower.txt "$sample" ||
	fail "after others: exit $?"
a=$(whole_file "$TMPDIR/a" wav); b=$(whole_file "$TMPDIR/b/$(basename "$(dirname "$a")")" wav)
[ -n "$b" ] || fail "second run has no audio for the sample"
cmp -s "$a" "$b" || fail "samples differ when other articles come first"
exit 0
