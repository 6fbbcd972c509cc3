/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <getopt.h>
#include <stdio.h>

#include "ui/columns.h"

/* What every command shares for its options and their errors (util-linux's words). */

/* The exit status of bad usage. */
#define LKM_CLI_EXIT_USAGE 2

/* The options part of a command's help: -J, the N lines of EXTRA (translated), -R, -h. */
void lkm_cli_options_help(FILE *out, const char *const *extra, size_t n);

/* Says where the help of command CMD is (NULL: the program's), on stderr; returns 2. */
int lkm_cli_try_help(const char *cmd);

/* Says MSG and where the help of command CMD (NULL: the program's) is, on stderr;
 * returns 2 (bad usage). */
int lkm_cli_usage_error(const char *cmd, const char *msg);

/* The same with MSG made from FMT (translated) and its arguments. */
int lkm_cli_usage_errorf(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The options of a table command, as util-linux spells them: -J, -n, -o LIST, -r,
 * -R DIR. */
struct lkm_cli_table_opts {
	bool json, raw, noheadings;
	const char *output;
	const char *root_dir;
};

/*
 * getopt_long over the table options, -h, and the command's own MORE (getopt's long
 * options, ending in a zero one; NULL: none) whose short spelling is SHORT: the table
 * options go into O; returns the next other answer (-h, one of MORE, '?'), or -1 at the
 * end.
 */
int lkm_cli_table_getopt(int argc, char **argv, const char *more_short,
			 const struct option *more, struct lkm_cli_table_opts *o);

/* lkm_cli_options_help for a table command: -n, -o, -r, then the N lines of MORE. */
void lkm_cli_table_options_help(FILE *out, const char *const *more, size_t n);

/*
 * Parses the options of a command that has only -J (*JSON set), -R DIR (*ROOT_DIR) and
 * -h (HELP called). Returns 0 (optind at the first operand), 256 after the help, or 2
 * after an unknown option: getopt's word, then UNKNOWN (may be NULL) and where CMD's
 * help is.
 */
int lkm_cli_parse_common(const char *cmd, int argc, char **argv, bool *json,
			 const char **root_dir, void (*help)(void), const char *unknown);

/*
 * The columns of the table INFO[0..N) to show for -o LIST (NULL: the defaults; "+A,B":
 * the defaults and those; else exactly those, by id, any case), into COLS (up to MAX).
 * RATES: whether rate columns are among the defaults. Returns how many, or -1 after
 * saying on stderr what is wrong with LIST.
 */
int lkm_cli_select_columns(const struct lkm_colinfo *info, size_t n, const char *list,
			   bool rates, int *cols, int max);
