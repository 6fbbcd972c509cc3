// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/explain.h"
#include "core/text.h"
#include "i18n.h"
#include "ui/cli_report.h"
#include "ui/json.h"

void lkm_report_escaped(FILE *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len && s[i]; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7f)
			fprintf(out, "\\x%02x", c);
		else
			fputc(c, out);
	}
}

void lkm_report_line(FILE *out, const char *lead, const char *s)
{
	fputs(lead, out);
	lkm_report_escaped(out, s, strlen(s));
	fputc('\n', out);
}

/* Prints TEXT wrapped before column WIDTH (the last one stays free), each line indented
 * by INDENT spaces. */
static void wrap(FILE *out, const char *text, int indent, int width)
{
	for (const char *p = text, *next; *p; p = next) {
		size_t len = lkm_text_wrap(p, (size_t)(width - indent - 1), &next);

		fprintf(out, "%*s", indent, "");
		lkm_report_escaped(out, p, len);
		fputc('\n', out);
	}
}

static const char *errno_name(int err)
{
	const char *name = err ? strerrorname_np(-err) : NULL;

	return name ? name : "";
}

void lkm_report_diagnosis(FILE *out, const struct lkm_diagnosis *d)
{
	/* Its words quote files, which may hold anything, terminal escapes included. */
	fprintf(out, "%s: ", PACKAGE);
	lkm_report_escaped(out, d->title, strlen(d->title));
	fprintf(out, "  [%s]\n\n", lkm_diag_id(d->kind));
	wrap(out, d->teach, 2, 80);
	if (d->n_evidence) {
		fputs(_("\nEvidence:\n"), out);
		for (size_t i = 0; i < d->n_evidence; i++)
			lkm_report_line(out, "  - ", d->evidence[i]);
	}
	if (d->n_fixes) {
		fputs(_("\nFix:\n"), out);
		for (size_t i = 0; i < d->n_fixes; i++)
			lkm_report_line(out, "  > ", d->fixes[i].text);
	}
}

/* One fix as data: the action (null when it is none lkmtui runs), its target and
 * arguments, and the text people read. */
static void json_fix(struct lkm_json *j, const struct lkm_fix *f)
{
	lkm_json_open(j, NULL, '{');
	lkm_json_str(j, "action", lkm_fix_op_id(f->op));
	lkm_json_str(j, "target", f->target);
	lkm_json_open(j, "args", '[');
	for (size_t i = 0; i < f->n_args; i++)
		lkm_json_str(j, NULL, f->args[i]);
	lkm_json_close(j, ']');
	lkm_json_str(j, "text", f->text);
	lkm_json_close(j, '}');
}

/* A diagnosis as an object under KEY (NULL in an array); a prediction has no errno. */
void lkm_report_json_diagnosis(struct lkm_json *j, const char *key,
			       const struct lkm_diagnosis *d)
{
	lkm_json_open(j, key, '{');
	lkm_json_str(j, "kind", lkm_diag_id(d->kind));
	if (d->err) {
		lkm_json_i64(j, "errno", -d->err);
		lkm_json_str(j, "errno_name", errno_name(d->err));
	}
	lkm_json_str(j, "title", d->title);
	lkm_json_str(j, "explanation", d->teach);
	lkm_report_json_strings(j, "evidence", d->evidence, d->n_evidence);
	lkm_report_json_fixes(j, d);
	lkm_json_close(j, '}');
}

void lkm_report_json_fixes(struct lkm_json *j, const struct lkm_diagnosis *d)
{
	/* "fix": the texts of "fixes", one string each. */
	lkm_json_open(j, "fix", '[');
	for (size_t i = 0; i < d->n_fixes; i++)
		lkm_json_str(j, NULL, d->fixes[i].text);
	lkm_json_close(j, ']');
	lkm_json_open(j, "fixes", '[');
	for (size_t i = 0; i < d->n_fixes; i++)
		json_fix(j, &d->fixes[i]);
	lkm_json_close(j, ']');
}

void lkm_report_json_strings(struct lkm_json *j, const char *key, char *const *v,
			     size_t n)
{
	lkm_json_open(j, key, '[');
	for (size_t i = 0; i < n; i++)
		lkm_json_str(j, NULL, v[i]);
	lkm_json_close(j, ']');
}

