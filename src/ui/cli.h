/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stdio.h>

#include "ui/columns.h"

/* The plain command-line front end. Returns the exit status: 0 done, 1 the operation
 * failed (its explanation printed), 2 bad usage. */
int lkm_cli_main(int argc, char **argv);

/* The options part of a command's help: -J, the N lines of EXTRA (translated), -R, -h. */
void lkm_cli_options_help(FILE *out, const char *const *extra, size_t n);

/* Says MSG and where the help of command CMD is, on stderr; returns 2 (bad usage). */
int lkm_cli_usage_error(const char *cmd, const char *msg);

/*
 * The columns of the table INFO[0..N) to show for -o LIST (NULL: the defaults; "+A,B":
 * the defaults and those; else exactly those, by id, any case), into COLS (up to MAX).
 * RATES: whether rate columns are among the defaults. Returns how many, or -1 after
 * saying on stderr what is wrong with LIST.
 */
int lkm_cli_select_columns(const struct lkm_colinfo *info, size_t n, const char *list,
			   bool rates, int *cols, int max);
