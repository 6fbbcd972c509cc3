// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include "i18n.h"
#include "shared/strv.h"
#include "ui/tui/app.h"
#include "ui/tui/screen.h"

void lkm_tui_app_init(struct lkm_tui_app *app, struct lkm_sysroot *root,
		      const struct lkm_tui_config *cfg)
{
	memset(app, 0, sizeof(*app));
	app->root = root;
	for (int p = 0; p < LKM_PANE_COUNT; p++)
		lkm_view_init(&app->views[p], (enum lkm_pane)p);
	app->pane = cfg->pane;
	app->interval = cfg->interval;
	app->term.color = cfg->color != LKM_COLOR_OFF;
	app->split = cfg->split;
	lkm_tui_keymap_init(&app->keymap);
	app->strip.live.fd = -1;
}

void lkm_tui_session_open(struct lkm_tui_app *app, bool privileged)
{
	/* Out of memory for the resolver leaves a session without one: the TUI still
	 * shows what the kernel holds. */
	(void)lkm_session_open(&app->session.core, app->root, privileged);
}

/* The session's end: what lkm_tui_session_open opened. */
static void session_close(struct lkm_tui_session *s)
{
	lkm_strv_freev(s->names);
	lkm_session_close(&s->core);
	memset(s, 0, sizeof(*s));
}

void lkm_tui_app_release(struct lkm_tui_app *app)
{
	/* Every screen frees its own data. */
	lkm_tui_stack_release(app);
	lkm_tui_klog_release(app);
	session_close(&app->session);
	lkm_tui_live_start(app, NULL);
	for (int p = 0; p < LKM_PANE_COUNT; p++)
		lkm_view_release(&app->views[p]);
	lkm_rates_release(&app->snaps.rates);
	lkm_history_release(&app->snaps.irq_hist);
	lkm_history_release(&app->snaps.net_hist);
	lkm_history_release(&app->snaps.net_rx_hist);
	lkm_history_release(&app->snaps.net_tx_hist);
	lkm_snapshot_release(&app->snaps.v[0]);
	lkm_snapshot_release(&app->snaps.v[1]);
}

/* ---- the screen stack ----------------------------------------------------------------
 */

enum lkm_tui_screen_id lkm_tui_top(const struct lkm_tui_app *app)
{
	return app->stack.n ? app->stack.v[app->stack.n - 1].ops->id : LKM_SCREEN_PANES;
}

struct lkm_tui_frame *lkm_tui_top_frame(struct lkm_tui_app *app)
{
	return app->stack.n ? &app->stack.v[app->stack.n - 1] : NULL;
}

const struct lkm_tui_frame *lkm_tui_frame_of(const struct lkm_tui_app *app,
					     enum lkm_tui_screen_id id)
{
	for (size_t i = app->stack.n; i-- > 0;)
		if (app->stack.v[i].ops->id == id)
			return &app->stack.v[i];
	return NULL;
}

bool lkm_tui_on_stack(const struct lkm_tui_app *app, enum lkm_tui_screen_id id)
{
	return id == LKM_SCREEN_PANES || lkm_tui_frame_of(app, id) != NULL;
}

bool lkm_tui_panes_shown(const struct lkm_tui_app *app)
{
	for (size_t i = 0; i < app->stack.n; i++)
		if (app->stack.v[i].ops->layer != LKM_LAYER_OVERLAY)
			return false;
	return true;
}

/* Every screen, by id: the one table that knows them all (each is defined in its own
 * file, and none names another). */
static const struct lkm_tui_screen_ops *const screens[LKM_SCREEN_COUNT] = {
	[LKM_SCREEN_PANES] = &lkm_tui_panes_screen,
	[LKM_SCREEN_FILTER] = &lkm_tui_filter_screen,
	[LKM_SCREEN_HELP] = &lkm_tui_help_screen,
	[LKM_SCREEN_DETAIL] = &lkm_tui_detail_screen,
	[LKM_SCREEN_TEACH] = &lkm_tui_teach_screen,
	[LKM_SCREEN_FORM] = &lkm_tui_form_screen,
	[LKM_SCREEN_CONFIRM] = &lkm_tui_confirm_screen,
	[LKM_SCREEN_DIAG] = &lkm_tui_diag_screen,
	[LKM_SCREEN_LINE] = &lkm_tui_line_screen,
	[LKM_SCREEN_HEALTH] = &lkm_tui_health_screen,
	[LKM_SCREEN_HARDWARE] = &lkm_tui_hardware_screen,
	[LKM_SCREEN_BIND] = &lkm_tui_bind_screen,
};

