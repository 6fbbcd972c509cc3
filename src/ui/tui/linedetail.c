// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "i18n.h"
#include "model/irqaffinity.h"
#include "ui/sparkline.h"
#include "ui/tui/actions.h"
#include "ui/tui/app.h"
#include "ui/tui/paint.h"
#include "ui/units.h"

/*
 * The detail of one interrupt line or interface (Enter in the Interrupts or Network
 * pane): its counts, the last minute of its rate as a graph with its scale, and for an
 * interrupt line the CPUs it may go to and goes to, which a changes (the affinity form).
 * Opened with a struct lkm_tui_line_arg (screen.h), which is also its data.
 */
struct lkm_tui_line {
	enum lkm_pane pane; /* Interrupts or Network */
	char key[64];	    /* the irq label or the interface */
};

/* The row of the line shown in its pane's newest snapshot, or (size_t)-1 when it went. */
static size_t line_item(const struct lkm_tui_app *app, const struct lkm_tui_line *line)
{
	const struct lkm_snapshot *s = lkm_tui_snap(app);

	if (s == NULL)
		return (size_t)-1;
	if (line->pane == LKM_PANE_INTERRUPTS) {
		const struct lkm_irq *irq =
			lkm_interrupts_find(&s->interrupts, line->key);

		return irq ? (size_t)(irq - s->interrupts.v) : (size_t)-1;
	}
	for (size_t i = 0; i < s->netdev.n; i++)
		if (strcmp(s->netdev.v[i].name, line->key) == 0)
			return i;
	return (size_t)-1;
}

/* The last minute of the line shown, as H records it (irq_hist, net_rx_hist or
 * net_tx_hist), into V (LKM_HISTORY_SECONDS samples, oldest first). */
static void line_history(const struct lkm_tui_app *app, const struct lkm_tui_line *line,
			 const struct lkm_history *h, float *v)
{
	size_t item = line_item(app, line);

	if (item == (size_t)-1 || app->snaps.n < 2) {
		for (size_t i = 0; i < LKM_HISTORY_SECONDS; i++)
			v[i] = -1;
		return;
	}
	lkm_history_get(h, item, v, LKM_HISTORY_SECONDS);
}

static int line_open(struct lkm_tui_app *app, struct lkm_tui_frame *f, const void *arg)
{
	const struct lkm_tui_line_arg *a = arg;
	struct lkm_tui_line *line = calloc(1, sizeof(*line));

	(void)app;
	if (line == NULL)
		return -ENOMEM;
	line->pane = a->pane;
	snprintf(line->key, sizeof(line->key), "%s", a->key);
	f->data = line;
	return 0;
}

static void line_release(void *data)
{
	free(data);
}

static unsigned line_key(struct lkm_tui_app *app, struct lkm_tui_frame *f,
			 const struct lkm_tui_event *ev)
{
	const struct lkm_tui_line *line = f->data;
	char label[64];

	switch (lkm_tui_keymap_lookup_in(&app->keymap, LKM_KEYS_LINE, ev->key)) {
	case LKM_ACT_BACK: lkm_tui_pop(app); return LKM_TUI_CHANGED;
	case LKM_ACT_AFFINITY:
		/* An interface has no CPUs to change. */
		snprintf(label, sizeof(label), "%s", line->key);
		return lkm_tui_ask_affinity(
			app, line->pane == LKM_PANE_INTERRUPTS ? label : NULL);
	case LKM_ACT_JUMP:
		/* Its module, from the pane it came from (the cursor is on it there). */
		lkm_tui_pop(app);
		return LKM_TUI_PASS;
	case LKM_ACT_REFRESH: return LKM_TUI_CHANGED | LKM_TUI_RESCAN;
	default: break;
	}
	if (ev->key == KEY_MOUSE || ev->key == KEY_RESIZE)
		return LKM_TUI_HANDLED;
	lkm_tui_message(
		app, "%s",
		line->pane == LKM_PANE_INTERRUPTS
			? _("in a line's detail: a changes its CPUs, m its module, "
			    "Esc returns")
			: _("in an interface's detail: m its module, Esc returns"));
	return LKM_TUI_CHANGED;
}

/* A rate as the line's pane writes it: interrupts per second, or bytes in binary units.
 */
static void rate_text(const struct lkm_tui_line *line, double r, char *buf, size_t size)
{
	char num[32];

	if (line->pane == LKM_PANE_INTERRUPTS)
		snprintf(buf, size, _("%.1f/s"), r);
	else
		snprintf(buf, size, _("%s/s"),
			 lkm_human_bytes((uint64_t)(r + 0.5), num, sizeof(num)));
}

