/*
 * render: the per-article pipeline (see render.h).
 */
#include "render.h"

#include "article.h"
#include "audiofile.h"
#include "buf.h"
#include "diag.h"
#include "master.h"
#include "preprocess.h"
#include "publish.h"
#include "slug.h"
#include "voice.h"
#include "worker.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Pass 1's state: where each segment's audio landed in the spool. */
struct pass1 {
	const struct article *art;
	const struct render_opts *o;
	struct master *m;
	int fd;
	int err;
	unsigned long long pos;        /* samples spooled so far */
	unsigned long long *seg_start; /* per segment, in samples */
	unsigned long long *seg_end;
	size_t failed;
};

static int spool_write(struct pass1 *p, const int16_t *pcm, size_t n)
{
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

static int spool_silence(struct pass1 *p, int ms)
{
	static const int16_t zero[2048];
	size_t n = (size_t)ms * (size_t)p->o->engine_rate / 1000;
	while (n) {
		size_t k = n > 2048 ? 2048 : n;
		if (spool_write(p, zero, k) < 0)
			return -1;
		n -= k;
	}
	return 0;
}

static int on_segment(size_t seg, const int16_t *pcm, size_t n, void *ctx)
{
	struct pass1 *p = ctx;
	p->seg_start[seg] = p->pos;
	if (spool_write(p, pcm, n) < 0)
		return 1;
	p->seg_end[seg] = p->pos;
	enum pause_kind k = p->art->segs[seg].pause;
	return spool_silence(p, p->o->voice->pause_ms[k]) < 0;
}

static void on_failed(size_t seg, const char *why, void *ctx)
{
	struct pass1 *p = ctx;
	const struct segment *s = &p->art->segs[seg];
	warning("%s:%u:%u: %s; skipped this sentence", p->art->name, s->line, s->col, why);
	p->seg_start[seg] = p->seg_end[seg] = p->pos;
	p->failed++;
	spool_silence(p, p->o->voice->pause_ms[s->pause]);
}

static int open_spool(const char *dir)
{
	int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd >= 0)
		return fd;
	FILE *f = tmpfile();
	return f ? dup(fileno(f)) : -1;
}

/* Pass 2's state: where output frames go. */
struct pass2 {
	const struct article *art;
	const struct render_opts *o;
	const char *dir;
	const char *slug;
	struct audio_writer *whole;
	struct audio_writer *chap;
	size_t cur_chap;               /* the chapter chap is writing */
	unsigned long long *chap_start; /* per chapter + 1 sentinel, output frames */
	unsigned long long frames;      /* output frames written */
	int out_rate;
	int failed;
};

static void chapter_path(const struct pass2 *q, size_t c, struct buf *out)
{
	buf_addf(out, "%s/chapters/%02zu-", q->dir, c + 1);
	slug_make(q->art->chapters[c].title, 40, out);
	buf_addf(out, ".%s", audio_format_ext(q->o->fmt));
}

static int open_chapter(struct pass2 *q, size_t c)
{
	struct buf path = BUF_INIT;
	chapter_path(q, c, &path);
	q->chap = audio_writer_open(path.data, q->o->fmt, q->out_rate, q->o->bitrate_kbps, NULL, 0);
	q->cur_chap = c;
	buf_release(&path);
	return q->chap ? 0 : -1;
}

static void on_output(const float *x, size_t n, void *ctx)
{
	struct pass2 *q = ctx;
	if (q->failed)
		return;
	if (audio_writer_write(q->whole, x, n) < 0)
		q->failed = 1;
	size_t nch = q->art->n_chapters;
	while (n && !q->failed) {
		size_t c = q->cur_chap;
		/* the last chapter takes everything to the end */
		unsigned long long end = c + 1 < nch ? q->chap_start[c + 1] : (unsigned long long)-1;
		if (q->frames >= end) {
			if (audio_writer_commit(q->chap) < 0) {
				q->chap = NULL;
				q->failed = 1;
				break;
			}
			q->chap = NULL;
			if (open_chapter(q, c + 1) < 0) {
				q->failed = 1;
				break;
			}
			continue;
		}
		size_t k = end - q->frames < n ? (size_t)(end - q->frames) : n;
		if (audio_writer_write(q->chap, x, k) < 0)
			q->failed = 1;
		x += k;
		n -= k;
		q->frames += k;
	}
}

