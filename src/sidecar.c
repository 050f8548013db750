/*
 * sidecar: chapters JSON, WebVTT, SRT and cue sheet writers (see sidecar.h).
 */
#include "sidecar.h"

#include "diag.h"
#include "unicode.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* Milliseconds, rounded, never negative. */
static long long to_ms(double s)
{
	if (!(s > 0))          /* also catches NaN */
		return 0;
	if (s > 1e9)
		s = 1e9;
	return llround(s * 1000.0);
}

static void add_clock(struct buf *out, double s, char msep)
{
	long long ms = to_ms(s);
	buf_addf(out, "%02lld:%02lld:%02lld%c%03lld", ms / 3600000, ms / 60000 % 60,
		 ms / 1000 % 60, msep, ms % 1000);
}

static void add_span(struct buf *out, double start, double end, char msep)
{
	add_clock(out, start, msep);
	buf_adds(out, " --> ");
	add_clock(out, end < start ? start : end, msep);
	buf_addc(out, '\n');
}

/* Seconds with millisecond precision, as a JSON number. */
static void add_seconds(struct buf *out, double s)
{
	long long ms = to_ms(s);
	buf_addf(out, "%lld.%03lld", ms / 1000, ms % 1000);
}

void sidecar_json_string(const char *s, struct buf *out)
{
	struct buf fixed = BUF_INIT;
	unicode_repair(s ? s : "", s ? strlen(s) : 0, &fixed);
	buf_addc(out, '"');
	for (size_t i = 0; i < fixed.len; i++) {
		unsigned char ch = (unsigned char)fixed.data[i];
		switch (ch) {
		case '"': buf_adds(out, "\\\""); break;
		case '\\': buf_adds(out, "\\\\"); break;
		case '\n': buf_adds(out, "\\n"); break;
		case '\r': buf_adds(out, "\\r"); break;
		case '\t': buf_adds(out, "\\t"); break;
		default:
			if (ch < 0x20 || ch == 0x7F)
				buf_addf(out, "\\u%04x", ch);
			else
				buf_addc(out, (char)ch);
		}
	}
	buf_addc(out, '"');
	buf_release(&fixed);
}

void sidecar_chapters_json(const struct chapter_mark *c, size_t n, const char *title,
			   struct buf *out)
{
	buf_adds(out, "{\n  \"version\": \"1.2.0\",\n");
	if (title) {
		buf_adds(out, "  \"title\": ");
		sidecar_json_string(title, out);
		buf_adds(out, ",\n");
	}
	buf_adds(out, "  \"chapters\": [");
	for (size_t i = 0; i < n; i++) {
		buf_adds(out, i ? ",\n    {" : "\n    {");
		buf_adds(out, "\"startTime\": ");
		add_seconds(out, c[i].start);
		buf_adds(out, ", \"endTime\": ");
		add_seconds(out, c[i].end < c[i].start ? c[i].start : c[i].end);
		if (c[i].title) {
			buf_adds(out, ", \"title\": ");
			sidecar_json_string(c[i].title, out);
		}
		buf_addc(out, '}');
	}
	buf_adds(out, n ? "\n  ]\n}\n" : "]\n}\n");
}

/* The cue text as one line of words: repaired UTF-8, every run of white
 * space (including line breaks, which would end a cue) made one space. */
static void flatten(const char *s, struct buf *out)
{
	struct buf fixed = BUF_INIT;
	unicode_repair(s ? s : "", s ? strlen(s) : 0, &fixed);
	bool space = false;
	for (size_t i = 0; i < fixed.len; i++) {
		unsigned char ch = (unsigned char)fixed.data[i];
		if (ch <= ' ' || ch == 0x7F) {
			space = out->len > 0;
			continue;
		}
		if (space)
			buf_addc(out, ' ');
		space = false;
		buf_addc(out, (char)ch);
	}
	buf_release(&fixed);
}

