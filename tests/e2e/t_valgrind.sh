# valgrind memcheck on the main paths: one article to MP3 (preprocessing,
# the lexicon, synthesis in a child, mastering, ID3) and a small batch with
# the sentence cache.  Errors and definite leaks fail; "possibly lost"
# blocks are the libraries' (espeak-ng's start-up thread, libsoxr's
# aligned buffers) as seen from forked children, and are not counted.
. tests/e2e/lib.sh
command -v valgrind >/dev/null || skip "valgrind is not installed"
[ -n "${NARRATE_SANITIZED:-}" ] && skip "a sanitized build does not run under valgrind"
vg() {
	valgrind -q --trace-children=yes --error-exitcode=9 --leak-check=full \
		--errors-for-leak-kinds=definite --log-file="$TMPDIR/vg.%p" "$@"
}
printf 'Harbour ferry back at last\n\nThe ferry left at 9:30 a.m. on 3 May 2024. Tickets cost $5.50, up 12%%.\n\nA new timetable\n\nBy evening, Tokayev said, the boats were home.\n' >"$TMPDIR/a.txt"
vg "$NARRATE" -q -f mp3 -o "$TMPDIR/o" "$TMPDIR/a.txt" || fail "narrate under valgrind: exit $?: $(cat "$TMPDIR"/vg.*)"
mkdir -p "$TMPDIR/arch"
cp "$TMPDIR/a.txt" "$TMPDIR/arch/one.txt"
printf 'Second story\n\nThe mill reopened on Friday.\n' >"$TMPDIR/arch/two.txt"
: >"$TMPDIR/arch/empty.txt"
vg "$NARRATE" batch -q -j 2 -f wav -o "$TMPDIR/b" "$TMPDIR/arch" 2>/dev/null
rc=$?
[ $rc -eq 1 ] || fail "batch under valgrind: exit $rc (want 1: one empty file): $(cat "$TMPDIR"/vg.*)"
vg "$NARRATE" batch -q -j 1 -f wav --force -o "$TMPDIR/b" "$TMPDIR/arch" 2>/dev/null
[ $? -eq 1 ] || fail "batch from the cache under valgrind: $(cat "$TMPDIR"/vg.*)"
if grep -q -E "Invalid|uninitialised|definitely lost|Mismatched|overlap" "$TMPDIR"/vg.*; then
	grep -h -E -A12 "Invalid|uninitialised|definitely lost|Mismatched|overlap" "$TMPDIR"/vg.* | head -n 60
	fail "valgrind found errors"
fi
exit 0
