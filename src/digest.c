/*
 * digest: XXH3 behind a small interface (see digest.h).
 */
#include "digest.h"

#include <stdio.h>
#include <string.h>
#include <xxhash.h>

void digest_begin(struct digest *d)
{
	d->state = XXH3_createState();
	XXH3_128bits_reset(d->state);
}

void digest_add(struct digest *d, const void *p, size_t n)
{
	XXH3_128bits_update(d->state, p, n);
}

void digest_adds(struct digest *d, const char *s)
{
	digest_add(d, s, strlen(s) + 1);
}

void digest_hex(const struct digest *d, char out[DIGEST_HEX])
{
	XXH128_hash_t h = XXH3_128bits_digest(d->state);
	snprintf(out, DIGEST_HEX, "%016llx%016llx", (unsigned long long)h.high64,
		 (unsigned long long)h.low64);
}

void digest_end(struct digest *d)
{
	XXH3_freeState(d->state);
	d->state = NULL;
}

uint64_t digest64(const void *p, size_t n)
{
	return XXH3_64bits(p, n);
}
