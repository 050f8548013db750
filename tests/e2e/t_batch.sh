# narrate batch: reports, failures that do not stop the rest, incremental
# re-runs, duplicates, -j independence, shards under GNU parallel, kills.
. tests/e2e/lib.sh
A=$TMPDIR/archive; O=$TMPDIR/out
mkdir -p "$A/desk one" "$A/desk2/deeper"
i=0
for city in Harwick Lonmere Eastby Carrow Fenwold Dunmarsh; do
	i=$((i + 1))
	printf '%s council sets its budget for %d\n\nThe council of %s met on Monday and agreed a budget of %d million pounds. Councillor Mira Fenn said the town would spend %d%% more on roads.\n\nThe vote was %d to %d.\n' \
		"$city" $((2020 + i)) "$city" $((i * 7)) $((i * 3)) $((i + 10)) $((i + 2)) >"$A/desk one/$city.txt"
done
cp "$A/desk one/Harwick.txt" "$A/desk2/harwick-copy.txt"            # identical: narrated once
printf 'Fenwold council sets its budget for 2025\n\nA different story under the same title.\n' >"$A/desk2/deeper/fenwold.txt"
: >"$A/desk2/empty.txt"                                                # fails
printf 'Bad bytes\n\nLatin-1 \351t\351.\n' >"$A/desk2/latin1.txt"        # fails
cp tests/crash_vectors/dotted-lower.txt "$A/desk2/crash.txt"           # narrated with a warning
ln -s .. "$A/desk2/deeper/loop"                                        # a link loop is not followed
ln -s nowhere.txt "$A/desk2/broken.txt"                                # fails: a broken link
printf 'Odd bytes\n\nA file name that is not UTF-8.\n' >"$A/desk2/$(printf 'caf\351').txt"
printf 'Odd name\n\nA file name with a newline.\n' >"$A/desk2/new
line.txt"
"$NARRATE" batch -q -j 2 -f wav -o "$O" "$A" 2>"$TMPDIR/err"; rc=$?
[ $rc -eq 1 ] || fail "exit $rc, want 1 (three bad files): $(cat "$TMPDIR/err")"
r=$O/batch-report.json
python3 - "$r" <<'PY' || fail "report: see above"
import json, sys
rep = json.load(open(sys.argv[1]))
st = {a["path"].split("/archive/")[1]: a for a in rep["articles"]}
assert len(st) == 14, sorted(st)
assert st["desk2/empty.txt"]["status"] == "failed" and "empty" in st["desk2/empty.txt"]["error"], st["desk2/empty.txt"]
assert st["desk2/latin1.txt"]["status"] == "failed" and "UTF-8" in st["desk2/latin1.txt"]["error"]
assert st["desk2/harwick-copy.txt"]["status"] == "duplicate"
assert st["desk2/broken.txt"]["status"] == "failed" and "No such file" in st["desk2/broken.txt"]["error"]
assert st["desk2/caf\ufffd.txt"]["status"] == "narrated"
assert st["desk2/crash.txt"]["status"] == "narrated"
for k, a in st.items():
    if a["status"] == "narrated":
        assert a["audio_seconds"] > 1 and a["cpu_seconds"] > 0, a
slugs = [a["slug"] for a in st.values()]
assert len(set(slugs)) == len(slugs), slugs          # colliding titles, distinct slugs
assert rep["summary"]["failed"] == 3 and rep["summary"]["narrated"] == 10, rep["summary"]
PY
grep -q "empty.txt" "$TMPDIR/err" || fail "the failure is not named on stderr"
[ "$(find "$O" -name '*.partial' | wc -l)" -eq 0 ] || fail ".partial files left"
# an unchanged re-run skips everything
"$NARRATE" batch -q -j 2 -f wav -o "$O" "$A" 2>/dev/null
python3 -c "import json,sys; s=json.load(open('$r'))['summary']; sys.exit(not (s['unchanged'] == 10 and s['narrated'] == 0))" ||
	fail "re-run narrated again: $(tail -c 300 "$r")"
# -j 1 gives the same audio as -j 2
"$NARRATE" batch -q -j 1 -f wav -o "$TMPDIR/j1" "$A" 2>/dev/null
for f in "$O"/*/*.wav; do
	cmp -s "$f" "$TMPDIR/j1/$(basename "$(dirname "$f")")/$(basename "$f")" || fail "-j1 and -j2 differ: $f"
done
# the sentence cache: a re-render from it equals a full render sample for sample
"$NARRATE" batch -q -j 2 -f wav --no-cache --force -o "$TMPDIR/nc" "$A" 2>/dev/null
ls "$O"/.cache/*/*.seg >/dev/null 2>&1 || fail "no audio cache in $O/.cache"
"$NARRATE" batch -q -j 2 -f wav --force -o "$O" "$A" 2>/dev/null
summary() { python3 -c "import json; print(json.load(open('$r'))['summary'])"; }
python3 -c "import json,sys; s=json.load(open('$r'))['summary']; sys.exit(not (s['sentences_synthesized'] == 0 and s['sentences_from_cache'] >= 20))" ||
	fail "a forced re-run synthesized again: $(summary)"