static const char *op_word(enum lkm_op op)
{
	switch (op) {
	case LKM_OP_LOAD: return "load";
	case LKM_OP_UNLOAD: return "unload";
	case LKM_OP_SET: return "set";
	case LKM_OP_BLOCK: return "block";
	case LKM_OP_UNBLOCK: return "unblock";
	}
	return "?";
}

/* A step that edits one of lkmtui's files: JSON says whether the file changed. */
static bool is_file_step(enum lkm_step_kind kind)
{
	return kind == LKM_STEP_PERSIST || kind == LKM_STEP_FORGET ||
	       kind == LKM_STEP_BOOT || kind == LKM_STEP_NO_BOOT ||
	       kind == LKM_STEP_BLOCK || kind == LKM_STEP_UNBLOCK;
}

/* One step as a person reads it, on a line of its own. */
static void print_step(FILE *out, const struct lkm_step *s, unsigned flags)
{
	char line[8192];
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, line, sizeof(line));
	lkm_text_step(&sb, s, flags | LKM_STEP_TEXT_PATH);
	fprintf(out, "  %s\n", line);
}

static void json_binds(struct lkm_json *j, const char *key, const struct lkm_hwbind *v,
		       size_t n, bool driven)
{
	lkm_json_open(j, key, '[');
	for (size_t i = 0; i < n; i++) {
		lkm_json_open(j, NULL, '{');
		lkm_json_str(j, "address", v[i].address);
		lkm_json_str(j, "bus", v[i].bus);
		lkm_json_str(j, "name", v[i].name);
		if (driven) {
			lkm_report_json_strings(j, "interfaces", v[i].interfaces,
						v[i].n_interfaces);
			lkm_report_json_strings(j, "irqs", v[i].irqs, v[i].n_irqs);
		} else {
			lkm_json_str(j, "driver", v[i].driver);
			lkm_json_str(j, "driver_module", v[i].module);
			lkm_report_json_strings(j, "kernel_log", v[i].kernel,
						v[i].n_kernel);
		}
		lkm_json_close(j, '}');
	}
	lkm_json_close(j, ']');
}

/* Whether LINE of the kernel's log is told under an unbound device of D already. */
static bool told_under_device(const struct lkm_drives *d, const char *line)
{
	for (size_t i = 0; i < d->n_unbound; i++)
		for (size_t k = 0; k < d->unbound[i].n_kernel; k++)
			if (strcmp(d->unbound[i].kernel[k], line) == 0)
				return true;
	return false;
}

static void print_binds(FILE *out, const struct lkm_drives *d)
{
	char line[4096];
	struct lkm_strbuf sb;

	for (size_t i = 0; i < d->n_drives + d->n_unbound; i++) {
		bool driven = i < d->n_drives;
		const struct lkm_hwbind *b =
			driven ? &d->drives[i] : &d->unbound[i - d->n_drives];

		lkm_strbuf_init(&sb, line, sizeof(line));
		lkm_text_hwbind(&sb, b, driven ? LKM_HWBIND_DRIVES : LKM_HWBIND_LEFT);
		fprintf(out, "  %s\n", line);
		for (size_t k = 0; k < b->n_kernel; k++)
			fprintf(out, _("    kernel: %s\n"), b->kernel[k]);
	}
}

static bool any_done(const struct lkm_result *res)
{
	for (size_t i = 0; i < res->n_steps; i++)
		if (res->steps[i].done)
			return true;
	return false;
}

