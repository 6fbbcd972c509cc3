// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libsmartcols.h>

#include "model/snapshot.h"
#include "shared/editdist.h"
#include "ui/cli.h"
#include "ui/cli_usage.h"
#include "ui/root.h"
#include "ui/cli_actions.h"
#include "ui/cli_metrics.h"
#include "ui/cli_affinity.h"
#include "ui/cli_hardware.h"
#include "ui/cli_doctor.h"
#include "ui/columns.h"
#include "i18n.h"
#include "ui/json_shapes.h"
#include "ui/launch.h"

#define EXIT_USAGE LKM_CLI_EXIT_USAGE
#define CELL_MAX   65536

struct cli {
	const char *root_dir;
	const char *config;
	struct lkm_sysroot *root;
};

/* Options shared by the read-only table commands, as util-linux spells them. */
struct table_opts {
	struct lkm_cli_table_opts t;
	bool bytes; /* netdev: raw byte counts, not K/M/G */
	double interval;
};

struct command {
	const char *name;
	int (*run)(struct cli *cli, int argc, char **argv);
	const char *summary; /* N_() */
};

static int cmd_list(struct cli *cli, int argc, char **argv);
static int cmd_devices(struct cli *cli, int argc, char **argv);
static int cmd_interrupts(struct cli *cli, int argc, char **argv);
static int cmd_netdev(struct cli *cli, int argc, char **argv);

static int cmd_info(struct cli *cli, int argc, char **argv)
{
	return lkm_cli_info(cli->root_dir, argc, argv);
}

static int cmd_load(struct cli *cli, int argc, char **argv)
{
	return lkm_cli_load(cli->root_dir, argc, argv);
}

static int cmd_unload(struct cli *cli, int argc, char **argv)
{
	return lkm_cli_unload(cli->root_dir, argc, argv);
}

static int cmd_set(struct cli *cli, int argc, char **argv)
{
	return lkm_cli_set(cli->root_dir, argc, argv);
}

static int cmd_block(struct cli *cli, int argc, char **argv)
{
	return lkm_cli_block(cli->root_dir, argc, argv);
}

static int cmd_unblock(struct cli *cli, int argc, char **argv)
{
	return lkm_cli_unblock(cli->root_dir, argc, argv);
}

static int cmd_explain(struct cli *cli, int argc, char **argv)
{
	return lkm_cli_explain(cli->root_dir, argc, argv);
}

static int cmd_metrics(struct cli *cli, int argc, char **argv)
{
	return lkm_cli_metrics(cli->root_dir, argc, argv);
}

static int cmd_bind(struct cli *cli, int argc, char **argv)
{
	return lkm_cli_bind(cli->root_dir, argc, argv);
}

static int cmd_unbind(struct cli *cli, int argc, char **argv)
{
	return lkm_cli_unbind(cli->root_dir, argc, argv);
}

static int cmd_hardware(struct cli *cli, int argc, char **argv)
{
	return lkm_cli_hardware(cli->root_dir, argc, argv);
}

static int cmd_doctor(struct cli *cli, int argc, char **argv)
{
	return lkm_cli_doctor(cli->root_dir, argc, argv);
}

static int cmd_irq_affinity(struct cli *cli, int argc, char **argv)
{
	return lkm_cli_irq_affinity(cli->root_dir, argc, argv);
}

static const struct command commands[] = {
	{ "list", cmd_list, N_("loaded modules (/proc/modules)") },
	{ "devices", cmd_devices,
	  N_("character and block device majors (/proc/devices)") },
	{ "interrupts", cmd_interrupts,
	  N_("interrupt lines and their counts (/proc/interrupts)") },
	{ "netdev", cmd_netdev,
	  N_("network interfaces and their counters (/proc/net/dev)") },
	{ "hardware", cmd_hardware,
	  N_("devices on the buses, their drivers and candidate modules") },
	{ "info", cmd_info,
	  N_("a module: what it is, its state, its parameters and their values") },
	{ "load", cmd_load, N_("load a module by name or file, with parameters") },
	{ "unload", cmd_unload, N_("unload a module (--stack: and what only it used)") },
	{ "set", cmd_set, N_("change a loaded module's parameter") },
	{ "bind", cmd_bind, N_("give a device to a module's driver (driver_override)") },
	{ "unbind", cmd_unbind, N_("let a device's driver go of it") },
	{ "block", cmd_block,
	  N_("forbid a module: no load by name or as a dependency, and unload it") },
	{ "unblock", cmd_unblock, N_("allow a module lkmtui block forbade") },
	{ "explain", cmd_explain,
	  N_("predict why loading a module would fail, without loading") },
	{ "doctor", cmd_doctor,
	  N_("check the machine's module set-up and the boot it will have") },
	{ "metrics", cmd_metrics,
	  N_("module facts in Prometheus' format (node_exporter textfile)") },
	{ "irq-affinity", cmd_irq_affinity,
	  N_("deliver an interrupt line to other CPUs") },
};

