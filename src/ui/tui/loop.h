/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

struct lkm_tui_app;

/*
 * The one event loop (as util-linux irqtop's event_loop): poll over a timerfd (the
 * refresh interval), a signalfd (SIGWINCH, SIGTERM, SIGHUP, SIGINT) and stdin. Each turn
 * handles what arrived, then draws once if anything changed. The terminal must be in
 * curses mode. Returns the exit status: 0 after quit (q, Ctrl-C), 128 + the signal after
 * SIGTERM or SIGHUP, 1 when the loop itself failed (the reason is in *why, a static
 * string).
 */
int lkm_tui_loop(struct lkm_tui_app *app, const char **why);
