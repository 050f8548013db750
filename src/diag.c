/*
 * diag: error and warning messages on stderr (see diag.h).
 */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

bool diag_quiet;

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
