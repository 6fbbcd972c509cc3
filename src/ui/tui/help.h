/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stddef.h>

#include "ui/tui/app.h"
#include "ui/tui/keys.h"
#include "ui/tui/screen.h"

/*
 * The help screen (?, F1, h): made from the key table, every action with the keys bound
 * to it, so a binding changed is a help changed; Up, Down and a page either way scroll
 * it, any other key returns.
 */
extern const struct lkm_tui_screen_ops lkm_tui_help_screen;

unsigned lkm_tui_on_help(struct lkm_tui_app *app, const struct lkm_tui_event *ev);

/* The help's lines: how many, and line I into BUF. */
size_t lkm_tui_help_lines(const struct lkm_tui_app *app);
void lkm_tui_help_line(const struct lkm_tui_app *app, size_t i, char *buf, size_t size);
