/*
 * batch: the scheduler behind `narrate batch` (see batch.h).
 */
#include "batch.h"

#include "article.h"
#include "buf.h"
#include "cache.h"
#include "datadir.h"
#include "diag.h"
#include "fdio.h"
#include "digest.h"
#include "publish.h"
#include "read.h"
#include "sidecar.h"
#include "slug.h"
#include "synth.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum status { ST_PENDING, ST_NARRATED, ST_UNCHANGED, ST_DUPLICATE, ST_FAILED };
static const char *const status_names[] = { "pending", "narrated", "unchanged", "duplicate",
					     "failed" };

/* What narrating an article took and made. */
struct outcome {
	double audio_s, cpu_s;
	uint32_t synthesized, cached;   /* sentences spoken by the engine, from the cache */
};

struct job {
	char *path;
	char *slug;
	char key[DIGEST_HEX];      /* text + settings; "" when unreadable */
	size_t dup_of;             /* the first identical article, or SIZE_MAX */
	bool mine;                 /* in this shard */
	enum status status;
	struct outcome out;
	char *error;
};

struct result_msg {
	uint32_t job;
	int32_t status;
	struct outcome out;
	uint32_t errlen;
};

struct worker {
	pid_t pid;
	int to, from;              /* job pipe, result pipe */
	size_t job;                /* the article in hand, or SIZE_MAX */
	double started;            /* when it got it */
};

struct run {
	struct session *s;
	const struct batch_opts *o;
	struct job *jobs;
	size_t n;
	char settings[DIGEST_HEX];      /* everything but the text */
	char audio_settings[DIGEST_HEX];/* what turns a script into audio */
	struct worker *w;
	size_t done, failed, total;
	double audio_s, t0, last_progress;
	size_t synthesized, cached;     /* sentences, over the run */
	bool tty;
};

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	(void)sig;
	if (++interrupted > 1)
		_exit(130);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double cpu_seconds(void)
{
	struct rusage self, kids;
	getrusage(RUSAGE_SELF, &self);
	getrusage(RUSAGE_CHILDREN, &kids);
	return (double)self.ru_utime.tv_sec + self.ru_utime.tv_usec / 1e6 +
	       (double)self.ru_stime.tv_sec + self.ru_stime.tv_usec / 1e6 +
	       (double)kids.ru_utime.tv_sec + kids.ru_utime.tv_usec / 1e6 +
	       (double)kids.ru_stime.tv_sec + kids.ru_stime.tv_usec / 1e6;
}

/* ---- settings digests ------------------------------------------------ */

static void digest_file(struct digest *d, const char *path)
{
	struct buf b = BUF_INIT;
	FILE *f = fopen(path, "rb");
	char chunk[65536];
	size_t n;
	digest_adds(d, path);
	if (f) {
		while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
			digest_add(d, chunk, n);
		fclose(f);
	}
	buf_release(&b);
}