/* One "  label      value" line of the line detail at *Y. */
static void line_field(int *y, int bottom, int cols, const char *label, const char *value)
{
	if (*y >= bottom)
		return;
	lkm_tui_put(*y, 0, 2, "", false, lkm_tui_attr(LKM_ROLE_NORMAL));
	lkm_tui_put(*y, 2, 13, label, false, lkm_tui_attr(LKM_ROLE_NORMAL));
	lkm_tui_put((*y)++, 15, cols - 15, value, false, lkm_tui_attr(LKM_ROLE_NORMAL));
}

#define GRAPH_ROWS 8

#define GRAPH_MIN_ROWS 3

/*
 * HEADING at *Y, then the last minute of H as a graph of at most GRAPH_ROWS rows (fewer
 * when the screen is short, none under GRAPH_MIN_ROWS) with its scale on the left and
 * the time below; *Y is left after it.
 */
static void draw_graph(const struct lkm_tui_app *app, const struct lkm_tui_line *line,
		       int *y, int bottom, int cols, const char *heading,
		       const struct lkm_history *h, int rows)
{
	float hist[LKM_HISTORY_SECONDS];
	char buf[128], scale[48];
	int gw, lw = 10;
	double max;

	line_history(app, line, h, hist);
	max = lkm_sparkline_max(hist, LKM_HISTORY_SECONDS);
	if (*y < bottom)
		lkm_tui_put((*y)++, 2, cols - 2, heading, false,
			    lkm_tui_attr(LKM_ROLE_NOTICE));
	/* One column a second when it fits. */
	gw = cols - lw - 4;
	if (gw > LKM_HISTORY_SECONDS)
		gw = LKM_HISTORY_SECONDS;
	if (gw < 10 || rows < GRAPH_MIN_ROWS || *y + rows + 2 > bottom)
		return;
	rate_text(line, max, scale, sizeof(scale));
	for (int r = 0; r < rows; r++) {
		char row[LKM_HISTORY_SECONDS * 4 + 1];

		lkm_graph_row(hist, LKM_HISTORY_SECONDS, (size_t)gw, max, rows, r,
			      app->term.utf8, row, sizeof(row));
		lkm_tui_put(*y, 0, lw,
			    r == 0	    ? scale
			    : r == rows - 1 ? "0"
					    : "",
			    true, lkm_tui_attr(LKM_ROLE_NORMAL));
		attrset(lkm_tui_attr(LKM_ROLE_DIVIDER));
		mvaddstr(*y, lw + 1, app->term.utf8 ? "\u2502" : "|");
		attrset(lkm_tui_attr(LKM_ROLE_NEW));
		mvaddstr((*y)++, lw + 2, row);
	}
	snprintf(buf, sizeof(buf), "%-*s%s", gw - 3, _("-60s"), _("now"));
	lkm_tui_put((*y)++, lw + 2, gw, buf, false, lkm_tui_attr(LKM_ROLE_NORMAL));
}

/* The detail of one interrupt line or interface: its numbers, its CPUs, its last minute.
 */