const struct lkm_tui_screen_ops *lkm_tui_screen(enum lkm_tui_screen_id id)
{
	return (unsigned)id < LKM_SCREEN_COUNT ? screens[id] : NULL;
}

const struct lkm_tui_frame *lkm_tui_frame_below(const struct lkm_tui_app *app,
						const struct lkm_tui_frame *f)
{
	return f > app->stack.v ? f - 1 : NULL;
}

static void frame_release(struct lkm_tui_frame *f)
{
	if (f->ops->release && f->data)
		f->ops->release(f->data);
	f->data = NULL;
}

void lkm_tui_pop(struct lkm_tui_app *app)
{
	struct lkm_tui_frame *f;

	if (app->stack.n == 0)
		return;
	f = &app->stack.v[--app->stack.n];
	frame_release(f);
	app->pane = f->pane;
}

void lkm_tui_pop_steps(struct lkm_tui_app *app)
{
	while (app->stack.n &&
	       app->stack.v[app->stack.n - 1].ops->layer == LKM_LAYER_STEP)
		lkm_tui_pop(app);
}

struct lkm_tui_frame *lkm_tui_push(struct lkm_tui_app *app, enum lkm_tui_screen_id id,
				   const void *arg)
{
	const struct lkm_tui_screen_ops *screen = lkm_tui_screen(id);
	struct lkm_tui_stack *s = &app->stack;
	struct lkm_tui_frame *f;

	if (screen == NULL || id == LKM_SCREEN_PANES)
		return NULL;
	if (screen->layer == LKM_LAYER_STEP)
		lkm_tui_pop_steps(app);
	if (s->n == LKM_TUI_STACK_MAX) {
		/* Cannot happen with today's screens (a base, a step, an overlay over the
		 * panes); if it did, the oldest screen goes, with what it held. */
		frame_release(&s->v[0]);
		memmove(&s->v[0], &s->v[1], (s->n - 1) * sizeof(s->v[0]));
		s->n--;
	}
	f = &s->v[s->n++];
	memset(f, 0, sizeof(*f));
	f->ops = screen;
	f->pane = app->pane;
	if (screen->open && screen->open(app, f, arg) < 0) {
		/* Nothing was made: the screen below is shown as it was. */
		app->pane = f->pane;
		s->n--;
		return NULL;
	}
	return f;
}

void lkm_tui_stack_release(struct lkm_tui_app *app)
{
	while (app->stack.n)
		lkm_tui_pop(app);
}

/* Every screen's refresh, from the bottom: after a snapshot or a resize. */
static void screens_refresh(struct lkm_tui_app *app)
{
	for (size_t i = 0; i < app->stack.n; i++)
		if (app->stack.v[i].ops->refresh)
			app->stack.v[i].ops->refresh(app, &app->stack.v[i]);
}

bool lkm_tui_in_detail(const struct lkm_tui_app *app)
{
	return lkm_tui_on_stack(app, LKM_SCREEN_DETAIL);
}

/* ---- what the screens share -----------------------------------------------------------
 */

const struct lkm_snapshot *lkm_tui_snap(const struct lkm_tui_app *app)
{
	return app->snaps.n ? &app->snaps.v[app->snaps.cur] : NULL;
}

const char *lkm_tui_current_module(struct lkm_tui_app *app)
{
	struct lkm_view *v = &app->views[LKM_PANE_MODULES];
	size_t item;

	for (size_t i = app->stack.n; i-- > 0;) {
		const struct lkm_tui_frame *f = &app->stack.v[i];

		if (f->ops->module && f->ops->module(f))
			return f->ops->module(f);
	}
	if (app->pane != LKM_PANE_MODULES)
		return NULL;
	item = lkm_view_current(v);
	if (item == LKM_VIEW_SEPARATOR || v->snap == NULL || item >= v->snap->modules.n)
		return NULL;
	return v->snap->modules.v[item].name;
}

void lkm_tui_message(struct lkm_tui_app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->message, sizeof(app->message), fmt, ap);
	va_end(ap);
}

void lkm_tui_klog_release(struct lkm_tui_app *app)
{
	struct lkm_tui_strip *s = &app->strip;

	lkm_strv_free(s->klog, s->n_klog);
	s->klog = NULL;
	s->n_klog = 0;
	s->klog_title[0] = '\0';
}

