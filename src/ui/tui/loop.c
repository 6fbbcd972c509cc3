// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <curses.h>

#include "i18n.h"
#include "ui/tui/app.h"
#include "ui/tui/draw.h"
#include "ui/tui/dispatch.h"
#include "ui/tui/keys.h"
#include "ui/tui/loop.h"

static int arm_timer(int fd, double seconds)
{
	struct itimerspec its;

	memset(&its, 0, sizeof(its));
	its.it_interval.tv_sec = (time_t)seconds;
	its.it_interval.tv_nsec = (long)((seconds - floor(seconds)) * 1e9);
	if (its.it_interval.tv_sec == 0 && its.it_interval.tv_nsec == 0)
		its.it_interval.tv_nsec = 1000000;
	its.it_value = its.it_interval;
	return timerfd_settime(fd, 0, &its, NULL);
}

static void resize(struct lkm_tui_app *app)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
		resize_term(ws.ws_row, ws.ws_col);
	/* What the terminal shows now is not what curses thinks: repaint all of it. */
	clearok(curscr, TRUE);
	lkm_tui_app_resize(app, LINES, COLS);
}

/* Reads every key waiting; returns the handlers' flags together. */
static unsigned read_keys(struct lkm_tui_app *app)
{
	unsigned flags = 0;
	int ch;

	while ((ch = getch()) != ERR) {
		struct lkm_tui_event ev = { .key = ch, .y = -1, .x = -1 };

		if (ch == KEY_RESIZE) {
			resize(app);
			flags |= LKM_TUI_REDRAW;
			continue;
		}
		if (ch == KEY_MOUSE) {
			MEVENT me;

			if (getmouse(&me) != OK ||
			    !(me.bstate &
			      (BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_RELEASED)))
				continue;
			if (me.bstate & BUTTON1_RELEASED &&
			    !(me.bstate & BUTTON1_PRESSED))
				continue;
			ev.y = me.y;
			ev.x = me.x;
		}
		/* A message lives until the next key; the handler may leave a new one. */
		app->message[0] = '\0';
		flags |= LKM_TUI_REDRAW | lkm_tui_dispatch(app, &ev);
		if (flags & LKM_TUI_QUIT)
			break;
	}
	return flags;
}

int lkm_tui_loop(struct lkm_tui_app *app, const char **why)
{
	sigset_t set, old;
	int sfd = -1, tfd = -1, status = 1;
	bool dirty = true;

	sigemptyset(&set);
	sigaddset(&set, SIGWINCH);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGINT);
	if (sigprocmask(SIG_BLOCK, &set, &old) < 0) {
		*why = "sigprocmask";
		return 1;
	}
	sfd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
	tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	if (sfd < 0 || tfd < 0 || arm_timer(tfd, app->interval) < 0) {
		*why = sfd < 0 ? "signalfd" : "timerfd";
		goto out;
	}
	nodelay(stdscr, TRUE);
	resize(app);
	for (;;) {
		struct pollfd fds[4] = {
			{ .fd = STDIN_FILENO, .events = POLLIN },
			{ .fd = tfd, .events = POLLIN },
			{ .fd = sfd, .events = POLLIN },
			{ .fd = -1,
			  .events = POLLIN }, /* the live kernel log, when it polls */
		};
		unsigned flags = 0;
		int timeout = lkm_tui_live_timeout(app), n;

		if (dirty) {
			lkm_tui_draw(app);
			refresh();
			dirty = false;
		}
		if (app->strip.live_on && timeout < 0)
			fds[3].fd =
				app->strip.live
					.fd; /* -1 when it could not be opened: ignored */
		n = poll(fds, 4, timeout);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			*why = "poll";
			goto out;
		}
		/* New log records, or (a log that does not poll) the time to look again.
		 */
		if ((fds[3].revents & (POLLIN | POLLERR | POLLPRI)) || timeout >= 0)
			flags |= lkm_tui_live_read(app);
		if (fds[2].revents & POLLIN) {
			struct signalfd_siginfo si;

			while (read(sfd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
				if (si.ssi_signo == SIGWINCH) {
					resize(app);
					flags |= LKM_TUI_REDRAW;
				} else if (si.ssi_signo == SIGINT) {
					status = 0;
					goto out;
				} else {
					status = 128 + (int)si.ssi_signo;
					goto out;
				}
			}
		}
		if (fds[1].revents & POLLIN) {
			uint64_t ticks;

			if (read(tfd, &ticks, sizeof(ticks)) == (ssize_t)sizeof(ticks))
				flags |= LKM_TUI_RESCAN;
		}
		/* A hung-up terminal reports POLLIN and POLLHUP together, and every read
		 * then fails at once: test the hang-up first, or the loop spins on it
		 * forever. */
		if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)) {
			/* The terminal went away: nobody is left to show anything to. */
			status = 128 + SIGHUP;
			goto out;
		}
		if (fds[0].revents & POLLIN)
			flags |= read_keys(app);
		if (flags & LKM_TUI_QUIT) {
			status = 0;
			goto out;
		}
		if (flags & LKM_TUI_RESCAN) {
			if (lkm_tui_app_refresh(app) < 0)
				snprintf(app->message, sizeof(app->message), "%s",
					 _("out of memory: the screen shows the last "
					   "refresh"));
			flags |= LKM_TUI_REDRAW;
			if (!(flags & LKM_TUI_RETIME) && !(fds[1].revents & POLLIN))
				flags |= LKM_TUI_RETIME; /* a refresh by hand restarts the
							    count */
		}
		if ((flags & LKM_TUI_RETIME) && arm_timer(tfd, app->interval) < 0) {
			*why = "timerfd";
			goto out;
		}
		if (flags & LKM_TUI_REDRAW)
			dirty = true;
	}
out:
	if (sfd >= 0)
		close(sfd);
	if (tfd >= 0)
		close(tfd);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return status;
}
