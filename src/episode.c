/*
 * episode: writes and reads <slug>.episode.yaml (see episode.h).
 *
 * One table lists every scalar field: its key, where it lives in struct
 * episode and how it is checked; both the writer and the loader walk it, so
 * a field added there is written and read back.
 */
#include "episode.h"

#include "diag.h"
#include "unicode.h"
#include "yamldoc.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum field_kind { F_TEXT, F_PATH, F_SECONDS, F_BYTES };

static const struct field {
	const char *key;
	size_t off;
	enum field_kind kind;
	bool required;
} fields[] = {
	{ "title", offsetof(struct episode, title), F_TEXT, true },
	{ "slug", offsetof(struct episode, slug), F_TEXT, true },
	{ "date", offsetof(struct episode, date_iso), F_TEXT, false },
	{ "credit", offsetof(struct episode, credit), F_TEXT, false },
	{ "voice", offsetof(struct episode, voice), F_TEXT, false },
	{ "duration", offsetof(struct episode, duration), F_SECONDS, true },
	{ "audio", offsetof(struct episode, audio), F_PATH, true },
	{ "audio_bytes", offsetof(struct episode, audio_bytes), F_BYTES, false },
	{ "audio_type", offsetof(struct episode, audio_type), F_TEXT, false },
	{ "chapters_json", offsetof(struct episode, chapters_json), F_PATH, false },
	{ "vtt", offsetof(struct episode, vtt), F_PATH, false },
	{ "srt", offsetof(struct episode, srt), F_PATH, false },
	{ "description", offsetof(struct episode, description), F_TEXT, false },
};
#define N_FIELDS (sizeof(fields) / sizeof(fields[0]))

static char **str_at(const struct episode *e, const struct field *f)
{
	return (char **)((char *)e + f->off);
}

/* Code points libyaml refuses in a stream, or reads as line breaks inside a
 * double-quoted scalar; they are written as escapes. */
static bool needs_escape(int32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
	       cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF;
}

static void yaml_quote(const char *s, struct buf *out)
{
	static const struct { int32_t cp; const char *esc; } named[] = {
		{ '"', "\\\"" }, { '\\', "\\\\" }, { '\n', "\\n" }, { '\t', "\\t" },
		{ '\r', "\\r" }, { 0x2028, "\\L" }, { 0x2029, "\\P" },
	};
	struct buf fixed = BUF_INIT;
	unicode_repair(s, strlen(s), &fixed);
	buf_addc(out, '"');
	for (size_t i = 0; i < fixed.len;) {
		int32_t cp;
		size_t n = unicode_next(fixed.data + i, fixed.len - i, &cp);
		size_t k = 0;
		while (k < sizeof(named) / sizeof(named[0]) && named[k].cp != cp)
			k++;
		if (k < sizeof(named) / sizeof(named[0]))
			buf_adds(out, named[k].esc);
		else if (needs_escape(cp))
			buf_addf(out, cp < 0x100 ? "\\x%02x" : "\\u%04x", (unsigned)cp);
		else
			buf_add(out, fixed.data + i, n);
		i += n;
	}
	buf_addc(out, '"');
	buf_release(&fixed);
}

static void write_field(const struct episode *e, const struct field *f, struct buf *out)
{
	if (f->kind == F_SECONDS) {
		double v = *(const double *)((const char *)e + f->off);
		buf_addf(out, "%s: %.3f\n", f->key, isfinite(v) && v > 0 ? v : 0.0);
	} else if (f->kind == F_BYTES) {
		buf_addf(out, "%s: %lld\n", f->key, *(const long long *)((const char *)e + f->off));
	} else if (*str_at(e, f)) {
		buf_addf(out, "%s: ", f->key);
		yaml_quote(*str_at(e, f), out);
		buf_addc(out, '\n');
	}
}

void episode_write(const struct episode *e, struct buf *out)
{
	buf_adds(out, "# narrate episode metadata (read by 'narrate feed')\n");
	for (size_t i = 0; i < N_FIELDS; i++)
		write_field(e, &fields[i], out);
	if (!e->n_chapters)
		return;
	buf_adds(out, "chapters:\n");
	for (size_t i = 0; i < e->n_chapters; i++) {
		const struct chapter_mark *c = &e->chapters[i];
		buf_addf(out, "  - start: %.3f\n    end: %.3f\n",
			 isfinite(c->start) ? c->start : 0.0, isfinite(c->end) ? c->end : 0.0);
		if (c->title) {
			buf_adds(out, "    title: ");
			yaml_quote(c->title, out);
			buf_addc(out, '\n');
		}
	}
}

static int want_scalar(const struct ydoc *doc, const struct ynode *n, const char *key)
{
	if (n->kind != YNODE_SCALAR)
		return ydoc_error(doc, n, "'%s' must be a scalar, not %s", key,
				  ynode_kind_name(n->kind));
	return 0;
}

static int parse_seconds(const struct ydoc *doc, const struct ynode *n, const char *key,
			 double *out)
{
	if (want_scalar(doc, n, key) < 0)
		return -1;
	char *end;
	errno = 0;
	double v = strtod(n->str, &end);
	if (!n->len || *end || errno || !isfinite(v) || v < 0)
		return ydoc_error(doc, n, "'%s' must be a number of seconds, not '%s'", key, n->str);
	*out = v;
	return 0;
}

