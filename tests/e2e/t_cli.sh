# The command line: help, usage errors, voices, text, stdin, BOM and CRLF.
. tests/e2e/lib.sh
"$NARRATE" --help >"$TMPDIR/h" || fail "--help exit $?"
grep -q -- '--format' "$TMPDIR/h" || fail "--help lacks --format"
"$NARRATE" --bogus x 2>/dev/null; [ $? -eq 2 ] || fail "unknown option is not exit 2"
"$NARRATE" 2>/dev/null; [ $? -eq 2 ] || fail "no arguments is not exit 2"
"$NARRATE" -f aiff x.txt 2>/dev/null; [ $? -eq 2 ] || fail "unknown format is not exit 2"
"$NARRATE" voices >"$TMPDIR/v" || fail "voices exit $?"
for p in default british female en-us en-gb; do grep -q "$p" "$TMPDIR/v" || fail "voices lacks $p"; done
# stdin, BOM, CRLF: the same script as the plain file
printf '\357\273\277' >"$TMPDIR/crlf.txt"; sed 's/$/\r/' "$sample" >>"$TMPDIR/crlf.txt"
"$NARRATE" text "$sample" >"$TMPDIR/a" || fail "text exit $?"
"$NARRATE" text - <"$TMPDIR/crlf.txt" >"$TMPDIR/b" || fail "text from stdin exit $?"
diff "$TMPDIR/a" "$TMPDIR/b" >/dev/null || fail "BOM + CRLF on stdin changes the script"
"$NARRATE" -q -f wav -o "$TMPDIR/o" - <"$sample" || fail "narrating stdin: exit $?"
whole_file "$TMPDIR/o" wav | grep -q . || fail "no audio from stdin"
# every voice preset narrates
for v in default british female voices/female.yaml; do
	printf 'Voice test\n\nOne short sentence.\n' | "$NARRATE" -q -f wav -v $v -o "$TMPDIR/v-$(basename $v .yaml)" - || fail "voice $v: exit $?"
done
"$NARRATE" -q -f wav --rate 300 -o "$TMPDIR/fast" "$sample" || fail "--rate: exit $?"
fast=$(ff_duration "$(whole_file "$TMPDIR/fast" wav)"); slow=$(ff_duration "$(whole_file "$TMPDIR/o" wav)")
awk -v f="$fast" -v s="$slow" 'BEGIN { exit !(f < s * 0.8) }' || fail "--rate 300 is not faster ($fast vs $slow s)"
exit 0
