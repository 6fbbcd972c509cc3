// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The Health screen: what lkmtui doctor finds (core/doctor), most severe first, one line
 * each; Enter shows a finding's evidence and fix under it, f runs the fix when it is an
 * lkmtui action (as a diagnosis' f does), r runs the doctor again. Its own data: the
 * findings of its last run, the cursor, which findings are open; the first row shown is
 * the frame's scroll window.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/doctor/doctor.h"
#include "i18n.h"
#include "shared/strbuf.h"
#include "ui/tui/actions.h"
#include "ui/tui/app.h"
#include "ui/tui/paint.h"
#include "ui/tui/req.h"

struct health {
	struct lkm_doctor doc;
	char release[256];
	int err;       /* the last run's (-ENOMEM: what it found is partial) */
	bool *open;    /* doc.n of them: the finding shows its evidence and fix */
	size_t cursor; /* the finding under the cursor */
	bool stale;    /* a fix was started: run again at the next snapshot */
};

/* The first of finding F's fixes that is an lkmtui action, into REQ; false if none. */
static bool finding_fix(const struct lkm_finding *f, struct lkm_tui_req *req)
{
	for (size_t i = 0; i < f->body.n_fixes; i++)
		if (lkm_tui_fix_req(&f->body.fixes[i], req))
			return true;
	return false;
}

static int health_run(struct lkm_tui_app *app, struct health *h)
{
	lkm_doctor_release(&h->doc);
	free(h->open);
	h->open = NULL;
	h->err = lkm_tui_doctor_run(app, &h->doc, h->release, sizeof(h->release));
	if (h->doc.n && (h->open = calloc(h->doc.n, sizeof(*h->open))) == NULL)
		h->err = -ENOMEM;
	if (h->cursor >= h->doc.n)
		h->cursor = h->doc.n ? h->doc.n - 1 : 0;
	h->stale = false;
	return h->err;
}

static void health_release(void *data)
{
	struct health *h = data;

	lkm_doctor_release(&h->doc);
	free(h->open);
	free(h);
}

static int health_open(struct lkm_tui_app *app, struct lkm_tui_frame *f, const void *arg)
{
	struct health *h = calloc(1, sizeof(*h));

	(void)arg;
	if (h == NULL) {
		lkm_tui_message(app, "%s", _("out of memory"));
		return -ENOMEM;
	}
	if (health_run(app, h) < 0)
		lkm_tui_message(app, "%s", _("out of memory: some findings are missing"));
	f->data = h;
	return 0;
}

/* The subjects' column: as wide as the widest, up to a third of the line. */
static int subject_width(const struct health *h, int cols)
{
	size_t w = 0;

	for (size_t i = 0; i < h->doc.n; i++)
		if (h->doc.v[i].subject && strlen(h->doc.v[i].subject) > w)
			w = strlen(h->doc.v[i].subject);
	return (int)w < cols / 3 ? (int)w : cols / 3;
}

/* Finding I's line: its severity, check, subject and title, cut to COLS; into BUF
 * (SIZE bytes) what follows the severity, whole. */
static void finding_text(const struct health *h, size_t i, int cols, char *buf,
			 size_t size)
{
	const struct lkm_finding *fd = &h->doc.v[i];
	int sw = subject_width(h, cols);
	const char *subject = fd->subject ? fd->subject : "";

	snprintf(buf, size, "%-13s %-*s  %s", fd->check, sw, subject,
		 fd->body.title ? fd->body.title : "");
}

/* The column the text after the severity starts at. */
#define TEXT_X 11

static void finding_line(const struct health *h, size_t i, int y, int cols)
{
	const struct lkm_finding *fd = &h->doc.v[i];
	static const enum lkm_tui_role roles[LKM_SEVERITY_COUNT] = {
		[LKM_SEVERITY_ERROR] = LKM_ROLE_ALERT,
		[LKM_SEVERITY_WARNING] = LKM_ROLE_NOTICE,
		[LKM_SEVERITY_NOTE] = LKM_ROLE_NORMAL,
	};
	bool cur = i == h->cursor;
	attr_t normal = lkm_tui_attr(cur ? LKM_ROLE_CURSOR : LKM_ROLE_NORMAL);
	char rest[1024];

	lkm_tui_fill_line(y, cols, normal);
	lkm_tui_put(y, 0, 2, cur ? ">" : " ", false, normal);
	lkm_tui_put(y, 2, 8, lkm_severity_id(fd->severity), false,
		    cur ? normal : lkm_tui_attr(roles[fd->severity]));
	finding_text(h, i, cols, rest, sizeof(rest));
	if (cols > TEXT_X)
		lkm_tui_put(y, TEXT_X, cols - TEXT_X, rest, false, normal);
}

/* Finding I's evidence and fix, open, from row Y; returns the row after it. */
static int finding_body(const struct health *h, size_t i, int y, int bottom, int cols)
{
	const struct lkm_finding *fd = &h->doc.v[i];
	struct lkm_tui_req fix = { 0 };
	char line[1024];

	/* The title, whole, when the finding's line cut it. */
	finding_text(h, i, cols, line, sizeof(line));
	if ((int)strlen(line) > cols - TEXT_X && fd->body.title)
		y = lkm_tui_wrapped_in(y, LKM_TUI_LIST_Y, bottom, 4, cols - 4, "",
				       fd->body.title, lkm_tui_attr(LKM_ROLE_NORMAL));
	y = lkm_tui_diag_list(y, bottom, 4, cols, &fd->body, LKM_TUI_EVIDENCE,
			      LKM_TUI_NO_PICK);
	y = lkm_tui_diag_list(y, bottom, 4, cols, &fd->body, LKM_TUI_FIXES,
			      LKM_TUI_NO_PICK);
	if (finding_fix(fd, &fix)) {
		char text[1024];

		lkm_tui_req_text(&fix, text, sizeof(text));
		snprintf(line, sizeof(line), _("f runs the fix: %s"), text);
		y = lkm_tui_wrapped_in(y, LKM_TUI_LIST_Y, bottom, 4, cols - 4, "", line,
				       lkm_tui_attr(LKM_ROLE_MESSAGE));
	}
	lkm_tui_req_release(&fix);
	return y;
}

/*
 * The findings from row Y (above the window when scrolled), in the window
 * [LKM_TUI_LIST_Y, BOTTOM), COLS wide; *CUR_Y and *CUR_END (may be NULL) get the rows of
 * the cursor's finding: its line and the row after its body. Returns the row after the
 * last. An empty window draws nothing: the list is only measured.
 */
static int health_body(const struct health *h, int y, int bottom, int cols, int *cur_y,
		       int *cur_end)
{
	if (h->doc.n == 0) {
		if (y >= LKM_TUI_LIST_Y && y < bottom)
			lkm_tui_put(y, 2, cols - 2,
				    _("Nothing found: the module set-up says what it "
				      "does."),
				    false, lkm_tui_attr(LKM_ROLE_NORMAL));
		return y + 1;
	}
	for (size_t i = 0; i < h->doc.n; i++) {
		if (i == h->cursor && cur_y)
			*cur_y = y;
		if (y >= LKM_TUI_LIST_Y && y < bottom)
			finding_line(h, i, y, cols);
		y++;
		if (h->open && h->open[i])
			y = finding_body(h, i, y, bottom, cols) + 1;
		if (i == h->cursor && cur_end)
			*cur_end = y;
	}
	return y;
}

/* F's rows, measured; the cursor's finding's rows [*CUR, *END) (lkm_tui_measure). */
static int health_measure(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
			  int *cur, int *end)
{
	return health_body(f->data, 0, 0, app->term.cols > 0 ? app->term.cols : 80, cur,
			   end);
}

static unsigned health_fix(struct lkm_tui_app *app, struct health *h)
{
	struct lkm_tui_req fix = { 0 };
	unsigned flags;

	if (h->doc.n == 0)
		return LKM_TUI_HANDLED;
	if (!finding_fix(&h->doc.v[h->cursor], &fix)) {
		lkm_tui_message(app, "%s",
				h->doc.v[h->cursor].body.n_fixes
					? _("this fix is not an action lkmtui can run "
					    "from here: its commands are to be run by "
					    "hand")
					: _("this finding has no fix to run"));
		return LKM_TUI_CHANGED;
	}
	h->stale = true;
	flags = lkm_tui_begin(app, &fix, NULL);
	lkm_tui_req_release(&fix);
	return flags;
}

static unsigned health_key(struct lkm_tui_app *app, struct lkm_tui_frame *f,
			   const struct lkm_tui_event *ev)
{
	struct health *h = f->data;
	int action = lkm_tui_keymap_lookup_in(&app->keymap, LKM_KEYS_HEALTH, ev->key);

	/* After a move the cursor's line is in sight; an open finding longer than the
	 * window scrolls through before the cursor moves on. */
	if (lkm_tui_item_keys(app, f, &h->cursor, h->doc.n, health_measure,
			      LKM_TUI_FOLLOW_LINE, action))
		return LKM_TUI_CHANGED;
	switch (action) {
	case LKM_ACT_EXPAND:
		if (h->open && h->doc.n) {
			h->open[h->cursor] = !h->open[h->cursor];
			lkm_tui_item_follow(app, f, health_measure, LKM_TUI_FOLLOW_ITEM);
		}
		return LKM_TUI_CHANGED;
	case LKM_ACT_FIX_FINDING: return health_fix(app, h);
	case LKM_ACT_RERUN:
	case LKM_ACT_HEALTH:
		if (health_run(app, h) < 0)
			lkm_tui_message(app, "%s",
					_("out of memory: some findings are missing"));
		lkm_tui_item_follow(app, f, health_measure, LKM_TUI_FOLLOW_LINE);
		return LKM_TUI_CHANGED | LKM_TUI_RESCAN;
	case LKM_ACT_BACK: lkm_tui_pop(app); return LKM_TUI_CHANGED;
	case LKM_ACT_CLICK: return LKM_TUI_HANDLED;
	default: return LKM_TUI_PASS;
	}
}

static void health_draw(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
			int bottom, int cols)
{
	const struct health *h = f->data;
	const struct lkm_doctor *d = &h->doc;
	size_t e = d->count[LKM_SEVERITY_ERROR], w = d->count[LKM_SEVERITY_WARNING],
	       n = d->count[LKM_SEVERITY_NOTE];
	char buf[512];
	struct lkm_strbuf sb;

	(void)app;
	lkm_strbuf_init(&sb, buf, sizeof(buf));
	lkm_strbuf_addf(&sb, _("Health of %s: "),
			h->release[0] ? h->release : _("an unknown kernel"));
	lkm_strbuf_addf(&sb, ngettext("%zu error", "%zu errors", e), e);
	lkm_strbuf_add(&sb, ", ");
	lkm_strbuf_addf(&sb, ngettext("%zu warning", "%zu warnings", w), w);
	lkm_strbuf_add(&sb, ", ");
	lkm_strbuf_addf(&sb, ngettext("%zu note", "%zu notes", n), n);
	lkm_tui_title(cols, buf, e ? LKM_ROLE_ALERT : LKM_ROLE_NOTICE);
	health_body(h, LKM_TUI_LIST_Y - (int)f->scroll.top, bottom, cols, NULL, NULL);
}

static void health_hint(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
			char *buf, size_t size)
{
	static const struct lkm_tui_hint parts[] = {
		{ LKM_ACT_FIX_FINDING, LKM_ACT_NONE, 1, N_("run the fix") },
		{ LKM_ACT_UP, LKM_ACT_DOWN, 1, N_("pick") },
		{ LKM_ACT_EXPAND, LKM_ACT_NONE, 1, N_("evidence and fix") },
		{ LKM_ACT_RERUN, LKM_ACT_NONE, 1, N_("run again") },
		{ LKM_ACT_BACK, LKM_ACT_NONE, 2, N_("back") },
	};
	const struct health *h = f->data;
	struct lkm_tui_req fix = { 0 };
	/* The fix is offered when the cursor's finding has one lkmtui can run. */
	size_t skip = h->doc.n && finding_fix(&h->doc.v[h->cursor], &fix) ? 0 : 1;

	lkm_tui_req_release(&fix);
	lkm_tui_hint_text(&app->keymap, LKM_KEYS_HEALTH, parts + skip,
			  sizeof(parts) / sizeof(parts[0]) - skip, buf, size);
}

/* After a snapshot or a resize: the window kept valid; after a fix was started, once
 * the screen is shown again, the doctor runs again (the fix changed what it reads). */
static void health_refresh(struct lkm_tui_app *app, struct lkm_tui_frame *f)
{
	struct health *h = f->data;

	if (h->stale && lkm_tui_top_frame(app) == f && health_run(app, h) < 0)
		lkm_tui_message(app, "%s", _("out of memory: some findings are missing"));
	lkm_tui_item_follow(app, f, health_measure, LKM_TUI_FOLLOW_KEEP);
}

const struct lkm_tui_screen_ops lkm_tui_health_screen = {
	.id = LKM_SCREEN_HEALTH,
	.name = "health",
	.layer = LKM_LAYER_BASE,
	.open = health_open,
	.key = health_key,
	.draw = health_draw,
	.hint = health_hint,
	.refresh = health_refresh,
	.release = health_release,
};
