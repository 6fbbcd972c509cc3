/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stddef.h>

struct lkm_tui_app;

/*
 * The help screen (?, F1, h): made from the key table, every action with the keys bound
 * to it, so a binding changed is a help changed; Up, Down and a page either way scroll
 * it, any other key returns.
 */
/* The help's lines: how many, and line I into BUF. */
size_t lkm_tui_help_lines(const struct lkm_tui_app *app);
void lkm_tui_help_line(const struct lkm_tui_app *app, size_t i, char *buf, size_t size);
