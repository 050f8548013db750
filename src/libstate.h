/*
 * libstate: the writable data of a loaded shared library, saved once and
 * put back at will.
 *
 * synth.c uses it to give espeak-ng 1.51 the same starting state for every
 * sentence.  The engine keeps its running state (wave generator phase,
 * pitch flutter, the last frame and pitch it produced, ...) in static
 * variables, so a sentence's samples depend on everything the same engine
 * said before it, and the API has no call that resets them (espeak_Cancel,
 * re-selecting the voice or re-setting parameters do not).  Its .data and
 * .bss are about 165 kB: copying them back costs microseconds, where a
 * fresh forked engine per sentence costs milliseconds.
 *
 * Only the library's own segments are saved (not the RELRO part, which is
 * read-only after start-up), never the heap: the caller saves after the
 * library has made its lasting allocations (after a first synthesis) and
 * must not let the library free them afterwards (no voice change between
 * save and restore).  tests/unit/test_synth.c checks that a sentence then
 * gives the same samples whatever was said before it, and the same
 * samples as from a freshly forked engine.
 */
#ifndef NARRATE_LIBSTATE_H
#define NARRATE_LIBSTATE_H

#include <stddef.h>

struct libstate;

/* Saves the writable segments of the first loaded object whose path
 * contains name (e.g. "libespeak-ng.so").  Returns the saved state (freed
 * with libstate_free), or NULL when no such object is loaded. */
struct libstate *libstate_save(const char *name);

/* Copies the saved bytes back into the library's segments. */
void libstate_restore(const struct libstate *s);

/* Bytes saved: what one restore copies. */
size_t libstate_size(const struct libstate *s);

void libstate_free(struct libstate *s);

#endif
