/*
 * meta_wavcue: chapter marks for WAV episodes, as a "cue " chunk plus a
 * LIST/adtl chunk of "labl" titles, appended after libsndfile has written
 * and closed the file.
 *
 * libsndfile 1.2.0 writes a cue chunk (SFC_SET_CUE) but ignores the point
 * names (PODCAST.md, section 3), so both chunks are written here instead;
 * ffprobe then reports the points as chapters with their titles.  The
 * encoder must not also call SFC_SET_CUE.
 */
#ifndef NARRATE_META_WAVCUE_H
#define NARRATE_META_WAVCUE_H

#include "buf.h"
#include "sidecar.h"

#include <stddef.h>

/* Appends the two chunks for c[0..n) at sample rate rate to out: "cue "
 * with one point per chapter (IDs from 1, positions in sample frames) and
 * "LIST" "adtl" with a "labl" per titled chapter.  Never fails. */
void wavcue_build(const struct chapter_mark *c, size_t n, unsigned rate, struct buf *out);
/* Appends those chunks to the finished RIFF/WAVE file at path and fixes
 * the RIFF size.  Returns 0, or -1 after one error naming the file (not a
 * RIFF WAVE file, would pass 4 GB, I/O error); the file is then unchanged
 * or truncated back to its old length. */
int wavcue_append(const char *path, const struct chapter_mark *c, size_t n, unsigned rate);

#endif
