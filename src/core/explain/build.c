// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A diagnosis from the table of texts (texts.c): its templates filled, its evidence
 * lines, its release; and the context the explainer reads the system through.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include "core/explain/diag.h"
#include "i18n.h"
#include "shared/strbuf.h"
#include "shared/strv.h"

void lkm_diag_line(struct lkm_diagnosis *d, char ***v, size_t *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (!lkm_strv_vaddf(v, n, fmt, ap))
		d->oom = true;
	va_end(ap);
}

/* What a placeholder says in a teaching paragraph when it has no value. */
static const char *generic(char c)
{
	switch (c) {
	case 'm': return _("the module");
	case 'f': return _("the file");
	case 't':
	case 'q':
	case 'l':
	case 'n': return _("it");
	case 'P': return _("the path");
	case 'p': return _("the parameter");
	case 'r': return "$(uname -r)";
	case 'o': return _("another module");
	case 'e':
	case 'E':
	case 'h': return _("them");
	default: return _("it");
	}
}

/* What placeholder C of a template stands for (texts.c), ELEM for %e; NULL when
 * nothing. */
static const char *fill_of(const struct lkm_diag_fill *v, char c, const char *elem)
{
	switch (c) {
	case 'm': return v->module;
	case 'f': return v->file ? v->file : v->target;
	case 't': return v->target;
	case 'p': return v->param;
	case 'r': return v->release;
	case 'v': return v->value;
	case 'e': return elem;
	case 'E': return v->joined;
	case 'l': return v->as_named;
	case 'n': return v->by_name;
	case 'h': return v->hw;
	case 'o': return v->other;
	case 'q': return v->target_is_file ? NULL : v->target;
	case 'P': return v->target_is_file ? v->target : NULL;
	case '%': return "%";
	default: return NULL;
	}
}

/* Expands TEMPLATE; NULL when a placeholder it uses has no value (the line is dropped),
 * unless LENIENT: then the placeholder says what it stands for ("the module"). NULL
 * too when memory runs out, and D is marked. */
static char *expand(struct lkm_diagnosis *d, const char *template,
		    const struct lkm_diag_fill *v, const char *elem, bool lenient)
{
	size_t cap = strlen(template) + 256, len = 0;
	char *out = malloc(cap);

	if (out == NULL) {
		d->oom = true;
		return NULL;
	}
	for (const char *p = template; *p; p++) {
		const char *fill = NULL;
		size_t n;

		if (p[0] != '%' || p[1] == '\0') {
			fill = p;
			n = 1;
		} else {
			if (*++p == '0') {
				if (v->n_list) {
					free(out);
					return NULL;
				}
				continue;
			}
			fill = fill_of(v, *p, elem);
			if ((fill == NULL || *fill == '\0') && lenient)
				fill = generic(*p);
			if (fill == NULL || *fill == '\0') {
				free(out);
				return NULL;
			}
			n = strlen(fill);
		}
		if (len + n + 1 > cap) {
			char *bigger;

			cap = (len + n + 1) * 2;
			bigger = realloc(out, cap);
			if (bigger == NULL) {
				free(out);
				d->oom = true;
				return NULL;
			}
			out = bigger;
		}
		memcpy(out + len, fill, n);
		len += n;
	}
	out[len] = '\0';
	return out;
}

/* Appends the fix TEMPLATE makes (with ELEM for %e), doing ACT; a template that cannot be
 * filled adds nothing. Returns 0 or -ENOMEM. */
static int add_fix(struct lkm_diagnosis *d, const char *template,
		   const struct lkm_diag_act *act, const struct lkm_diag_fill *v,
		   const char *elem)
{
	char *line = expand(d, template, v, elem, false);
	const char *arg = act->arg ? fill_of(v, act->arg, elem) : NULL;
	int rc;

	if (line == NULL)
		return d->oom ? -ENOMEM : 0;
	rc = lkm_diag_add_fix(d, act->op, fill_of(v, act->target, elem), &arg,
			      arg ? 1 : 0, "%s", line);
	free(line);
	return rc;
}

int lkm_diag_build(struct lkm_diagnosis *d, enum lkm_diag_kind kind, int err,
		   const struct lkm_diag_fill *v)
{
	const struct lkm_diag_text *t = lkm_diag_text(kind);
	struct lkm_diag_fill with_joined = *v;
	char joined[1024];
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, joined, sizeof(joined));
	for (size_t i = 0; i < v->n_list; i++)
		lkm_strbuf_addf(&sb, "%s%s", i ? ", " : "", v->list[i]);
	with_joined.joined = joined;
	/* How to name it to lkmtui again: what the user typed when it was a file. */
	if (with_joined.as_named == NULL)
		with_joined.as_named = with_joined.target_is_file ? with_joined.target
								  : with_joined.module;
	v = &with_joined;
	d->kind = kind;
	d->err = err;
	free(d->title);
	free(d->teach);
	d->title = expand(d, _(t->title), v, NULL, false);
	if (d->title == NULL)
		d->title = expand(d, _(t->title_bare ? t->title_bare : t->title), v, NULL,
				  true);
	d->teach = expand(d, _(t->teach), v, NULL, true);
	for (size_t i = 0; i < LKM_DIAG_MAX_FIX && t->fix[i]; i++) {
		const char *tpl = _(t->fix[i]);

		if (strstr(tpl, "%e") == NULL) {
			if (add_fix(d, tpl, &t->act[i], v, NULL) < 0)
				return -ENOMEM;
			continue;
		}
		for (size_t j = 0; j < v->n_list; j++)
			if (add_fix(d, tpl, &t->act[i], v, v->list[j]) < 0)
				return -ENOMEM;
	}
	return d->title && d->teach && !d->oom ? 0 : -ENOMEM;
}

int lkm_diag_build_list(struct lkm_diagnosis *d, enum lkm_diag_kind kind, int err,
			struct lkm_diag_fill *fill, char **list, size_t n)
{
	int rc;

	fill->list = list;
	fill->n_list = n;
	rc = lkm_diag_build(d, kind, err, fill);
	lkm_strv_free(list, n);
	fill->list = NULL;
	fill->n_list = 0;
	return rc < 0 ? -ENOMEM : 1;
}

void lkm_diagnosis_release(struct lkm_diagnosis *d)
{
	free(d->title);
	free(d->teach);
	lkm_strv_free(d->evidence, d->n_evidence);
	lkm_diag_clear_fixes(d);
	memset(d, 0, sizeof(*d));
}

void lkm_diagnoses_free(struct lkm_diagnosis *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		lkm_diagnosis_release(&v[i]);
	free(v);
}

void lkm_explain_ctx_init(struct lkm_explain_ctx *ctx, const struct lkm_sysroot *root,
			  struct lkm_resolver *resolver, char *buf, size_t size)
{
	struct utsname u;
	size_t half = size / 2;

	memset(ctx, 0, sizeof(*ctx));
	ctx->root = root;
	ctx->resolver = resolver;
	buf[0] = buf[half] = '\0';
	if (resolver != NULL)
		snprintf(buf, half, "%s", lkm_resolver_release(resolver));
	else if (lkm_resolve_release(root, buf, half) < 0)
		buf[0] = '\0';
	if (uname(&u) == 0)
		snprintf(buf + half, size - half, "%s", u.machine);
	ctx->release = buf[0] ? buf : NULL;
	ctx->machine = buf[half] ? buf + half : NULL;
}