int lkm_report_result(FILE *out, const struct lkm_session *session,
		      const struct lkm_result *res, bool json, bool dry_run)
{
	struct lkm_diagnosis d = { 0 };
	bool ok = res->err == 0;

	if (!ok && lkm_explain_result(&session->ectx, res, &d) < 0) {
		fprintf(stderr, _("%s: out of memory\n"), PACKAGE);
		return EXIT_FAILURE;
	}
	if (json) {
		struct lkm_json j;

		lkm_json_init(&j, out);
		lkm_json_open(&j, NULL, '{');
		lkm_json_bool(&j, "ok", ok);
		lkm_json_str(&j, "operation", op_word(res->op));
		lkm_json_str(&j, "target", res->target);
		lkm_json_str(&j, "module", res->module);
		lkm_json_bool(&j, "dry_run", dry_run);
		if (!ok) {
			lkm_json_i64(&j, "errno", -res->err);
			lkm_json_str(&j, "errno_name", errno_name(res->err));
		}
		lkm_json_open(&j, "steps", '[');
		for (size_t i = 0; i < res->n_steps; i++) {
			const struct lkm_step *s = &res->steps[i];

			lkm_json_open(&j, NULL, '{');
			lkm_json_str(&j, "action", lkm_step_kind_id(s->kind));
			lkm_json_str(&j, "module", s->module);
			lkm_json_str(&j, "path", s->path);
			lkm_json_str(&j, "params", s->params);
			lkm_json_str(&j, "note", s->note);
			if (s->command)
				lkm_json_str(&j, "command", s->command);
			lkm_json_bool(&j, "done", s->done);
			if (is_file_step(s->kind))
				lkm_json_bool(&j, "changed", s->done && !s->unchanged);
			if (s->err)
				lkm_json_str(&j, "error", errno_name(s->err));
			else
				lkm_json_null(&j, "error");
			lkm_json_close(&j, '}');
		}
		lkm_json_close(&j, ']');
		lkm_json_open(&j, "warnings", '[');
		for (size_t i = 0; i < res->n_warnings; i++)
			lkm_json_str(&j, NULL, res->warnings[i]);
		lkm_json_close(&j, ']');
		lkm_json_open(&j, "details", '[');
		for (size_t i = 0; i < res->n_details; i++)
			lkm_json_str(&j, NULL, res->details[i]);
		lkm_json_close(&j, ']');
		lkm_json_open(&j, "kernel_log", '[');
		for (size_t i = 0; i < res->log.n; i++)
			lkm_json_str(&j, NULL, res->log.lines[i]);
		lkm_json_close(&j, ']');
		/* Said of a module that drives devices or answers to them; a file system
		 * or a library module has nothing to say here. */
		if (res->drives.known &&
		    (res->drives.device_aliases || res->drives.n_drives ||
		     res->drives.n_unbound)) {
			json_binds(&j, "devices", res->drives.drives,
				   res->drives.n_drives, true);
			json_binds(&j, "unbound", res->drives.unbound,
				   res->drives.n_unbound, false);
		}
		if (!ok)
			lkm_report_json_diagnosis(&j, "diagnosis", &d);
		lkm_json_close(&j, '}');
		lkm_json_end(&j);
	} else {
		for (size_t i = 0; i < res->n_warnings; i++) {
			fprintf(stderr, "%s: %s\n", PACKAGE, _("warning:"));
			wrap(stderr, res->warnings[i], 2, 80);
		}
		/* A refusal after steps were done (a --persist that failed) tells them
		 * too. */
		if (ok || res->failed < res->n_steps || any_done(res)) {
			if (dry_run)
				fprintf(out, _("%s %s would take these steps:\n"),
					op_word(res->op),
					res->module ? res->module : res->target);
			for (size_t i = 0; i < res->n_steps && (ok || i <= res->failed);
			     i++)
				print_step(out, &res->steps[i],
					   dry_run ? LKM_STEP_TEXT_DRY_RUN : 0);
			if (ok && res->op == LKM_OP_SET)
				for (size_t i = 0; i < res->n_details; i++)
					fprintf(out, "  %s\n", res->details[i]);
			for (size_t i = 0; ok && i < res->log.n; i++)
				if (!told_under_device(&res->drives, res->log.lines[i]))
					fprintf(out, _("  kernel: %s\n"),
						res->log.lines[i]);
			if (ok)
				print_binds(out, &res->drives);
		}
		/* The steps (stdout) before the diagnosis (stderr), also when piped. */
		fflush(out);
		if (!ok)
			lkm_report_diagnosis(stderr, &d);
	}
	lkm_diagnosis_release(&d);
	return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}

int lkm_report_stopped(FILE *out, const struct lkm_result *res, int sig)
{
	char name[32];
	size_t done = 0;

	for (size_t i = 0; i < res->n_steps; i++) {
		struct lkm_step s = res->steps[i];
		char line[8192];
		struct lkm_strbuf sb;

		if (s.done) {
			print_step(out, &s, 0);
			done++;
			continue;
		}
		/* As --dry-run words it: what would have been done. */
		s.err = 0;
		lkm_strbuf_init(&sb, line, sizeof(line));
		lkm_text_step(&sb, &s, LKM_STEP_TEXT_DRY_RUN | LKM_STEP_TEXT_PATH);
		fprintf(out, _("  not done: %s"), line);
		fputc('\n', out);
	}
	fflush(out);
	if (sigabbrev_np(sig))
		snprintf(name, sizeof(name), "SIG%s", sigabbrev_np(sig));
	else
		snprintf(name, sizeof(name), "%d", sig);
	fprintf(stderr,
		_("%s: stopped by %s: %zu of %zu steps done; the others were not "
		  "started\n"),
		PACKAGE, name, done, res->n_steps);
	return EXIT_FAILURE;
}

