// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lkmtui doctor: every finding of the core's checks, most severe first, each with its
 * subject, evidence and fix; the counts at the end. Exit status 0 (nothing but notes),
 * 1 (warnings), 2 (errors): a timer or a fleet tool branches on it.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doctor/doctor.h"
#include "i18n.h"
#include "model/sysroot.h"
#include "ui/cli_report.h"
#include "ui/cli_doctor.h"
#include "ui/cli_usage.h"
#include "ui/root.h"
#include "ui/cli_report.h"
#include "ui/json.h"

static void doctor_help(void)
{
	printf(_("\nUsage:\n %s doctor [options]\n"), PACKAGE);
	fputs(_("\nCheck the machine's module set-up and the boot it will have: "
		"modules-load.d,\nmodprobe.d, the initramfs, the module tree against "
		"what "
		"runs, the taint.\n"),
	      stdout);
	fputs(_("\nExit status: 0 nothing found (notes only), 1 warnings, 2 errors.\n"),
	      stdout);
	fputs(_("\nOptions:\n"), stdout);
	fputs(_(" -J, --json             use JSON output format\n"), stdout);
	fputs(_(" -R, --root <dir>       read the system under <dir>\n"), stdout);
	fputs(_(" -h, --help             display this help\n"), stdout);
}

static void print_text(FILE *out, const struct lkm_doctor *doc)
{
	for (size_t i = 0; i < doc->n; i++) {
		const struct lkm_finding *f = &doc->v[i];
		char lead[64];

		snprintf(lead, sizeof(lead), "%-8s %-13s ", lkm_severity_id(f->severity),
			 f->check);
		lkm_report_line(out, lead, f->subject);
		lkm_report_line(out, "  ", f->body.title);
		for (size_t e = 0; e < f->body.n_evidence; e++)
			lkm_report_line(out, "    - ", f->body.evidence[e]);
		for (size_t e = 0; e < f->body.n_fixes; e++)
			lkm_report_line(out, "    > ", f->body.fixes[e].text);
		fputc('\n', out);
	}
	if (doc->n == 0)
		fputs(_("Nothing found: the module set-up says what it does.\n"), out);
	else {
		size_t e = doc->count[LKM_SEVERITY_ERROR],
		       w = doc->count[LKM_SEVERITY_WARNING],
		       n = doc->count[LKM_SEVERITY_NOTE];

		fprintf(out, ngettext("%zu error", "%zu errors", e), e);
		fputs(", ", out);
		fprintf(out, ngettext("%zu warning", "%zu warnings", w), w);
		fputs(", ", out);
		fprintf(out, ngettext("%zu note", "%zu notes", n), n);
		fputc('\n', out);
	}
}

static void print_json(FILE *out, const struct lkm_doctor *doc, const char *release)
{
	struct lkm_json j;

	lkm_json_init(&j, out);
	lkm_json_open(&j, NULL, '{');
	lkm_json_str(&j, "release", release[0] ? release : NULL);
	lkm_json_i64(&j, "status", lkm_doctor_status(doc));
	lkm_json_open(&j, "counts", '{');
	for (int s = 0; s < LKM_SEVERITY_COUNT; s++)
		lkm_json_u64(&j, lkm_severity_id(s), doc->count[s]);
	lkm_json_close(&j, '}');
	lkm_json_open(&j, "findings", '[');
	for (size_t i = 0; i < doc->n; i++) {
		const struct lkm_finding *f = &doc->v[i];

		lkm_json_open(&j, NULL, '{');
		lkm_json_str(&j, "severity", lkm_severity_id(f->severity));
		lkm_json_str(&j, "check", f->check);
		lkm_json_str(&j, "subject", f->subject);
		lkm_json_str(&j, "title", f->body.title);
		lkm_report_json_strings(&j, "evidence", f->body.evidence,
					f->body.n_evidence);
		lkm_report_json_fixes(&j, &f->body);
		lkm_json_close(&j, '}');
	}
	lkm_json_close(&j, ']');
	lkm_json_close(&j, '}');
	lkm_json_end(&j);
}

int lkm_cli_doctor(const char *root_dir, int argc, char **argv)
{
	struct lkm_sysroot *root = NULL;
	struct lkm_doctor doc;
	char release[256] = "";
	bool json = false;
	int c, err;

	c = lkm_cli_parse_common("doctor", argc, argv, &json, &root_dir, doctor_help,
				 NULL);
	if (c)
		return c > 255 ? EXIT_SUCCESS : c;
	if (optind < argc)
		return lkm_cli_usage_errorf("doctor", _("unexpected argument: '%s'"),
					    argv[optind]);
	if (lkm_ui_open_root(root_dir, &root) < 0)
		return EXIT_FAILURE;
	err = lkm_doctor_run_root(root, release, sizeof(release), &doc);
	if (err < 0) {
		fprintf(stderr, _("%s: doctor: %s\n"), PACKAGE, strerror(-err));
		c = EXIT_FAILURE;
	} else {
		if (json)
			print_json(stdout, &doc, release);
		else
			print_text(stdout, &doc);
		c = lkm_doctor_status(&doc);
	}
	lkm_doctor_release(&doc);
	lkm_sysroot_free(root);
	return c;
}
