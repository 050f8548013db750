/*
 * render: the per-article pipeline (see render.h).
 *
 * When the master stage would change nothing (no loudness target, no
 * limiter, the engine's own rate), the engine's samples go straight to the
 * files in one pass.  Otherwise pass 1 spools them (with the pauses) to an
 * unnamed temporary file while the master measures, and pass 2 reads the
 * spool back through the master into the files.
 */
#include "render.h"

#include "article.h"
#include "audiofile.h"
#include "buf.h"
#include "cache.h"
#include "digest.h"
#include "diag.h"
#include "master.h"
#include "meta_files.h"
#include "meta_ogg.h"
#include "meta_vorbis.h"
#include "meta_wavcue.h"
#include "preprocess.h"
#include "publish.h"
#include "slug.h"
#include "synth.h"
#include "voice.h"
#include "worker.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NO_FRAME ((unsigned long long)-1)

/* What the metadata files say about the episode, in the output's time. */
struct episode_meta {
	enum audio_format fmt;
	int rate;
	struct chapter_mark *marks;
	size_t n_marks;
	struct cue *cues;
	size_t n_cues;
	struct meta_episode e;
	struct buf artist;
};

/* Where output frames go: the whole article and the current chapter. */
struct sink {
	const struct article *art;
	const struct render_opts *o;
	const char *dir;
	struct audio_writer *whole;
	struct audio_writer *chap;
	size_t cur_chap;
	unsigned long long *chap_start;  /* per chapter, output frames; NO_FRAME = not yet */
	unsigned long long frames;
	int rate;
	int failed;
};

static void chapter_path(const struct sink *k, size_t c, struct buf *out)
{
	buf_addf(out, "%s/chapters/%02zu-", k->dir, c + 1);
	slug_make(k->art->chapters[c].title, 40, out);
	buf_addf(out, ".%s", audio_format_ext(k->o->fmt));
}

static int sink_open(struct sink *k, const char *slug, const struct buf *prefix)
{
	struct buf path = BUF_INIT;
	buf_addf(&path, "%s/%s.%s", k->dir, slug, audio_format_ext(k->o->fmt));
	k->whole = audio_writer_open(path.data, k->o->fmt, k->rate, k->o->bitrate_kbps,
				     prefix ? prefix->data : NULL,
				     prefix ? prefix->len : 0);
	buf_release(&path);
	if (!k->whole)
		return -1;
	return 0;
}

/* One chapter: its file is the whole file, linked, not written twice. */
static bool single_chapter(const struct sink *k)
{
	return k->art->n_chapters == 1;
}

static int next_chapter(struct sink *k)
{
	if (k->chap) {
		int rc = audio_writer_commit(k->chap);
		k->chap = NULL;
		if (rc < 0)
			return -1;
		k->cur_chap++;
	}
	struct buf path = BUF_INIT;
	chapter_path(k, k->cur_chap, &path);
	k->chap = audio_writer_open(path.data, k->o->fmt, k->rate, k->o->bitrate_kbps, NULL, 0);
	buf_release(&path);
	return k->chap ? 0 : -1;
}

/* Writes n frames (float when x, else 16-bit s), cutting chapter files at
 * their starts. */
static void sink_write(struct sink *k, const float *x, const int16_t *s, size_t n)
{
	if (k->failed)
		return;
	if ((x ? audio_writer_write(k->whole, x, n) : audio_writer_write_short(k->whole, s, n)) < 0)
		k->failed = 1;
	if (single_chapter(k) || !k->o->chapter_files) {
		k->frames += n;
		return;
	}
	while (n && !k->failed) {
		size_t next = k->chap ? k->cur_chap + 1 : 0;
		unsigned long long end = next < k->art->n_chapters ? k->chap_start[next] : NO_FRAME;
		if (!k->chap || k->frames >= end) {
			if (next_chapter(k) < 0) {
				k->failed = 1;
				break;
			}
			continue;
		}
		size_t m = end - k->frames < n ? (size_t)(end - k->frames) : n;
		int rc = x ? audio_writer_write(k->chap, x, m) : audio_writer_write_short(k->chap, s, m);
		if (rc < 0)
			k->failed = 1;
		if (x)
			x += m;
		else
			s += m;
		n -= m;
		k->frames += m;
	}
}

