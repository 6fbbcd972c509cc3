// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "core/affinity.h"
#include "i18n.h"
#include "model/irqaffinity.h"
#include "ui/tui/actions.h"
#include "ui/tui/handlers.h"
#include "ui/tui/linedetail.h"

#define CHANGED (LKM_TUI_HANDLED | LKM_TUI_REDRAW)

static const struct lkm_snapshot *newest(const struct lkm_tui_app *app)
{
	return app->nsnaps ? &app->snaps[app->cur] : NULL;
}

size_t lkm_tui_line_item(const struct lkm_tui_app *app)
{
	const struct lkm_snapshot *s = newest(app);

	if (s == NULL)
		return (size_t)-1;
	if (app->line_pane == LKM_PANE_INTERRUPTS) {
		const struct lkm_irq *irq =
			lkm_interrupts_find(&s->interrupts, app->line_key);

		return irq ? (size_t)(irq - s->interrupts.v) : (size_t)-1;
	}
	for (size_t i = 0; i < s->netdev.n; i++)
		if (strcmp(s->netdev.v[i].name, app->line_key) == 0)
			return i;
	return (size_t)-1;
}

void lkm_tui_line_history(const struct lkm_tui_app *app, const struct lkm_history *h,
			  float *v)
{
	size_t item = lkm_tui_line_item(app);

	if (item == (size_t)-1 || app->nsnaps < 2) {
		for (size_t i = 0; i < LKM_HISTORY_SECONDS; i++)
			v[i] = -1;
		return;
	}
	lkm_history_get(h, item, v, LKM_HISTORY_SECONDS);
}

unsigned lkm_tui_open_line(struct lkm_tui_app *app)
{
	struct lkm_view *v = lkm_tui_view(app);
	size_t item = lkm_view_current(v);

	if (v->snap == NULL || item == LKM_VIEW_SEPARATOR)
		return LKM_TUI_HANDLED;
	app->line_pane = app->pane;
	lkm_tui_push(app, LKM_SCREEN_LINE);
	lkm_view_item_key(v, item, app->line_key, sizeof(app->line_key));
	return CHANGED;
}

unsigned lkm_tui_line_key(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	switch (ev->key) {
	case 27:
	case 'q':
	case KEY_LEFT:
	case KEY_BACKSPACE: lkm_tui_pop(app); return CHANGED;
	case 'a': return lkm_tui_on_affinity(app, ev);
	case 'm': lkm_tui_pop(app); return lkm_tui_on_jump(app, ev);
	case 'R': return CHANGED | LKM_TUI_RESCAN;
	case KEY_MOUSE:
	case KEY_RESIZE: return LKM_TUI_HANDLED;
	default:
		snprintf(app->message, sizeof(app->message), "%s",
			 app->line_pane == LKM_PANE_INTERRUPTS
				 ? _("in a line's detail: a changes its CPUs, m its "
				     "module, Esc returns")
				 : _("in an interface's detail: m its module, Esc "
				     "returns"));
		return CHANGED;
	}
}

/* The interrupt line shown (the line detail) or under the cursor; false when none. */
static bool current_irq(struct lkm_tui_app *app, char *label, size_t size, unsigned *irq)
{
	if (lkm_tui_top(app) == LKM_SCREEN_LINE) {
		if (app->line_pane != LKM_PANE_INTERRUPTS)
			return false;
		snprintf(label, size, "%s", app->line_key);
	} else {
		struct lkm_view *v = &app->views[LKM_PANE_INTERRUPTS];
		size_t item = lkm_view_current(v);

		if (app->pane != LKM_PANE_INTERRUPTS || v->snap == NULL ||
		    item == LKM_VIEW_SEPARATOR)
			return false;
		lkm_view_item_key(v, item, label, size);
	}
	return lkm_irq_number(label, irq);
}

unsigned lkm_tui_on_affinity(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	struct lkm_irq_affinity a;
	char label[64];
	unsigned irq;

	(void)ev;
	if (!current_irq(app, label, sizeof(label), &irq)) {
		snprintf(app->message, sizeof(app->message), "%s",
			 _("a changes the CPUs of a numbered interrupt line (Interrupts "
			   "pane, 3); "
			   "NMI, LOC and the like run on every CPU"));
		return CHANGED;
	}
	lkm_irq_affinity_read(app->root, irq, &a);
	return lkm_tui_open_input(app, LKM_INPUT_AFFINITY, label, a.affinity);
}

unsigned lkm_tui_affinity_enter(struct lkm_tui_app *app)
{
	struct lkm_tui_form *f = &app->form;
	struct lkm_affinity_change ch;
	struct lkm_diagnosis d = { 0 };
	struct lkm_tui_req req = { .op = LKM_OP_SET };
	const struct lkm_ops *ops = NULL;
	struct lkm_real_ops real;
	unsigned irq;
	int err;

	if (!lkm_irq_number(f->module, &irq))
		return CHANGED;
	/* The form checks before anything is written: the refusal stays on the form. */
	if (lkm_affinity_check(app->root, irq, f->text, &ch, &d) < 0) {
		snprintf(f->note, sizeof(f->note), "%s%s%s", d.title,
			 d.n_evidence ? ": " : "",
			 d.n_evidence ? d.evidence[d.n_evidence - 1] : "");
		lkm_diagnosis_release(&d);
		return CHANGED;
	}
	/* A root only looked at is never written to (whole-program tests say the kernel
	 * is faked, and write into their copy). */
	lkm_real_ops_init(&real, NULL, app->root);
	if (lkm_sysroot_is_live(app->root) || getenv("LKMTUI_FAKE_KERNEL") != NULL)
		ops = &real.ops;
	err = lkm_affinity_set(ops, app->root, irq, f->text, &ch, &d);
	snprintf(req.target, sizeof(req.target), _("irq %u to CPUs %s"), irq, ch.cpus);
	if (err < 0)
		return lkm_tui_show_diagnosis(app, &d, &req);
	lkm_tui_pop_steps(app); /* back to the line's detail, or the pane */
	if (ch.irqbalance)
		snprintf(app->message, sizeof(app->message),
			 _("irq %u: CPUs %s (was %s); irqbalance runs and will move it "
			   "again"),
			 irq, ch.after, ch.before);
	else
		snprintf(app->message, sizeof(app->message),
			 _("irq %u: CPUs %s (was %s)"), irq, ch.after, ch.before);
	return CHANGED;
}