/* A file inside the episode directory: relative, no "..", no backslash. */
static bool safe_path(const char *p)
{
	if (!*p || *p == '/' || strchr(p, '\\'))
		return false;
	for (const char *s = p; s; s = strchr(s, '/')) {
		if (*s == '/')
			s++;
		if (!strncmp(s, "..", 2) && (s[2] == '/' || !s[2]))
			return false;
	}
	return true;
}

static int load_field(struct episode *e, const struct ydoc *doc, const struct ynode *n,
		      const struct field *f)
{
	if (f->kind == F_SECONDS)
		return parse_seconds(doc, n, f->key, (double *)((char *)e + f->off));
	if (want_scalar(doc, n, f->key) < 0)
		return -1;
	if (f->kind == F_BYTES) {
		char *end;
		errno = 0;
		long long v = strtoll(n->str, &end, 10);
		if (!n->len || *end || errno || v < 0)
			return ydoc_error(doc, n, "'%s' must be a byte count, not '%s'", f->key, n->str);
		*(long long *)((char *)e + f->off) = v;
		return 0;
	}
	if (f->kind == F_PATH && !safe_path(n->str))
		return ydoc_error(doc, n, "'%s' must be a file inside the episode directory, not '%s'",
				  f->key, n->str);
	if (!unicode_valid(n->str, n->len, NULL) || strlen(n->str) != n->len)
		return ydoc_error(doc, n, "'%s' is not valid UTF-8 text", f->key);
	*str_at(e, f) = xstrdup(n->str);
	return 0;
}

static int load_chapter(struct chapter_mark *c, const struct ydoc *doc, const struct ynode *n)
{
	if (n->kind != YNODE_MAP)
		return ydoc_error(doc, n, "a chapter must be a map, not %s", ynode_kind_name(n->kind));
	const struct ynode *start = ynode_get(n, "start"), *end = ynode_get(n, "end");
	const struct ynode *title = ynode_get(n, "title");
	if (!start)
		return ydoc_error(doc, n, "a chapter needs 'start'");
	if (parse_seconds(doc, start, "start", &c->start) < 0)
		return -1;
	c->end = c->start;
	if (end && parse_seconds(doc, end, "end", &c->end) < 0)
		return -1;
	if (title) {
		if (want_scalar(doc, title, "title") < 0)
			return -1;
		c->title = xstrdup(title->str);
	}
	return 0;
}

static int load_chapters(struct episode *e, const struct ydoc *doc, const struct ynode *seq)
{
	if (seq->kind != YNODE_SEQ)
		return ydoc_error(doc, seq, "'chapters' must be a list, not %s",
				  ynode_kind_name(seq->kind));
	e->chapters = xcalloc(seq->len ? seq->len : 1, sizeof(*e->chapters));
	double last = 0;
	for (const struct ynode *n = seq->child; n; n = n->next) {
		struct chapter_mark *c = &e->chapters[e->n_chapters];
		e->n_chapters++;
		if (load_chapter(c, doc, n) < 0)
			return -1;
		if (c->start < last)
			return ydoc_error(doc, n, "chapters must be in time order");
		last = c->start;
	}
	return 0;
}

static int load_doc(struct episode *e, const struct ydoc *doc)
{
	const struct ynode *root = doc->root;
	if (!root || root->kind != YNODE_MAP)
		return ydoc_error(doc, root, "an episode file must be a map");
	for (size_t i = 0; i < N_FIELDS; i++) {
		const struct ynode *n = ynode_get(root, fields[i].key);
		if (!n && fields[i].required)
			return ydoc_error(doc, root, "missing '%s'", fields[i].key);
		if (n && load_field(e, doc, n, &fields[i]) < 0)
			return -1;
	}
	const struct ynode *ch = ynode_get(root, "chapters");
	return ch ? load_chapters(e, doc, ch) : 0;
}

/* The shared end of both loaders: doc was just loaded (rc its result). */
static int load_loaded(struct episode *e, struct ydoc *doc, int rc)
{
	if (rc == 0)
		rc = load_doc(e, doc);
	ydoc_release(doc);
	if (rc < 0)
		episode_release(e);
	return rc;
}

int episode_load_string(struct episode *e, const char *name, const char *text, size_t len)
{
	struct ydoc doc;
	memset(e, 0, sizeof(*e));
	return load_loaded(e, &doc, ydoc_load_string(&doc, name, text, len));
}

int episode_load(struct episode *e, const char *path)
{
	struct ydoc doc;
	memset(e, 0, sizeof(*e));
	return load_loaded(e, &doc, ydoc_load_file(&doc, path));
}

void episode_release(struct episode *e)
{
	for (size_t i = 0; i < N_FIELDS; i++)
		if (fields[i].kind == F_TEXT || fields[i].kind == F_PATH)
			free(*str_at(e, &fields[i]));
	for (size_t i = 0; i < e->n_chapters; i++)
		free((char *)e->chapters[i].title);
	free(e->chapters);
	memset(e, 0, sizeof(*e));
}
