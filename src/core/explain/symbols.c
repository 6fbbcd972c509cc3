// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Causes in the symbols a module needs: ones nothing loaded provides
 * (unresolved-symbols), or ones exported to GPL-licensed modules only (gpl-only-symbol).
 * The kernel's "Unknown symbol" lines name them after a failed load; without them, and
 * before a load, the file's undefined symbols are held against /proc/kallsyms, depmod's
 * index and /proc/modules.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/explain/cause.h"
#include "i18n.h"
#include "model/modules.h"
#include "model/procfile.h"
#include "model/scan.h"
#include "shared/strbuf.h"
#include "shared/strv.h"
#include "shared/array.h"

/* The names in /proc/kallsyms: what the kernel and its loaded modules have. Sorted for
 * bsearch. None if unreadable or without a ROOT; -ENOMEM when memory runs out. */
struct symset {
	struct lkm_buf buf;
	char **v;
	size_t n;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int symset_load(struct symset *s, const struct lkm_sysroot *root)
{
	char *p, *line;
	size_t cap = 0;
	int err;

	memset(s, 0, sizeof(*s));
	if (root == NULL)
		return 0;
	err = lkm_procfile_read(root, "/proc/kallsyms", &s->buf);
	if (err < 0)
		return err == -ENOMEM ? err : 0;
	p = s->buf.data;
	while ((line = lkm_scan_line(&p)) != NULL) {
		char *addr = lkm_scan_token(&line);
		char *type = lkm_scan_token(&line);
		char *name = lkm_scan_token(&line);

		if (addr == NULL || type == NULL || name == NULL)
			continue;
		if (lkm_array_room(s->v, s->n, cap) < 0)
			return -ENOMEM;
		s->v[s->n++] = name;
	}
	qsort(s->v, s->n, sizeof(*s->v), cmp_str);
	return 0;
}

static bool symset_has(const struct symset *s, const char *name)
{
	return lkm_strv_sorted_has(s->v, s->n, name);
}

static void symset_free(struct symset *s)
{
	free(s->v);
	lkm_buf_release(&s->buf);
}

/* An undefined symbol nothing loaded provides, and the module that exports it (NULL: none
 * does, or only to GPL modules). Both borrowed. */
struct missing_sym {
	const char *sym;
	const char *exporter;
};

/* Appends SYM and EXPORTER to *V; a failure marks D. */
static void add_missing(struct lkm_diagnosis *d, struct missing_sym **v, size_t *n,
			const char *sym, const char *exporter)
{
	struct missing_sym *nv = realloc(*v, (*n + 1) * sizeof(*nv));

	if (nv == NULL) {
		d->oom = true;
		return;
	}
	*v = nv;
	nv[(*n)++] = (struct missing_sym){ sym, exporter };
}

/* What a module needs that nothing provides, gathered symbol by symbol. */
struct missing {
	const struct lkm_explain_ctx *ctx;
	const struct lkm_result *plan; /* its insert steps will provide; NULL */
	const char *module;
	struct symset have;	   /* /proc/kallsyms */
	struct lkm_modules loaded; /* /proc/modules, read when kallsyms is not */
	bool no_kallsyms, logged;
	const char *license;
	char **exporters; /* the modules that would provide, each once */
	size_t n_exp;
	struct missing_sym *v;
	size_t n, n_nobody;
	bool gpl_only; /* a logged symbol the kernel exports to GPL modules only */
};

/* Whether the plan inserts EXP (not the module itself) before the module. */
static bool planned(const struct missing *m, const char *exp)
{
	const struct lkm_result *plan = m->plan;

	for (size_t s = 0; plan && exp && s < plan->n_steps; s++)
		if (plan->steps[s].kind == LKM_STEP_INSERT &&
		    lkm_module_name_eq(plan->steps[s].module, exp) &&
		    !lkm_module_name_eq(exp, m->module))
			return true;
	return false;
}

/* Looks SYM up and, when nothing loaded or planned provides it, adds it to M. 0 or
 * -ENOMEM. */
static int look_up(struct missing *m, const char *sym, struct lkm_diagnosis *d)
{
	struct lkm_modlist who = { 0 };
	const char *exp = NULL;
	int found;

	/* The loader's own symbols are resolved by the kernel, not by exports. */
	if (!m->logged &&
	    (symset_has(&m->have, sym) || strcmp(sym, "__this_module") == 0))
		return 0;
	found = m->ctx->resolver ? lkm_resolve_symbol(m->ctx->resolver, sym, &who)
				 : -ENOENT;
	if (found == -ENOMEM)
		return -ENOMEM;
	if (found == 0 && who.n)
		exp = who.v[0].name;
	if ((m->no_kallsyms &&
	     (exp == NULL || lkm_modules_find(&m->loaded, exp) != NULL)) ||
	    planned(m, exp)) {
		lkm_modlist_release(&who);
		return 0;
	}
	if (exp) {
		size_t j = 0;

		while (j < m->n_exp && strcmp(m->exporters[j], exp) != 0)
			j++;
		if (j == m->n_exp)
			lkm_diag_line(d, &m->exporters, &m->n_exp, "%s", exp);
		if (j < m->n_exp)
			add_missing(d, &m->v, &m->n, sym, m->exporters[j]);
	} else if (m->logged && symset_has(&m->have, sym) &&
		   (m->license == NULL || strstr(m->license, "GPL") == NULL)) {
		/* Exported, yet unknown to this module: exported to GPL modules only. */
		add_missing(d, &m->v, &m->n, sym, NULL);
		m->gpl_only = true;
	} else {
		add_missing(d, &m->v, &m->n, sym, NULL);
		m->n_nobody++;
	}
	lkm_modlist_release(&who);
	return 0;
}

/* The evidence, grouped by exporter: "fat (not loaded) exports fat_add_entries, ...". */
static void missing_evidence(const struct missing *m, struct lkm_diagnosis *d)
{
	for (size_t j = 0; j < m->n_exp; j++) {
		char syms[512];
		struct lkm_strbuf sb;
		size_t count = 0;

		lkm_strbuf_init(&sb, syms, sizeof(syms));
		for (size_t i = 0; i < m->n; i++) {
			if (m->v[i].exporter != m->exporters[j])
				continue;
			if (count < 4)
				lkm_strbuf_addf(&sb, "%s%s", count ? ", " : "",
						m->v[i].sym);
			count++;
		}
		if (count > 4)
			lkm_diag_line(d, &d->evidence, &d->n_evidence,
				      _("%s, and %zu more: exported by %s, which is not "
					"loaded"),
				      syms, count - 4, m->exporters[j]);
		else
			lkm_diag_line(d, &d->evidence, &d->n_evidence,
				      _("%s: exported by %s, which is not loaded"), syms,
				      m->exporters[j]);
	}
	for (size_t i = 0; i < m->n; i++)
		if (m->v[i].exporter == NULL)
			lkm_diag_line(d, &d->evidence, &d->n_evidence,
				      m->gpl_only
					      ? _("%s: exported to GPL-licensed modules "
						  "only (this one's "
						  "licence: %s)")
					      : _("%s: no installed module exports it, "
						  "and the kernel does not"),
				      m->v[i].sym,
				      m->license ? m->license : _("none declared"));
	if (m->n_exp)
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("load order: %s first, then %s"), m->exporters[0],
			      m->module);
}