static int run_pass2(struct pass1 *p, struct pass2 *q, struct master *m)
{
	if (lseek(p->fd, 0, SEEK_SET) < 0)
		return error("cannot read back the audio spool: %s", strerror(errno));
	int16_t chunk[8192];
	unsigned long long left = p->pos;
	while (left && !q->failed) {
		size_t want = left > 8192 ? 8192 : (size_t)left;
		ssize_t got = read(p->fd, chunk, want * sizeof(int16_t));
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return error("cannot read back the audio spool: %s",
				     got < 0 ? strerror(errno) : "short file");
		size_t n = (size_t)got / sizeof(int16_t);
		if (master_process(m, chunk, n, on_output, q) < 0)
			return -1;
		left -= n;
	}
	if (!q->failed && master_finish(m, on_output, q) < 0)
		return -1;
	return q->failed ? -1 : 0;
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

static int synthesize(struct pass1 *p, char *const *spoken)
{
	static const struct worker_cb cb = { on_segment, on_failed };
	if (spool_silence(p, p->o->lead_in_ms) < 0)
		return -1;
	int rc = worker_speak(spoken, p->art->n_segs, p->o->timeout_s, &cb, p);
	if (rc == 0)
		rc = spool_silence(p, p->o->lead_out_ms);
	if (p->err)
		return error("cannot write the audio spool: %s", strerror(p->err));
	return rc;
}

static int encode(struct pass1 *p, struct master *m, const char *dir, const char *slug)
{
	const struct article *art = p->art;
	const struct render_opts *o = p->o;
	struct pass2 q = { .art = art, .o = o, .dir = dir, .slug = slug };
	q.out_rate = audio_format_rate(o->fmt, o->engine_rate);
	q.chap_start = xcalloc(art->n_chapters + 1, sizeof(*q.chap_start));
	double ratio = (double)q.out_rate / o->engine_rate;
	unsigned long long *cue = xcalloc(art->n_chapters, sizeof(*cue));
	for (size_t c = 0; c < art->n_chapters; c++) {
		unsigned long long in = c == 0 ? 0 : p->seg_start[art->chapters[c].first_seg];
		q.chap_start[c] = (unsigned long long)llround((double)in * ratio);
		cue[c] = q.chap_start[c];
	}
	struct buf path = BUF_INIT;
	buf_addf(&path, "%s/%s.%s", dir, slug, audio_format_ext(o->fmt));
	int rc = -1;
	q.whole = audio_writer_open(path.data, o->fmt, q.out_rate, o->bitrate_kbps, NULL, 0);
	if (!q.whole || open_chapter(&q, 0) < 0)
		goto out;
	audio_writer_set_cues(q.whole, cue, art->n_chapters);
	rc = run_pass2(p, &q, m);
	if (rc == 0) {
		rc = audio_writer_commit(q.chap);
		q.chap = NULL;
		int rc2 = audio_writer_commit(q.whole);
		q.whole = NULL;
		rc = rc < 0 ? rc : rc2;
	}
out:
	if (q.chap)
		audio_writer_abort(q.chap);
	if (q.whole)
		audio_writer_abort(q.whole);
	free(q.chap_start);
	free(cue);
	buf_release(&path);
	return rc;
}

int render_article(const struct article *art, const struct preprocessor *pp, const char *slug,
		   const struct render_opts *o, struct render_stats *st)
{
	struct buf dir = BUF_INIT, chapdir = BUF_INIT;
	buf_addf(&dir, "%s/%s", o->outdir, slug);
	buf_addf(&chapdir, "%s/chapters", dir.data);
	char **spoken = article_spoken(art, pp, NULL);
	struct master_opts mo = { o->loudness_lufs, o->ceiling_dbtp, o->engine_rate,
				  audio_format_rate(o->fmt, o->engine_rate) };
	struct pass1 p = { .art = art, .o = o, .fd = -1 };
	p.seg_start = xcalloc(art->n_segs, sizeof(*p.seg_start));
	p.seg_end = xcalloc(art->n_segs, sizeof(*p.seg_end));
	int rc = -1;
	if (make_dirs(chapdir.data) < 0)
		goto out;
	p.m = master_new(&mo);
	if (!p.m)
		goto out;
	p.fd = open_spool(dir.data);
	if (p.fd < 0) {
		error("cannot create a temporary file in '%s': %s", dir.data, strerror(errno));
		goto out;
	}
	if (synthesize(&p, spoken) < 0)
		goto out;
	double lufs;
	if (master_plan(p.m, &lufs) < 0) {
		warning("'%s': nothing audible to narrate after preprocessing; no audio written",
			art->name);
		goto out;
	}
	rc = encode(&p, p.m, dir.data, slug);
	if (rc == 0)
		rc = write_script(art, spoken, dir.data, slug);
	st->audio_seconds = (double)p.pos / o->engine_rate;
	st->failed_segments = p.failed;
out:
	if (p.fd >= 0)
		close(p.fd);
	if (p.m)
		master_free(p.m);
	free(p.seg_start);
	free(p.seg_end);
	article_free_spoken(art, spoken);
	buf_release(&dir);
	buf_release(&chapdir);
	return rc;
}
