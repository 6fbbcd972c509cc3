/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/*
 * The full-screen front end: `lkmtui [--root DIR] [--config FILE]` with no command.
 * ROOT_DIR is the sysroot (NULL: "/"); CONFIG_PATH a settings file the user named (NULL:
 * $XDG_CONFIG_HOME/lkmtui/config.ini if it exists). Returns the exit status: 0 after q or
 * Ctrl-C; 1 when the root cannot be opened or the terminal cannot be used; 2 for a bad
 * settings file or no terminal (both explained on stderr); 128 + N after signal N
 * (SIGTERM, SIGHUP). The terminal is restored on every one of these paths, and on a
 * crash.
 */
int lkm_tui_main(const char *root_dir, const char *config_path);
