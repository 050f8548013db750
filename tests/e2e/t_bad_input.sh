#!/bin/sh
# Bad input (issue 2): every bad file gets a message naming it (with line and
# column or byte offset where that applies), the run goes on with the other
# files and exits 1 at the end; an unknown voice exits 2 listing the voices;
# a malformed voice preset is reported as file:line:col; a full disk leaves
# no partial file behind.
# Env: NARRATE (binary), TMPDIR; cwd = repository root.
set -u
fail() { echo "FAIL: $*"; exit 1; }
: "${NARRATE:?NARRATE must name the binary under test}"
sample=tests/data/sample-article.txt
[ -f "$sample" ] || fail "no $sample (run from the repository root)"
t=$(mktemp -d "${TMPDIR:-/tmp}/bad-input.XXXXXX")
mnt=
cleanup() {
	[ -n "$mnt" ] && umount "$mnt" 2>/dev/null
	rm -rf "$t"
}
trap cleanup EXIT

# the sample narrated under a root: how many whole-article .wav files
narrated() { find "$1" -type f -name '*.wav' -not -path '*/chapters/*' | wc -l; }
ff_duration() { ffprobe -v error -show_entries format=duration -of csv=p=0 "$1"; }

# run CASE-NAME FILE: narrate FILE next to the good sample, expect exit 1,
# a message naming FILE and containing each further argument
run_bad() {
	name=$1 file=$2
	shift 2
	out=$t/out-$name
	"$NARRATE" -q -f wav -o "$out" "$file" "$sample" 2>"$t/err-$name"
	rc=$?
	[ "$rc" -eq 1 ] || fail "$name: exit $rc, wanted 1; stderr: $(cat "$t/err-$name")"
	grep -qF -- "$file" "$t/err-$name" || fail "$name: message does not name $file: $(cat "$t/err-$name")"
	for want in "$@"; do
		grep -qF -- "$want" "$t/err-$name" ||
			fail "$name: message lacks '$want': $(cat "$t/err-$name")"
	done
	[ "$(narrated "$out")" -eq 1 ] || fail "$name: the good article was not narrated"
	echo "ok: $name"
}

printf '' >"$t/empty.txt"
printf '  \n\t\n\n   \n' >"$t/blank.txt"
# 0xFF on line 4, column 5, byte offset 24
printf 'A title\n\nGood line.\nBad \377 here.\n' >"$t/latin.txt"
printf 'A title\n\nText then\000binary\n' >"$t/binary.txt"
mkdir "$t/a-directory"

run_bad missing "$t/no-such-file.txt" "No such file"
run_bad directory "$t/a-directory" "directory"
run_bad empty "$t/empty.txt" "empty"
run_bad whitespace "$t/blank.txt" "empty"
run_bad invalid-utf8 "$t/latin.txt" ":4:5:" "byte offset 24" "UTF-8"
run_bad binary "$t/binary.txt" "NUL" "byte offset 18"

# several bad files in one run: each is reported, the good one is narrated
"$NARRATE" -q -f wav -o "$t/out-many" "$t/empty.txt" "$sample" "$t/latin.txt" \
	"$t/a-directory" 2>"$t/err-many"
rc=$?
[ "$rc" -eq 1 ] || fail "many: exit $rc, wanted 1"
[ "$(grep -c 'error' "$t/err-many")" -ge 3 ] || fail "many: not every bad file reported: $(cat "$t/err-many")"
[ "$(narrated "$t/out-many")" -eq 1 ] || fail "many: the good article was not narrated"
echo "ok: several bad files in one run"

# an output directory that is a regular file
: >"$t/not-a-dir"
"$NARRATE" -q -f wav -o "$t/not-a-dir" "$sample" 2>"$t/err-outdir"
rc=$?
[ "$rc" -eq 1 ] || fail "output is a file: exit $rc, wanted 1"
grep -qF "$t/not-a-dir" "$t/err-outdir" || fail "output is a file: not named: $(cat "$t/err-outdir")"
[ -f "$t/not-a-dir" ] && [ ! -s "$t/not-a-dir" ] || fail "output is a file: the file was changed"
echo "ok: output directory is a regular file"

