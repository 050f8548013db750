/*
 * digest: content hashes (the only module that talks to libxxhash).
 *
 * 128-bit XXH3 digests name what batch narration has already done: an
 * article's text, the settings it was narrated with, its spoken script.
 * Not cryptographic: they detect change, they do not resist attack.
 *
 *   struct digest d;
 *   digest_begin(&d);
 *   digest_add(&d, text, len);
 *   digest_adds(&d, "voice=en-us");
 *   char hex[DIGEST_HEX];
 *   digest_hex(&d, hex);          -> 32 hex digits
 *   digest_end(&d);
 */
#ifndef NARRATE_DIGEST_H
#define NARRATE_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#define DIGEST_HEX 33

struct digest {
	void *state;
};

void digest_begin(struct digest *d);
void digest_add(struct digest *d, const void *p, size_t n);
/* Adds a string and its terminating NUL, so "ab"+"c" differs from "a"+"bc". */
void digest_adds(struct digest *d, const char *s);
/* Writes the digest so far as 32 lower-case hex digits and a NUL. */
void digest_hex(const struct digest *d, char out[DIGEST_HEX]);
void digest_end(struct digest *d);

/* A 64-bit hash of a buffer, for sharding and slugs. */
uint64_t digest64(const void *p, size_t n);

#endif
