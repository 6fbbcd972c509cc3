// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>

#include "i18n.h"
#include "startup.h"
#include "ui/tui/tui.h"

/*
 * lkmtui-tui: the full-screen front end, installed in $(pkglibexecdir) and started by
 * `lkmtui [--root DIR] [--config FILE]` with no command (src/ui/launch.c), which has
 * parsed those options and passes them on spelled this way. A program of its own so that
 * the command line's start-up never maps ncurses, tinfo or inih.
 */
int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "root", required_argument, NULL, 'R' },
		{ "config", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	const char *root_dir = NULL, *config = NULL;
	int c;

	lkm_startup_locale();
	/* The process is still lkmtui to ps, top and killall: exec gave it this file's
	 * name. */
	prctl(PR_SET_NAME, PACKAGE, 0, 0, 0);
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'R': root_dir = optarg; break;
		case 'c': config = optarg; break;
		default: goto usage;
		}
	}
	if (optind != argc)
		goto usage;
	return lkm_tui_main(root_dir, config);
usage:
	fprintf(stderr, _("%s: this program is started by %s; run '%s' instead.\n"),
		argv[0], PACKAGE, PACKAGE);
	return 2;
}
