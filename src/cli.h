/*
 * cli: the subcommands and the options they share.
 *
 * main() picks a subcommand by its first argument; each cmd_* function gets
 * argc/argv with argv[0] set to the subcommand's name and returns the exit
 * code: 0 ok, 1 some input failed, 2 usage.
 */
#ifndef NARRATE_CLI_H
#define NARRATE_CLI_H

#define EXIT_INPUT 1
#define EXIT_USAGE 2

int cmd_narrate(int argc, char **argv);
int cmd_text(int argc, char **argv);
int cmd_voices(int argc, char **argv);
int cmd_lexicon(int argc, char **argv);
int cmd_feed(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_batch(int argc, char **argv);

#endif
