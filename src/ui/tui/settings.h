/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "ui/columns.h"

/*
 * The TUI's settings file (inih), $XDG_CONFIG_HOME/lkmtui/config.ini by default:
 *
 *   [display]
 *   interval = 2          ; seconds between refreshes, 0.1 to 3600
 *   pane = modules        ; modules | devices | interrupts | network (or 1-4)
 *   color = auto          ; auto (colour unless NO_COLOR is set) | yes | no
 *   layout = single       ; single | split (all four panes, on a screen of 160x48 or
 * more)
 */
enum lkm_tui_color { LKM_COLOR_AUTO, LKM_COLOR_ON, LKM_COLOR_OFF };

struct lkm_tui_config {
	double interval;
	enum lkm_pane pane;
	enum lkm_tui_color color;
	bool split;
};

void lkm_tui_config_defaults(struct lkm_tui_config *cfg);

/*
 * Reads PATH into CFG. A missing file is fine (0) unless MUST_EXIST (the user named it).
 * Returns 0, or -errno / -EINVAL with a one-line message in ERR naming the file, line,
 * key and what is allowed. CFG keeps the defaults for what was not read.
 */
int lkm_tui_config_load(struct lkm_tui_config *cfg, const char *path, bool must_exist,
			char *err, size_t errsize);

/* $XDG_CONFIG_HOME/lkmtui/config.ini, else $HOME/.config/lkmtui/config.ini, into BUF.
 * Returns BUF, or NULL when neither variable is set. */
const char *lkm_tui_config_default_path(char *buf, size_t size);

/* The pane named NAME ("modules", "network", "3", ...), or -1. */
int lkm_tui_pane_from_name(const char *name);