static void digest_tree(struct digest *d, const char *dir)
{
	struct dirent **list;
	int n = scandir(dir, &list, NULL, alphasort);
	struct buf p = BUF_INIT;
	for (int i = 0; i < n; i++) {
		const char *name = list[i]->d_name;
		buf_reset(&p);
		buf_addf(&p, "%s/%s", dir, name);
		struct stat st;
		if (name[0] != '.' && stat(p.data, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				digest_tree(d, p.data);
			else if (strlen(name) > 5 && !strcmp(name + strlen(name) - 5, ".yaml"))
				digest_file(d, p.data);
		}
		free(list[i]);
	}
	if (n >= 0)
		free(list);
	buf_release(&p);
}

static void digest_audio_settings(struct digest *d, const struct session *s)
{
	const struct render_opts *ro = &s->ro;
	struct buf b = BUF_INIT;
	buf_addf(&b, "narrate 1|engine %s|voice %s %d %d %d %d %d|fmt %d %d|loud %.2f %.2f|lead %d %d",
		 synth_engine_version(), s->voice.engine_voice, s->voice.rate, s->voice.pitch,
		 s->voice.pause_ms[1], s->voice.pause_ms[2], s->voice.pause_ms[3], (int)ro->fmt,
		 ro->bitrate_kbps, ro->loudness_lufs, ro->ceiling_dbtp, ro->lead_in_ms,
		 ro->lead_out_ms);
	digest_adds(d, b.data);
	buf_release(&b);
}

static void make_settings(struct run *r, const struct session_config *cfg)
{
	struct digest d;
	digest_begin(&d);
	digest_audio_settings(&d, r->s);
	digest_hex(&d, r->audio_settings);
	struct buf dir = BUF_INIT;
	buf_addf(&dir, "%s/pronunciations/en", datadir_get());
	digest_tree(&d, dir.data);
	for (size_t i = 0; i < cfg->n_lexicons; i++)
		digest_file(&d, cfg->lexicons[i]);
	digest_hex(&d, r->settings);
	digest_end(&d);
	buf_release(&dir);
}

/* ---- stamps ----------------------------------------------------------- */

static void stamp_path(const struct run *r, const struct job *j, struct buf *out)
{
	buf_addf(out, "%s/%s/.narrate-stamp", r->s->ro.outdir, j->slug);
}

/* Reads "key script-key" from the article's stamp; "" when missing. */
static void stamp_read(const struct run *r, const struct job *j, char key[DIGEST_HEX],
		       char script[DIGEST_HEX])
{
	struct buf p = BUF_INIT;
	stamp_path(r, j, &p);
	key[0] = script[0] = '\0';
	FILE *f = fopen(p.data, "r");
	if (f) {
		if (fscanf(f, "%32s %32s", key, script) != 2)
			key[0] = script[0] = '\0';
		fclose(f);
	}
	buf_release(&p);
}

static int stamp_write(const struct run *r, const struct job *j, const char *script)
{
	struct buf p = BUF_INIT, text = BUF_INIT;
	stamp_path(r, j, &p);
	buf_addf(&text, "%s %s\n", j->key, script);
	int rc = publish_buffer(p.data, text.data, text.len);
	buf_release(&p);
	buf_release(&text);
	return rc;
}

static bool audio_exists(const struct run *r, const struct job *j)
{
	struct buf p = BUF_INIT;
	struct stat st;
	buf_addf(&p, "%s/%s/%s.%s", r->s->ro.outdir, j->slug, j->slug,
		 audio_format_ext(r->s->ro.fmt));
	bool ok = stat(p.data, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
	buf_release(&p);
	return ok;
}

/* ---- scanning --------------------------------------------------------- */

/* The title as narrating will find it: the first non-blank line. */
static char *first_line(const char *text, size_t len)
{
	size_t i = 0;
	while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n'))
		i++;
	size_t e = i;
	while (e < len && text[e] != '\n')
		e++;
	while (e > i && (text[e - 1] == ' ' || text[e - 1] == '\t'))
		e--;
	return xstrndup(text + i, e - i);
}

/* An article's identity without holding it: the digest of its bytes
 * (unchecked: narrating checks them and says what is wrong) and its first
 * line, from the first 64 kB.  Returns 0, or -1 when it cannot be read as
 * a non-empty regular file. */
static int identify(const char *path, struct digest *d, char **title)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return -1;
	struct stat st;
	int rc = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? 0 : -1;
	static char head[1 << 16];
	size_t total = 0;
	while (rc == 0) {
		ssize_t n = read(fd, head, sizeof(head));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			rc = n < 0 || total == 0 ? -1 : 0;
			break;
		}
		if (total == 0)
			*title = first_line(head, (size_t)n);
		digest_add(d, head, (size_t)n);
		total += (size_t)n;
		if (total > READ_MAX_BYTES)
			rc = -1;
	}
	close(fd);
	return rc;
}

static struct run *sort_run;

static int by_key(const void *a, const void *b)
{
	const struct job *x = &sort_run->jobs[*(const size_t *)a];
	const struct job *y = &sort_run->jobs[*(const size_t *)b];
	int c = strcmp(x->key, y->key);
	return c ? c : (*(const size_t *)a > *(const size_t *)b) - (*(const size_t *)a < *(const size_t *)b);
}

/* Identical articles (same text, same settings) are narrated once: the
 * first in path order; the others point at it. */
static void find_duplicates(struct run *r)
{
	size_t *idx = xcalloc(r->n, sizeof(*idx));
	for (size_t i = 0; i < r->n; i++)
		idx[i] = i;
	sort_run = r;
	qsort(idx, r->n, sizeof(*idx), by_key);
	for (size_t i = 1; i < r->n; i++) {
		struct job *a = &r->jobs[idx[i - 1]], *b = &r->jobs[idx[i]];
		if (b->key[0] && !strcmp(a->key, b->key))
			b->dup_of = a->dup_of != SIZE_MAX ? a->dup_of : idx[i - 1];
	}
	free(idx);
}

