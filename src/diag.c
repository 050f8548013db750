/*
 * diag: error and warning messages on stderr (see diag.h).
 */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

bool diag_quiet;
static char last_error[512];

const char *diag_last_error(void)
{
	return last_error;
}

void diag_clear(void)
{
	last_error[0] = '\0';
}

static void vreport(const char *prefix, const char *fmt, va_list ap)
{
	fputs(prefix, stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

int error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	va_list cp;
	va_copy(cp, ap);
	vsnprintf(last_error, sizeof(last_error), fmt, cp);
	va_end(cp);
	vreport("narrate: error: ", fmt, ap);
	va_end(ap);
	return -1;
}

void warning(const char *fmt, ...)
{
	if (diag_quiet)
		return;
	va_list ap;
	va_start(ap, fmt);
	vreport("narrate: warning: ", fmt, ap);
	va_end(ap);
}

void note(const char *fmt, ...)
{
	if (diag_quiet)
		return;
	va_list ap;
	va_start(ap, fmt);
	vreport("narrate: ", fmt, ap);
	va_end(ap);
}