/* Adds this refresh's rates to the last minute of every line and interface. */
static int push_history(struct lkm_tui_app *app, const struct lkm_snapshot *cur)
{
	const struct lkm_rates *r = &app->snaps.rates;
	const struct lkm_interrupts *irqs = &cur->interrupts;
	const struct lkm_netdev *nd = &cur->netdev;

	if (lkm_history_begin(&app->snaps.irq_hist, cur->taken, r->seconds, irqs->n) <
		    0 ||
	    lkm_history_begin(&app->snaps.net_hist, cur->taken, r->seconds, nd->n) < 0 ||
	    lkm_history_begin(&app->snaps.net_rx_hist, cur->taken, r->seconds, nd->n) <
		    0 ||
	    lkm_history_begin(&app->snaps.net_tx_hist, cur->taken, r->seconds, nd->n) < 0)
		return -ENOMEM;
	for (size_t i = 0; i < irqs->n; i++)
		if (lkm_history_put(&app->snaps.irq_hist, i, irqs->v[i].label,
				    r->irq_total[i]) < 0)
			return -ENOMEM;
	for (size_t i = 0; i < nd->n; i++) {
		double rx = r->net[i][LKM_RX_BYTES], tx = r->net[i][LKM_TX_BYTES];

		if (lkm_history_put(&app->snaps.net_hist, i, nd->v[i].name, rx + tx) <
			    0 ||
		    lkm_history_put(&app->snaps.net_rx_hist, i, nd->v[i].name, rx) < 0 ||
		    lkm_history_put(&app->snaps.net_tx_hist, i, nd->v[i].name, tx) < 0)
			return -ENOMEM;
	}
	return 0;
}

int lkm_tui_app_refresh(struct lkm_tui_app *app)
{
	struct lkm_tui_snaps *s = &app->snaps;
	int next = s->n ? !s->cur : s->cur;
	struct lkm_snapshot *prev = &s->v[s->cur], *cur = &s->v[next];
	int rc = 0;

	if (lkm_snapshot_take_after(cur, prev, app->root, LKM_SRC_ALL) < 0)
		return -ENOMEM;
	if (s->n) {
		if (lkm_rates_compute(&s->rates, prev, cur) < 0 ||
		    push_history(app, cur) < 0)
			return -ENOMEM;
	} else {
		s->rates.seconds = 0;
	}
	s->cur = next;
	s->n++;
	app->views[LKM_PANE_INTERRUPTS].hist = &app->snaps.irq_hist;
	app->views[LKM_PANE_NETDEV].hist = &app->snaps.net_hist;
	for (int p = 0; p < LKM_PANE_COUNT; p++)
		if (lkm_view_refresh(&app->views[p], cur, &s->rates) < 0)
			rc = -ENOMEM;
	/* The status line's count of boot errors, once: the Health screen runs it again.
	 */
	if (s->n == 1 && lkm_tui_doctor_run(app, NULL, NULL, 0) < 0)
		rc = -ENOMEM;
	screens_refresh(app);
	return rc;
}

int lkm_tui_doctor_run(struct lkm_tui_app *app, struct lkm_doctor *out, char *release,
		       size_t size)
{
	struct lkm_doctor own;
	struct lkm_doctor *d = out ? out : &own;
	char rel[256];
	/* libkmod writes to stderr what it ignores as it reads modprobe.d, before its log
	 * can be redirected: on the terminal curses owns, that would be junk over the
	 * screen. The doctor reports those lines as findings; stderr is muted meanwhile.
	 */
	int saved = dup(STDERR_FILENO), null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	int rc;

	if (saved >= 0 && null >= 0)
		dup2(null, STDERR_FILENO);
	rc = lkm_doctor_run_root(app->root, release ? release : rel,
				 release ? size : sizeof(rel), d);
	if (saved >= 0 && null >= 0)
		dup2(saved, STDERR_FILENO);
	if (saved >= 0)
		close(saved);
	if (null >= 0)
		close(null);
	memcpy(app->doctor_count, d->count, sizeof(app->doctor_count));
	if (out == NULL)
		lkm_doctor_release(&own);
	return rc;
}

/* The strip: a title line and the last few of the kernel's lines. */
#define STRIP_MAX_LINES 3

int lkm_tui_strip_rows(const struct lkm_tui_app *app)
{
	const struct lkm_tui_strip *s = &app->strip;
	size_t n = s->n_klog < STRIP_MAX_LINES ? s->n_klog : STRIP_MAX_LINES;

	if (app->term.lines < 12)
		return 0;
	if (s->live_on) /* as tall as it will be, so the panes do not jump as lines come
			 */
		return 1 + STRIP_MAX_LINES;
	if (s->klog_title[0] == '\0')
		return 0;
	return 1 + (int)n;
}

