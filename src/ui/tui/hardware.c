// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The Hardware pane (5): the rows of lkmtui hardware (core/hardware.c), devices with no
 * driver whose candidate is not loaded first and highlighted; Enter shows a device's
 * modalias, driver and candidates with their state under it; e explains modalias,
 * binding and driver_override with the device's own; b gives the device to a
 * candidate's driver and u lets its driver go, each through the bind screen (its steps
 * and what stops working first). Its own data: the last scan, the cursor (by the
 * device's bus and address, so that it stays on its device across scans), the device
 * shown open; the first row shown is the frame's scroll window.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/hardware.h"
#include "i18n.h"
#include "shared/strbuf.h"
#include "ui/tui/app.h"
#include "ui/tui/paint.h"

/* The columns: what a device is (NAME) keeps its place; CANDIDATES shrink first, then
 * BUS goes, then NAME is cut. */
enum { C_ADDRESS, C_BUS, C_DRIVER, C_MODULE, C_NAME, C_CANDS, C_COUNT };

struct hwpane {
	struct lkm_hardware hw;
	int err;	/* the last scan's */
	size_t cursor;	/* the device under the cursor */
	char key[300];	/* the cursor's device, "BUS ADDRESS" */
	char open[300]; /* the device shown open, or "" */
	/* What the last scan saw: the buses' listings (lkm_hardware_stamp) and the
	 * loaded modules; a refresh that finds both the same reads no device. */
	unsigned long long stamp, mods;
	bool scanned;
	int natural[C_COUNT]; /* each column's widest cell or header, at the scan */
};

struct layout {
	int x[C_COUNT], w[C_COUNT];
};

#define NAME_MIN 24

static void entry_key(const struct lkm_hwentry *e, char *buf, size_t size)
{
	snprintf(buf, size, "%s %s", e->dev.bus, e->dev.address);
}

static const char *module_text(const struct lkm_hwentry *e)
{
	return e->dev.module ? e->dev.module : e->dev.driver ? _("built in") : "";
}

static void name_text(const struct lkm_hwentry *e, char *buf, size_t size)
{
	lkm_hwentry_name_text(e, buf, size);
	if (buf[0] == '\0')
		lkm_hwentry_ids_text(e, buf, size);
}

static void cands_text(const struct lkm_hwentry *e, char *buf, size_t size)
{
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, buf, size);
	for (size_t i = 0; i < e->n_cands; i++)
		lkm_strbuf_addf(&sb, "%s%s(%s)", i ? "," : "", e->cands[i].module,
				lkm_cand_state_text(e->cands[i].state));
}

static const char *header(int c)
{
	static const char *const h[C_COUNT] = { N_("ADDRESS"), N_("BUS"),
						N_("DRIVER"),  N_("MODULE"),
						N_("DEVICE"),  N_("CANDIDATES") };

	return _(h[c]);
}

static int cell_width(const struct lkm_hwentry *e, int c)
{
	char buf[512];

	switch (c) {
	case C_ADDRESS: return (int)strlen(e->dev.address);
	case C_BUS: return (int)strlen(e->dev.bus);
	case C_DRIVER: return e->dev.driver ? (int)strlen(e->dev.driver) : 0;
	case C_MODULE: return (int)strlen(module_text(e));
	case C_NAME: name_text(e, buf, sizeof(buf)); return (int)strlen(buf);
	default: cands_text(e, buf, sizeof(buf)); return (int)strlen(buf);
	}
}

/* Natural widths, then fitted into COLS: candidates shrink, the bus goes, the name is
 * cut last (it never goes). */