/* The devices a module named TARGET matches now, before it is loaded: into D (known
 * false when TARGET is a file, names no single module, or the buses cannot be read). */
static int foresee_devices(const struct lkm_session *session, const char *target,
			   struct lkm_drives *d, char *name, size_t size)
{
	struct lkm_modlist found = { 0 };
	int err;

	memset(d, 0, sizeof(*d));
	name[0] = '\0';
	if (session->resolver == NULL || lkm_engine_names_file(target))
		return 0;
	err = lkm_resolve_lookup(session->resolver, target, &found);
	if (err == 0 && found.n == 1 && !found.v[0].builtin) {
		snprintf(name, size, "%s", found.v[0].name);
		err = lkm_drives_query(session->root, session->resolver, name, NULL, d);
	}
	lkm_modlist_release(&found);
	return err == -ENOMEM ? err : 0;
}

static void print_foreseen(FILE *out, const struct lkm_drives *d, const char *warning)
{
	char line[4096];
	struct lkm_strbuf sb;

	for (size_t i = 0; i < d->n_drives + d->n_unbound; i++) {
		bool driven = i < d->n_drives;

		lkm_strbuf_init(&sb, line, sizeof(line));
		lkm_text_hwbind(&sb,
				driven ? &d->drives[i] : &d->unbound[i - d->n_drives],
				driven ? LKM_HWBIND_DRIVES : LKM_HWBIND_MATCHES);
		fprintf(out, "  %s\n", line);
	}
	if (warning[0]) {
		fprintf(out, "%s: %s\n", PACKAGE, _("warning:"));
		wrap(out, warning, 2, 80);
	}
}

int lkm_report_explain(FILE *out, const struct lkm_session *session, const char *target,
		       const struct lkm_params *params, bool json)
{
	struct lkm_diagnosis *v;
	struct lkm_drives d = { 0 };
	char name[256], warning[512];
	int n = lkm_explain_predict(&session->ectx, &session->engine, target, params, &v);

	if (n >= 0 && foresee_devices(session, target, &d, name, sizeof(name)) < 0) {
		lkm_diagnoses_free(v, (size_t)n);
		n = -ENOMEM;
	}
	if (n < 0) {
		lkm_drives_release(&d);
		fprintf(stderr, _("%s: out of memory\n"), PACKAGE);
		return EXIT_FAILURE;
	}
	lkm_drives_warning(&d, name, true, warning, sizeof(warning));
	if (json) {
		struct lkm_json j;

		lkm_json_init(&j, out);
		lkm_json_open(&j, NULL, '{');
		lkm_json_bool(&j, "ok", n == 0);
		lkm_json_str(&j, "target", target);
		lkm_json_open(&j, "problems", '[');
		for (int i = 0; i < n; i++) {
			v[i].err = 0; /* a prediction: nothing answered yet */
			lkm_report_json_diagnosis(&j, NULL, &v[i]);
		}
		lkm_json_close(&j, ']');
		if (d.known) {
			json_binds(&j, "devices", d.drives, d.n_drives, true);
			json_binds(&j, "matching", d.unbound, d.n_unbound, false);
			lkm_json_open(&j, "warnings", '[');
			if (warning[0])
				lkm_json_str(&j, NULL, warning);
			lkm_json_close(&j, ']');
		}
		lkm_json_close(&j, '}');
		lkm_json_end(&j);
	} else if (n == 0) {
		fprintf(out,
			_("%s: no problem found: loading %s should work as far as the "
			  "file and "
			  "this system show\n"),
			PACKAGE, target);
		print_foreseen(out, &d, warning);
	} else {
		for (int i = 0; i < n; i++) {
			if (i)
				fputc('\n', out);
			v[i].err = 0;
			lkm_report_diagnosis(out, &v[i]);
		}
		print_foreseen(out, &d, warning);
	}
	lkm_diagnoses_free(v, (size_t)n);
	lkm_drives_release(&d);
	return n == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
