/*
 * datadir: where narrate's data (voices/, pronunciations/) lives.
 *
 * In order: $NARRATE_DATADIR; the directory holding the running binary when
 * it has voices/ and pronunciations/ (a source checkout); BINDIR/../share/
 * narrate (an installed binary, whatever PREFIX it went to); then the
 * PREFIX/share/narrate the binary was built for.
 */
#ifndef NARRATE_DATADIR_H
#define NARRATE_DATADIR_H

/* The data directory; a static string, never NULL (it may not exist). */
const char *datadir_get(void);

#endif