static void scan(struct run *r, char **paths)
{
	struct slugset slugs = { 0 };
	for (size_t i = 0; i < r->n; i++) {
		struct job *j = &r->jobs[i];
		j->path = paths[i];
		j->dup_of = SIZE_MAX;
		char *title = NULL;
		struct digest d;
		digest_begin(&d);
		bool ok = identify(paths[i], &d, &title) == 0;
		const char *base = strrchr(paths[i], '/');
		const char *name = title && *title ? title : base ? base + 1 : paths[i];
		j->slug = xstrdup(slugset_add(&slugs, name, paths[i]));
		free(title);
		if (ok) {
			digest_adds(&d, r->settings);
			digest_hex(&d, j->key);
		}
		digest_end(&d);
	}
	slugset_release(&slugs);
	find_duplicates(r);
}

/* ---- the worker's side ------------------------------------------------ */

static void unlink_matching(const char *pattern)
{
	glob_t g;
	if (glob(pattern, 0, NULL, &g) == 0) {
		for (size_t i = 0; i < g.gl_pathc; i++)
			unlink(g.gl_pathv[i]);
		globfree(&g);
	}
}

/* Temporary files a killed worker left in an article's folders. */
static void remove_partials(const struct run *r, const struct job *j)
{
	struct buf pat = BUF_INIT;
	buf_addf(&pat, "%s/%s/.*.partial", r->s->ro.outdir, j->slug);
	unlink_matching(pat.data);
	buf_reset(&pat);
	buf_addf(&pat, "%s/%s/chapters/.*.partial", r->s->ro.outdir, j->slug);
	unlink_matching(pat.data);
	buf_release(&pat);
}

/* ... and in the cache, when no worker is running. */
static void remove_cache_partials(const struct run *r)
{
	if (!r->s->ro.cache_dir)
		return;
	struct buf pat = BUF_INIT;
	buf_addf(&pat, "%s/.*.partial", r->s->ro.cache_dir);
	unlink_matching(pat.data);
	buf_release(&pat);
}

static void script_digest(const struct run *r, const struct article *art, char *const *spoken,
			  char out[DIGEST_HEX])
{
	struct digest d;
	digest_begin(&d);
	digest_adds(&d, r->audio_settings);
	for (size_t i = 0; i < art->n_segs; i++) {
		digest_adds(&d, spoken[i]);
		char kind[8];
		snprintf(kind, sizeof(kind), "%d%d", (int)art->segs[i].kind, (int)art->segs[i].pause);
		digest_adds(&d, kind);
	}
	digest_hex(&d, out);
	digest_end(&d);
}

/* Narrates one article in a worker; returns its status. */
static enum status narrate_one(struct run *r, struct job *j, struct outcome *out)
{
	struct article art;
	if (article_load(&art, j->path) < 0)
		return ST_FAILED;
	char old_key[DIGEST_HEX], old_script[DIGEST_HEX], script[DIGEST_HEX];
	stamp_read(r, j, old_key, old_script);
	char **spoken = article_spoken(&art, &r->s->pp, NULL);
	script_digest(r, &art, spoken, script);
	enum status st = ST_NARRATED;
	if (!r->o->force && !strcmp(script, old_script) && audio_exists(r, j)) {
		st = ST_UNCHANGED;  /* the settings changed, but not what is said */
	} else {
		struct render_stats rs;
		remove_partials(r, j);
		if (render_spoken(&art, spoken, j->slug, &r->s->ro, &rs) < 0)
			st = ST_FAILED;
		out->audio_s = rs.audio_seconds;
		out->synthesized = (uint32_t)rs.synthesized;
		out->cached = (uint32_t)rs.from_cache;
	}
	if (st != ST_FAILED && stamp_write(r, j, script) < 0)
		st = ST_FAILED;
	article_free_spoken(&art, spoken);
	article_release(&art);
	return st;
}

static void worker_main(struct run *r, int in, int out)
{
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	diag_capture = true;
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	uint32_t idx;
	while (fd_read_all(in, &idx, sizeof(idx)) == 0) {
		struct job *j = &r->jobs[idx];
		double cpu0 = cpu_seconds();
		struct outcome done = { 0 };
		diag_clear();
		enum status st = narrate_one(r, j, &done);
		done.cpu_s = cpu_seconds() - cpu0;
		const char *err = st == ST_FAILED ? diag_last_error() : "";
		struct result_msg m;
		memset(&m, 0, sizeof(m));   /* the padding goes down the pipe too */
		m.job = idx;
		m.status = (int32_t)st;
		m.out = done;
		m.errlen = (uint32_t)strlen(err);
		if (fd_write_all(out, &m, sizeof(m)) < 0 || fd_write_all(out, err, m.errlen) < 0)
			break;
	}
	_exit(0);
}

