// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lkmtui hardware: every device on the machine's buses with a modalias, the driver bound
 * to it and its module, and the modules that could drive it, each with what stands in
 * the way. Devices with no driver and a candidate not loaded come first.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libsmartcols.h>

#include "core/hardware.h"
#include "core/resolve.h"
#include "model/modules.h"
#include "shared/strbuf.h"
#include "ui/cli_usage.h"
#include "ui/root.h"
#include "ui/cli_hardware.h"
#include "ui/json.h"
#include "i18n.h"

enum hwcol {
	HWCOL_ADDRESS,
	HWCOL_BUS,
	HWCOL_ID,
	HWCOL_CLASS,
	HWCOL_NAME,
	HWCOL_DRIVER,
	HWCOL_MODULE,
	HWCOL_CANDIDATES,
	HWCOL_MODALIAS,
	HWCOL_COUNT
};

static const struct lkm_colinfo hw_cols[HWCOL_COUNT] = {
	[HWCOL_ADDRESS] = { "ADDRESS", 0.1, LKM_COL_DEFAULT,
			    N_("the device's name on its bus (0000:00:03.0, 1-1:1.0)") },
	[HWCOL_BUS] = { "BUS", 0.05, LKM_COL_DEFAULT, N_("pci, usb, platform, ...") },
	[HWCOL_ID] = { "ID", 0.05, LKM_COL_DEFAULT,
		       N_("PCI vendor:device, USB vendor:product") },
	[HWCOL_CLASS] = { "CLASS", 0.1, LKM_COL_DEFAULT | LKM_COL_TRUNC,
			  N_("PCI class or USB interface class (its name in pci.ids, "
			     "usb.ids)") },
	[HWCOL_NAME] = { "NAME", 0.3, LKM_COL_DEFAULT | LKM_COL_TRUNC,
			 N_("what it is (pci.ids, usb.ids), else its modalias") },
	[HWCOL_DRIVER] = { "DRIVER", 0.05, LKM_COL_DEFAULT,
			   N_("the driver bound to it") },
	[HWCOL_MODULE] = { "MODULE", 0.05, LKM_COL_DEFAULT,
			   N_("the driver's module, or \"built in\"") },
	[HWCOL_CANDIDATES] = { "CANDIDATES", 0.2, LKM_COL_DEFAULT | LKM_COL_WRAP,
			       N_("modules its modalias matches, in modprobe's order, "
				  "and their state") },
	[HWCOL_MODALIAS] = { "MODALIAS", 0.2, 0,
			     N_("what the device answers to in modules.alias") },
};

static void help(void)
{
	fputs(_("\nUsage:\n"), stdout);
	printf(_(" %s hardware [options]\n"), PACKAGE);
	fputs(_("\nThe devices on the machine's buses, the driver each has and the "
		"modules\n"
		"that could drive it. Devices with no driver whose module is not loaded "
		"come\n"
		"first.\n"),
	      stdout);
	lkm_cli_table_options_help(stdout, NULL, 0);
	fputs(_("\nAvailable output columns:\n"), stdout);
	for (size_t i = 0; i < HWCOL_COUNT; i++)
		printf(" %14s  %s\n", hw_cols[i].id, _(hw_cols[i].help));
}

/* Returns 0, or the exit status to stop with (256 + status for --help). */
static int parse_opts(int argc, char **argv, struct lkm_cli_table_opts *o)
{
	int c;

	optind = 0;
	while ((c = lkm_cli_table_getopt(argc, argv, "", NULL, o)) != -1) {
		if (c != 'h')
			return lkm_cli_try_help("hardware");
		help();
		return 256;
	}
	if (optind < argc)
		return lkm_cli_usage_errorf("hardware", _("unexpected argument: '%s'"),
					    argv[optind]);
	return 0;
}

static void candidates_text(const struct lkm_hwentry *e, const char *sep, char *buf,
			    size_t size)
{
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, buf, size);
	for (size_t i = 0; i < e->n_cands; i++) {
		lkm_strbuf_sep(&sb, sep);
		lkm_strbuf_addf(&sb, "%s(%s)", e->cands[i].module,
				lkm_cand_state_text(e->cands[i].state));
	}
}

static void hw_cell(const struct lkm_hwentry *e, int col, const char *sep, char *buf,
		    size_t size)
{
	const char *s = NULL;

	buf[0] = '\0';
	switch ((enum hwcol)col) {
	case HWCOL_ADDRESS: s = e->dev.address; break;
	case HWCOL_BUS: s = e->dev.bus; break;
	case HWCOL_ID: lkm_hwentry_ids_text(e, buf, size); break;
	case HWCOL_CLASS: s = e->class_name ? e->class_name : e->dev.ids.class; break;
	case HWCOL_NAME: lkm_hwentry_name_text(e, buf, size); break;
	case HWCOL_DRIVER: s = e->dev.driver; break;
	case HWCOL_MODULE:
		s = e->dev.module ? e->dev.module : e->dev.driver ? _("built in") : NULL;
		break;
	case HWCOL_CANDIDATES: candidates_text(e, sep, buf, size); break;
	case HWCOL_MODALIAS: s = e->dev.modalias; break;
	case HWCOL_COUNT: break;
	}
	if (s)
		snprintf(buf, size, "%s", s);
}

#define MAX_COLS (HWCOL_COUNT * 2)

