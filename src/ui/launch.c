// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "ui/launch.h"

#define TUI_NAME "lkmtui-tui"

/* PATH (PATH_MAX bytes): lkmtui-tui beside this program, if it is there and runs. This is
 * the program's own file, not the sysroot's: --root names the machine looked at, not the
 * one lkmtui runs on. */
static int beside_me(char *path)
{
	ssize_t n = readlink("/proc/self/exe", path, PATH_MAX - 1);
	char *slash;

	if (n <= 0)
		return -ENOENT;
	path[n] = '\0';
	slash = strrchr(path, '/');
	if (slash == NULL || (size_t)(slash + 1 - path) + sizeof(TUI_NAME) > PATH_MAX)
		return -ENAMETOOLONG;
	memcpy(slash + 1, TUI_NAME, sizeof(TUI_NAME));
	return access(path, X_OK) == 0 ? 0 : -errno;
}

int lkm_tui_launch(const char *root_dir, const char *config_path)
{
	char path[PATH_MAX];
	char *argv[6];
	int argc = 0;

	if (beside_me(path) < 0)
		snprintf(path, sizeof(path), "%s", PKGLIBEXECDIR "/" TUI_NAME);
	argv[argc++] = (char *)PACKAGE;
	if (root_dir) {
		argv[argc++] = (char *)"--root";
		argv[argc++] = (char *)root_dir;
	}
	if (config_path) {
		argv[argc++] = (char *)"--config";
		argv[argc++] = (char *)config_path;
	}
	argv[argc] = NULL;
	fflush(NULL);
	execv(path, argv);
	fprintf(stderr, _("%s: cannot start the full-screen interface (%s): %s\n"),
		PACKAGE, path, strerror(errno));
	return EXIT_FAILURE;
}