static size_t count_chars(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

static void vtt_escape(struct buf *out, const char *s, size_t len)
{
	static const struct { char ch; const char *ent; } ents[] = {
		{ '&', "&amp;" }, { '<', "&lt;" }, { '>', "&gt;" },
	};
	for (size_t i = 0; i < len; i++) {
		size_t k = 0;
		while (k < sizeof(ents) / sizeof(ents[0]) && ents[k].ch != s[i])
			k++;
		if (k < sizeof(ents) / sizeof(ents[0]))
			buf_adds(out, ents[k].ent);
		else
			buf_addc(out, s[i]);
	}
}

/* Greedy word wrap at SIDECAR_VTT_LINE characters; a longer word stays whole. */
static void vtt_text(struct buf *out, const char *s, size_t len)
{
	size_t line = 0, i = 0;
	while (i < len) {
		size_t j = i;
		while (j < len && s[j] != ' ')
			j++;
		size_t w = count_chars(s + i, j - i);
		if (line && line + 1 + w > SIDECAR_VTT_LINE) {
			buf_addc(out, '\n');
			line = 0;
		} else if (line) {
			buf_addc(out, ' ');
			line++;
		}
		vtt_escape(out, s + i, j - i);
		line += w;
		i = j < len ? j + 1 : j;
	}
	buf_addc(out, '\n');
}

void sidecar_vtt(const struct cue *c, size_t n, struct buf *out)
{
	struct buf text = BUF_INIT;
	buf_adds(out, "WEBVTT\n");
	for (size_t i = 0; i < n; i++) {
		buf_reset(&text);
		flatten(c[i].text, &text);
		if (!text.len)
			continue;     /* an empty cue would end the cue block early */
		buf_addc(out, '\n');
		add_span(out, c[i].start, c[i].end, '.');
		vtt_text(out, text.data, text.len);
	}
	buf_release(&text);
}

void sidecar_srt(const struct cue *c, size_t n, struct buf *out)
{
	struct buf text = BUF_INIT;
	size_t num = 0;
	for (size_t i = 0; i < n; i++) {
		buf_reset(&text);
		flatten(c[i].text, &text);
		if (!text.len)
			continue;
		buf_addf(out, "%s%zu\n", num ? "\n" : "", num + 1);
		num++;
		add_span(out, c[i].start, c[i].end, ',');
		buf_add(out, text.data, text.len);
		buf_addc(out, '\n');
	}
	buf_release(&text);
}

/* A cue-sheet string: no escapes exist in the format, so '"' becomes '\''. */
static void cue_quoted(struct buf *out, const char *key, const char *s, const char *indent)
{
	struct buf text = BUF_INIT;
	flatten(s, &text);
	for (size_t i = 0; i < text.len; i++)
		if (text.data[i] == '"')
			text.data[i] = '\'';
	buf_addf(out, "%s%s \"%s\"\n", indent, key, text.data ? text.data : "");
	buf_release(&text);
}

void sidecar_cuesheet(const struct chapter_mark *c, size_t n, const char *title,
		      const char *performer, const char *audio_file, const char *filetype,
		      struct buf *out)
{
	if (performer)
		cue_quoted(out, "PERFORMER", performer, "");
	if (title)
		cue_quoted(out, "TITLE", title, "");
	cue_quoted(out, "FILE", audio_file, "");
	buf_truncate(out, out->len - 1);   /* the file type follows on the line */
	buf_addf(out, " %s\n", filetype ? filetype : "MP3");
	if (n > 99) {
		warning("cue sheet: %zu chapters; the format holds 99", n);
		n = 99;
	}
	for (size_t i = 0; i < n; i++) {
		buf_addf(out, "  TRACK %02zu AUDIO\n", i + 1);
		if (c[i].title)
			cue_quoted(out, "TITLE", c[i].title, "    ");
		if (performer)
			cue_quoted(out, "PERFORMER", performer, "    ");
		long long frames = (to_ms(c[i].start) * 75 + 500) / 1000;
		buf_addf(out, "    INDEX 01 %02lld:%02lld:%02lld\n", frames / 75 / 60,
			 frames / 75 % 60, frames % 75);
	}
}
