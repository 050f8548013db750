#!/bin/sh
# narrate feed: builds DIR/feed.xml from hand-written episode files and real
# MP3s made by ffmpeg, then reads it with feedparser and ElementTree (and
# ../shared/tools/check_episode.py when present): enclosure length equals the
# file size, itunes:duration, GUIDs stable across runs, newest first, shard
# directories merged, sidecar links, a bad episode file reported as
# file:line:col (exit 1) without losing the others.
set -u
: "${NARRATE:?}" "${TMPDIR:=/tmp}"
command -v ffmpeg >/dev/null || { echo "skip: no ffmpeg"; exit 77; }
/usr/bin/python3 -c 'import feedparser' 2>/dev/null || { echo "skip: no feedparser"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }
D=$(mktemp -d "$TMPDIR/feed.XXXXXX")
mkdir -p "$D/out/first-story" "$D/out/shard2/second-story" "$D/out/broken"

# Episode 1: an MP3 at -16 LUFS with ID3 chapters (written by ffmpeg here:
# this test is about the feed), plus sidecars.
cat > "$D/meta.txt" <<'M'
;FFMETADATA1
title=First story
artist=narrate
[CHAPTER]
TIMEBASE=1/1000
START=0
END=3000
title=Opening
[CHAPTER]
TIMEBASE=1/1000
START=3000
END=6000
title=Second part
M
ffmpeg -v error -f lavfi -i "sine=f=330:d=6" -i "$D/meta.txt" -map 0:a -map_metadata 1 \
	-map_chapters 1 -af "loudnorm=I=-16:TP=-2" -ar 44100 -ac 1 -c:a libmp3lame -b:a 96k \
	-id3v2_version 3 "$D/out/first-story/first story.mp3" || fail "ffmpeg (episode 1)"
printf '{"version":"1.2.0","chapters":[{"startTime":0,"title":"Opening"},{"startTime":3,"title":"Second part"}]}\n' \
	> "$D/out/first-story/first-story.chapters.json"
printf 'WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nOpening words.\n' > "$D/out/first-story/first-story.vtt"
cat > "$D/out/first-story/first-story.episode.yaml" <<'Y'
title: "First story: \"quotes\" & <angles>"
slug: "first-story"
date: "2022-06-19T06:09:38"
credit: "Source: a test of our own"
voice: "en-gb"
duration: 6.050
audio: "first story.mp3"
audio_bytes: 1
audio_type: "audio/mpeg"
chapters_json: "first-story.chapters.json"
vtt: "first-story.vtt"
description: "A short test episode."
chapters:
  - start: 0.000
    end: 3.000
    title: "Opening"
  - start: 3.000
    end: 6.000
    title: "Second part"
Y
# Episode 2, one level deeper (a shard), older, no date line: file time.
ffmpeg -v error -f lavfi -i "sine=f=220:d=2" -ar 44100 -ac 1 -c:a libmp3lame -b:a 96k \
	"$D/out/shard2/second-story/second-story.mp3" || fail "ffmpeg (episode 2)"
touch -d '2021-01-02 03:04:05 UTC' "$D/out/shard2/second-story/second-story.mp3"
printf 'title: "Second story"\nslug: "second-story"\nduration: 2.1\naudio: "second-story.mp3"\n' \
	> "$D/out/shard2/second-story/second-story.episode.yaml"
# Episode 3: broken.
printf 'title: "Broken"\nslug: "broken"\nduration: "soon"\naudio: "x.mp3"\n' \
	> "$D/out/broken/broken.episode.yaml"

"$NARRATE" feed "$D/out" --base-url https://example.org/pod/ --title "Test feed" \
	--image https://example.org/pod/cover.jpg --author "Tester" 2> "$D/err"
rc=$?
[ "$rc" -eq 1 ] || fail "exit $rc with a broken episode, want 1: $(cat "$D/err")"
grep -q "broken.episode.yaml:3:11:" "$D/err" || fail "no file:line:col for the broken episode: $(cat "$D/err")"
[ -s "$D/out/feed.xml" ] || fail "no feed.xml"
cp "$D/out/feed.xml" "$D/feed1.xml"
size1=$(stat -c %s "$D/out/first-story/first story.mp3")
size2=$(stat -c %s "$D/out/shard2/second-story/second-story.mp3")

