/*
 * slug: file-system names for articles and chapters.
 *
 * A slug is ASCII, lower case, words joined by '-', at most SLUG_MAX bytes,
 * and the same for the same title every time ("Kazakhstan's Tenge at
 * 450" -> "kazakhstans-tenge-at-450").  Within one run a slugset keeps them
 * unique: a title seen again with another source gets "-" and a short hash
 * of that source, so the name does not depend on the order of the files.
 */
#ifndef NARRATE_SLUG_H
#define NARRATE_SLUG_H

#include "buf.h"

#include <stddef.h>

#define SLUG_MAX 60

/* Appends the slug of text (never empty: "untitled" when nothing is left). */
void slug_make(const char *text, size_t max, struct buf *out);

struct slugset {
	char **slugs;
	char **keys;
	size_t n;
};

/* Returns the unique slug for title from source key (e.g. its path), the
 * same slug again when the same key asks twice.  The set owns the string. */
const char *slugset_add(struct slugset *set, const char *title, const char *key);
void slugset_release(struct slugset *set);

#endif