for f in "$O"/*/*.wav; do
	cmp -s "$f" "$TMPDIR/nc/$(basename "$(dirname "$f")")/$(basename "$f")" || fail "cached render differs: $f"
done
[ -d "$TMPDIR/nc/.cache" ] && fail "--no-cache made a cache"
# a lexicon entry that six articles use once each: only those six
# sentences are synthesized again, and the result equals a full render
printf 'Fenn: { say: "fen" }\n' >"$TMPDIR/lex.yaml"
"$NARRATE" batch -q -j 2 -f wav --lexicon "$TMPDIR/lex.yaml" -o "$O" "$A" 2>/dev/null
python3 -c "import json,sys; s=json.load(open('$r'))['summary']; sys.exit(not (s['narrated'] == 6 and s['unchanged'] == 4 and s['sentences_synthesized'] == 6))" ||
	fail "after a lexicon edit: $(summary)"
"$NARRATE" batch -q -j 2 -f wav --no-cache --lexicon "$TMPDIR/lex.yaml" -o "$TMPDIR/nc2" "$A" 2>/dev/null
for f in "$TMPDIR"/nc2/*/*.wav; do
	cmp -s "$f" "$O/$(basename "$(dirname "$f")")/$(basename "$f")" || fail "after a lexicon edit, cached render differs: $f"
done
# the cap holds
"$NARRATE" batch -q -j 2 -f wav --cache-size 1 --force -o "$TMPDIR/cap" "$A" 2>/dev/null
held=$(find "$TMPDIR/cap/.cache" -name '*.seg' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
[ "$held" -gt 0 ] && [ "$held" -le 1048576 ] || fail "a 1 MB cache holds $held bytes"
# shards under GNU parallel add up to a single run
if command -v parallel >/dev/null; then
	parallel -j 3 "$NARRATE" batch -q -j 1 -f wav --shard {}/3 -o "$TMPDIR/shards/{}" "$A" ::: 1 2 3 2>/dev/null
	one=$(cd "$O" && ls -d */ | sort); all=$(for k in 1 2 3; do (cd "$TMPDIR/shards/$k" && ls -d */ 2>/dev/null); done | sort)
	[ "$one" = "$all" ] || fail "shards do not add up: $all vs $one"
fi
# SIGKILL in the middle, then the same command finishes with nothing half-written
rm -rf "$TMPDIR/k"
"$NARRATE" batch -q -j 2 -f wav -o "$TMPDIR/k" "$A" 2>/dev/null & pid=$!
sleep 0.3; kill -9 $pid; wait $pid 2>/dev/null; sleep 0.2
"$NARRATE" batch -q -j 2 -f wav -o "$TMPDIR/k" "$A" 2>/dev/null
[ "$(find "$TMPDIR/k" -name '*.partial' | wc -l)" -eq 0 ] || fail ".partial left after kill + re-run"
for f in "$O"/*/*.wav; do
	cmp -s "$f" "$TMPDIR/k/$(basename "$(dirname "$f")")/$(basename "$f")" || fail "after kill + re-run: $f differs"
done
# a worker that overruns --timeout is killed, reported and replaced; the
# batch goes on; so does one killed by a signal in the middle of an article
mkdir -p "$TMPDIR/slow"
cp "$A/desk one/Carrow.txt" "$A/desk one/Eastby.txt" "$TMPDIR/slow/"
{ echo "A very long report"; echo; for i in $(seq 1 400); do printf 'Paragraph %d of the report went on about the harbour, the mill and the tides. ' $i; done; echo; } >"$TMPDIR/slow/long.txt"
"$NARRATE" batch -q -j 2 -f wav --timeout 1 -o "$TMPDIR/t" "$TMPDIR/slow" 2>"$TMPDIR/terr"; rc=$?
[ $rc -eq 1 ] || fail "timeout: exit $rc"
grep -q "long.txt.*timeout" "$TMPDIR/terr" || fail "timeout not reported: $(cat "$TMPDIR/terr")"
[ "$(ls "$TMPDIR"/t/*/*.wav | wc -l)" -eq 2 ] || fail "the other articles were not narrated after a timeout"
"$NARRATE" batch -q -j 1 -f wav -o "$TMPDIR/s" "$TMPDIR/slow" 2>"$TMPDIR/serr" & pid=$!
w=""; for i in $(seq 1 50); do w=$(pgrep -P $pid | head -n 1); [ -n "$w" ] && break; sleep 0.1; done
sleep 0.5; [ -n "$w" ] && kill -KILL "$w"
wait $pid; rc=$?
[ $rc -eq 1 ] || fail "killed worker: exit $rc ($(cat "$TMPDIR/serr"))"
grep -q "signal 9" "$TMPDIR/serr" || fail "the worker's signal is not reported: $(cat "$TMPDIR/serr")"
# Ctrl-C: prompt stop, exit 130, a report that says so
rm -rf "$TMPDIR/c"
"$NARRATE" batch -q -j 1 -f wav -o "$TMPDIR/c" "$A" 2>/dev/null & pid=$!
sleep 0.3; kill -INT $pid; wait $pid; rc=$?
[ $rc -eq 130 ] || [ $rc -eq 1 ] || fail "SIGINT: exit $rc"
[ -f "$TMPDIR/c/batch-report.json" ] || fail "no report after SIGINT"
[ "$(find "$TMPDIR/c" -name '*.partial' | wc -l)" -eq 0 ] || fail ".partial left after SIGINT"
exit 0