static void usage(FILE *out)
{
	fputs(_("\nUsage:\n"), out);
	fprintf(out, _(" %s [options]                 the full-screen interface\n"),
		PACKAGE);
	fprintf(out, _(" %s [options] command [command options]\n"), PACKAGE);
	fputs(_("\nShow the kernel's loadable modules, devices, interrupts and network\n"
		"interfaces, and explain what they mean.\n"),
	      out);
	fputs(_("\nCommands:\n"), out);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, " %-12s %s\n", commands[i].name, _(commands[i].summary));
	fputs(_("\nOptions:\n"), out);
	fputs(_(" -R, --root <dir>       read /proc, /sys and /lib/modules under "
		"<dir>\n"),
	      out);
	fputs(_(" -c, --config <file>    read settings from <file>\n"), out);
	fputs(_(" -h, --help             display this help\n"), out);
	fputs(_(" -V, --version          display version\n"), out);
	fprintf(out, _("\nFor a command's options and columns: %s <command> --help\n"),
		PACKAGE);
}

static void table_usage(FILE *out, const char *name, enum lkm_pane pane,
			bool has_interval)
{
	size_t n, n_extra = 0;
	const struct lkm_colinfo *cols = lkm_columns(pane, &n);
	const char *extra[2];

	fputs(_("\nUsage:\n"), out);
	fprintf(out, _(" %s %s [options]\n"), PACKAGE, name);

	if (pane == LKM_PANE_NETDEV)
		extra[n_extra++] =
			_(" -b, --bytes            print byte counts in bytes, "
			  "not K, M, G\n");
	if (has_interval)
		extra[n_extra++] =
			_(" -i, --interval <secs>  take two samples <secs> apart "
			  "and show rates\n");
	lkm_cli_table_options_help(out, extra, n_extra);
	fputs(_("\nAvailable output columns:\n"), out);
	for (size_t i = 0; i < n; i++)
		if (!(cols[i].flags & LKM_COL_TUI))
			fprintf(out, " %14s  %s%s\n", cols[i].id, _(cols[i].help),
				(cols[i].flags & LKM_COL_RATE) ? _(" (with --interval)")
							       : "");
}