/* ---- the parent's side ------------------------------------------------ */

static int spawn(struct run *r, struct worker *w)
{
	int to[2], from[2];
	if (pipe(to) < 0)
		return error("cannot create a pipe: %s", strerror(errno));
	if (pipe(from) < 0) {
		close(to[0]);
		close(to[1]);
		return error("cannot create a pipe: %s", strerror(errno));
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(to[0]);
		close(to[1]);
		close(from[0]);
		close(from[1]);
		return error("cannot start a worker: %s", strerror(errno));
	}
	if (pid == 0) {
		close(to[1]);
		close(from[0]);
		/* other workers' pipes are not this one's business */
		for (int i = 0; i < r->o->jobs; i++) {
			if (r->w[i].pid > 0) {
				close(r->w[i].to);
				close(r->w[i].from);
			}
		}
		worker_main(r, to[0], from[1]);
	}
	close(to[0]);
	close(from[1]);
	w->pid = pid;
	w->to = to[1];
	w->from = from[0];
	w->job = SIZE_MAX;
	return 0;
}

/* Ends a worker: kill it if asked, reap it, say how it ended. */
static void reap(struct worker *w, bool kill_it, struct buf *why)
{
	if (w->pid <= 0)
		return;
	if (kill_it)
		kill(w->pid, SIGKILL);
	close(w->to);
	close(w->from);
	int status = 0;
	while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
		;
	if (why && WIFSIGNALED(status))
		buf_addf(why, "worker killed by signal %d (%s)", WTERMSIG(status),
			 strsignal(WTERMSIG(status)));
	else if (why)
		buf_addf(why, "worker exited with status %d", WEXITSTATUS(status));
	w->pid = 0;
}

static void finish_job(struct run *r, struct job *j, enum status st, const struct outcome *out,
		       const char *err)
{
	j->status = st;
	j->out = *out;
	free(j->error);
	j->error = err && *err ? xstrdup(err) : NULL;
	r->done++;
	r->audio_s += out->audio_s;
	r->synthesized += out->synthesized;
	r->cached += out->cached;
	if (st == ST_FAILED) {
		r->failed++;
		if (r->tty && !r->o->quiet)
			fputs("\r\033[K", stderr);
		error("'%s': %s", j->path, j->error ? j->error : "failed");
	}
}

static void fmt_duration(double s, struct buf *out)
{
	if (s >= 3600)
		buf_addf(out, "%dh%02dm", (int)(s / 3600), (int)fmod(s / 60, 60));
	else if (s >= 60)
		buf_addf(out, "%dm%02ds", (int)(s / 60), (int)fmod(s, 60));
	else
		buf_addf(out, "%.0fs", s);
}

static void progress(struct run *r, bool final)
{
	if (r->o->quiet)
		return;
	double t = now();
	if (!final && t - r->last_progress < (r->tty ? 0.2 : 10.0))
		return;
	r->last_progress = t;
	double el = t - r->t0, rate = el > 0 ? r->done / el : 0;
	struct buf line = BUF_INIT;
	if (r->tty) {
		int width = 24, fill = r->total ? (int)(width * r->done / r->total) : width;
		buf_adds(&line, "\r\033[K[");
		for (int i = 0; i < width; i++)
			buf_addc(&line, i < fill ? '#' : '.');
		buf_adds(&line, "] ");
	} else {
		buf_adds(&line, "narrate: batch: ");
	}
	buf_addf(&line, "%zu/%zu articles, %.2f h of audio, %.1f articles/s", r->done, r->total,
		 r->audio_s / 3600, rate);
	if (!final && rate > 0 && r->total > r->done) {
		buf_adds(&line, ", ETA ");
		fmt_duration((r->total - r->done) / rate, &line);
	}
	if (r->failed)
		buf_addf(&line, ", %zu failed", r->failed);
	buf_adds(&line, r->tty && !final ? "" : "\n");
	fputs(line.data, stderr);
	buf_release(&line);
}

