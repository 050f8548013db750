/*
 * meta_ogg: chapters as Vorbis comments (CHAPTERnnn, see meta_vorbis.h) in
 * Ogg Opus and Ogg Vorbis files, after libsndfile has finished them.
 *
 * The comment header is the second packet of the stream.  It is rebuilt
 * with libsndfile's comments kept and the chapter comments added, then laid
 * out on new pages; every later page keeps its bytes but gets a new
 * sequence number (and so a new CRC) when the header takes more or fewer
 * pages than before.  The file is rewritten through a temporary name and
 * rename().  Only single-stream files, as libsndfile writes them, are
 * accepted.
 */
#ifndef NARRATE_META_OGG_H
#define NARRATE_META_OGG_H

#include "sidecar.h"

#include <stddef.h>

/* Rewrites the Ogg Opus or Ogg Vorbis file at path with chapter comments
 * for c[0..n).  Returns 0, or -1 after one error naming the file; the file
 * is then unchanged. */
int ogg_set_chapters(const char *path, const struct chapter_mark *c, size_t n);

#endif