static void sink_float(const float *x, size_t n, void *ctx)
{
	sink_write(ctx, x, NULL, n);
}

static bool is_rf64(const char *path)
{
	char magic[4] = { 0 };
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	bool rf64 = read(fd, magic, 4) == 4 && !memcmp(magic, "RF64", 4);
	close(fd);
	return rf64;
}

/* Chapter marks for the containers libsndfile cannot mark itself. */
static int mark_chapters(const char *tmp, void *ctx)
{
	const struct episode_meta *em = ctx;
	switch (em->fmt) {
	case FMT_WAV:
		if (is_rf64(tmp)) {
			/* past 4 GiB the file stays RF64, which has no room for our
			 * RIFF cue chunk here: the sidecars carry the chapters */
			warning("'%s': longer than a WAV can hold; chapter marks are in the "
				"sidecar files only", em->e.title);
			return 0;
		}
		return wavcue_append(tmp, em->marks, em->n_marks, (unsigned)em->rate);
	case FMT_FLAC: return flac_set_chapters(tmp, em->marks, em->n_marks);
	case FMT_OGG:
	case FMT_OPUS: return ogg_set_chapters(tmp, em->marks, em->n_marks);
	case FMT_MP3: return 0;   /* the ID3 tag in front has them */
	}
	return 0;
}

static int sink_commit(struct sink *k, const char *slug, struct episode_meta *em)
{
	int rc = 0;
	if (k->failed)
		rc = -1;
	if (rc == 0 && k->chap) {
		rc = audio_writer_commit(k->chap);
		k->chap = NULL;
	}
	if (rc == 0) {
		rc = audio_writer_commit_hook(k->whole, mark_chapters, em);
		k->whole = NULL;
	}
	if (rc == 0 && single_chapter(k) && k->o->chapter_files) {
		struct buf whole = BUF_INIT, chap = BUF_INIT;
		buf_addf(&whole, "%s/%s.%s", k->dir, slug, audio_format_ext(k->o->fmt));
		chapter_path(k, 0, &chap);
		unlink(chap.data);
		if (link(whole.data, chap.data) < 0)
			rc = error("cannot link '%s': %s", chap.data, strerror(errno));
		buf_release(&whole);
		buf_release(&chap);
	}
	return rc;
}

static void sink_abort(struct sink *k)
{
	if (k->chap)
		audio_writer_abort(k->chap);
	if (k->whole)
		audio_writer_abort(k->whole);
	k->chap = k->whole = NULL;
}

/* Pass 1: the engine's samples in order, with pauses, to the spool (or
 * straight to the sink). */
struct pass1 {
	const struct article *art;
	const struct render_opts *o;
	struct master *m;
	struct sink *direct;           /* one-pass mode: write here, no spool */
	int fd;
	int err;
	unsigned long long pos;        /* samples so far */
	unsigned long long *seg_start; /* per segment, in samples */
	unsigned long long *seg_end;
	unsigned long long *seg_onset; /* where its speech is first heard */
	unsigned long long speech;     /* samples the engine made */
	size_t failed;
	const char *cache_dir;         /* sentence cache, or NULL */
	char (*keys)[DIGEST_HEX];      /* per segment, its cache key ("" if none) */
	size_t base;                   /* the first segment of the current worker run */
	size_t synthesized, from_cache;
};

static int emit(struct pass1 *p, const int16_t *pcm, size_t n)
{
	if (p->direct) {
		sink_write(p->direct, NULL, pcm, n);
		p->pos += n;
		return p->direct->failed ? -1 : 0;
	}
	const char *c = (const char *)pcm;
	size_t bytes = n * sizeof(*pcm);
	while (bytes && !p->err) {
		ssize_t w = write(p->fd, c, bytes);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			p->err = w < 0 ? errno : ENOSPC;
			break;
		}
		c += w;
		bytes -= (size_t)w;
	}
	master_measure(p->m, pcm, n);
	p->pos += n;
	return p->err ? -1 : 0;
}

