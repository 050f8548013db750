#!/bin/sh
# narrate check: PASS/FAIL per preset and exit codes, on audio made by ffmpeg
# at known levels; narrate's loudness must agree with ffmpeg's ebur128.
# Run by tests/e2e/run.sh with NARRATE and TMPDIR set; exit 77 = skip.
command -v ffmpeg >/dev/null 2>&1 || { echo "skip: no ffmpeg"; exit 77; }
: "${NARRATE:?}" "${TMPDIR:=/tmp}"
d=$(mktemp -d "$TMPDIR/check.XXXXXX") || exit 1
trap 'rm -rf "$d"' EXIT
fail() { echo "t_check_presets: $*"; [ -f "$d/out" ] && cat "$d/out"; exit 1; }

# sine SECONDS RATE AMPLITUDE OUT: a 1 kHz sine, mono WAV
sine() {
	ffmpeg -v error -y -f lavfi -i "aevalsrc=$3*sin(2*PI*1000*t):s=$2:d=$1" \
		-ac 1 "$4" || fail "ffmpeg could not make $4"
}
# expect CODE ARGS...: runs narrate check, output in $d/out
expect() {
	want=$1; shift
	"$NARRATE" check "$@" >"$d/out" 2>"$d/err"; got=$?
	[ "$got" = "$want" ] || { cat "$d/err"; fail "check $* exited $got, want $want"; }
}
has() { grep -q -- "$1" "$d/out" || fail "no line matching '$1'"; }

# -16 LUFS-ish episode: MP3 44.1 kHz mono 128k, ID3v2.3 with title, artist, 2 chapters
printf ';FFMETADATA1\ntitle=Test episode \303\251\nartist=Tester\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=4000\ntitle=One\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=4000\nEND=8000\ntitle=Two\n' >"$d/meta"
sine 8 44100 0.25 "$d/tone.wav"
ffmpeg -v error -y -i "$d/tone.wav" -i "$d/meta" -map 0:a -map_metadata 1 -map_chapters 1 \
	-c:a libmp3lame -b:a 128k -id3v2_version 3 "$d/good.mp3" || fail "ffmpeg mp3"
expect 0 "$d/good.mp3"
has "PASS  integrated loudness"
has "PASS  true peak"
has "PASS  chapters  *2 CHAP, 1 CTOC"
has '00:00:04.000 "Two"'
has 'PASS  tags .*"Test episode é"'
has "RESULT: PASS"

# narrate's integrated loudness agrees with ffmpeg's within 0.2 LU
ff=$(ffmpeg -hide_banner -nostats -i "$d/good.mp3" -af ebur128=peak=true:framelog=verbose \
	-f null - 2>&1 | sed -n '/Summary/,$p' | awk '$1 == "I:" { print $2 }')
us=$(awk '/integrated loudness/ { print $4 }' "$d/out")
awk -v a="$ff" -v b="$us" 'BEGIN { d = a - b; exit !(a != "" && d < 0.2 && d > -0.2) }' ||
	fail "loudness: ffmpeg $ff LUFS, narrate $us LUFS"

# too loud, no tags: FAIL, exit 1; a failing file among good ones still exits 1
sine 5 44100 0.9 "$d/loud.wav"
expect 1 "$d/loud.wav"
has "FAIL  integrated loudness"
has "FAIL  tags"
has "RESULT: FAIL"
expect 1 "$d/good.mp3" "$d/loud.wav"
has "RESULT: PASS"

# 22.05 kHz, 32 kb/s: rate and bitrate fail the podcast preset
ffmpeg -v error -y -i "$d/good.mp3" -map_metadata 0 -ar 22050 -b:a 32k -id3v2_version 3 \
	"$d/low.mp3" || fail "ffmpeg low.mp3"
expect 1 "$d/low.mp3"
has "FAIL  sample rate"
has "FAIL  bitrate"

# ebu-r128: 7 dB quieter than the podcast tone is about -23 LUFS
sine 5 48000 0.1117 "$d/r128.wav"
expect 0 --preset ebu-r128 "$d/r128.wav"
has "PASS  integrated loudness"
expect 1 --preset ebu-r128 "$d/loud.wav"

# acx: sine RMS -20 dB, peak -17 dBFS passes; the loud tone fails RMS and peak
sine 5 44100 0.1414 "$d/acx.wav"
expect 0 --preset acx "$d/acx.wav"
has "PASS  rms  *-20.0 dB"
expect 1 --preset acx "$d/loud.wav"
has "FAIL  rms"
has "FAIL  sample peak"

# bad input: a clear error naming the file, exit 1; usage errors exit 2
: >"$d/empty.mp3"
echo "just text" >"$d/text.mp3"
for f in "$d/missing.wav" "$d" "$d/empty.mp3" "$d/text.mp3"; do
	expect 1 "$f"
	grep -q "narrate: error: .*$f" "$d/err" || fail "no error naming $f: $(cat "$d/err")"
done
expect 2
expect 2 --preset nope "$d/good.mp3"
expect 0 --help
has "usage: narrate check"
exit 0
