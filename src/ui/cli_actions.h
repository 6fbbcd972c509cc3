/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/* The commands that act on the kernel (load, unload, set) and info: each parses its own
 * options and returns the exit status. ROOT_DIR is the --root given before the command.
 */
int lkm_cli_load(const char *root_dir, int argc, char **argv);
int lkm_cli_unload(const char *root_dir, int argc, char **argv);
int lkm_cli_set(const char *root_dir, int argc, char **argv);
int lkm_cli_block(const char *root_dir, int argc, char **argv);
int lkm_cli_unblock(const char *root_dir, int argc, char **argv);
int lkm_cli_info(const char *root_dir, int argc, char **argv);
int lkm_cli_explain(const char *root_dir, int argc, char **argv);
int lkm_cli_bind(const char *root_dir, int argc, char **argv);
int lkm_cli_unbind(const char *root_dir, int argc, char **argv);