/* gpl-only-symbol or unresolved-symbols from M (its evidence already in D). */
static int missing_build(const struct missing *m, struct lkm_diagnosis *d, int err)
{
	struct lkm_diag_fill v = { .module = m->module, .release = m->ctx->release };
	struct lkm_modlist self = { 0 };
	int found_self, rc;

	v.list = m->exporters;
	v.n_list = m->n_exp;
	/* "load it by name" helps only when lkmtui finds it by name. */
	found_self = m->ctx->resolver
			     ? lkm_resolve_lookup(m->ctx->resolver, m->module, &self)
			     : -ENOENT;
	if (found_self == -ENOMEM)
		return -ENOMEM;
	if (found_self == 0 && self.n && self.v[0].path)
		v.by_name = m->module;
	lkm_modlist_release(&self);
	if (m->gpl_only) {
		char **syms = NULL;
		size_t ns = 0;

		for (size_t i = 0; i < m->n; i++)
			if (m->v[i].exporter == NULL)
				lkm_diag_line(d, &syms, &ns, "%s", m->v[i].sym);
		v.list = syms;
		v.n_list = ns;
		rc = lkm_diag_build(d, LKM_DIAG_GPL_ONLY_SYMBOL, err, &v);
		lkm_strv_free(syms, ns);
		return rc < 0 ? -ENOMEM : 1;
	}
	if (m->n_nobody && m->n_exp == 0)
		lkm_diag_add_fix(d, LKM_FIX_NONE, NULL, NULL, 0,
				 _("no module provides these: the module was built "
				   "against a kernel or "
				   "a companion module you do not have; rebuild it "
				   "against "
				   "linux-headers-%s with its companion"),
				 m->ctx->release ? m->ctx->release : "$(uname -r)");
	return lkm_diag_build(d, LKM_DIAG_UNRESOLVED_SYMBOLS, err, &v) < 0 ? -ENOMEM : 1;
}