/* Parses the options of a table command. Returns 0, or an exit status to stop with. */
static int parse_table_opts(struct cli *cli, int argc, char **argv, const char *name,
			    enum lkm_pane pane, bool has_interval, struct table_opts *o)
{
	static const struct option longopts[] = {
		{ "bytes", no_argument, NULL, 'b' },
		{ "interval", required_argument, NULL, 'i' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof(*o));
	o->t.root_dir = cli->root_dir;
	/* 0, not 1: glibc then forgets the "+" (stop at the first operand) of main's
	 * parse. */
	optind = 0;
	while ((c = lkm_cli_table_getopt(argc, argv, "bi:", longopts, &o->t)) != -1) {
		switch (c) {
		case 'b':
			if (pane != LKM_PANE_NETDEV)
				return lkm_cli_usage_errorf(name, _("%s has no --bytes"),
							    name);
			o->bytes = true;
			break;
		case 'i': {
			char *end;

			if (!has_interval)
				return lkm_cli_usage_errorf(
					name, _("%s has no --interval"), name);
			errno = 0;
			o->interval = strtod(optarg, &end);
			if (errno || end == optarg || *end || !(o->interval > 0) ||
			    o->interval > 3600)
				return lkm_cli_usage_errorf(
					name,
					_("invalid interval: '%s' (seconds, up to 3600)"),
					optarg);
			break;
		}
		case 'h':
			table_usage(stdout, name, pane, has_interval);
			return EXIT_SUCCESS + 256;
		default: return lkm_cli_try_help(name);
		}
	}
	if (optind < argc)
		return lkm_cli_usage_errorf(name, _("unexpected argument: '%s'"),
					    argv[optind]);
	cli->root_dir = o->t.root_dir;
	return 0;
}

/* Fills COLS with the columns to show; returns how many, or -1 after reporting an error.
 */
static int select_columns(enum lkm_pane pane, const struct table_opts *o, int *cols,
			  int max)
{
	size_t n;
	const struct lkm_colinfo *info = lkm_columns(pane, &n);

	return lkm_cli_select_columns(info, n, o->t.output, o->interval > 0, cols, max);
}

static int print_table(enum lkm_pane pane, const struct table_opts *o,
		       const struct lkm_snapshot *snap, const struct lkm_rates *rates)
{
	size_t ninfo;
	const struct lkm_colinfo *info = lkm_columns(pane, &ninfo);
	int cols[64];
	int ncols = select_columns(pane, o, cols, 64);
	struct libscols_table *tb;
	char *cell;
	int rc = EXIT_FAILURE;

	if (ncols < 0)
		return EXIT_USAGE;
	cell = malloc(CELL_MAX);
	tb = scols_new_table();
	if (cell == NULL || tb == NULL) {
		fprintf(stderr, _("%s: out of memory\n"), PACKAGE);
		goto out;
	}
	scols_table_enable_raw(tb, o->t.raw);
	scols_table_enable_noheadings(tb, o->t.noheadings);
	for (int c = 0; c < ncols; c++) {
		const struct lkm_colinfo *ci = &info[cols[c]];
		int fl = 0;

		if (ci->flags & LKM_COL_RIGHT)
			fl |= SCOLS_FL_RIGHT;
		if (ci->flags & (LKM_COL_TRUNC | LKM_COL_WRAP))
			fl |= SCOLS_FL_TRUNC;
		if (scols_table_new_column(tb, ci->id, ci->whint, fl) == NULL)
			goto out;
	}
	for (size_t r = 0; r < lkm_pane_rows(pane, snap); r++) {
		struct libscols_line *ln = scols_table_new_line(tb, NULL);

		if (ln == NULL)
			goto out;
		for (int c = 0; c < ncols; c++) {
			lkm_cell(pane, cols[c], snap, rates, r, ",",
				 o->bytes ? LKM_CELL_RAW : LKM_CELL_HUMAN, cell,
				 CELL_MAX);
			if (scols_line_set_data(ln, (size_t)c, cell) < 0)
				goto out;
		}
	}
	scols_print_table(tb);
	rc = EXIT_SUCCESS;
out:
	scols_unref_table(tb);
	free(cell);
	return rc;
}

/* Says what a source's read error means; returns the exit status. */
static int report_source_error(const char *path, int err)
{
	if (err == -ENOMEM)
		fprintf(stderr, _("%s: out of memory\n"), PACKAGE);
	else if (err == -EINVAL)
		fprintf(stderr,
			_("%s: %s is not in the format the kernel writes (its header "
			  "line "
			  "is missing or wrong)\n"),
			PACKAGE, path);
	else
		fprintf(stderr, _("%s: cannot read %s: %s\n"), PACKAGE, path,
			strerror(-err));
	return EXIT_FAILURE;
}

static void report_skipped(const char *path, size_t skipped)
{
	if (skipped)
		fprintf(stderr,
			ngettext("%s: %s: %zu line could not be read and was skipped\n",
				 "%s: %s: %zu lines could not be read and were skipped\n",
				 skipped),
			PACKAGE, path, skipped);
}

static void sleep_seconds(double s)
{
	struct timespec ts = { (time_t)s, (long)((s - floor(s)) * 1e9) };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/*
 * The common body of the four read-only commands: one snapshot of one source (two,
 * INTERVAL apart, for rates), then a table or JSON.
 */
static int run_table(struct cli *cli, int argc, char **argv, const char *name,
		     enum lkm_pane pane, bool has_interval)
{
	static const struct {
		unsigned source;
		const char *path;
	} sources[LKM_PANE_COUNT] = {
		[LKM_PANE_MODULES] = { LKM_SRC_MODULES, "/proc/modules" },
		[LKM_PANE_DEVICES] = { LKM_SRC_DEVICES, "/proc/devices" },
		[LKM_PANE_INTERRUPTS] = { LKM_SRC_INTERRUPTS, "/proc/interrupts" },
		[LKM_PANE_NETDEV] = { LKM_SRC_NETDEV, "/proc/net/dev" },
	};
	struct lkm_snapshot snaps[2] = { 0 };
	struct lkm_rates rates = { 0 };
	struct lkm_snapshot *cur = &snaps[0];
	struct table_opts o;
	const int *errp;
	size_t skipped;
	int rc;

	rc = parse_table_opts(cli, argc, argv, name, pane, has_interval, &o);
	if (rc)
		return rc > 255 ? EXIT_SUCCESS : rc;
	if (lkm_ui_open_root(cli->root_dir, &cli->root) < 0)
		return EXIT_FAILURE;
	if (lkm_snapshot_take(&snaps[0], cli->root, sources[pane].source) < 0)
		return report_source_error(sources[pane].path, -ENOMEM);
	if (o.interval > 0) {
		sleep_seconds(o.interval);
		cur = &snaps[1];
		if (lkm_snapshot_take(cur, cli->root, sources[pane].source) < 0 ||
		    lkm_rates_compute(&rates, &snaps[0], cur) < 0) {
			rc = report_source_error(sources[pane].path, -ENOMEM);
			goto out;
		}
	}
	switch (pane) {
	case LKM_PANE_MODULES:
		errp = &cur->modules_err;
		skipped = cur->modules.skipped;
		break;
	case LKM_PANE_DEVICES:
		errp = &cur->devices_err;
		skipped = cur->devices.skipped;
		break;
	case LKM_PANE_INTERRUPTS:
		errp = &cur->interrupts_err;
		skipped = cur->interrupts.skipped;
		break;
	default:
		errp = &cur->netdev_err;
		skipped = cur->netdev.skipped;
		break;
	}
	if (pane == LKM_PANE_MODULES && *errp == -ENOENT) {
		/* No /proc/modules: the kernel was built without CONFIG_MODULES. */
		if (o.t.json)
			lkm_json_modules(stdout, cur);
		fprintf(stderr,
			_("%s: this kernel has no loadable-module support (no "
			  "/proc/modules): "
			  "there are no modules to list, and devices, interrupts and "
			  "netdev still "
			  "work.\n"),
			PACKAGE);
		rc = EXIT_FAILURE;
		goto out;
	}
	if (*errp < 0) {
		rc = report_source_error(sources[pane].path, *errp);
		goto out;
	}
	report_skipped(sources[pane].path, skipped);
	if (!o.t.json && lkm_pane_rows(pane, cur) == 0) {
		/* Nothing to show is said, as the TUI says it; stdout stays empty. */
		fprintf(stderr, "%s: ", PACKAGE);
		fprintf(stderr, _("%s is empty."), sources[pane].path);
		fputc('\n', stderr);
	}
	if (o.t.json) {
		switch (pane) {
		case LKM_PANE_MODULES: lkm_json_modules(stdout, cur); break;
		case LKM_PANE_DEVICES: lkm_json_devices(stdout, cur); break;
		case LKM_PANE_INTERRUPTS: lkm_json_interrupts(stdout, cur, &rates); break;
		default: lkm_json_netdev(stdout, cur, &rates); break;
		}
		rc = EXIT_SUCCESS;
	} else {
		rc = print_table(pane, &o, cur, &rates);
	}
out:
	lkm_rates_release(&rates);
	lkm_snapshot_release(&snaps[0]);
	lkm_snapshot_release(&snaps[1]);
	return rc;
}

static int cmd_list(struct cli *cli, int argc, char **argv)
{
	return run_table(cli, argc, argv, "list", LKM_PANE_MODULES, false);
}

static int cmd_devices(struct cli *cli, int argc, char **argv)
{
	return run_table(cli, argc, argv, "devices", LKM_PANE_DEVICES, false);
}

static int cmd_interrupts(struct cli *cli, int argc, char **argv)
{
	return run_table(cli, argc, argv, "interrupts", LKM_PANE_INTERRUPTS, true);
}

static int cmd_netdev(struct cli *cli, int argc, char **argv)
{
	return run_table(cli, argc, argv, "netdev", LKM_PANE_NETDEV, true);
}

/* A word that is no command: the nearest command when a typo or two away, as git does. */
static int unknown_command(const char *word)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1, limit = strlen(word) <= 4 ? 1 : 2;

	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		size_t d = lkm_edit_distance(word, commands[i].name);

		if (d < best_d) {
			best_d = d;
			best = commands[i].name;
		}
	}
	if (best && best_d <= limit)
		return lkm_cli_usage_errorf(
			NULL, _("unknown command: '%s'; did you mean '%s'?"), word, best);
	return lkm_cli_usage_errorf(NULL, _("unknown command: '%s'"), word);
}

int lkm_cli_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "root", required_argument, NULL, 'R' },
		{ "config", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli cli = { 0 };
	int c, rc;

	/* getopt names the program by argv[0] in its messages, and a command's own parse
	 * by the command's word: lkmtui, as every other message says. */
	argv[0] = (char *)PACKAGE;
	/* '+': stop at the command; its own options are parsed by the command. */
	while ((c = getopt_long(argc, argv, "+R:c:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'R': cli.root_dir = optarg; break;
		case 'c': cli.config = optarg; break;
		case 'h': usage(stdout); return EXIT_SUCCESS;
		case 'V':
			printf("%s %s\n", PACKAGE, PACKAGE_VERSION);
			return EXIT_SUCCESS;
		default: return lkm_cli_try_help(NULL);
		}
	}
	/* No command: the full-screen interface. */
	if (optind == argc)
		return lkm_tui_launch(cli.root_dir, cli.config);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[optind], commands[i].name) != 0)
			continue;
		argv[optind] = (char *)PACKAGE;
		rc = commands[i].run(&cli, argc - optind, argv + optind);
		lkm_sysroot_free(cli.root);
		return rc;
	}
	return unknown_command(argv[optind]);
}