static int write_report(const struct run *r, bool interrupted_run)
{
	struct buf j = BUF_INIT, path = BUF_INIT;
	size_t counts[5] = { 0 };
	buf_adds(&j, "{\n  \"articles\": [\n");
	bool first = true;
	for (size_t i = 0; i < r->n; i++) {
		const struct job *x = &r->jobs[i];
		if (!x->mine)
			continue;
		counts[x->status]++;
		buf_adds(&j, first ? "    {\"path\": " : ",\n    {\"path\": ");
		first = false;
		sidecar_json_string(x->path, &j);
		buf_adds(&j, ", \"slug\": ");
		sidecar_json_string(x->slug, &j);
		buf_addf(&j, ", \"status\": \"%s\", \"audio_seconds\": %.3f, \"cpu_seconds\": %.3f, "
			 "\"sentences_synthesized\": %u, \"sentences_from_cache\": %u",
			 status_names[x->status], x->out.audio_s, x->out.cpu_s, x->out.synthesized,
			 x->out.cached);
		if (x->dup_of != SIZE_MAX) {
			buf_adds(&j, ", \"duplicate_of\": ");
			sidecar_json_string(r->jobs[x->dup_of].path, &j);
		}
		buf_adds(&j, ", \"error\": ");
		if (x->error)
			sidecar_json_string(x->error, &j);
		else
			buf_adds(&j, "null");
		buf_adds(&j, "}");
	}
	buf_addf(&j, "\n  ],\n  \"summary\": {\"articles\": %zu, \"narrated\": %zu, "
		 "\"unchanged\": %zu, \"duplicate\": %zu, \"failed\": %zu, \"pending\": %zu, "
		 "\"audio_seconds\": %.3f, \"sentences_synthesized\": %zu, "
		 "\"sentences_from_cache\": %zu, \"interrupted\": %s}\n}\n",
		 r->total, counts[ST_NARRATED], counts[ST_UNCHANGED], counts[ST_DUPLICATE],
		 counts[ST_FAILED], counts[ST_PENDING], r->audio_s, r->synthesized, r->cached,
		 interrupted_run ? "true" : "false");
	buf_addf(&path, "%s/batch-report.json", r->s->ro.outdir);
	int rc = publish_buffer(path.data, j.data, j.len);
	buf_release(&j);
	buf_release(&path);
	return rc;
}

static void fail_in_hand(struct run *r, struct worker *w, const char *why)
{
	struct job *j = &r->jobs[w->job];
	remove_partials(r, j);
	struct outcome out = { .cpu_s = now() - w->started };
	finish_job(r, j, ST_FAILED, &out, why);
	w->job = SIZE_MAX;
}

/* A worker's answer, or its death. */
static void collect(struct run *r, struct worker *w)
{
	struct result_msg m;
	char err[1024];
	if (fd_read_all(w->from, &m, sizeof(m)) == 0 && m.job == w->job && m.errlen < sizeof(err) &&
	    fd_read_all(w->from, err, m.errlen) == 0 && m.status >= 0 && m.status <= ST_FAILED) {
		err[m.errlen] = '\0';
		finish_job(r, &r->jobs[m.job], (enum status)m.status, &m.out, err);
		w->job = SIZE_MAX;
		return;
	}
	struct buf why = BUF_INIT;
	reap(w, true, &why);
	fail_in_hand(r, w, why.data);
	buf_release(&why);
	spawn(r, w);
}

static void check_timeouts(struct run *r)
{
	if (!r->o->timeout_s)
		return;
	double t = now();
	for (int i = 0; i < r->o->jobs; i++) {
		struct worker *w = &r->w[i];
		if (w->pid <= 0 || w->job == SIZE_MAX || t - w->started < r->o->timeout_s)
			continue;
		reap(w, true, NULL);
		struct buf why = BUF_INIT;
		buf_addf(&why, "took longer than --timeout %u s; the worker was killed",
			 r->o->timeout_s);
		fail_in_hand(r, w, why.data);
		buf_release(&why);
		spawn(r, w);
	}
}

/* Hands out articles until all are done or Ctrl-C. */
static void schedule(struct run *r, size_t *queue, size_t nq)
{
	size_t next = 0;
	struct pollfd *pfd = xcalloc((size_t)r->o->jobs, sizeof(*pfd));
	while (!interrupted) {
		bool busy = false;
		for (int i = 0; i < r->o->jobs; i++) {
			struct worker *w = &r->w[i];
			if (w->pid > 0 && w->job == SIZE_MAX && next < nq) {
				uint32_t idx = (uint32_t)queue[next++];
				w->job = idx;
				w->started = now();
				if (fd_write_all(w->to, &idx, sizeof(idx)) < 0)
					collect(r, w);
			}
			busy = busy || (w->pid > 0 && w->job != SIZE_MAX);
			pfd[i].fd = w->pid > 0 && w->job != SIZE_MAX ? w->from : -1;
			pfd[i].events = POLLIN;
		}
		if (!busy && next >= nq)
			break;
		int n = poll(pfd, (nfds_t)r->o->jobs, 200);
		for (int i = 0; n > 0 && i < r->o->jobs; i++)
			if (pfd[i].fd >= 0 && (pfd[i].revents & (POLLIN | POLLHUP | POLLERR)))
				collect(r, &r->w[i]);
		check_timeouts(r);
		progress(r, false);
	}
	free(pfd);
}