static void layout(const struct hwpane *p, int cols, struct layout *l)
{
	int want[C_COUNT], fixed, x = 2;

	memcpy(want, p->natural, sizeof(want));
	want[C_ADDRESS] = want[C_ADDRESS] > 16 ? 16 : want[C_ADDRESS];
	want[C_DRIVER] = want[C_DRIVER] > 14 ? 14 : want[C_DRIVER];
	want[C_MODULE] = want[C_MODULE] > 12 ? 12 : want[C_MODULE];
	fixed = 2 + want[C_ADDRESS] + 1 + want[C_BUS] + 1 + want[C_DRIVER] + 1 +
		want[C_MODULE] + 1;
	if (fixed + NAME_MIN > cols) {
		fixed -= want[C_BUS] + 1;
		want[C_BUS] = -1;
	}
	/* The name takes what it needs, but leaves the candidates a third when they
	 * have any, and never less than NAME_MIN. */
	{
		int room = cols - fixed, cap = want[C_CANDS] > 0 ? room * 2 / 3 : room;

		cap = cap > NAME_MIN ? cap : NAME_MIN;
		want[C_NAME] = want[C_NAME] > cap ? cap : want[C_NAME];
	}
	want[C_CANDS] = cols - fixed - want[C_NAME] - 1;
	for (int c = 0; c < C_COUNT; c++) {
		l->x[c] = x;
		l->w[c] = want[c] > 0 && x < cols
				  ? (want[c] < cols - x ? want[c] : cols - x)
				  : 0;
		if (want[c] >= 0)
			x += want[c] + 1;
	}
}

static void put_cell(const struct layout *l, int c, int y, const char *text, attr_t attr)
{
	if (l->w[c] > 0)
		lkm_tui_put(y, l->x[c], l->w[c], text, false, attr);
}

static void device_row(const struct hwpane *p, size_t i, const struct layout *l, int y,
		       int cols)
{
	const struct lkm_hwentry *e = &p->hw.v[i];
	bool cur = i == p->cursor;
	attr_t a = lkm_tui_attr(cur			      ? LKM_ROLE_CURSOR
				: lkm_hwentry_wants_driver(e) ? LKM_ROLE_ALERT
							      : LKM_ROLE_NORMAL);
	char buf[512];

	lkm_tui_fill_line(y, cols, a);
	lkm_tui_put(y, 0, 2, cur ? ">" : " ", false, a);
	put_cell(l, C_ADDRESS, y, e->dev.address, a);
	put_cell(l, C_BUS, y, e->dev.bus, a);
	put_cell(l, C_DRIVER, y, e->dev.driver ? e->dev.driver : "", a);
	put_cell(l, C_MODULE, y, module_text(e), a);
	name_text(e, buf, sizeof(buf));
	put_cell(l, C_NAME, y, buf, a);
	cands_text(e, buf, sizeof(buf));
	put_cell(l, C_CANDS, y, buf, a);
}

/* One line of an open device at row Y when in [LKM_TUI_LIST_Y, BOTTOM); the next row. */
static int open_line(int y, int bottom, int cols, const char *text, enum lkm_tui_role r)
{
	if (y >= LKM_TUI_LIST_Y && y < bottom)
		lkm_tui_put(y, 6, cols - 6, text, false, lkm_tui_attr(r));
	return y + 1;
}

/* The open device's modalias, driver and candidates, from row Y. */
static int device_body(const struct lkm_hwentry *e, int y, int bottom, int cols)
{
	char buf[512];

	snprintf(buf, sizeof(buf), _("modalias   %s"), e->dev.modalias);
	y = open_line(y, bottom, cols, buf, LKM_ROLE_NORMAL);
	if (e->dev.driver && e->dev.module)
		snprintf(buf, sizeof(buf), _("driver     %s, of module %s"),
			 e->dev.driver, e->dev.module);
	else if (e->dev.driver)
		snprintf(buf, sizeof(buf), _("driver     %s, built into the kernel"),
			 e->dev.driver);
	else
		snprintf(buf, sizeof(buf), "%s", _("driver     none"));
	y = open_line(y, bottom, cols, buf, LKM_ROLE_NORMAL);
	if (e->n_cands == 0)
		return open_line(y, bottom, cols,
				 _("no module in the tree answers to its modalias"),
				 LKM_ROLE_NOTICE);
	y = open_line(y, bottom, cols, _("candidates, in modprobe's order:"),
		      LKM_ROLE_NOTICE);
	for (size_t i = 0; i < e->n_cands; i++) {
		snprintf(buf, sizeof(buf), "  %-20s %s", e->cands[i].module,
			 lkm_cand_state_text(e->cands[i].state));
		y = open_line(y, bottom, cols, buf,
			      e->cands[i].state == LKM_CAND_LOADED ? LKM_ROLE_PROMPT
								   : LKM_ROLE_NORMAL);
	}
	return y;
}

