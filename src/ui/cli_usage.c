// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui/cli_usage.h"

void lkm_cli_options_help(FILE *out, const char *const *extra, size_t n)
{
	fputs(_("\nOptions:\n"), out);
	fputs(_(" -J, --json             use JSON output format\n"), out);
	for (size_t i = 0; i < n; i++)
		fputs(extra[i], out);
	fputs(_(" -R, --root <dir>       read /proc and /sys under <dir>\n"), out);
	fputs(_(" -h, --help             display this help\n"), out);
}

int lkm_cli_try_help(const char *cmd)
{
	if (cmd)
		fprintf(stderr, _("Try '%s %s --help' for more information.\n"), PACKAGE,
			cmd);
	else
		fprintf(stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
	return LKM_CLI_EXIT_USAGE;
}

int lkm_cli_usage_error(const char *cmd, const char *msg)
{
	fprintf(stderr, "%s: %s\n", PACKAGE, msg);
	return lkm_cli_try_help(cmd);
}

int lkm_cli_usage_errorf(const char *cmd, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return lkm_cli_usage_error(cmd, msg);
}

int lkm_cli_parse_common(const char *cmd, int argc, char **argv, bool *json,
			 const char **root_dir, void (*help)(void), const char *unknown)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'J' },
		{ "root", required_argument, NULL, 'R' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	/* 0, not 1: glibc then forgets the "+" (stop at the first operand) of main's
	 * parse. */
	optind = 0;
	while ((c = getopt_long(argc, argv, "JR:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'J': *json = true; break;
		case 'R': *root_dir = optarg; break;
		case 'h': help(); return 256;
		default:
			return unknown ? lkm_cli_usage_error(cmd, unknown)
				       : lkm_cli_try_help(cmd);
		}
	}
	return 0;
}

int lkm_cli_table_getopt(int argc, char **argv, const char *more_short,
			 const struct option *more, struct lkm_cli_table_opts *o)
{
	static const struct option table[] = {
		{ "json", no_argument, NULL, 'J' },
		{ "noheadings", no_argument, NULL, 'n' },
		{ "output", required_argument, NULL, 'o' },
		{ "raw", no_argument, NULL, 'r' },
		{ "root", required_argument, NULL, 'R' },
		{ "help", no_argument, NULL, 'h' },
	};
	size_t n_table = sizeof(table) / sizeof(table[0]);
	struct option longopts[16] = { { NULL, 0, NULL, 0 } };
	char shortopts[32];
	size_t n = 0;
	int c;

	for (; n < n_table; n++)
		longopts[n] = table[n];
	for (size_t i = 0; more && more[i].name && n + 1 < 16; i++)
		longopts[n++] = more[i];
	snprintf(shortopts, sizeof(shortopts), "Jno:rR:h%s", more_short);
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		switch (c) {
		case 'J': o->json = true; break;
		case 'n': o->noheadings = true; break;
		case 'o': o->output = optarg; break;
		case 'r': o->raw = true; break;
		case 'R': o->root_dir = optarg; break;
		default: return c;
		}
	}
	return -1;
}

void lkm_cli_table_options_help(FILE *out, const char *const *more, size_t n)
{
	const char *extra[8] = {
		_(" -n, --noheadings       don't print headings\n"),
		_(" -o, --output <list>    the columns to show (+LIST adds to the "
		  "default)\n"),
		_(" -r, --raw              use raw output format\n"),
	};
	size_t k = 3;

	for (size_t i = 0; i < n && k < sizeof(extra) / sizeof(extra[0]); i++)
		extra[k++] = more[i];
	lkm_cli_options_help(out, extra, k);
}

int lkm_cli_select_columns(const struct lkm_colinfo *info, size_t n, const char *list,
			   bool rates, int *cols, int max)
{
	const char *given = list;
	int count = 0;

	if (list == NULL || list[0] == '+') {
		for (size_t i = 0; i < n && count < max; i++) {
			if (!(info[i].flags & LKM_COL_DEFAULT))
				continue;
			if ((info[i].flags & LKM_COL_RATE) && !rates)
				continue;
			cols[count++] = (int)i;
		}
		if (list == NULL)
			return count;
		list++;
	}
	while (*list) {
		size_t len = strcspn(list, ",");
		char id[64];
		int col;

		if (len == 0 || len >= sizeof(id)) {
			fprintf(stderr, _("%s: invalid column list: '%s'\n"), PACKAGE,
				given);
			return -1;
		}
		memcpy(id, list, len);
		id[len] = '\0';
		col = lkm_colinfo_find(info, n, id);
		if (col < 0 || (info[col].flags & LKM_COL_TUI)) {
			fprintf(stderr, _("%s: unknown column: '%s'\n"), PACKAGE, id);
			return -1;
		}
		if (count == max) {
			fprintf(stderr, _("%s: too many columns\n"), PACKAGE);
			return -1;
		}
		cols[count++] = col;
		list += len;
		if (*list == ',')
			list++;
	}
	return count;
}
