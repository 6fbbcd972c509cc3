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
