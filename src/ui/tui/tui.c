// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "i18n.h"
#include "ui/tui/app.h"
#include "ui/tui/draw.h"
#include "ui/tui/loop.h"
#include "ui/tui/paint.h"
#include "ui/tui/settings.h"
#include "ui/tui/tui.h"
#include "ui/root.h"

/* The one piece of process-wide state: whether the terminal is ours to give back. */
static volatile sig_atomic_t curses_on;

static void restore_terminal(void)
{
	if (curses_on) {
		curses_on = 0;
		endwin();
	}
}

/*
 * A crash must not leave the terminal raw and on the alternate screen. endwin() is not
 * async-signal-safe, but the process is dying anyway (htop's CRT_handleSIGSEGV does the
 * same); then the signal is raised again with its default action, for the core dump and
 * the exit status.
 */
static void on_crash(int sig)
{
	restore_terminal();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void install_crash_handlers(void)
{
	static const int sigs[] = { SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL };
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_RESETHAND | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
}

static int start_curses(SCREEN **screen)
{
	*screen = newterm(NULL, stdout, stdin);
	if (*screen == NULL)
		return -1;
	curses_on = 1;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED, NULL);
	mouseinterval(0);
	curs_set(0);
	return 0;
}

int lkm_tui_main(const char *root_dir, const char *config_path)
{
	struct lkm_tui_config cfg;
	struct lkm_tui_app app;
	struct lkm_sysroot *root = NULL;
	char pathbuf[4096], err[512];
	const char *path = config_path, *why = NULL;
	const char *no_color = getenv("NO_COLOR");
	SCREEN *screen;
	int rc;

	lkm_tui_config_defaults(&cfg);
	if (path == NULL)
		path = lkm_tui_config_default_path(pathbuf, sizeof(pathbuf));
	if (path &&
	    lkm_tui_config_load(&cfg, path, config_path != NULL, err, sizeof(err)) < 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE, err);
		return 2;
	}
	/* https://no-color.org: a setting the user wrote wins over the variable. */
	if (cfg.color == LKM_COLOR_AUTO && no_color && no_color[0])
		cfg.color = LKM_COLOR_OFF;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr,
			_("%s: the full-screen view needs a terminal; for plain output "
			  "use "
			  "'%s list', 'devices', 'interrupts' or 'netdev'\n"),
			PACKAGE, PACKAGE);
		return 2;
	}
	if (lkm_ui_open_root(root_dir, &root) < 0)
		return 1;
	lkm_tui_app_init(&app, root, &cfg);
	lkm_tui_session_open(&app, lkm_engine_privileged());
	app.term.utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	if (lkm_tui_app_refresh(&app) < 0) {
		fprintf(stderr, _("%s: out of memory\n"), PACKAGE);
		rc = 1;
		goto out;
	}
	install_crash_handlers();
	atexit(restore_terminal);
	if (start_curses(&screen) < 0) {
		const char *term = getenv("TERM");

		fprintf(stderr, _("%s: cannot use the terminal (TERM=%s)\n"), PACKAGE,
			term ? term : "");
		rc = 1;
		goto out;
	}
	lkm_tui_draw_init(&app);
	rc = lkm_tui_loop(&app, &why);
	restore_terminal();
	delscreen(screen);
	if (why)
		fprintf(stderr, _("%s: the screen loop stopped: %s: %s\n"), PACKAGE, why,
			strerror(errno));
out:
	lkm_tui_app_release(&app);
	lkm_sysroot_free(root);
	return rc;
}
