/*
 * options: one table per command drives both parsing and --help.
 *
 *   static const struct option_def defs[] = {
 *           { 'o', "output", "DIR", "write under DIR (default: output)" },
 *           ...
 *           { 0 }
 *   };
 *   struct option_iter it;
 *   options_begin(&it, defs, argc, argv);
 *   while ((c = options_next(&it, &arg)) != -1) ...
 *
 * Options with no short letter use ids from 256 up.
 */
#ifndef NARRATE_OPTIONS_H
#define NARRATE_OPTIONS_H

#include <stdio.h>

struct option_def {
	int id;                 /* short letter, or a number >= 256 */
	const char *name;       /* long name without "--" */
	const char *arg;        /* argument's name, or NULL for a flag */
	const char *help;
};

struct option_iter {
	const struct option_def *defs;
	int argc;
	char **argv;
	void *longopts;
	char shortopts[128];
};

void options_begin(struct option_iter *it, const struct option_def *defs, int argc, char **argv);
/* The next option's id, '?' on a bad option (getopt has said why), or -1 at
 * the end; *arg is the option's argument. */
int options_next(struct option_iter *it, char **arg);
/* The index of the first non-option argument. */
int options_end(struct option_iter *it);
/* Prints the option lines of the help. */
void options_help(const struct option_def *defs, FILE *to);

#endif