void lkm_tui_list_window(const struct lkm_tui_app *app, struct lkm_tui_scroll *s,
			 size_t n)
{
	int bottom = app->term.lines - 1 - lkm_tui_strip_rows(app);

	s->n = n;
	s->height = bottom > LKM_TUI_LIST_Y + 1 ? (size_t)(bottom - LKM_TUI_LIST_Y) : 1;
	lkm_tui_scroll_clamp(s);
}

void lkm_tui_item_follow(const struct lkm_tui_app *app, struct lkm_tui_frame *f,
			 lkm_tui_measure measure, enum lkm_tui_follow how)
{
	int cur = 0, end = 0;

	lkm_tui_list_window(app, &f->scroll, (size_t)measure(app, f, &cur, &end));
	if (how == LKM_TUI_FOLLOW_KEEP)
		lkm_tui_scroll_keep(&f->scroll, (size_t)cur, (size_t)end);
	else
		lkm_tui_scroll_follow(&f->scroll, (size_t)cur,
				      how == LKM_TUI_FOLLOW_ITEM ? (size_t)end : 0);
}

bool lkm_tui_item_keys(const struct lkm_tui_app *app, struct lkm_tui_frame *f,
		       size_t *cursor, size_t n, lkm_tui_measure measure,
		       enum lkm_tui_follow how, int action)
{
	int cur = 0, end = 0;
	bool moved;

	lkm_tui_list_window(app, &f->scroll, (size_t)measure(app, f, &cur, &end));
	if (!lkm_tui_item_action(&f->scroll, cursor, n, (size_t)cur, (size_t)end, action,
				 &moved))
		return false;
	if (moved)
		lkm_tui_item_follow(app, f, measure, how);
	return true;
}

void lkm_tui_live_start(struct lkm_tui_app *app, const char *module)
{
	struct lkm_tui_strip *s = &app->strip;

	if (s->live_on)
		lkm_kmsg_end(&s->live);
	s->live_on = module != NULL;
	s->live_module[0] = '\0';
	if (module) {
		snprintf(s->live_module, sizeof(s->live_module), "%s", module);
		lkm_kmsg_begin(&s->live, app->root);
	}
	if (app->term.lines > 0)
		lkm_tui_app_resize(app, app->term.lines, app->term.cols);
}

unsigned lkm_tui_live_read(struct lkm_tui_app *app)
{
	int n;

	if (!app->strip.live_on)
		return 0;
	n = lkm_kmsg_follow(&app->strip.live, app->strip.live_module, LKM_TUI_LIVE_KEEP);
	if (n < 0)
		snprintf(app->message, sizeof(app->message), "%s",
			 _("out of memory: the kernel log strip stopped growing"));
	return n != 0 ? LKM_TUI_REDRAW : 0;
}

int lkm_tui_live_timeout(const struct lkm_tui_app *app)
{
	const struct lkm_tui_strip *s = &app->strip;

	return s->live_on && s->live.fd >= 0 && !lkm_kmsg_pollable(&s->live)
		       ? LKM_TUI_LIVE_POLL_MS
		       : -1;
}

bool lkm_tui_split_shown(const struct lkm_tui_app *app)
{
	return app->split && app->term.lines >= LKM_TUI_SPLIT_MIN_LINES &&
	       app->term.cols >= LKM_TUI_SPLIT_MIN_COLS;
}

void lkm_tui_pane_rect(const struct lkm_tui_app *app, enum lkm_pane pane,
		       struct lkm_tui_rect *r)
{
	/* Rows between the tab bar and the kernel log strip (then the status line). */
	int h = app->term.lines - LKM_TUI_HEADER_Y - 1 - lkm_tui_strip_rows(app);
	int top = h / 2, left = (app->term.cols - 1) / 2;

	if (!lkm_tui_split_shown(app)) {
		*r = (struct lkm_tui_rect){ LKM_TUI_HEADER_Y, 0, h, app->term.cols,
					    false };
		return;
	}
	/* 1 2 over 3 4; a one-cell bar between the columns. */
	r->titled = true;
	r->y = LKM_TUI_HEADER_Y + (pane >= 2 ? top : 0);
	r->h = pane >= 2 ? h - top : top;
	r->x = pane % 2 ? left + 1 : 0;
	r->w = pane % 2 ? app->term.cols - left - 1 : left;
}

int lkm_tui_pane_at(const struct lkm_tui_app *app, int y, int x)
{
	for (int p = 0; p < LKM_PANE_COUNT; p++) {
		struct lkm_tui_rect r;

		lkm_tui_pane_rect(app, (enum lkm_pane)p, &r);
		if (y >= r.y && y < r.y + r.h && x >= r.x && x < r.x + r.w)
			return p;
	}
	return -1;
}

