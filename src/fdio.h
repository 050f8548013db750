/*
 * fdio: whole reads and writes on file descriptors (pipes between narrate's
 * processes), retried on EINTR and short counts.
 */
#ifndef NARRATE_FDIO_H
#define NARRATE_FDIO_H

#include <stddef.h>

/* Writes all n bytes.  Returns 0, or -1 with errno set (EPIPE when the
 * reader is gone; callers ignore SIGPIPE or let it kill them). */
int fd_write_all(int fd, const void *p, size_t n);
/* Reads exactly n bytes.  Returns 0, or -1 on error or an early end. */
int fd_read_all(int fd, void *p, size_t n);

#endif
