/*
 * libFuzzer target for the metadata readers that take bytes from outside:
 * the cover header parser, the episode YAML loader, the FLAC metadata
 * rewriter and the sidecar/ID3 writers on arbitrary text.  The first byte
 * picks the reader.
 */
#include "buf.h"
#include "cover.h"
#include "diag.h"
#include "episode.h"
#include "id3.h"
#include "meta_vorbis.h"
#include "sidecar.h"
#include "unicode.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void writers(const char *text)
{
	struct chapter_mark ch[2] = { { 0, 1, text }, { 1, 2, text } };
	struct cue cues[2] = { { 0, 1, text }, { 1, 2, text } };
	struct id3_chapter ic[1] = { { text, 0, 1000 } };
	struct id3_meta m = { .title = text, .artist = text, .comment = text, .year = text,
			      .chapters = ic, .n_chapters = 1 };
	struct buf b = BUF_INIT;
	sidecar_chapters_json(ch, 2, text, &b);
	sidecar_vtt(cues, 2, &b);
	sidecar_srt(cues, 2, &b);
	sidecar_cuesheet(ch, 2, text, text, text, "MP3", &b);
	id3_build(&m, &b);
	struct episode e = { .title = (char *)text, .slug = (char *)"s", .audio = (char *)"a.mp3",
			     .description = (char *)text, .chapters = ch, .n_chapters = 2 };
	buf_reset(&b);
	episode_write(&e, &b);
	struct episode back;
	if (episode_load_string(&back, "fuzz", b.data, b.len) == 0) {
		if (unicode_valid(text, strlen(text), NULL) && strcmp(back.title, text))
			__builtin_trap();   /* valid UTF-8 must round-trip */
		episode_release(&back);
	}
	buf_release(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diag_quiet = true;
	if (size < 1)
		return 0;
	const uint8_t *p = data + 1;
	size_t n = size - 1;
	struct buf text = BUF_INIT, out = BUF_INIT;
	buf_add(&text, p, n);
	switch (data[0] % 4) {
	case 0: {
		struct cover c;
		if (cover_parse("fuzz", p, n, &c) == 0)
			cover_release(&c);
		break;
	}
	case 1: {
		struct episode e;
		episode_load_string(&e, "fuzz", text.data ? text.data : "", n);
		episode_release(&e);
		break;
	}
	case 2: {
		struct chapter_mark ch[1] = { { 1, 2, "x" } };
		size_t ml;
		flac_rewrite_meta("fuzz", p, n, ch, 1, &out, &ml);
		break;
	}
	default:
		if (!memchr(p, 0, n))
			writers(text.data ? text.data : "");
	}
	buf_release(&text);
	buf_release(&out);
	return 0;
}
