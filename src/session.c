/*
 * session: shared set-up of the narrating commands (see session.h).
 */
#include "session.h"

#include "article.h"
#include "datadir.h"
#include "diag.h"
#include "publish.h"
#include "split.h"
#include "synth.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int parse_int(const char *opt, const char *arg, int lo, int hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < lo || v > hi) {
		error("--%s takes a number from %d to %d, not '%s'", opt, lo, hi, arg);
		return -1;
	}
	*out = (int)v;
	return 0;
}

int session_option(struct session_config *c, int id, char *arg)
{
	int v;
	switch (id) {
	case 'o': c->outdir = arg; return 1;
	case 'f': c->format = arg; return 1;
	case 'v': c->voice = arg; return 1;
	case 300: return parse_int("rate", arg, 80, 450, &c->rate) < 0 ? -1 : 1;
	case 301:
		c->lexicons = xrealloc(c->lexicons, (c->n_lexicons + 1) * sizeof(char *));
		c->lexicons[c->n_lexicons++] = arg;
		return 1;
	case 302:
		if (parse_int("bitrate", arg, 32, 320, &v) < 0)
			return -1;
		c->bitrate_kbps = v;
		return 1;
	case 303: c->loudness = arg; return 1;
	case 304:
		if (parse_int("timeout", arg, 1, 86400, &v) < 0)
			return -1;
		c->timeout_s = (unsigned)v;
		return 1;
	case 305: c->artist = arg; return 1;
	case 306: c->album = arg; return 1;
	case 307: c->cover = arg; return 1;
	case 308: c->no_chapter_files = true; return 1;
	default: return 0;
	}
}

static void list_voice(const char *name, const char *lang, void *ctx)
{
	(void)lang;
	fprintf(ctx, " %s", name);
}

static void list_preset(const struct voice *v, void *ctx)
{
	fprintf(ctx, " %s", v->name);
}

/* The message for an unknown voice: what there is instead. */
static void suggest_voices(FILE *to)
{
	fputs("narrate: presets:", to);
	voice_each_preset(datadir_get(), list_preset, to);
	fputs("\nnarrate: espeak-ng English voices:", to);
	synth_list_voices("en", false, list_voice, to);
	fputs("\nnarrate: variants (append as +NAME, e.g. en-us+f3):", to);
	synth_list_voices("", true, list_voice, to);
	fputs("\n", to);
}

/* A probe file proves the output directory is writable before any work. */
static int preflight(const char *outdir)
{
	if (make_dirs(outdir) < 0)
		return -1;
	struct buf probe = BUF_INIT;
	buf_addf(&probe, "%s/.narrate-probe-%ld", outdir, (long)getpid());
	FILE *f = fopen(probe.data, "w");
	int rc = 0;
	if (!f)
		rc = error("cannot write to output directory '%s': %s", outdir, strerror(errno));
	else {
		fclose(f);
		unlink(probe.data);
	}
	buf_release(&probe);
	return rc;
}

/* Distribution formats (MP3, Ogg, Opus) are mastered to -16 LUFS with a
 * -1 dBTP ceiling by default; WAV and FLAC keep the engine's level unless
 * --loudness asks, as archival masters. */
static int parse_loudness(const struct session_config *c, struct render_opts *ro)
{
	bool master = ro->fmt == FMT_MP3 || ro->fmt == FMT_OGG || ro->fmt == FMT_OPUS;
	ro->loudness_lufs = master ? -16.0 : NAN;
	ro->ceiling_dbtp = master ? -1.0 : NAN;
	if (!c->loudness)
		return 0;
	if (!strcmp(c->loudness, "off")) {
		ro->loudness_lufs = NAN;
		ro->ceiling_dbtp = NAN;
		return 0;
	}
	char *end;
	double v = strtod(c->loudness, &end);
	if (end == c->loudness || *end || !(v >= -40 && v <= -5))
		return error("--loudness takes LUFS from -40 to -5, or off; not '%s'", c->loudness);
	ro->loudness_lufs = v;
	ro->ceiling_dbtp = -1.0;
	return 0;
}

int session_start(struct session *s, const struct session_config *c)
{
	memset(s, 0, sizeof(*s));
	struct render_opts *ro = &s->ro;
	const char *fmt = c->format ? c->format : "mp3";
	if (audio_format_parse(fmt, &ro->fmt) < 0) {
		error("unknown format '%s' (use wav, flac, ogg, opus or mp3)", fmt);
		return 2;
	}
	if (parse_loudness(c, ro) < 0)
		return 2;
	int rate = synth_init();
	if (rate < 0)
		return 1;
	if (voice_resolve(&s->voice, datadir_get(), c->voice ? c->voice : "default") < 0)
		return 2;
	if (!synth_voice_known(s->voice.engine_voice)) {
		error("unknown voice '%s'", c->voice ? c->voice : s->voice.engine_voice);
		suggest_voices(stderr);
		voice_release(&s->voice);
		return 2;
	}
	if (c->rate)
		s->voice.rate = c->rate;
	if (synth_set_voice(s->voice.engine_voice, s->voice.rate, s->voice.pitch) < 0 ||
	    split_load(datadir_get(), "en") < 0 ||
	    preprocess_init(&s->pp, datadir_get(), "en", c->lexicons, c->n_lexicons) < 0) {
		voice_release(&s->voice);
		split_unload();
		return 2;
	}
	ro->voice = &s->voice;
	ro->bitrate_kbps = c->bitrate_kbps ? c->bitrate_kbps : 96;
	ro->outdir = c->outdir ? c->outdir : "output";
	ro->timeout_s = c->timeout_s ? c->timeout_s : 60;
	ro->engine_rate = rate;
	ro->lead_in_ms = 500;
	ro->lead_out_ms = 1000;
	ro->chapter_files = !c->no_chapter_files;
	ro->artist = c->artist;
	ro->album = c->album;
	s->started = true;
	if (c->cover) {
		if (cover_load(c->cover, &s->cover) < 0) {
			session_end(s);
			return 2;
		}
		s->has_cover = true;
		ro->cover = &s->cover;
	}
	if (preflight(ro->outdir) < 0) {
		session_end(s);
		return 1;
	}
	return 0;
}

int session_narrate(struct session *s, const char *path, struct render_stats *st)
{
	struct article art;
	memset(st, 0, sizeof(*st));
	if (article_load(&art, path) < 0)
		return -1;
	const char *slug = slugset_add(&s->slugs, art.title, path);
	int rc = render_article(&art, &s->pp, slug, &s->ro, st);
	article_release(&art);
	return rc;
}

void session_end(struct session *s)
{
	if (!s->started)
		return;
	preprocess_release(&s->pp);
	voice_release(&s->voice);
	slugset_release(&s->slugs);
	if (s->has_cover)
		cover_release(&s->cover);
	s->has_cover = false;
	split_unload();
	s->started = false;
}