/usr/bin/python3 - "$D/out/feed.xml" "$size1" "$size2" <<'PY' || fail "feed content"
import sys, feedparser, xml.etree.ElementTree as ET
path, size1, size2 = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
d = feedparser.parse(path)
assert not d.bozo and d.version == "rss20", (d.bozo, d.version)
assert d.feed.title == "Test feed" and d.feed.author == "Tester", d.feed
assert len(d.entries) == 2, len(d.entries)
e1, e2 = d.entries
assert e1.title == 'First story: "quotes" & <angles>', e1.title
assert e1.enclosures[0].href == "https://example.org/pod/first-story/first%20story.mp3", e1.enclosures
assert int(e1.enclosures[0].length) == size1 and e1.enclosures[0].type == "audio/mpeg"
assert e1.itunes_duration == "6", e1.itunes_duration
assert e1.published_parsed[:6] == (2022, 6, 19, 6, 9, 38), e1.published
assert e1.podcast_chapters["url"].endswith("/first-story/first-story.chapters.json")
assert e1.podcast_chapters["type"] == "application/json+chapters"
assert e1.podcast_transcript["type"] == "text/vtt"
assert "00:00 Opening\n00:03 Second part" in e1.description, e1.description
assert "Source: a test of our own" in e1.description
assert e2.enclosures[0].href == "https://example.org/pod/shard2/second-story/second-story.mp3"
assert int(e2.enclosures[0].length) == size2
assert e2.itunes_duration == "2" and e2.published_parsed[:6] == (2021, 1, 2, 3, 4, 5), e2.published
assert e1.id != e2.id and e1.guidislink is False
NS = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd"}
c = ET.parse(path).getroot().find("channel")
for tag in ("title", "description", "language", "link", "itunes:image", "itunes:category",
            "itunes:explicit", "itunes:author"):
    assert c.find(tag, NS) is not None, tag
assert c.find("itunes:category", NS).get("text") == "News"
for it in c.findall("item"):
    assert it.find("guid").get("isPermaLink") == "false"
PY

# Same input, same GUIDs (and the same bytes): GUIDs never change.
"$NARRATE" feed "$D/out" --base-url https://example.org/pod/ --title "Test feed" \
	--image https://example.org/pod/cover.jpg --author "Tester" 2>/dev/null
cmp -s "$D/feed1.xml" "$D/out/feed.xml" || fail "second run wrote a different feed"
ls -a "$D/out" | grep -q '^\.feed\.xml\.' && fail "temporary file left behind"

# The same article in a second shard: one item (Apple drops duplicate GUIDs).
mkdir -p "$D/out/shard3" && cp -r "$D/out/first-story" "$D/out/shard3/"
"$NARRATE" feed "$D/out" --base-url https://example.org/pod/ 2> "$D/err"
grep -q "same article" "$D/err" || fail "no warning for a duplicate episode: $(cat "$D/err")"
/usr/bin/python3 -c 'import feedparser,sys; d=feedparser.parse(sys.argv[1]); assert len(d.entries) == 2, len(d.entries)
assert "/shard3/" not in d.entries[0].enclosures[0].href' "$D/out/feed.xml" || fail "duplicate not dropped"
rm -r "$D/out/shard3"

# The shared checker, on episode 1 and our feed.
if [ -f "${SHARED:-}/tools/check_episode.py" ]; then
	rm -r "$D/out/broken" "$D/out/shard2"
	"$NARRATE" feed "$D/out" --base-url https://example.org/pod --image https://example.org/c.jpg \
		2>/dev/null || fail "feed without the broken episode"
	printf '{"chapters":[{"start":0.0,"title":"Opening"},{"start":3.0,"title":"Second part"}]}\n' > "$D/exp.json"
	/usr/bin/python3 "$SHARED/tools/check_episode.py" "$D/out/first-story/first story.mp3" \
		"$D/exp.json" "$D/out/feed.xml" > "$D/check" 2>&1 || fail "check_episode.py: $(grep FAIL "$D/check")"
fi

# Usage and input errors.
"$NARRATE" feed "$D/out" 2>/dev/null; [ $? -eq 2 ] || fail "no --base-url should exit 2"
"$NARRATE" feed "$D/out" --base-url ftp://x 2>/dev/null; [ $? -eq 2 ] || fail "ftp base url should exit 2"
"$NARRATE" feed "$D/nonexistent" --base-url https://x 2>/dev/null; [ $? -eq 1 ] || fail "missing DIR should exit 1"
mkdir "$D/empty"
"$NARRATE" feed "$D/empty" --base-url https://x 2> "$D/err" || fail "empty DIR should exit 0"
grep -q "no episodes" "$D/err" || fail "no warning for an empty DIR"
/usr/bin/python3 -c 'import feedparser,sys; d=feedparser.parse(sys.argv[1]); assert not d.bozo and not d.entries' \
	"$D/empty/feed.xml" || fail "empty feed does not parse"
rm -rf "$D"
echo "ok: feed"
