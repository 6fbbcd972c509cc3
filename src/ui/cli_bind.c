// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What lkmtui bind and unbind print: the load the module needed, each file written (or to
 * be written, in a dry run), the driver before and after, what stops working, the
 * kernel's lines; or the diagnosis of a refusal.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/bind.h"
#include "core/text.h"
#include "i18n.h"
#include "ui/cli_report.h"
#include "ui/json.h"

static void json_bind(FILE *out, const struct lkm_bind_result *r, bool unbind, bool dry,
		      const struct lkm_diagnosis *d)
{
	struct lkm_json j;
	char text[1024];

	lkm_json_init(&j, out);
	lkm_json_open(&j, NULL, '{');
	lkm_json_bool(&j, "ok", r->err == 0);
	lkm_json_str(&j, "operation", unbind ? "unbind" : "bind");
	lkm_json_str(&j, "address", r->address);
	lkm_json_str(&j, "bus", r->bus);
	lkm_json_str(&j, "module", r->module);
	lkm_json_str(&j, "driver", r->driver);
	lkm_json_bool(&j, "dry_run", dry);
	lkm_json_str(&j, "before", r->before);
	lkm_json_str(&j, "after", dry ? NULL : r->after);
	lkm_json_open(&j, "load", '[');
	for (size_t i = 0; r->load_ran && i < r->load.n_steps; i++) {
		struct lkm_strbuf sb;

		lkm_strbuf_init(&sb, text, sizeof(text));
		lkm_text_step(&sb, &r->load.steps[i], dry ? LKM_STEP_TEXT_DRY_RUN : 0);
		lkm_json_open(&j, NULL, '{');
		lkm_json_str(&j, "action", lkm_step_kind_id(r->load.steps[i].kind));
		lkm_json_str(&j, "module", r->load.steps[i].module);
		lkm_json_bool(&j, "done", r->load.steps[i].done);
		lkm_json_str(&j, "text", text);
		lkm_json_close(&j, '}');
	}
	lkm_json_close(&j, ']');
	lkm_json_open(&j, "steps", '[');
	for (size_t i = 0; i < r->n_steps; i++) {
		const struct lkm_bind_step *st = &r->steps[i];

		lkm_json_open(&j, NULL, '{');
		lkm_json_str(&j, "path", st->path);
		lkm_json_str(&j, "value",
			     st->value && strcmp(st->value, "\n") ? st->value : NULL);
		lkm_json_bool(&j, "done", st->done);
		lkm_json_close(&j, '}');
	}
	lkm_json_close(&j, ']');
	lkm_report_json_strings(&j, "losing", r->losing, r->n_losing);
	lkm_report_json_strings(&j, "kernel_log", r->log.lines, r->log.n);
	if (d)
		lkm_report_json_diagnosis(&j, "diagnosis", d);
	lkm_json_close(&j, '}');
	lkm_json_end(&j);
}

static void text_bind(FILE *out, const struct lkm_bind_result *r, bool unbind, bool dry)
{
	char text[1024];

	if (dry)
		fprintf(out, _("%s %s would take these steps:\n"),
			unbind ? "unbind" : "bind", r->address);
	for (size_t i = 0; i < r->n_steps; i++) {
		if (r->err && !r->steps[i].done && !dry)
			break;
		lkm_bind_step_text(&r->steps[i], r, dry, text, sizeof(text));
		fprintf(out, "  %s\n", text);
	}
	for (size_t i = 0; (dry || r->err == 0) && i < r->n_losing; i++)
		fprintf(out, dry ? _("  it takes away %s\n") : _("  took away %s\n"),
			r->losing[i]);
	for (size_t i = 0; r->err == 0 && i < r->log.n; i++)
		fprintf(out, _("  kernel: %s\n"), r->log.lines[i]);
	if (!dry && r->err == 0)
		fprintf(out, _("%s: %s before, %s now\n"), r->address,
			r->before ? r->before : _("no driver"),
			r->after ? r->after : _("no driver"));
}

int lkm_report_bind(FILE *out, const struct lkm_session *session,
		    const struct lkm_bind_result *r, bool unbind, bool json, bool dry_run)
{
	struct lkm_diagnosis load_diag = { 0 };
	const struct lkm_diagnosis *d = r->has_diag ? &r->diag : NULL;
	int rc = r->err == 0 ? EXIT_SUCCESS : EXIT_FAILURE;

	/* A load that failed is told as load tells it. */
	if (r->load_ran && r->load.err) {
		if (!json)
			return lkm_report_result(out, session, &r->load, false, dry_run);
		if (lkm_explain_result(&session->ectx, &r->load, &load_diag) < 0) {
			fprintf(stderr, _("%s: out of memory\n"), PACKAGE);
			return EXIT_FAILURE;
		}
		d = &load_diag;
	}
	if (json) {
		json_bind(out, r, unbind, dry_run, d);
	} else {
		if (r->load_ran && (r->load.n_steps || r->load.n_warnings))
			lkm_report_result(out, session, &r->load, false, dry_run);
		text_bind(out, r, unbind, dry_run);
		fflush(out);
		if (d)
			lkm_report_diagnosis(stderr, d);
	}
	lkm_diagnosis_release(&load_diag);
	return rc;
}