static int emit_silence(struct pass1 *p, int ms)
{
	static const int16_t zero[2048];
	size_t n = (size_t)ms * (size_t)p->o->engine_rate / 1000;
	while (n) {
		size_t k = n > 2048 ? 2048 : n;
		if (emit(p, zero, k) < 0)
			return -1;
		n -= k;
	}
	return 0;
}

static void mark_segment(struct pass1 *p, size_t seg)
{
	p->seg_start[seg] = p->pos;
	if (!p->direct)
		return;
	/* a chapter starts with its first segment (the first one at 0) */
	for (size_t c = 1; c < p->art->n_chapters; c++)
		if (p->art->chapters[c].first_seg == seg)
			p->direct->chap_start[c] = p->pos;
}

/* A segment's samples into the spool (or the files), and its timings. */
static int add_segment(struct pass1 *p, size_t seg, const int16_t *pcm, size_t n)
{
	mark_segment(p, seg);
	/* the engine starts each sentence with some silence: transcripts and
	 * chapter marks point at the first audible sample (-36 dBFS) */
	size_t onset = 0;
	while (onset < n && pcm[onset] < 512 && pcm[onset] > -512)
		onset++;
	p->seg_onset[seg] = p->pos + (onset < n ? onset : 0);
	if (emit(p, pcm, n) < 0)
		return 1;
	p->seg_end[seg] = p->pos;
	p->speech += n;
	return emit_silence(p, p->o->voice->pause_ms[p->art->segs[seg].pause]) < 0;
}

/* Worker callbacks: segments count from the start of the run. */
static int on_segment(size_t seg, const int16_t *pcm, size_t n, void *ctx)
{
	struct pass1 *p = ctx;
	seg += p->base;
	if (n)
		p->synthesized++;
	if (p->cache_dir && p->keys[seg][0])
		cache_put(p->cache_dir, p->keys[seg], pcm, n, p->o->cache_cap);
	return add_segment(p, seg, pcm, n);
}

static void on_failed(size_t seg, const char *why, void *ctx)
{
	struct pass1 *p = ctx;
	seg += p->base;
	const struct segment *s = &p->art->segs[seg];
	warning("%s:%u:%u: %s; skipped this sentence", p->art->name, s->line, s->col, why);
	mark_segment(p, seg);
	p->seg_onset[seg] = p->pos;
	p->seg_end[seg] = p->pos;
	p->failed++;
	emit_silence(p, p->o->voice->pause_ms[s->pause]);
}

/* Whether segment i's audio can come from the cache; if so, adds it. */
static int from_cache(struct pass1 *p, size_t i, struct buf *pcm)
{
	if (!p->cache_dir || !p->keys[i][0] || cache_get(p->cache_dir, p->keys[i], pcm) < 0)
		return 0;
	p->from_cache++;
	return add_segment(p, i, (const int16_t *)pcm->data, pcm->len / sizeof(int16_t)) ? -1 : 1;
}

/* The end of the run of segments from i that the cache cannot supply. */
static size_t run_end(const struct pass1 *p, size_t i, size_t n)
{
	if (!p->cache_dir)
		return n;
	while (++i < n)
		if (p->keys[i][0] && cache_has(p->cache_dir, p->keys[i]))
			break;
	return i;
}

/* Pass 1's synthesis: each segment from the cache when it has it, the
 * others from workers, in runs. */
