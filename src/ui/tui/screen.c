// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <string.h>

#include "ui/tui/actions.h"
#include "ui/tui/app.h"
#include "ui/tui/draw.h"
#include "ui/tui/handlers.h"
#include "ui/tui/linedetail.h"
#include "ui/tui/screen.h"

static const struct lkm_tui_screen_ops screens[LKM_SCREEN_COUNT] = {
	[LKM_SCREEN_PANES] = { "panes", LKM_LAYER_BASE, lkm_tui_panes_key,
			       lkm_tui_draw_panes, NULL, NULL },
	[LKM_SCREEN_FILTER] = { "filter", LKM_LAYER_OVERLAY, lkm_tui_filter_key, NULL,
				NULL, NULL },
	[LKM_SCREEN_HELP] = { "help", LKM_LAYER_FULL, lkm_tui_help_key, lkm_tui_draw_help,
			      NULL, NULL },
	[LKM_SCREEN_DETAIL] = { "detail", LKM_LAYER_BASE, lkm_tui_detail_key,
				lkm_tui_draw_detail, lkm_tui_detail_refresh,
				lkm_tui_detail_close },
	[LKM_SCREEN_TEACH] = { "teach", LKM_LAYER_OVERLAY, lkm_tui_teach_key,
			       lkm_tui_draw_teach, NULL, NULL },
	[LKM_SCREEN_FORM] = { "form", LKM_LAYER_STEP, lkm_tui_form_key, lkm_tui_draw_form,
			      NULL, lkm_tui_form_release },
	[LKM_SCREEN_CONFIRM] = { "confirm", LKM_LAYER_STEP, lkm_tui_confirm_key,
				 lkm_tui_draw_confirm, NULL, lkm_tui_preview_release },
	[LKM_SCREEN_DIAG] = { "diagnosis", LKM_LAYER_STEP, lkm_tui_diag_key,
			      lkm_tui_draw_diag, lkm_tui_diag_layout, NULL },
	[LKM_SCREEN_LINE] = { "line", LKM_LAYER_BASE, lkm_tui_line_key,
			      lkm_tui_draw_line_detail, NULL, NULL },
};

const struct lkm_tui_screen_ops *lkm_tui_screen_ops(enum lkm_tui_screen_id id)
{
	return &screens[(unsigned)id < LKM_SCREEN_COUNT ? id : LKM_SCREEN_PANES];
}

void lkm_tui_stack_init(struct lkm_tui_stack *s)
{
	memset(s, 0, sizeof(*s));
	s->v[0].id = LKM_SCREEN_PANES;
	s->n = 1;
}

enum lkm_tui_screen_id lkm_tui_top(const struct lkm_tui_app *app)
{
	return app->stack.v[app->stack.n - 1].id;
}

struct lkm_tui_frame *lkm_tui_top_frame(struct lkm_tui_app *app)
{
	return &app->stack.v[app->stack.n - 1];
}

const struct lkm_tui_frame *lkm_tui_frame_of(const struct lkm_tui_app *app,
					     enum lkm_tui_screen_id id)
{
	for (size_t i = app->stack.n; i-- > 0;)
		if (app->stack.v[i].id == id)
			return &app->stack.v[i];
	return NULL;
}

bool lkm_tui_on_stack(const struct lkm_tui_app *app, enum lkm_tui_screen_id id)
{
	return lkm_tui_frame_of(app, id) != NULL;
}

static enum lkm_tui_layer top_layer(const struct lkm_tui_app *app)
{
	return lkm_tui_screen_ops(lkm_tui_top(app))->layer;
}

void lkm_tui_pop(struct lkm_tui_app *app)
{
	struct lkm_tui_stack *s = &app->stack;
	struct lkm_tui_frame f;

	if (s->n <= 1)
		return;
	f = s->v[--s->n];
	if (screens[f.id].release)
		screens[f.id].release(app);
	app->pane = f.pane;
}

void lkm_tui_pop_steps(struct lkm_tui_app *app)
{
	while (app->stack.n > 1 && top_layer(app) == LKM_LAYER_STEP)
		lkm_tui_pop(app);
}

struct lkm_tui_frame *lkm_tui_push(struct lkm_tui_app *app, enum lkm_tui_screen_id id)
{
	struct lkm_tui_stack *s = &app->stack;
	struct lkm_tui_frame *f;

	if (screens[id].layer == LKM_LAYER_STEP)
		lkm_tui_pop_steps(app);
	if (s->n == LKM_TUI_STACK_MAX) {
		/* Cannot happen with today's screens (at most panes, a base, a step and
		 * an overlay); if it did, the oldest screen above the panes goes. */
		memmove(&s->v[1], &s->v[2], (s->n - 2) * sizeof(s->v[0]));
		s->n--;
	}
	f = &s->v[s->n++];
	memset(f, 0, sizeof(*f));
	f->id = id;
	f->pane = app->pane;
	return f;
}

unsigned lkm_tui_screen_key(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	return screens[lkm_tui_top(app)].key(app, ev);
}

void lkm_tui_screens_refresh(struct lkm_tui_app *app)
{
	for (size_t i = 0; i < app->stack.n; i++)
		if (screens[app->stack.v[i].id].refresh)
			screens[app->stack.v[i].id].refresh(app);
}

void lkm_tui_stack_release(struct lkm_tui_app *app)
{
	while (app->stack.n > 1)
		lkm_tui_pop(app);
}