/* The rows from Y in the window [LKM_TUI_LIST_Y, BOTTOM); *CUR_Y and *CUR_END (may be
 * NULL) get the cursor's rows. Returns the row after the last; BOTTOM 0 only measures. */
static int hw_body(const struct hwpane *p, const struct layout *l, int y, int bottom,
		   int cols, int *cur_y, int *cur_end)
{
	char key[300];

	if (p->hw.n == 0) {
		if (y >= LKM_TUI_LIST_Y && y < bottom)
			lkm_tui_put(y, 2, cols - 2,
				    p->err == -ENOENT
					    ? _("No /sys/bus under this root: no devices "
						"to show.")
					    : _("No device with a modalias on this "
						"machine's buses."),
				    false, lkm_tui_attr(LKM_ROLE_NORMAL));
		return y + 1;
	}
	for (size_t i = 0; i < p->hw.n; i++) {
		if (i == p->cursor && cur_y)
			*cur_y = y;
		if (y >= LKM_TUI_LIST_Y && y < bottom)
			device_row(p, i, l, y, cols);
		y++;
		entry_key(&p->hw.v[i], key, sizeof(key));
		if (p->open[0] && strcmp(key, p->open) == 0)
			y = device_body(&p->hw.v[i], y, bottom, cols);
		if (i == p->cursor && cur_end)
			*cur_end = y;
	}
	return y;
}

/* F's rows, measured; the cursor's device's rows [*CUR, *END) (lkm_tui_measure). */
static int hw_measure(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
		      int *cur, int *end)
{
	const struct hwpane *p = f->data;
	int cols = app->term.cols > 0 ? app->term.cols : 80;
	struct layout l;

	layout(p, cols, &l);
	return hw_body(p, &l, 0, 0, cols, cur, end);
}

/* The loaded modules and their states, as one number. */
static unsigned long long mods_stamp(const struct lkm_snapshot *snap)
{
	unsigned long long h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; snap && i < snap->modules.n; i++) {
		for (const char *c = snap->modules.v[i].name; *c; c++)
			h = (h ^ (unsigned char)*c) * 0x100000001b3ULL;
		h = (h ^ (unsigned)snap->modules.v[i].state) * 0x100000001b3ULL;
	}
	return h;
}

/* Scans again; the cursor stays on its device (or the row it was at). Unless FORCE,
 * nothing is read when neither the buses' listings nor the loaded modules changed. */
static void hw_scan(struct lkm_tui_app *app, struct hwpane *p, bool force)
{
	const struct lkm_snapshot *snap = lkm_tui_snap(app);
	unsigned long long stamp = 0, mods = mods_stamp(snap);

	if (lkm_hardware_stamp(app->root, &stamp) == 0 && !force && p->scanned &&
	    stamp == p->stamp && mods == p->mods)
		return;
	p->stamp = stamp;
	p->mods = mods;
	p->scanned = true;
	lkm_hardware_release(&p->hw);
	p->err = lkm_hardware_scan(app->root, app->session.core.resolver,
				   snap ? &snap->modules : NULL, &p->hw);
	if (p->err == -ENOMEM)
		lkm_tui_message(app, "%s", _("out of memory: some devices are missing"));
	for (size_t i = 0; p->key[0] && i < p->hw.n; i++) {
		char key[300];

		entry_key(&p->hw.v[i], key, sizeof(key));
		if (strcmp(key, p->key) == 0) {
			p->cursor = i;
			break;
		}
	}
	if (p->cursor >= p->hw.n)
		p->cursor = p->hw.n ? p->hw.n - 1 : 0;
	if (p->hw.n)
		entry_key(&p->hw.v[p->cursor], p->key, sizeof(p->key));
	for (int c = 0; c < C_COUNT; c++) {
		p->natural[c] = (int)strlen(header(c));
		for (size_t i = 0; i < p->hw.n; i++) {
			int w = cell_width(&p->hw.v[i], c);

			p->natural[c] = w > p->natural[c] ? w : p->natural[c];
		}
	}
}

