/*
 * read: file bytes to checked NFC UTF-8 text (see read.h).
 */
#include "read.h"

#include "diag.h"
#include "unicode.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void locate(const char *data, size_t off, unsigned *line, size_t *col_byte)
{
	unsigned l = 1;
	size_t start = 0;
	for (size_t i = 0; i < off; i++)
		if (data[i] == '\n') {
			l++;
			start = i + 1;
		}
	*line = l;
	*col_byte = off - start + 1;
}

int read_check(const char *name, const char *data, size_t len, struct buf *out)
{
	const char *nul = memchr(data, '\0', len);
	if (nul) {
		unsigned line;
		size_t col;
		locate(data, (size_t)(nul - data), &line, &col);
		return error("'%s':%u: NUL byte at byte offset %zu: this looks like a binary "
			     "file, not text; give narrate a UTF-8 text file",
			     name, line, (size_t)(nul - data));
	}
	size_t bad;
	if (!unicode_valid(data, len, &bad)) {
		unsigned line;
		size_t col;
		locate(data, bad, &line, &col);
		return error("'%s':%u:%zu: invalid UTF-8 at byte offset %zu; convert the file "
			     "to UTF-8 (e.g. iconv -f latin1 -t utf-8)", name, line, col, bad);
	}
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
		data += 3;
		len -= 3;
	}
	struct buf lf = BUF_INIT;
	buf_grow(&lf, len);
	for (size_t i = 0; i < len; i++) {
		if (data[i] == '\r') {
			buf_addc(&lf, '\n');
			if (i + 1 < len && data[i + 1] == '\n')
				i++;
		} else {
			lf.data[lf.len++] = data[i];
		}
	}
	if (lf.data)
		lf.data[lf.len] = '\0';
	size_t i = 0;
	while (i < lf.len && strchr(" \t\n\f\v", lf.data[i]))
		i++;
	int rc = 0;
	if (i == lf.len)
		rc = error("'%s': the file is empty (or only white space): nothing to narrate", name);
	else
		unicode_nfc(lf.data, lf.len, out);
	buf_release(&lf);
	return rc;
}

int read_text(const char *path, struct buf *out)
{
	int fd = strcmp(path, "-") ? open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK) : 0;
	if (fd < 0)
		return error("cannot open '%s': %s", path, strerror(errno));
	struct stat st;
	if (fstat(fd, &st) < 0) {
		int e = errno;
		if (fd)
			close(fd);
		return error("cannot read '%s': %s", path, strerror(e));
	}
	if (fd && S_ISDIR(st.st_mode)) {
		close(fd);
		return error("'%s' is a directory; give the article files (or use 'narrate batch')",
			     path);
	}
	if (fd && !S_ISREG(st.st_mode)) {
		close(fd);
		return error("'%s' is not a regular file", path);
	}
	if (fd) {
		int fl = fcntl(fd, F_GETFL);
		fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	}
	struct buf raw = BUF_INIT;
	int rc = 0;
	for (;;) {
		buf_grow(&raw, 1 << 16);
		ssize_t n = read(fd, raw.data + raw.len, raw.cap - raw.len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = error("cannot read '%s': %s", path, strerror(errno));
			break;
		}
		if (n == 0)
			break;
		raw.len += (size_t)n;
		if (raw.len > READ_MAX_BYTES) {
			rc = error("'%s' is larger than %u MiB; split it into several articles",
				   path, READ_MAX_BYTES >> 20);
			break;
		}
	}
	if (fd)
		close(fd);
	if (rc == 0) {
		raw.data[raw.len] = '\0';
		rc = read_check(path, raw.data, raw.len, out);
	}
	buf_release(&raw);
	return rc;
}
