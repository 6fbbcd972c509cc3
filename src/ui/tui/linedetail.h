/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stddef.h>

#include "ui/tui/app.h"
#include "ui/tui/keys.h"
#include "ui/tui/screen.h"

/*
 * The detail of one interrupt line or interface (Enter in the Interrupts or Network
 * pane): its counts, the last minute of its rate as a graph with its scale, and for an
 * interrupt line the CPUs it may go to and goes to, which a changes (the affinity form).
 */

extern const struct lkm_tui_screen_ops lkm_tui_line_screen;

/* Opens the detail of the line or interface under the cursor. */
unsigned lkm_tui_open_line(struct lkm_tui_app *app);

/* a: the affinity form for the interrupt line shown or under the cursor. */
unsigned lkm_tui_on_affinity(struct lkm_tui_app *app, const struct lkm_tui_event *ev);

/* Enter in the affinity form: checked against the online CPUs, then written through the
 * kernel boundary; a refusal opens its diagnosis. */
unsigned lkm_tui_affinity_enter(struct lkm_tui_app *app);

/* The row of the line shown in its pane's newest snapshot, or (size_t)-1 when it went. */
size_t lkm_tui_line_item(const struct lkm_tui_app *app);

/* The last minute of the line shown, as H records it (the app's irq_hist, net_rx_hist or
 * net_tx_hist), into V (LKM_HISTORY_SECONDS samples, oldest first). */
void lkm_tui_line_history(const struct lkm_tui_app *app, const struct lkm_history *h,
			  float *v);
