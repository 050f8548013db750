/*
 * buf: the one growable text buffer narrate builds strings with.
 *
 * Every string the program assembles (spoken scripts, messages, XML, JSON)
 * goes through a struct buf, so there is no strcpy/strcat/sprintf anywhere.
 * The buffer always holds a NUL after its last byte, so data can be used as
 * a C string.  A buffer that cannot grow aborts the program: out of memory is
 * not an error path we try to survive.
 *
 *   struct buf b = BUF_INIT;
 *   buf_adds(&b, "hello ");
 *   buf_addf(&b, "%d", 42);
 *   puts(b.data);            -> "hello 42"
 *   buf_release(&b);
 */
#ifndef NARRATE_BUF_H
#define NARRATE_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data; /* NUL-terminated; never NULL after the first add */
	size_t len;
	size_t cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_init(struct buf *b);
/* Frees the storage; the buffer is empty and reusable afterwards. */
void buf_release(struct buf *b);
/* Empties the buffer and keeps its storage. */
void buf_reset(struct buf *b);
/* Makes room for at least extra more bytes (plus the NUL). */
void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *data, size_t len);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Cuts the buffer to len bytes (len <= b->len). */
void buf_truncate(struct buf *b, size_t len);
/* Removes trailing ASCII white space. */
void buf_rtrim(struct buf *b);
/* Hands the string to the caller (who frees it) and empties the buffer.
 * Never returns NULL. */
char *buf_detach(struct buf *b, size_t *len);
/* A copy of the string s (or of n bytes of it); aborts when out of memory. */
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);

#endif