static int synthesize(struct pass1 *p, char *const *spoken)
{
	static const struct worker_cb cb = { on_segment, on_failed };
	if (emit_silence(p, p->o->lead_in_ms) < 0)
		return -1;
	size_t n = p->art->n_segs;
	if (p->cache_dir) {
		struct buf settings = BUF_INIT;
		const struct voice *v = p->o->voice;
		buf_addf(&settings, "%s|%s|%d|%d", synth_engine_version(), v->engine_voice,
			 v->rate, v->pitch);
		p->keys = xcalloc(n ? n : 1, sizeof(*p->keys));
		for (size_t i = 0; i < n; i++)
			if (spoken[i] && spoken[i][0])
				cache_key(settings.data, spoken[i], p->keys[i]);
		buf_release(&settings);
	}
	struct buf pcm = BUF_INIT;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0;) {
		rc = from_cache(p, i, &pcm);
		if (rc) {
			rc = rc < 0 ? -1 : 0;
			i++;
			continue;
		}
		size_t end = run_end(p, i, n);
		p->base = i;
		rc = worker_speak(spoken + i, end - i, p->o->timeout_s, &cb, p);
		i = end;
	}
	buf_release(&pcm);
	free(p->keys);
	p->keys = NULL;
	if (rc == 0)
		rc = emit_silence(p, p->o->lead_out_ms);
	if (p->err)
		return error("cannot write the audio spool: %s", strerror(p->err));
	return rc;
}

static int open_spool(const char *dir)
{
	int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd >= 0)
		return fd;
	FILE *f = tmpfile();
	fd = f ? dup(fileno(f)) : -1;
	if (f)
		fclose(f);
	return fd;
}

/* Where chapters start at the output rate, from where their first
 * segments landed in the spool. */
static void chapter_starts(const struct pass1 *p, struct sink *k)
{
	double ratio = (double)k->rate / p->o->engine_rate;
	for (size_t c = 0; c < p->art->n_chapters; c++) {
		unsigned long long in = c == 0 ? 0 : p->seg_start[p->art->chapters[c].first_seg];
		k->chap_start[c] = (unsigned long long)llround((double)in * ratio);
	}
}

/* Pass 2: the spool through the master into the sink. */
static int replay(struct pass1 *p, struct sink *k)
{
	if (lseek(p->fd, 0, SEEK_SET) < 0)
		return error("cannot read back the audio spool: %s", strerror(errno));
	const struct render_opts *o = p->o;
	bool identity = isnan(o->loudness_lufs) && isnan(o->ceiling_dbtp) &&
			audio_format_rate(o->fmt, o->engine_rate) == o->engine_rate;
	static int16_t chunk[16384];
	unsigned long long left = p->pos;
	while (left && !k->failed) {
		size_t want = left > 16384 ? 16384 : (size_t)left;
		ssize_t got = read(p->fd, chunk, want * sizeof(int16_t));
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return error("cannot read back the audio spool: %s",
				     got < 0 ? strerror(errno) : "short file");
		size_t n = (size_t)got / sizeof(int16_t);
		if (identity)
			sink_write(k, NULL, chunk, n);   /* the same samples as one pass */
		else if (master_process(p->m, chunk, n, sink_float, k) < 0)
			return -1;
		left -= n;
	}
	if (!k->failed && !identity && master_finish(p->m, sink_float, k) < 0)
		return -1;
	return k->failed ? -1 : 0;
}

static int write_script(const struct article *art, char *const *spoken, const char *dir,
			const char *slug)
{
	struct buf script = BUF_INIT, path = BUF_INIT;
	article_script(art, spoken, NULL, &script);
	buf_addf(&path, "%s/%s.script.txt", dir, slug);
	int rc = publish_buffer(path.data, script.data, script.len);
	buf_release(&script);
	buf_release(&path);
	return rc;
}

/* How far lossy encoders push true peaks above what they were given, in dB
 * (measured with ffmpeg's ebur128 on speech: MP3 and Opus up to about
 * 0.6, Vorbis at 22.05 kHz up to 0.7): the limiter aims that much lower so
 * the encoded file keeps the ceiling. */
static double codec_overshoot(enum audio_format fmt)
{
	switch (fmt) {
	case FMT_MP3: return 0.4;
	case FMT_OPUS: return 0.4;
	case FMT_OGG: return 0.7;
	default: return 0.0;
	}
}

