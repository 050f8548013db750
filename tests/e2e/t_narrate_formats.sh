# The sample article to every format, read back by ffprobe and libsndfile:
# rate, channels, duration; one chapter file per heading plus one; chapter
# durations add up to the whole.
. tests/e2e/lib.sh
headings=2
for fmt in wav flac ogg opus mp3; do
	out=$TMPDIR/$fmt
	"$NARRATE" -q -f $fmt -o "$out" "$sample" || fail "$fmt: exit $?"
	w=$(whole_file "$out" $fmt)
	[ -n "$w" ] || fail "$fmt: no whole-article file"
	case $fmt in opus) want=48000 ;; mp3) want=44100 ;; *) want=22050 ;; esac
	[ "$(ff_rate "$w")" = $want ] || fail "$fmt: ffprobe rate $(ff_rate "$w"), want $want"
	[ "$(ff_channels "$w")" = 1 ] || fail "$fmt: not mono"
	d=$(ff_duration "$w")
	awk -v d="$d" 'BEGIN { exit !(d > 60 && d < 200) }' || fail "$fmt: duration $d s"
	if [ $fmt != opus ]; then
		# libsndfile reads it back (it does not read Opus duration reliably)
		r=$(sf_rate "$w"); [ "$r" = $want ] || fail "$fmt: libsndfile rate '$r'"
	fi
	n=$(find "$out" -path '*/chapters/*' -name "*.$fmt" | wc -l)
	[ "$n" -eq $((headings + 1)) ] || fail "$fmt: $n chapter files, want $((headings + 1))"
	sum=0
	for c in $(find "$out" -path '*/chapters/*' -name "*.$fmt" | sort); do
		sum=$(awk -v s=$sum -v d="$(ff_duration "$c")" 'BEGIN { print s + d }')
	done
	# lossy codecs pad each file a little (priming, frame rounding)
	near "$sum" "$d" 0.3 || fail "$fmt: chapters add up to $sum s, whole is $d s"
	ls "$(dirname "$w")"/*.script.txt >/dev/null || fail "$fmt: no script"
	find "$out" -name '*.partial' | grep -q . && fail "$fmt: .partial file left"
done
# WAV and FLAC: frames libsndfile reads equal the duration ffprobe reads
w=$(whole_file "$TMPDIR/wav" wav)
f=$(sf_frames "$w"); near "$(awk -v f=$f 'BEGIN { print f / 22050 }')" "$(ff_duration "$w")" 0.01 ||
	fail "wav: libsndfile frames $f disagree with ffprobe"
exit 0
