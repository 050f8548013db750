/*
 * cover: loads and checks the episode cover image (--cover FILE) before any
 * audio work, for the APIC frame of the MP3 tag (id3.h).
 *
 * Only the header is read to learn the kind and size: PNG by its signature
 * and IHDR chunk, JPEG by its SOI marker and first SOFn segment.  No image
 * library is needed.  Apple wants square art of 1400..3000 px, JPEG or PNG,
 * without alpha (PODCAST.md, section 1): we refuse what is not an image, files
 * over COVER_MAX_BYTES and sides over COVER_MAX_SIDE, and warn about the rest.
 */
#ifndef NARRATE_COVER_H
#define NARRATE_COVER_H

#include <stddef.h>

#define COVER_MAX_BYTES (10u << 20)
#define COVER_MAX_SIDE 3000u
#define COVER_MIN_SIDE 1400u

struct cover {
	unsigned char *data;   /* the whole file */
	size_t len;
	const char *mime;      /* "image/jpeg" or "image/png" (static) */
	unsigned width, height;
};

/* Reads path into c and checks it.  Returns 0, or -1 after printing one
 * error naming the file (c is then empty).  Warns about sizes Apple
 * rejects but that still work.  Release c with cover_release(). */
int cover_load(const char *path, struct cover *c);
/* Checks bytes already in memory; name is used in messages.  On success c
 * holds a copy of data.  Same results as cover_load(). */
int cover_parse(const char *name, const unsigned char *data, size_t len, struct cover *c);
void cover_release(struct cover *c);

#endif