void lkm_tui_app_resize(struct lkm_tui_app *app, int lines, int cols)
{
	app->term.lines = lines;
	app->term.cols = cols;
	for (int p = 0; p < LKM_PANE_COUNT; p++) {
		struct lkm_tui_rect r;
		int h;

		lkm_tui_pane_rect(app, (enum lkm_pane)p, &r);
		h = r.h - (lkm_tui_rect_list_y(&r) - r.y);
		lkm_view_set_height(&app->views[p], h > 0 ? (size_t)h : 1);
	}
	screens_refresh(app); /* a detail is wrapped to the new width */
}

/*
 * The tab bar's looks, widest first, as htop's and tmux's bars narrow: each label
 * padded (" 1 Modules "), then bare ("1 Modules", two blanks apart, from column 1),
 * then a short word ("1 Mod"); every tab keeps its key.
 */
enum tab_style { TAB_PADDED, TAB_BARE, TAB_SHORT, TAB_STYLES };

static const char *tab_label(enum lkm_pane pane, enum tab_style style, char *buf,
			     size_t size)
{
	static const char *const names[LKM_PANE_COUNT + 1] = {
		[LKM_PANE_MODULES] = N_("Modules"),
		[LKM_PANE_DEVICES] = N_("Devices"),
		[LKM_PANE_INTERRUPTS] = N_("Interrupts"),
		[LKM_PANE_NETDEV] = N_("Network"),
		[LKM_PANE_COUNT] = N_("Hardware"),
	};
	const char *const shorts[LKM_PANE_COUNT + 1] = {
		C_("tab", "Mod"), C_("tab", "Dev"), C_("tab", "IRQ"),
		C_("tab", "Net"), C_("tab", "HW"),
	};
	int i = pane < LKM_PANE_COUNT ? (int)pane : LKM_PANE_COUNT;
	const char *name = style == TAB_SHORT ? shorts[i] : _(names[i]);

	snprintf(buf, size, style == TAB_PADDED ? " %d %s " : "%d %s", i + 1, name);
	return buf;
}

/* The widest style whose bar fits in COLS (the shortest when none does). */
static enum tab_style tab_style(int cols)
{
	char buf[64];
	enum tab_style s;

	for (s = TAB_PADDED; s < TAB_SHORT; s++) {
		int w = -1; /* no gap after the last; a bare bar starts at column 1 */

		for (int p = 0; p <= LKM_PANE_COUNT; p++)
			w += (int)strlen(
				     tab_label((enum lkm_pane)p, s, buf, sizeof(buf))) +
			     1 + (s != TAB_PADDED);
		if (w <= cols)
			break;
	}
	return s;
}

const char *lkm_tui_tab(int cols, int tab, char *buf, size_t size, int *x, int *w)
{
	enum tab_style s = tab_style(cols);

	*x = s != TAB_PADDED;
	for (int p = 0; p < tab; p++)
		*x += (int)strlen(tab_label((enum lkm_pane)p, s, buf, size)) + 1 +
		      (s != TAB_PADDED);
	tab_label((enum lkm_pane)tab, s, buf, size);
	*w = (int)strlen(buf);
	return buf;
}

const char *lkm_tui_tab_label(enum lkm_pane pane, char *buf, size_t size)
{
	return tab_label(pane, TAB_PADDED, buf, size);
}

int lkm_tui_tab_at(int x, int cols)
{
	char buf[64];

	for (int p = 0; p <= LKM_PANE_COUNT; p++) {
		int left, w;

		/* Labels are ASCII in English; a translation's width is its length in
		 * characters only when it is, too. Good enough for a click target. */
		lkm_tui_tab(cols, p, buf, sizeof(buf), &left, &w);
		if (x >= left && x < left + w)
			return p;
	}
	return -1;
}

double lkm_tui_interval_step(double cur, int dir)
{
	static const double steps[] = { 0.5, 1, 2, 3, 5, 10, 15, 30, 60, 120, 300 };
	const size_t n = sizeof(steps) / sizeof(steps[0]);

	if (dir > 0) {
		for (size_t i = 0; i < n; i++)
			if (steps[i] > cur + 1e-9)
				return steps[i];
		return cur > steps[n - 1] ? cur : steps[n - 1];
	}
	for (size_t i = n; i-- > 0;)
		if (steps[i] < cur - 1e-9)
			return steps[i];
	return cur < steps[0] ? cur : steps[0];
}