/* One pass is enough when mastering changes nothing. */
static bool one_pass(const struct render_opts *o)
{
	return isnan(o->loudness_lufs) && isnan(o->ceiling_dbtp) &&
	       audio_format_rate(o->fmt, o->engine_rate) == o->engine_rate;
}

/* Chapter marks and one cue per segment (in its original wording), in
 * seconds of the output, from where pass 1 put the segments. */
static void describe(const struct pass1 *p, const char *slug, struct episode_meta *em)
{
	const struct article *art = p->art;
	const struct render_opts *o = p->o;
	double rate = o->engine_rate, total = (double)p->pos / rate;
	em->fmt = o->fmt;
	em->rate = audio_format_rate(o->fmt, o->engine_rate);
	em->n_marks = art->n_chapters;
	em->marks = xcalloc(em->n_marks, sizeof(*em->marks));
	for (size_t c = 0; c < art->n_chapters; c++) {
		const struct chapter *ch = &art->chapters[c];
		em->marks[c].start = c == 0 ? 0 : (double)p->seg_onset[ch->first_seg] / rate;
		em->marks[c].title = ch->title;
		if (c)
			em->marks[c - 1].end = em->marks[c].start;
	}
	em->marks[em->n_marks - 1].end = total;
	em->cues = xcalloc(art->n_segs, sizeof(*em->cues));
	for (size_t i = 0; i < art->n_segs; i++) {
		if (p->seg_end[i] <= p->seg_start[i])
			continue;   /* skipped, or nothing said */
		struct cue *c = &em->cues[em->n_cues++];
		c->start = (double)p->seg_onset[i] / rate;
		c->end = (double)p->seg_end[i] / rate;
		c->text = art->segs[i].text;
	}
	struct meta_episode *e = &em->e;
	e->title = art->title;
	e->slug = slug;
	if (o->artist)
		buf_adds(&em->artist, o->artist);
	else
		buf_addf(&em->artist, "narrate (%s)", o->voice->name);
	e->artist = em->artist.data;
	e->album = o->album;
	e->voice = o->voice->engine_voice;
	e->credit = art->credit;
	for (size_t i = 0; i < art->n_segs && !e->description; i++)
		if (art->segs[i].kind == SEG_SENTENCE)
			e->description = art->segs[i].text;
	if (art->date.present) {
		e->year = art->date.year;
		e->month = art->date.month;
		e->day = art->date.day;
		e->has_time = art->date.has_time;
		e->hour = art->date.hour;
		e->min = art->date.min;
		e->sec = art->date.sec;
	}
	e->chapters = em->marks;
	e->n_chapters = em->n_marks;
	e->cues = em->cues;
	e->n_cues = em->n_cues;
	e->cover = o->cover;
	e->duration = total;
	e->audio_type = audio_format_mime(o->fmt);
}

static void episode_meta_release(struct episode_meta *em)
{
	free(em->marks);
	free(em->cues);
	buf_release(&em->artist);
	memset(em, 0, sizeof(*em));
}

/* The sidecars, once the audio is in place: its size goes in. */
static int write_sidecars(const char *dir, const char *slug, struct episode_meta *em)
{
	struct buf audio = BUF_INIT, path = BUF_INIT;
	buf_addf(&audio, "%s.%s", slug, audio_format_ext(em->fmt));
	buf_addf(&path, "%s/%s", dir, audio.data);
	struct stat st;
	em->e.audio = audio.data;
	em->e.audio_bytes = stat(path.data, &st) == 0 ? (long long)st.st_size : 0;
	struct meta_sidecars sc;
	meta_files_sidecars(&em->e, &sc);
	int rc = 0;
	for (int i = 0; i < META_N && rc == 0; i++) {
		buf_reset(&path);
		buf_addf(&path, "%s/%s", dir, sc.name[i]);
		rc = publish_buffer(path.data, sc.text[i].data, sc.text[i].len);
	}
	meta_sidecars_release(&sc);
	em->e.audio = NULL;
	buf_release(&audio);
	buf_release(&path);
	return rc;
}