int lkm_explain_symbols(const struct lkm_explain_ctx *ctx, const struct lkm_modfile *mf,
			const char *module, const char *const *logged, size_t n_logged,
			const struct lkm_result *plan, struct lkm_diagnosis *d, int err)
{
	struct missing m = { .ctx = ctx,
			     .plan = plan,
			     .module = module,
			     .logged = n_logged > 0,
			     .license = lkm_modfile_info(mf, "license") };
	const char *const *undef;
	size_t n = lkm_modfile_undefined(mf, &undef);
	int rc = symset_load(&m.have, ctx->tree_only ? NULL : ctx->root);

	if (rc == 0 && n_logged) {
		undef = logged;
		n = n_logged;
	} else if (rc == 0 && m.have.n == 0) {
		/* No log and no kallsyms: depmod's index and /proc/modules still say
		 * which exporters are missing; what no module exports is taken to be the
		 * kernel's. */
		if (lkm_modules_read(&m.loaded, ctx->root) == -ENOMEM)
			rc = -ENOMEM;
		m.no_kallsyms = true;
	}
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = look_up(&m, undef[i], d);
	if (rc == 0 && d->oom)
		rc = -ENOMEM;
	if (rc == 0 && m.n > 0) {
		missing_evidence(&m, d);
		rc = missing_build(&m, d, err);
	}
	lkm_strv_free(m.exporters, m.n_exp);
	free(m.v);
	lkm_modules_release(&m.loaded);
	symset_free(&m.have);
	return rc;
}

/* "Unknown symbol X (err -N)": the symbols the kernel named. */
int lkm_cause_unknown_symbols(const struct lkm_cause *c, struct lkm_diagnosis *d)
{
	char **logged = NULL, sym[256];
	size_t n_logged = 0;
	int rc = 0;

	for (size_t i = 0; i < c->res->log.n; i++)
		if (lkm_explain_after(c->res->log.lines[i], "Unknown symbol ", " ", sym,
				      sizeof(sym)))
			lkm_diag_line(d, &logged, &n_logged, "%s", sym);
	if (n_logged && c->mf)
		rc = lkm_explain_symbols(c->ctx, c->mf, c->module,
					 (const char *const *)logged, n_logged, NULL, d,
					 c->err);
	else
		rc = d->oom ? -ENOMEM : 0;
	lkm_strv_free(logged, n_logged);
	return rc < 0 ? rc : n_logged && c->mf ? 1 : 0;
}

/* ENOENT without readable log lines: the file's undefined symbols against kallsyms. */
int lkm_cause_missing_symbols(const struct lkm_cause *c, struct lkm_diagnosis *d)
{
	if (c->mf == NULL)
		return 0;
	return lkm_explain_symbols(c->ctx, c->mf, c->module, NULL, 0, NULL, d, c->err);
}

int lkm_foresee_symbols(struct lkm_foresight *f, struct lkm_diagnosis *d)
{
	if (f->mf == NULL || f->file_refused || !lkm_modfile_is_module(f->mf))
		return 0;
	return lkm_explain_symbols(f->ctx, f->mf, f->module, NULL, 0, f->plan, d, 0);
}
