/*
 * voice: reads voice presets (see voice.h).
 */
#include "voice.h"

#include "article.h"
#include "buf.h"
#include "diag.h"
#include "yamldoc.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void set_defaults(struct voice *v)
{
	memset(v, 0, sizeof(*v));
	v->rate = 165;
	v->pitch = 48;
	v->pause_ms[PAUSE_NONE] = 0;
	v->pause_ms[PAUSE_SENTENCE] = 300;
	v->pause_ms[PAUSE_PARAGRAPH] = 700;
	v->pause_ms[PAUSE_CHAPTER] = 1400;
}

static int get_int(const struct ydoc *doc, const struct ynode *n, int lo, int hi, int *out)
{
	char *end;
	if (n->kind != YNODE_SCALAR || n->quoted)
		return ydoc_error(doc, n, "expected a number from %d to %d", lo, hi);
	errno = 0;
	long v = strtol(n->str, &end, 10);
	if (errno || end == n->str || *end || v < lo || v > hi)
		return ydoc_error(doc, n, "expected a number from %d to %d, not '%s'", lo, hi, n->str);
	*out = (int)v;
	return 0;
}

static int get_str(const struct ydoc *doc, const struct ynode *n, char **out)
{
	if (n->kind != YNODE_SCALAR || !n->len)
		return ydoc_error(doc, n, "expected a non-empty string");
	free(*out);
	*out = xstrdup(n->str);
	return 0;
}

static int load_pauses(const struct ydoc *doc, const struct ynode *map, struct voice *v)
{
	static const char *const names[] = { NULL, "sentence", "paragraph", "chapter" };
	if (map->kind != YNODE_MAP)
		return ydoc_error(doc, map, "expected a map of sentence, paragraph and chapter pauses");
	for (const struct ynode *k = map->child; k; k = k->next->next) {
		size_t i;
		for (i = 1; i < 4; i++)
			if (!strcmp(k->str, names[i]))
				break;
		if (i == 4)
			return ydoc_error(doc, k, "unknown pause '%s' (expected sentence, paragraph "
					  "or chapter)", k->str);
		if (get_int(doc, k->next, 0, 10000, &v->pause_ms[i]) < 0)
			return -1;
	}
	return 0;
}

int voice_load_file(struct voice *v, const char *path)
{
	struct ydoc doc;
	set_defaults(v);
	int rc = 0;
	if (ydoc_load_file(&doc, path) < 0) {
		rc = -1;        /* reported; the document still needs releasing */
		goto out;
	}
	const struct ynode *root = doc.root;
	if (!root || root->kind != YNODE_MAP) {
		rc = ydoc_error(&doc, root, "a voice preset is a map with at least 'voice:'");
		goto out;
	}
	for (const struct ynode *k = root->child; k && rc == 0; k = k->next->next) {
		const struct ynode *val = k->next;
		if (!strcmp(k->str, "name"))
			rc = get_str(&doc, val, &v->name);
		else if (!strcmp(k->str, "description"))
			rc = get_str(&doc, val, &v->description);
		else if (!strcmp(k->str, "voice"))
			rc = get_str(&doc, val, &v->engine_voice);
		else if (!strcmp(k->str, "engine"))
			rc = val->kind == YNODE_SCALAR && !strcmp(val->str, "espeak-ng") ? 0 :
			     ydoc_error(&doc, val, "the only engine is espeak-ng");
		else if (!strcmp(k->str, "rate"))
			rc = get_int(&doc, val, 80, 450, &v->rate);
		else if (!strcmp(k->str, "pitch"))
			rc = get_int(&doc, val, 0, 100, &v->pitch);
		else if (!strcmp(k->str, "pauses"))
			rc = load_pauses(&doc, val, v);
		else
			rc = ydoc_error(&doc, k, "unknown key '%s' (expected name, description, "
					"voice, rate, pitch or pauses)", k->str);
	}
	if (rc == 0 && !v->engine_voice)
		rc = ydoc_error(&doc, root, "missing 'voice:' (an espeak-ng voice such as en-us)");
	if (rc == 0 && !v->name) {
		const char *base = strrchr(path, '/');
		base = base ? base + 1 : path;
		const char *dot = strrchr(base, '.');
		v->name = xstrndup(base, dot ? (size_t)(dot - base) : strlen(base));
	}
	if (rc == 0)
		v->path = xstrdup(path);
out:
	ydoc_release(&doc);
	if (rc < 0)
		voice_release(v);
	return rc;
}

static bool is_path(const char *spec)
{
	size_t n = strlen(spec);
	return strchr(spec, '/') || (n > 5 && !strcmp(spec + n - 5, ".yaml"));
}

int voice_resolve(struct voice *v, const char *datadir, const char *spec)
{
	if (is_path(spec))
		return voice_load_file(v, spec);
	struct buf p = BUF_INIT;
	struct stat st;
	buf_addf(&p, "%s/voices/%s.yaml", datadir, spec);
	int rc;
	if (stat(p.data, &st) == 0) {
		rc = voice_load_file(v, p.data);
	} else {
		/* a bare espeak-ng voice name; synth checks it */
		set_defaults(v);
		v->name = xstrdup(spec);
		v->engine_voice = xstrdup(spec);
		rc = 0;
	}
	buf_release(&p);
	return rc;
}

void voice_release(struct voice *v)
{
	free(v->name);
	free(v->description);
	free(v->engine_voice);
	free(v->path);
	memset(v, 0, sizeof(*v));
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int yaml_file(const struct dirent *d)
{
	size_t n = strlen(d->d_name);
	return d->d_name[0] != '.' && n > 5 && !strcmp(d->d_name + n - 5, ".yaml");
}

void voice_each_preset(const char *datadir, void (*fn)(const struct voice *v, void *ctx),
		       void *ctx)
{
	struct buf dir = BUF_INIT, p = BUF_INIT;
	struct dirent **list;
	buf_addf(&dir, "%s/voices", datadir);
	int n = scandir(dir.data, &list, yaml_file, by_name);
	for (int i = 0; i < n; i++) {
		struct voice v;
		buf_reset(&p);
		buf_addf(&p, "%s/%s", dir.data, list[i]->d_name);
		if (voice_load_file(&v, p.data) == 0) {
			fn(&v, ctx);
			voice_release(&v);
		}
		free(list[i]);
	}
	if (n >= 0)
		free(list);
	buf_release(&dir);
	buf_release(&p);
}
