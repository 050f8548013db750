/*
 * datadir: finds the data directory (see datadir.h).
 */
#include "datadir.h"

#include "buf.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef NARRATE_DATADIR
#define NARRATE_DATADIR "/usr/local/share/narrate"
#endif

static int is_datadir(const char *dir)
{
	struct buf p = BUF_INIT;
	struct stat st;
	buf_addf(&p, "%s/voices", dir);
	int ok = stat(p.data, &st) == 0 && S_ISDIR(st.st_mode);
	buf_reset(&p);
	buf_addf(&p, "%s/pronunciations", dir);
	ok = ok && stat(p.data, &st) == 0 && S_ISDIR(st.st_mode);
	buf_release(&p);
	return ok;
}

const char *datadir_get(void)
{
	static char found[PATH_MAX];
	if (found[0])
		return found;
	const char *env = getenv("NARRATE_DATADIR");
	if (env && *env && strlen(env) < sizeof(found)) {
		memcpy(found, env, strlen(env) + 1);
		return found;
	}
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		/* the binary sits at the checkout root, or in build/asan/ */
		for (int up = 0; up < 3; up++) {
			char *slash = strrchr(exe, '/');
			if (!slash)
				break;
			*slash = '\0';
			if (exe[0] && is_datadir(exe)) {
				memcpy(found, exe, strlen(exe) + 1);
				return found;
			}
			/* installed as PREFIX/bin/narrate: PREFIX/share/narrate */
			struct buf share = BUF_INIT;
			buf_addf(&share, "%s/share/narrate", exe);
			bool ok = up == 1 && share.len < sizeof(found) && is_datadir(share.data);
			if (ok)
				memcpy(found, share.data, share.len + 1);
			buf_release(&share);
			if (ok)
				return found;
		}
	}
	memcpy(found, NARRATE_DATADIR, sizeof(NARRATE_DATADIR));
	return found;
}
