/*
 * meta_vorbis: chapters as Vorbis comments (Xiph Chapter Extension:
 * CHAPTERnnn=HH:MM:SS.mmm and CHAPTERnnnNAME=title), written into a FLAC
 * file after libsndfile has finished it.
 *
 * libsndfile writes only its own TITLE/ARTIST/... comments, so the encoder
 * calls flac_set_chapters() on the closed file: the VORBIS_COMMENT metadata
 * block is rebuilt (libsndfile's comments kept, any CHAPTER* replaced) and
 * the file is rewritten through a temporary name and rename().  ffprobe
 * reads the result as chapters.  Ogg Vorbis and Opus are not handled here:
 * their comment packet lives in CRC-checked Ogg pages that would all have to
 * be renumbered, and no well-kept library we use does it.
 */
#ifndef NARRATE_META_VORBIS_H
#define NARRATE_META_VORBIS_H

#include "buf.h"
#include "sidecar.h"

#include <stddef.h>

/* At most 1000 chapters fit the three-digit numbering (000..999). */
#define VORBIS_MAX_CHAPTERS 1000

/* Appends "CHAPTERnnn=HH:MM:SS.mmm" and "CHAPTERnnnNAME=title" for each
 * chapter, numbered from 000, each followed by a NUL, to out.  Returns the
 * number of comments appended.  Never fails. */
size_t vorbis_chapter_comments(const struct chapter_mark *c, size_t n, struct buf *out);
/* Appends to out a Vorbis comment body (vendor length, vendor, count,
 * comments; no framing) holding the comments of old[0..len) (a body of the
 * same form, or NULL) except any CHAPTER* ones, then the chapter comments
 * for c[0..n).  Returns 0, or -1 when old is damaged; *used is then the
 * length of old that was read.  Prints nothing. */
int vorbis_comment_rebuild(const unsigned char *old, size_t len, const struct chapter_mark *c,
			   size_t n, struct buf *out, size_t *used);
/* Given a FLAC file's start (from "fLaC" through at least its last metadata
 * block), appends to out the same metadata with the chapter comments in its
 * VORBIS_COMMENT block, and sets *meta_len to the length of the metadata
 * read (the audio frames start there).  Returns 0, or -1 after one error
 * (name is used in messages). */
int flac_rewrite_meta(const char *name, const unsigned char *head, size_t len,
		      const struct chapter_mark *c, size_t n, struct buf *out, size_t *meta_len);
/* Rewrites the FLAC file at path with the chapter comments.  Returns 0, or
 * -1 after one error naming the file; the file is then unchanged. */
int flac_set_chapters(const char *path, const struct chapter_mark *c, size_t n);

#endif
