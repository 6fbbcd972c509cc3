// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doctor/findings.h"
#include "i18n.h"
#include "shared/strv.h"

struct lkm_diagnosis *lkm_doctor_add(struct lkm_doctor *out, enum lkm_severity severity,
				     const char *check, const char *subject,
				     const char *fmt, ...)
{
	struct lkm_finding *f;
	va_list ap;
	int len;

	if (out->n == out->cap) {
		size_t cap = out->cap ? 2 * out->cap : 16;
		struct lkm_finding *v = reallocarray(out->v, cap, sizeof(*v));

		if (!v) {
			out->oom = true;
			return NULL;
		}
		out->v = v;
		out->cap = cap;
	}
	f = &out->v[out->n];
	memset(f, 0, sizeof(*f));
	f->severity = severity;
	f->check = check;
	f->subject = strdup(subject ? subject : "");
	va_start(ap, fmt);
	len = vasprintf(&f->body.title, fmt, ap);
	va_end(ap);
	if (!f->subject || len < 0) {
		free(f->subject);
		if (len >= 0)
			free(f->body.title);
		out->oom = true;
		return NULL;
	}
	out->n++;
	out->count[severity]++;
	return &f->body;
}

void lkm_finding_evidence(struct lkm_diagnosis *body, const char *fmt, ...)
{
	va_list ap;

	if (!body)
		return;
	va_start(ap, fmt);
	if (!lkm_strv_vaddf(&body->evidence, &body->n_evidence, fmt, ap))
		body->oom = true;
	va_end(ap);
}

void lkm_finding_fix_delete_line(struct lkm_diagnosis *body, const char *path,
				 unsigned lineno)
{
	if (body)
		lkm_diag_add_fix(body, LKM_FIX_NONE, NULL, NULL, 0, "sed -i '%ud' %s",
				 lineno, path);
}

void lkm_finding_suggestions(const struct lkm_doctor_ctx *ctx, struct lkm_diagnosis *body,
			     const char *name)
{
	char **close = NULL;
	int n;

	if (!body || !ctx->resolver)
		return;
	n = lkm_resolve_suggest(ctx->resolver, name, &close);
	if (n > 0) {
		char line[512] = "";

		for (int i = 0; i < n; i++) {
			if (i)
				strncat(line, ", ", sizeof(line) - strlen(line) - 1);
			strncat(line, close[i], sizeof(line) - strlen(line) - 1);
		}
		lkm_finding_evidence(body, _("close names in the module tree: %s"), line);
	}
	lkm_strv_freev(close);
}

void lkm_finding_unread(struct lkm_doctor *out, const char *check,
			const struct lkm_conffile *f, int err, const char *reader)
{
	struct lkm_diagnosis *d;

	if (f->skip == LKM_CONFFILE_WRONG_SUFFIX) {
		d = lkm_doctor_add(out, LKM_SEVERITY_WARNING, check, f->path,
				   _("%s is never read: the name does not end in .conf"),
				   f->path);
		lkm_finding_evidence(d, _("%s reads only *.conf files"), reader);
		lkm_diag_add_fix(d, LKM_FIX_NONE, NULL, NULL, 0, "mv %s %s.conf", f->path,
				 f->path);
		return;
	}
	if (f->skip == LKM_CONFFILE_NOT_FILE)
		err = -EINVAL;
	d = lkm_doctor_add(out, LKM_SEVERITY_WARNING, check, f->path,
			   _("%s cannot be read as a configuration file"), f->path);
	if (err == -EINVAL)
		lkm_finding_evidence(d,
				     _("it is not a regular file (a directory, FIFO or "
				       "device): %s skips it or would wait on it"),
				     reader);
	else if (err == -EFBIG)
		lkm_finding_evidence(
			d, _("it is larger than 1 MiB: no configuration file is"));
	else if (err == -ELOOP)
		lkm_finding_evidence(d, _("it is a loop of symbolic links"));
	else
		lkm_finding_evidence(d, _("it cannot be read: %s"), strerror(-err));
	if (d)
		lkm_diag_add_fix(d, LKM_FIX_NONE, NULL, NULL, 0, "ls -l %s", f->path);
}

int lkm_doctor_each_line(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out,
			 const char *check, const char *reader, const char *const *dirs,
			 const char *const *suffixes, const char *comment,
			 void (*fn)(const struct lkm_doctor_ctx *ctx,
				    struct lkm_doctor *out, const char *path,
				    unsigned lineno, char *line))
{
	struct lkm_conffiles files;
	int err = lkm_conffiles_list(ctx->root, dirs, suffixes, &files);

	if (err < 0)
		return err;
	for (size_t i = 0; i < files.n; i++) {
		const struct lkm_conffile *f = &files.v[i];
		struct lkm_buf text = { 0 };
		unsigned lines = 0, start;
		char *pos, *line;

		if (f->masked)
			continue;
		if (f->skip != LKM_CONFFILE_READ ||
		    (err = lkm_conffile_read(ctx->root, f->path, &text)) < 0) {
			lkm_finding_unread(out, check, f, err, reader);
			lkm_buf_release(&text);
			continue;
		}
		pos = text.data;
		while ((line = lkm_conffile_next_line(&pos, &lines, &start)) != NULL)
			if (*line != '\0' && !strchr(comment, *line))
				fn(ctx, out, f->path, start, line);
		lkm_buf_release(&text);
	}
	lkm_conffiles_release(&files);
	return 0;
}