# an unknown voice: exit 2, and the available voices are listed
"$NARRATE" -q -v no-such-voice -o "$t/out-voice" "$sample" 2>"$t/err-voice"
rc=$?
[ "$rc" -eq 2 ] || fail "unknown voice: exit $rc, wanted 2"
grep -qF "no-such-voice" "$t/err-voice" || fail "unknown voice: not named"
for v in default british female en-us en-gb; do
	grep -qw -- "$v" "$t/err-voice" || fail "unknown voice: '$v' not listed: $(cat "$t/err-voice")"
done
[ ! -e "$t/out-voice" ] || [ -z "$(find "$t/out-voice" -type f)" ] || fail "unknown voice: output written"
echo "ok: unknown voice"

# malformed voice presets: file:line:col, nothing narrated
bad_voice() {
	name=$1 text=$2 where=$3
	printf '%b' "$text" >"$t/$name.yaml"
	"$NARRATE" -q -v "$t/$name.yaml" -o "$t/out-$name" "$sample" 2>"$t/err-$name"
	rc=$?
	[ "$rc" -ne 0 ] || fail "voice $name: exit 0"
	grep -qF "$t/$name.yaml:$where" "$t/err-$name" ||
		fail "voice $name: wanted '$t/$name.yaml:$where', got: $(cat "$t/err-$name")"
	echo "ok: malformed voice $name"
}
bad_voice bad-key 'voice: en-us\nrate: 170\nspeed: 3\n' "3:1:"
bad_voice bad-rate 'voice: en-us\nrate: 9000\n' "2:7:"
bad_voice bad-type 'voice: en-us\npauses: long\n' "2:9:"
bad_voice bad-indent 'voice: en-us\npauses:\n  sentence: 300\n chapter: 900\n' "4:"
bad_voice bad-tab 'voice: en-us\npauses:\n\tsentence: 300\n' "3:1:"
bad_voice bad-utf8 'voice: en-us\nname: caf\351\n' "2:10:"

# a full disk: a 300 kB tmpfs cannot hold the narration
mkdir "$t/mnt"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=300k tmpfs "$t/mnt" 2>/dev/null; then
	echo "cannot mount a tmpfs (needs root): full-disk case skipped"
	exit 77
fi
mnt=$t/mnt
"$NARRATE" -q -f wav -o "$t/mnt" "$sample" 2>"$t/err-full"
rc=$?
[ "$rc" -eq 1 ] || fail "full disk: exit $rc, wanted 1"
grep -q "No space left" "$t/err-full" || fail "full disk: message: $(cat "$t/err-full")"
left=$(find "$t/mnt" -name '*.partial' -o -name '.*partial*' | head -n 1)
[ -z "$left" ] || fail "full disk: left behind $left"
[ -z "$(find "$t/mnt" -type f -name '*.wav')" ] || fail "full disk: a .wav appeared on 300 kB"
echo "ok: full disk (300 kB)"

# a disk that holds some chapters but not all: what exists is whole
umount "$t/mnt"
mnt=
"$NARRATE" -q -f wav -o "$t/ref" "$sample" 2>/dev/null || fail "reference narration failed"
size=$(du -sk "$t/ref" | cut -f1)
mount -t tmpfs -o size=$((size * 2 / 3))k tmpfs "$t/mnt" || fail "second mount failed"
mnt=$t/mnt
"$NARRATE" -q -f wav -o "$t/mnt" "$sample" 2>"$t/err-part"
rc=$?
[ "$rc" -eq 1 ] || fail "partly full disk: exit $rc, wanted 1"
grep -q "No space left" "$t/err-part" || fail "partly full disk: message: $(cat "$t/err-part")"
[ -z "$(find "$t/mnt" -name '*partial*')" ] || fail "partly full disk: a .partial was left"
find "$t/mnt" -type f -name '*.wav' | while read -r f; do
	ref=$t/ref/${f#"$t/mnt/"}
	[ -f "$ref" ] || fail "partly full disk: unexpected $f"
	got=$(ff_duration "$f") want=$(ff_duration "$ref")
	[ "$got" = "$want" ] || fail "partly full disk: $f lasts $got s, wanted $want s"
	cmp -s "$f" "$ref" || fail "partly full disk: $f differs from a full run"
done || exit 1
echo "ok: partly full disk ($((size * 2 / 3)) kB): only whole files"
exit 0
