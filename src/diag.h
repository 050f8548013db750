/*
 * diag: how narrate tells the user something went wrong.
 *
 * Messages go to stderr as "narrate: error: ..." or "narrate: warning: ...".
 * Anything read from a file is located as "file:line:col: ..." by the caller,
 * who puts the location at the start of the message.  error() always
 * returns -1 so a function can "return error(...)" once, where the problem is
 * found, and callers just propagate -1.
 */
#ifndef NARRATE_DIAG_H
#define NARRATE_DIAG_H

#include <stdbool.h>

/* When true, warnings and notes are not printed (errors always are). */
extern bool diag_quiet;

int error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A plain progress/info line on stderr, silenced by diag_quiet. */
void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The text of the last error reported (without the "narrate: error: "
 * prefix), or "" when none since diag_clear(). */
const char *diag_last_error(void);
void diag_clear(void);

#endif
