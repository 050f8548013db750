/*
 * bigmem: zeroed memory for the big tables and arenas that loading a large
 * lexicon builds (yamldoc's key set, the lexicon's entries and indexes).
 *
 * On the virtual machine narrate is measured on, the first touch of a
 * 4 KiB page costs about 15 us: a 100,000-entry lexicon touching 15 MB in
 * small pages spends more time in page faults than in parsing.  So a block
 * of BIGMEM_MIN bytes or more is rounded up to whole 2 MiB, mapped 2 MiB-
 * aligned and marked for transparent huge pages (one fault per 2 MiB where
 * the system grants them; otherwise it is ordinary memory).  Smaller blocks
 * come from calloc.
 *
 *   size_t n = bigmem_size(want);         // what will really be there
 *   struct slot *s = bigmem_alloc(n);
 *   ...
 *   bigmem_free(s, n);
 */
#ifndef NARRATE_BIGMEM_H
#define NARRATE_BIGMEM_H

#include <stddef.h>

#define BIGMEM_MIN ((size_t)256 << 10)

/* The size bigmem_alloc(n) really provides (n, or n rounded up to 2 MiB):
 * callers that can use the slack (arenas) ask for this much. */
size_t bigmem_size(size_t n);
/* n zeroed bytes, aligned for any type.  Aborts when out of memory (like
 * xmalloc); never NULL.  Free with bigmem_free() and the same n. */
void *bigmem_alloc(size_t n);
/* Frees p (NULL is fine) from bigmem_alloc(n); a block of fewer than
 * BIGMEM_MIN bytes may also come from xmalloc (arenas that need no zeroing). */
void bigmem_free(void *p, size_t n);

#endif