static void hw_release(void *data)
{
	struct hwpane *p = data;

	lkm_hardware_release(&p->hw);
	free(p);
}

static int hw_open(struct lkm_tui_app *app, struct lkm_tui_frame *f, const void *arg)
{
	struct hwpane *p = calloc(1, sizeof(*p));

	(void)arg;
	if (p == NULL) {
		lkm_tui_message(app, "%s", _("out of memory"));
		return -ENOMEM;
	}
	hw_scan(app, p, true);
	f->data = p;
	return 0;
}

/* The candidate b gives E to: the first, in modprobe's order, that can be loaded or is,
 * and is not E's driver's module already; NULL if none. */
static const char *bind_target(const struct lkm_hwentry *e)
{
	for (size_t i = 0; i < e->n_cands; i++) {
		const struct lkm_hwcand *c = &e->cands[i];

		if (c->state != LKM_CAND_LOADED && c->state != LKM_CAND_NOT_LOADED)
			continue;
		if (e->dev.module && strcmp(e->dev.module, c->module) == 0)
			continue;
		return c->module;
	}
	return NULL;
}

static unsigned hw_bind(struct lkm_tui_app *app, struct hwpane *p, bool unbind)
{
	const struct lkm_hwentry *e = p->hw.n ? &p->hw.v[p->cursor] : NULL;
	struct lkm_tui_bind_arg arg = { 0 };

	if (e == NULL)
		return LKM_TUI_HANDLED;
	arg.address = e->dev.address;
	if (unbind && e->dev.driver == NULL) {
		lkm_tui_message(app, _("%s has no driver to let go of it"),
				e->dev.address);
		return LKM_TUI_CHANGED;
	}
	if (!unbind && (arg.module = bind_target(e)) == NULL) {
		lkm_tui_message(app,
				_("%s: no other candidate module that can be loaded to "
				  "drive it"),
				e->dev.address);
		return LKM_TUI_CHANGED;
	}
	lkm_tui_push(app, LKM_SCREEN_BIND, &arg);
	return LKM_TUI_CHANGED;
}

static unsigned hw_key(struct lkm_tui_app *app, struct lkm_tui_frame *f,
		       const struct lkm_tui_event *ev)
{
	struct hwpane *p = f->data;
	int action = lkm_tui_keymap_lookup_in(&app->keymap, LKM_KEYS_HARDWARE, ev->key);

	/* The cursor's device shown open in full after a move, when it fits. */
	if (lkm_tui_item_keys(app, f, &p->cursor, p->hw.n, hw_measure,
			      LKM_TUI_FOLLOW_ITEM, action)) {
		if (p->hw.n)
			entry_key(&p->hw.v[p->cursor], p->key, sizeof(p->key));
		return LKM_TUI_CHANGED;
	}
	if (lkm_tui_is_pane_switch(action)) {
		/* Another pane: this one goes, and the key switches as on the panes. */
		lkm_tui_pop(app);
		return LKM_TUI_PASS;
	}
	switch (action) {
	case LKM_ACT_DEVICE:
		if (p->hw.n == 0)
			return LKM_TUI_HANDLED;
		if (strcmp(p->open, p->key) == 0)
			p->open[0] = '\0';
		else
			snprintf(p->open, sizeof(p->open), "%s", p->key);
		lkm_tui_item_follow(app, f, hw_measure, LKM_TUI_FOLLOW_ITEM);
		return LKM_TUI_CHANGED;
	case LKM_ACT_TEACH:
		if (p->hw.n) {
			struct lkm_tui_teach_arg arg = { .device = &p->hw.v[p->cursor] };

			lkm_tui_push(app, LKM_SCREEN_TEACH, &arg);
		}
		return LKM_TUI_CHANGED;
	case LKM_ACT_BIND: return hw_bind(app, p, false);
	case LKM_ACT_UNBIND: return hw_bind(app, p, true);
	case LKM_ACT_HARDWARE: return LKM_TUI_HANDLED;
	case LKM_ACT_REFRESH:
		p->scanned = false; /* R reads every device again */
		return LKM_TUI_PASS;
	case LKM_ACT_BACK: lkm_tui_pop(app); return LKM_TUI_CHANGED;
	case LKM_ACT_CLICK: return LKM_TUI_HANDLED;
	default: return LKM_TUI_PASS;
	}
}

