// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include "ui/cli.h"
#include "startup.h"

/* The command line. With no command it starts the full-screen front end, a program of its
 * own (src/tui_main.c), so that this one never maps ncurses. */
int main(int argc, char **argv)
{
	lkm_startup_locale();
	return lkm_cli_main(argc, argv);
}