static int nothing_audible(const struct pass1 *p)
{
	warning("'%s': nothing audible to narrate after preprocessing; no audio written",
		p->art->name);
	return -1;
}

static int render_audio(struct pass1 *p, struct sink *k, char *const *spoken, const char *slug,
			struct episode_meta *em)
{
	if (p->direct) {
		if (sink_open(k, slug, NULL) < 0 || synthesize(p, spoken) < 0)
			return -1;
		if (!p->speech)
			return nothing_audible(p);
		describe(p, slug, em);
		return sink_commit(k, slug, em);
	}
	p->fd = open_spool(k->dir);
	if (p->fd < 0)
		return error("cannot create a temporary file in '%s': %s", k->dir,
			     strerror(errno));
	if (synthesize(p, spoken) < 0)
		return -1;
	if (!p->speech || master_plan(p->m, NULL) < 0)
		return nothing_audible(p);
	chapter_starts(p, k);
	describe(p, slug, em);
	struct buf tag = BUF_INIT;
	if (p->o->fmt == FMT_MP3)
		meta_files_tag(&em->e, &tag);
	int rc = sink_open(k, slug, &tag);
	buf_release(&tag);
	if (rc < 0 || replay(p, k) < 0)
		return -1;
	return sink_commit(k, slug, em);
}

int render_article(const struct article *art, const struct preprocessor *pp, const char *slug,
		   const struct render_opts *o, struct render_stats *st)
{
	char **spoken = article_spoken(art, pp, NULL);
	int rc = render_spoken(art, spoken, slug, o, st);
	article_free_spoken(art, spoken);
	return rc;
}

int render_spoken(const struct article *art, char *const *spoken, const char *slug,
		  const struct render_opts *o, struct render_stats *st)
{
	struct buf dir = BUF_INIT, chapdir = BUF_INIT;
	buf_addf(&dir, "%s/%s", o->outdir, slug);
	buf_addf(&chapdir, "%s/chapters", dir.data);
	struct sink k = { .art = art, .o = o, .dir = dir.data };
	k.rate = audio_format_rate(o->fmt, o->engine_rate);
	k.chap_start = xcalloc(art->n_chapters, sizeof(*k.chap_start));
	for (size_t c = 1; c < art->n_chapters; c++)
		k.chap_start[c] = NO_FRAME;
	struct pass1 p = { .art = art, .o = o, .fd = -1 };
	if (o->cache_dir && synth_sentences_independent())
		p.cache_dir = o->cache_dir;
	p.seg_start = xcalloc(art->n_segs, sizeof(*p.seg_start));
	p.seg_end = xcalloc(art->n_segs, sizeof(*p.seg_end));
	p.seg_onset = xcalloc(art->n_segs, sizeof(*p.seg_onset));
	struct episode_meta em = { 0 };
	int rc = -1;
	if (make_dirs(o->chapter_files ? chapdir.data : dir.data) < 0)
		goto out;
	if (one_pass(o)) {
		p.direct = &k;
	} else {
		struct master_opts mo = { o->loudness_lufs, o->ceiling_dbtp - codec_overshoot(o->fmt),
					  o->engine_rate, k.rate };
		p.m = master_new(&mo);
		if (!p.m)
			goto out;
	}
	rc = render_audio(&p, &k, spoken, slug, &em);
	if (rc == 0)
		rc = write_script(art, spoken, dir.data, slug);
	if (rc == 0)
		rc = write_sidecars(dir.data, slug, &em);
	st->audio_seconds = (double)p.pos / o->engine_rate;
	st->failed_segments = p.failed;
	st->synthesized = p.synthesized;
	st->from_cache = p.from_cache;
out:
	sink_abort(&k);
	if (p.fd >= 0)
		close(p.fd);
	if (p.m)
		master_free(p.m);
	episode_meta_release(&em);
	free(k.chap_start);
	free(p.seg_start);
	free(p.seg_end);
	free(p.seg_onset);
	buf_release(&dir);
	buf_release(&chapdir);
	return rc;
}