static void hw_draw(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
		    int bottom, int cols)
{
	const struct hwpane *p = f->data;
	attr_t h = lkm_tui_attr(LKM_ROLE_HEADER);
	struct layout l;

	(void)app;
	layout(p, cols, &l);
	lkm_tui_fill_line(LKM_TUI_HEADER_Y, cols, h);
	for (int c = 0; c < C_COUNT; c++)
		put_cell(&l, c, LKM_TUI_HEADER_Y, header(c), h);
	hw_body(p, &l, LKM_TUI_LIST_Y - (int)f->scroll.top, bottom, cols, NULL, NULL);
}

static void hw_hint(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
		    char *buf, size_t size)
{
	static const struct lkm_tui_hint parts[] = {
		{ LKM_ACT_DEVICE, LKM_ACT_NONE, 1, N_("candidates") },
		{ LKM_ACT_TEACH, LKM_ACT_NONE, 1, N_("explain") },
		{ LKM_ACT_BIND, LKM_ACT_NONE, 1, N_("bind") },
		{ LKM_ACT_UNBIND, LKM_ACT_NONE, 1, N_("unbind") },
		{ LKM_ACT_BACK, LKM_ACT_NONE, 1, N_("back") },
		{ LKM_ACT_HELP, LKM_ACT_NONE, 1, N_("help") },
	};
	const struct hwpane *p = f->data;
	char keys[1024];
	size_t want = 0;

	for (size_t i = 0; i < p->hw.n; i++)
		want += lkm_hwentry_wants_driver(&p->hw.v[i]);
	lkm_tui_hint_text(&app->keymap, LKM_KEYS_HARDWARE, parts,
			  sizeof(parts) / sizeof(parts[0]), keys, sizeof(keys));
	snprintf(buf, size, _("devices: %zu, wanting a driver: %zu  %s"), p->hw.n, want,
		 keys);
}

/* After a snapshot or a resize: scanned again when this screen is shown and a device
 * came or went, a driver took or let go of one, or a module was loaded or unloaded;
 * the window kept valid. */
static void hw_refresh(struct lkm_tui_app *app, struct lkm_tui_frame *f)
{
	struct hwpane *p = f->data;

	if (lkm_tui_top_frame(app) == f)
		hw_scan(app, p, false);
	lkm_tui_item_follow(app, f, hw_measure, LKM_TUI_FOLLOW_KEEP);
}

/* The cursor's screen row, for the teach box to stay clear of it. */
static int hw_cursor_row(const struct lkm_tui_app *app, const struct lkm_tui_frame *f)
{
	const struct hwpane *p = f->data;
	int cols = app->term.cols > 0 ? app->term.cols : 80, cur = 0;
	struct layout l;

	layout(p, cols, &l);
	hw_body(p, &l, 0, 0, cols, &cur, NULL);
	return LKM_TUI_LIST_Y + cur - (int)f->scroll.top;
}

const struct lkm_tui_screen_ops lkm_tui_hardware_screen = {
	.id = LKM_SCREEN_HARDWARE,
	.name = "hardware",
	.layer = LKM_LAYER_BASE,
	.open = hw_open,
	.key = hw_key,
	.draw = hw_draw,
	.hint = hw_hint,
	.refresh = hw_refresh,
	.cursor_row = hw_cursor_row,
	.release = hw_release,
};
