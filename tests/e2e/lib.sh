# Helpers for the end-to-end tests; sourced by tests/e2e/t_*.sh.
fail() { echo "FAIL: $*"; exit 1; }
skip() { echo "$*"; exit 77; }
# frames and rate as libsndfile reads them (sndfile-info), duration as ffprobe does
sf_frames() { sndfile-info "$1" | awk -F: '/^Frames/ {gsub(/ /, "", $2); print $2}'; }
sf_rate() { sndfile-info "$1" | awk -F: '/^Sample Rate/ {gsub(/ /, "", $2); print $2; exit}'; }
ff_duration() { ffprobe -v error -show_entries format=duration -of csv=p=0 "$1"; }
ff_rate() { ffprobe -v error -select_streams a:0 -show_entries stream=sample_rate -of csv=p=0 "$1"; }
ff_channels() { ffprobe -v error -select_streams a:0 -show_entries stream=channels -of csv=p=0 "$1"; }
# the whole-article file of format $2 under output dir $1
whole_file() { find "$1" -maxdepth 2 -type f -name "*.$2" -not -path '*/chapters/*' | head -n 1; }
# float comparison: near A B TOLERANCE
near() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= t) }'; }
sample=tests/data/sample-article.txt
