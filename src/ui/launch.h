/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/*
 * Starts the full-screen front end (`lkmtui` with no command) in this process: execs
 * lkmtui-tui with ROOT_DIR and CONFIG_PATH (either may be NULL), the one beside this
 * program if there is one (the build tree, uninstalled), else the one in
 * $(pkglibexecdir). Returns only when it cannot: the exit status (1), the reason printed
 * on stderr.
 */
int lkm_tui_launch(const char *root_dir, const char *config_path);
