/* cmd_narrate: being written; see the foundation issue. */
#include "cli.h"
#include "diag.h"

int cmd_narrate(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return error("narrating is not built yet"), 1;
}

int cmd_voices(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 1;
}
