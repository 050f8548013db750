#!/bin/sh
# Mastering end to end: narrate's MP3 of our own article and of the seed
# article, read by ffmpeg's ebur128 (-16 +-1 LUFS, true peak <= -1 dBTP) and
# by `narrate check` (all PASS, same loudness as ffmpeg within 0.2 LU).
# Run by tests/e2e/run.sh with NARRATE, SHARED and TMPDIR set; 77 = skip.
command -v ffmpeg >/dev/null 2>&1 || { echo "skip: no ffmpeg"; exit 77; }
: "${NARRATE:?}" "${TMPDIR:=/tmp}"
d=$(mktemp -d "$TMPDIR/episode.XXXXXX") || exit 1
trap 'rm -rf "$d"' EXIT
fail() { echo "t_check_episode: $*"; exit 1; }

cat >"$d/article.txt" <<'TXT'
Night trains return to the valley line

2024-03-02 07:15:00

After a gap of nine years, the overnight service between the two river towns
will run again from May. The operator said the old sleeping cars had been
rebuilt with wider berths, quieter heating and a small café at one end.

Tickets go on sale next week. A return journey in a shared cabin will cost
less than a hotel room in either town, and bicycles travel free!

Local councils hope the trains will bring walkers back to the hills in spring,
when the footpaths reopen after the winter closures.
TXT

# ebur128 summary value: I or Peak
ff() { ffmpeg -hide_banner -nostats -i "$1" -af ebur128=peak=true:framelog=verbose \
	-f null - 2>&1 | sed -n '/Summary/,$p' | awk -v k="$2:" '$1 == k { print $2 }'; }

episode() {
	rm -rf "$d/out"
	if ! "$NARRATE" -q -o "$d/out" "$@" 2>"$d/err"; then
		grep -q "not built yet" "$d/err" && { echo "skip: no narrating yet"; exit 77; }
		fail "narrate $* failed: $(cat "$d/err")"
	fi
	mp3=$(find "$d/out" -maxdepth 2 -name '*.mp3' -not -path '*/chapters/*' | head -n 1)
	[ -s "$mp3" ] || fail "no MP3 for $*"
	i=$(ff "$mp3" I) tp=$(ff "$mp3" Peak)
	awk -v i="$i" -v p="$tp" 'BEGIN { exit !(i != "" && i >= -17 && i <= -15 && p <= -1.0) }' ||
		fail "$*: ffmpeg reads I=$i LUFS, true peak $tp dBTP (want -16 +-1, <= -1)"
	"$NARRATE" check "$mp3" >"$d/check" 2>&1 || { cat "$d/check"; fail "check fails $mp3"; }
	us=$(awk '/integrated loudness/ { print $4 }' "$d/check")
	awk -v a="$i" -v b="$us" 'BEGIN { d = a - b; exit !(d < 0.2 && d > -0.2) }' ||
		fail "loudness: ffmpeg $i LUFS, narrate check $us LUFS"
	echo "ok: $*: I=$i LUFS, TP=$tp dBTP"
}

episode "$d/article.txt"
episode --bitrate 128 "$d/article.txt"
seed=${SHARED:-../shared}/seeds/000_0b1b58425bc53629.txt
if [ -r "$seed" ]; then episode "$seed"; fi
exit 0
