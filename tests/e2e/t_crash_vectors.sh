# Every known espeak-ng 1.51 crasher, as an article: each is narrated with at
# most a warning, and none kills the run or the other articles.
. tests/e2e/lib.sh
"$NARRATE" -f wav -o "$TMPDIR/o" tests/crash_vectors/*.txt "$sample" 2>"$TMPDIR/err"
rc=$?
[ $rc -le 1 ] || fail "exit $rc"
for f in tests/crash_vectors/*.txt; do
	title=$(head -n 1 "$f" | tr 'A-Z ' 'a-z-')
	w=$(ls "$TMPDIR"/o/$title/$title.wav 2>/dev/null)
	[ -n "$w" ] || fail "$f: no audio (stderr: $(cat "$TMPDIR/err"))"
done
whole_file "$TMPDIR/o/harbour-town-votes-to-rebuild-its-old-tide-mill" wav | grep -q . ||
	fail "the sample article after the vectors was not narrated"
# the embedded 0x01 command must not reach the engine, nor "[[" phoneme mode
"$NARRATE" text tests/crash_vectors/embedded-command.txt | grep -q "$(printf '\001')" && fail "0x01 reaches the engine"
"$NARRATE" text tests/crash_vectors/phoneme-brackets.txt | grep -q '\[\[' && fail "[[ reaches the engine"
exit 0
