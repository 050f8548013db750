/*
 * worker: forked synthesis children and the parent's side of their pipe
 * (see worker.h).
 *
 * Wire format, child to parent: one message per segment, a header
 * { uint32 segment; int32 count } then count int16 samples (the whole
 * segment), or count WORKER_ERROR when the engine refused it.  One message
 * per segment keeps the parent's system calls to a handful per sentence.
 */
#include "worker.h"

#include "buf.h"
#include "diag.h"
#include "fdio.h"
#include "synth.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define WORKER_ERROR (-1)

struct msg {
	uint32_t seg;
	int32_t count;
};

struct child_ctx {
	int fd;
	struct buf out;     /* a segment's message: header, then samples */
};

static int child_sink(const int16_t *pcm, size_t n, void *ctx)
{
	struct child_ctx *c = ctx;
	buf_add(&c->out, pcm, n * sizeof(*pcm));
	return 0;
}

static void child_main(int fd, char *const *texts, size_t from, size_t n)
{
	struct child_ctx c = { fd, BUF_INIT };
	signal(SIGPIPE, SIG_DFL);
	for (size_t i = from; i < n; i++) {
		struct msg m = { (uint32_t)i, 0 };
		buf_reset(&c.out);
		buf_add(&c.out, &m, sizeof(m));
		if (texts[i] && texts[i][0] && synth_speak(texts[i], child_sink, &c) < 0) {
			buf_truncate(&c.out, sizeof(m));
			m.count = WORKER_ERROR;
		} else {
			m.count = (int32_t)((c.out.len - sizeof(m)) / sizeof(int16_t));
		}
		memcpy(c.out.data, &m, sizeof(m));
		if (fd_write_all(fd, c.out.data, c.out.len) < 0)
			_exit(3);
	}
	_exit(0);
}

/* Reads exactly n bytes, waiting at most timeout_s for each chunk.
 * Returns 1 when done, 0 on end of file, -1 on timeout, -2 on error. */
static int read_full(int fd, void *p, size_t n, unsigned timeout_s)
{
	char *c = p;
	while (n) {
		struct pollfd pfd = { fd, POLLIN, 0 };
		int r = poll(&pfd, 1, (int)timeout_s * 1000);
		if (r < 0 && errno == EINTR)
			continue;
		if (r == 0)
			return -1;
		if (r < 0)
			return -2;
		ssize_t got = read(fd, c, n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return -2;
		if (got == 0)
			return 0;
		c += got;
		n -= (size_t)got;
	}
	return 1;
}

static void describe_end(pid_t pid, bool killed, struct buf *why)
{
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (killed)
		buf_adds(why, "espeak-ng stopped responding and was killed");
	else if (WIFSIGNALED(status))
		buf_addf(why, "espeak-ng crashed (signal %d, %s)", WTERMSIG(status),
			 strsignal(WTERMSIG(status)));
	else
		buf_addf(why, "espeak-ng's worker exited with status %d", WEXITSTATUS(status));
}

/* Runs one child from segment `from`; returns the first segment not
 * finished (n when all are), or (size_t)-1 on a stop or system error. */
static size_t run_child(char *const *texts, size_t from, size_t n, unsigned timeout_s,
			const struct worker_cb *cb, void *ctx)
{
	int fds[2];
	if (pipe(fds) < 0) {
		error("cannot create a pipe: %s", strerror(errno));
		return (size_t)-1;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		error("cannot start a synthesis process: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return (size_t)-1;
	}
	if (pid == 0) {
		close(fds[0]);
		child_main(fds[1], texts, from, n);
	}
	close(fds[1]);
	fcntl(fds[0], F_SETPIPE_SZ, 1 << 20);
	struct buf pcm = BUF_INIT, why = BUF_INIT;
	size_t cur = from;
	int r = 1;
	while (cur < n) {
		struct msg m;
		r = read_full(fds[0], &m, sizeof(m), timeout_s);
		if (r != 1)
			break;
		if (m.seg != cur || m.count < WORKER_ERROR) {
			r = -2;
			break;
		}
		if (m.count == WORKER_ERROR) {
			cb->failed(cur++, "espeak-ng refused the text", ctx);
			continue;
		}
		size_t bytes = (size_t)m.count * sizeof(int16_t);
		buf_reset(&pcm);
		buf_grow(&pcm, bytes);
		r = read_full(fds[0], pcm.data, bytes, timeout_s);
		if (r != 1)
			break;
		if (cb->segment(cur, (const int16_t *)pcm.data, (size_t)m.count, ctx)) {
			kill(pid, SIGKILL);
			r = 2;
			break;
		}
		cur++;
	}
	if (r != 1 && r != 2)
		kill(pid, SIGKILL);
	close(fds[0]);
	describe_end(pid, r == -1, &why);
	if (r == 2) {
		cur = (size_t)-1;
	} else if (cur < n) {
		cb->failed(cur, why.data, ctx);
		cur++;
	}
	buf_release(&pcm);
	buf_release(&why);
	return cur;
}

int worker_speak(char *const *texts, size_t n, unsigned timeout_s,
		 const struct worker_cb *cb, void *ctx)
{
	size_t next = 0;
	while (next < n) {
		next = run_child(texts, next, n, timeout_s ? timeout_s : 60, cb, ctx);
		if (next == (size_t)-1)
			return -1;
	}
	return 0;
}