static int print_table(const struct lkm_cli_table_opts *o, const int *cols, int ncols,
		       const struct lkm_hardware *hw)
{
	struct libscols_table *tb;
	char cell[4096];
	int rc = EXIT_FAILURE;

	tb = scols_new_table();
	if (tb == NULL)
		goto out;
	scols_table_enable_raw(tb, o->raw);
	scols_table_enable_noheadings(tb, o->noheadings);
	for (int c = 0; c < ncols; c++) {
		const struct lkm_colinfo *ci = &hw_cols[cols[c]];
		int fl = ci->flags & (LKM_COL_TRUNC | LKM_COL_WRAP) ? SCOLS_FL_TRUNC : 0;
		if (scols_table_new_column(tb, ci->id, ci->whint, fl) == NULL)
			goto out;
	}
	for (size_t r = 0; r < hw->n; r++) {
		struct libscols_line *ln = scols_table_new_line(tb, NULL);

		if (ln == NULL)
			goto out;
		for (int c = 0; c < ncols; c++) {
			hw_cell(&hw->v[r], cols[c], ",", cell, sizeof(cell));
			if (scols_line_set_data(ln, (size_t)c, cell) < 0)
				goto out;
		}
	}
	scols_print_table(tb);
	rc = EXIT_SUCCESS;
out:
	if (rc != EXIT_SUCCESS)
		fprintf(stderr, _("%s: out of memory\n"), PACKAGE);
	scols_unref_table(tb);
	return rc;
}

static void str_or_null(struct lkm_json *j, const char *key, const char *s)
{
	lkm_json_str(j, key, s && *s ? s : NULL);
}

static void print_json(const struct lkm_hardware *hw)
{
	struct lkm_json j;
	char name[1024];

	lkm_json_init(&j, stdout);
	lkm_json_open(&j, NULL, '{');
	lkm_json_open(&j, "devices", '[');
	for (size_t i = 0; i < hw->n; i++) {
		const struct lkm_hwentry *e = &hw->v[i];

		lkm_json_open(&j, NULL, '{');
		lkm_json_str(&j, "address", e->dev.address);
		lkm_json_str(&j, "bus", e->dev.bus);
		lkm_json_str(&j, "modalias", e->dev.modalias);
		str_or_null(&j, "vendor", e->dev.ids.vendor);
		str_or_null(&j, "device", e->dev.ids.device);
		str_or_null(&j, "class", e->dev.ids.class);
		name[0] = '\0';
		if (e->vendor_name)
			lkm_hwentry_name_text(e, name, sizeof(name));
		str_or_null(&j, "name", name);
		str_or_null(&j, "vendor_name", e->vendor_name);
		str_or_null(&j, "device_name", e->device_name);
		str_or_null(&j, "class_name", e->class_name);
		lkm_json_str(&j, "driver", e->dev.driver);
		lkm_json_str(&j, "module", e->dev.module);
		lkm_json_bool(&j, "built_in", e->dev.driver && !e->dev.module);
		lkm_json_bool(&j, "wants_driver", lkm_hwentry_wants_driver(e));
		lkm_json_open(&j, "candidates", '[');
		for (size_t k = 0; k < e->n_cands; k++) {
			lkm_json_open(&j, NULL, '{');
			lkm_json_str(&j, "module", e->cands[k].module);
			lkm_json_str(&j, "state", lkm_cand_state_id(e->cands[k].state));
			lkm_json_close(&j, '}');
		}
		lkm_json_close(&j, ']');
		lkm_json_close(&j, '}');
	}
	lkm_json_close(&j, ']');
	lkm_json_close(&j, '}');
	lkm_json_end(&j);
}

/* Opens the module tree of ROOT, if it has one (no tree: no candidates, no error). */
static int open_resolver(const struct lkm_sysroot *root, struct lkm_resolver **r)
{
	int err = lkm_resolver_new(root, NULL, r);

	if (err == -ENOMEM)
		return err;
	if (err < 0)
		*r = NULL;
	return 0;
}

int lkm_cli_hardware(const char *root_dir, int argc, char **argv)
{
	struct lkm_cli_table_opts o = { .root_dir = root_dir };
	struct lkm_sysroot *root = NULL;
	struct lkm_resolver *resolver = NULL;
	struct lkm_modules mods = { 0 };
	struct lkm_hardware hw = { 0 };
	int cols[MAX_COLS], ncols = 0;
	int rc = parse_opts(argc, argv, &o), err;

	if (rc)
		return rc > 255 ? EXIT_SUCCESS : rc;
	if (!o.json) {
		ncols = lkm_cli_select_columns(hw_cols, HWCOL_COUNT, o.output, false,
					       cols, MAX_COLS);
		if (ncols < 0)
			return 2;
	}
	if (lkm_ui_open_root(o.root_dir, &root) < 0)
		return EXIT_FAILURE;
	err = open_resolver(root, &resolver);
	if (err == 0 && lkm_modules_read(&mods, root) == -ENOMEM)
		err = -ENOMEM;
	if (err == 0)
		err = lkm_hardware_scan(root, resolver, &mods, &hw);
	if (err < 0) {
		if (err == -ENOMEM)
			fprintf(stderr, _("%s: out of memory\n"), PACKAGE);
		else
			fprintf(stderr, _("%s: cannot read %s: %s\n"), PACKAGE,
				"/sys/bus", strerror(-err));
		rc = EXIT_FAILURE;
		goto out;
	}
	for (size_t i = 0; i < hw.n_dangling; i++)
		fprintf(stderr,
			_("%s: %s points at a driver that is gone: the device is shown "
			  "without one\n"),
			PACKAGE, hw.dangling[i]);
	if (o.json)
		print_json(&hw);
	else
		rc = print_table(&o, cols, ncols, &hw);
out:
	lkm_hardware_release(&hw);
	lkm_modules_release(&mods);
	lkm_resolver_free(resolver);
	lkm_sysroot_free(root);
	return rc;
}
