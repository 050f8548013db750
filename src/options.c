/*
 * options: getopt_long driven by a table (see options.h).
 */
#include "options.h"

#include "buf.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

void options_begin(struct option_iter *it, const struct option_def *defs, int argc, char **argv)
{
	size_t n = 0, s = 0;
	while (defs[n].name)
		n++;
	struct option *lo = xcalloc(n + 1, sizeof(*lo));
	it->shortopts[s++] = ':';   /* options may follow operands, as in GNU tools */
	for (size_t i = 0; i < n; i++) {
		lo[i].name = defs[i].name;
		lo[i].has_arg = defs[i].arg ? required_argument : no_argument;
		lo[i].val = defs[i].id;
		if (defs[i].id < 256 && s + 2 < sizeof(it->shortopts)) {
			it->shortopts[s++] = (char)defs[i].id;
			if (defs[i].arg)
				it->shortopts[s++] = ':';
		}
	}
	it->shortopts[s] = '\0';
	it->defs = defs;
	it->argc = argc;
	it->argv = argv;
	it->longopts = lo;
	optind = 0;   /* 0, not 1: glibc then forgets an earlier parse entirely */
	opterr = 0;
}

int options_next(struct option_iter *it, char **arg)
{
	int c = getopt_long(it->argc, it->argv, it->shortopts, it->longopts, NULL);
	*arg = optarg;
	if (c == '?' || c == ':') {
		const char *bad = it->argv[optind - 1];
		const char *eq = strchr(bad, '=');
		bool is_long = !strncmp(bad, "--", 2);
		if (c == ':')
			fprintf(stderr, "narrate: error: option '%s' needs an argument\n", bad);
		else if (is_long && eq && optopt)   /* "--quiet=yes" */
			fprintf(stderr, "narrate: error: option '%.*s' takes no argument\n",
				(int)(eq - bad), bad);
		else if (is_long)
			fprintf(stderr, "narrate: error: unknown option '%s'\n", bad);
		else
			fprintf(stderr, "narrate: error: unknown option '-%c'\n", optopt);
		return '?';
	}
	if (c == -1) {
		free(it->longopts);
		it->longopts = NULL;
	}
	return c;
}

int options_end(struct option_iter *it)
{
	free(it->longopts);
	it->longopts = NULL;
	return optind;
}

void options_help(const struct option_def *defs, FILE *to)
{
	struct buf line = BUF_INIT;
	for (; defs->name; defs++) {
		buf_reset(&line);
		if (defs->id < 256)
			buf_addf(&line, "  -%c, --%s", defs->id, defs->name);
		else
			buf_addf(&line, "      --%s", defs->name);
		if (defs->arg)
			buf_addf(&line, " %s", defs->arg);
		if (line.len < 26)
			fprintf(to, "%-26s%s\n", line.data, defs->help);
		else
			fprintf(to, "%s\n%26s%s\n", line.data, "", defs->help);
	}
	buf_release(&line);
}