static void draw_line_detail(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
			     int bottom, int cols)
{
	const struct lkm_tui_line *line = f->data;
	const struct lkm_rates *rates = &app->snaps.rates;
	const struct lkm_snapshot *s = lkm_tui_snap(app);
	size_t item = line_item(app, line);
	char buf[512], val[256], num[32];
	int y = LKM_TUI_LIST_Y + 1, rows;

	if (s == NULL || item == (size_t)-1) {
		snprintf(buf, sizeof(buf), _("%s is gone since the last refresh"),
			 line->key);
		lkm_tui_title(cols, buf, LKM_ROLE_ALERT);
		return;
	}
	if (line->pane == LKM_PANE_INTERRUPTS) {
		const struct lkm_irq *irq = &s->interrupts.v[item];
		struct lkm_irq_affinity a;
		struct lkm_cpuset online;
		unsigned n;

		snprintf(buf, sizeof(buf), _("Interrupt %s: %s"), irq->label,
			 irq->description);
		lkm_tui_title(cols, buf, LKM_ROLE_HEADER);
		snprintf(val, sizeof(val), _("%" PRIu64 " since boot"), irq->total);
		line_field(&y, bottom, cols, _("total"), val);
		if (rates->seconds > 0 && item < s->interrupts.n) {
			rate_text(line, rates->irq_total[item], val, sizeof(val));
			line_field(&y, bottom, cols, _("rate"), val);
		}
		if (lkm_irq_number(irq->label, &n) &&
		    lkm_irq_affinity_read(app->root, n, &a) == 0) {
			snprintf(val, sizeof(val),
				 _("%s  (the CPUs it may be delivered to)"), a.affinity);
			line_field(&y, bottom, cols, _("affinity"), val);
			snprintf(val, sizeof(val),
				 _("%s  (where the controller delivers it now)"),
				 a.effective_err ? _("not shown by this kernel")
						 : a.effective);
			line_field(&y, bottom, cols, _("effective"), val);
		} else {
			line_field(&y, bottom, cols, _("affinity"),
				   _("none: it runs on every CPU (no /proc/irq entry)"));
		}
		if (lkm_cpus_online(app->root, &online) == 0) {
			lkm_cpuset_format(&online, val, sizeof(val));
			line_field(&y, bottom, cols, _("online CPUs"), val);
		}
	} else {
		const struct lkm_netif *nif = &s->netdev.v[item];

		snprintf(buf, sizeof(buf), _("Interface %s"), nif->name);
		lkm_tui_title(cols, buf, LKM_ROLE_HEADER);
		snprintf(val, sizeof(val), _("%s in %" PRIu64 " packets"),
			 lkm_human_bytes(nif->c[LKM_RX_BYTES], num, sizeof(num)),
			 nif->c[LKM_RX_PACKETS]);
		line_field(&y, bottom, cols, _("received"), val);
		snprintf(val, sizeof(val), _("%s in %" PRIu64 " packets"),
			 lkm_human_bytes(nif->c[LKM_TX_BYTES], num, sizeof(num)),
			 nif->c[LKM_TX_PACKETS]);
		line_field(&y, bottom, cols, _("sent"), val);
		if (rates->seconds > 0 && item < s->netdev.n) {
			char tx[48];

			rate_text(line, rates->net[item][LKM_RX_BYTES], val, sizeof(val));
			rate_text(line, rates->net[item][LKM_TX_BYTES], tx, sizeof(tx));
			snprintf(buf, sizeof(buf), _("%s in, %s out"), val, tx);
			line_field(&y, bottom, cols, _("rate"), buf);
		}
	}
	y++;
	if (line->pane == LKM_PANE_INTERRUPTS) {
		draw_graph(app, line, &y, bottom, cols,
			   _("Interrupts per second, the last minute:"),
			   &app->snaps.irq_hist, GRAPH_ROWS);
		return;
	}
	/* Received and sent, each with its own scale: a busy direction does not flatten
	 * the other. Two graphs share the rows below the numbers. */
	rows = (bottom - y - 1 - 2 * 2) / 2;
	rows = rows > GRAPH_ROWS ? GRAPH_ROWS : rows;
	draw_graph(app, line, &y, bottom, cols,
		   _("Bytes per second received, the last minute:"),
		   &app->snaps.net_rx_hist, rows);
	y++;
	draw_graph(app, line, &y, bottom, cols,
		   _("Bytes per second sent, the last minute:"), &app->snaps.net_tx_hist,
		   rows);
}

static void line_hint(const struct lkm_tui_app *app, const struct lkm_tui_frame *f,
		      char *buf, size_t size)
{
	const struct lkm_tui_line *line = f->data;
	static const struct lkm_tui_hint parts[] = {
		{ LKM_ACT_AFFINITY, LKM_ACT_NONE, 1, N_("change its CPUs") },
		{ LKM_ACT_JUMP, LKM_ACT_NONE, 1, N_("its module") },
		{ LKM_ACT_REFRESH, LKM_ACT_NONE, 1, N_("refresh") },
		{ LKM_ACT_BACK, LKM_ACT_NONE, 1, N_("back") },
	};
	/* An interface has no CPUs to change. */
	size_t skip = line->pane == LKM_PANE_INTERRUPTS ? 0 : 1;

	lkm_tui_hint_text(&app->keymap, LKM_KEYS_LINE, parts + skip,
			  sizeof(parts) / sizeof(parts[0]) - skip, buf, size);
}

const struct lkm_tui_screen_ops lkm_tui_line_screen = {
	.id = LKM_SCREEN_LINE,
	.name = "line",
	.layer = LKM_LAYER_BASE,
	.open = line_open,
	.key = line_key,
	.draw = draw_line_detail,
	.hint = line_hint,
	.release = line_release,
};
