/*
 * read: an article file's bytes become checked text.
 *
 * Accepts a regular file or "-" (stdin).  Refuses, with a message naming the
 * file: a missing or unreadable file, a directory or device, a file larger
 * than READ_MAX_BYTES, a binary file (NUL bytes), invalid UTF-8 (line and
 * byte offset) and text with nothing but white space.  Strips a BOM, turns
 * CRLF and CR into LF and normalizes to NFC.
 */
#ifndef NARRATE_READ_H
#define NARRATE_READ_H

#include "buf.h"

#define READ_MAX_BYTES (256u << 20)

/* Appends the checked text of path to out.  Returns 0, or -1 after
 * reporting. */
int read_text(const char *path, struct buf *out);
/* The same checks on bytes already in memory; name is for messages. */
int read_check(const char *name, const char *data, size_t len, struct buf *out);

#endif