/* Marks what needs no worker: other shards, duplicates, unchanged. */
static size_t plan(struct run *r, size_t *queue)
{
	size_t nq = 0;
	for (size_t i = 0; i < r->n; i++) {
		struct job *j = &r->jobs[i];
		j->mine = !r->o->shard_n ||
			  digest64(j->path, strlen(j->path)) % r->o->shard_n == r->o->shard_k - 1;
		if (!j->mine)
			continue;
		r->total++;
		if (j->dup_of != SIZE_MAX) {
			j->status = ST_DUPLICATE;
			r->done++;
			continue;
		}
		char key[DIGEST_HEX], script[DIGEST_HEX];
		stamp_read(r, j, key, script);
		if (!r->o->force && j->key[0] && !strcmp(key, j->key) && audio_exists(r, j)) {
			j->status = ST_UNCHANGED;
			r->done++;
			continue;
		}
		queue[nq++] = i;
	}
	return nq;
}

static void summary(const struct run *r)
{
	if (r->o->quiet && !r->failed)
		return;
	size_t c[5] = { 0 };
	for (size_t i = 0; i < r->n; i++)
		if (r->jobs[i].mine)
			c[r->jobs[i].status]++;
	fprintf(stderr, "narrate: batch: %zu articles: %zu narrated, %zu unchanged, %zu duplicate, "
		"%zu failed%s\n", r->total, c[ST_NARRATED], c[ST_UNCHANGED], c[ST_DUPLICATE],
		c[ST_FAILED], c[ST_PENDING] ? ", some not done" : "");
	for (size_t i = 0; i < r->n; i++)
		if (r->jobs[i].mine && r->jobs[i].status == ST_FAILED)
			fprintf(stderr, "  failed: %s: %s\n", r->jobs[i].path,
				r->jobs[i].error ? r->jobs[i].error : "unknown error");
}

int batch_run(struct session *s, const struct session_config *cfg, char **paths, size_t n,
	      const struct batch_opts *o)
{
	struct run r = { .s = s, .o = o, .n = n };
	r.jobs = xcalloc(n ? n : 1, sizeof(*r.jobs));
	r.w = xcalloc((size_t)o->jobs, sizeof(*r.w));
	r.tty = isatty(STDERR_FILENO);
	r.t0 = now();
	make_settings(&r, cfg);
	scan(&r, paths);
	size_t *queue = xcalloc(n ? n : 1, sizeof(*queue));
	size_t nq = plan(&r, queue);
	remove_cache_partials(&r);   /* what a killed run left behind */

	struct sigaction sa = { 0 }, old_int, old_term;
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	signal(SIGPIPE, SIG_IGN);
	int workers = 0;
	for (int i = 0; i < o->jobs && (size_t)i < nq; i++)
		if (spawn(&r, &r.w[i]) == 0)
			workers++;
	if (nq && !workers)
		interrupted = 1;
	schedule(&r, queue, nq);
	bool stopped = interrupted;
	for (int i = 0; i < o->jobs; i++) {
		if (r.w[i].pid > 0 && r.w[i].job != SIZE_MAX) {
			reap(&r.w[i], true, NULL);
			remove_partials(&r, &r.jobs[r.w[i].job]);
		} else {
			reap(&r.w[i], false, NULL);
		}
	}
	remove_cache_partials(&r);
	if (nq && s->ro.cache_dir)
		cache_trim(s->ro.cache_dir, s->ro.cache_cap);
	progress(&r, true);
	write_report(&r, stopped);
	summary(&r);
	if (stopped && !diag_quiet)
		fprintf(stderr, "narrate: batch: interrupted after %zu of %zu articles; run the same "
			"command again to finish\n", r.done, r.total);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	for (size_t i = 0; i < n; i++) {
		free(r.jobs[i].slug);
		free(r.jobs[i].error);
	}
	free(r.jobs);
	free(r.w);
	free(queue);
	return stopped ? 130 : r.failed ? 1 : 0;
}
