// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Causes in what a module exports and imports: a symbol from a namespace the module does
 * not import (namespace-not-imported), an export the kernel or a loaded module already
 * has (duplicate-symbol). The kernel's line names them after a failed load; before one,
 * /proc/kallsyms, depmod's index and the headers' Module.symvers do.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "core/explain/cause.h"
#include "i18n.h"
#include "model/modules.h"
#include "model/procfile.h"
#include "model/scan.h"
#include "shared/strbuf.h"

/* namespace-not-imported: SYM, which EXPORTER (NULL: unknown) exports into namespace NS,
 * and what MF (NULL: not read) imports. */
static int namespace_diag(struct lkm_diagnosis *d, struct lkm_diag_fill *v,
			  const struct lkm_modfile *mf, const char *sym, const char *ns,
			  const char *exporter, int err)
{
	char imports[512];
	struct lkm_strbuf sb;
	size_t pos = 0;
	const char *imp;

	lkm_strbuf_init(&sb, imports, sizeof(imports));
	for (;
	     mf && (imp = lkm_modfile_info_next(mf, "import_ns", &pos, NULL)) != NULL;) {
		lkm_strbuf_sep(&sb, ", ");
		lkm_strbuf_add(&sb, imp);
	}
	if (exporter)
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("%s is exported by %s into namespace %s"), sym, exporter,
			      ns);
	else
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("%s is exported into namespace %s"), sym, ns);
	if (mf)
		lkm_diag_line(d, &d->evidence, &d->n_evidence, _("%s imports: %s"),
			      v->module, sb.len ? imports : _("no namespace"));
	v->value = ns;
	return lkm_diag_build(d, LKM_DIAG_NAMESPACE_NOT_IMPORTED, err, v);
}

/* duplicate-symbol: SYM, which OWNER (a loaded module; NULL: the kernel) exports. */
static int duplicate_diag(struct lkm_diagnosis *d, struct lkm_diag_fill *v,
			  const char *sym, const char *owner, int err)
{
	int rc;

	if (owner)
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("%s is exported by %s, which is loaded"), sym, owner);
	else
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("%s is exported by the kernel itself (built in)"), sym);
	v->value = sym;
	v->other = owner ? owner : _("the kernel");
	rc = lkm_diag_build(d, LKM_DIAG_DUPLICATE_SYMBOL, err, v);
	if (owner == NULL && rc == 0) {
		/* Nothing to unload: the table's fixes name a module. */
		lkm_diag_clear_fixes(d);
		rc = lkm_diag_add_fix(d, LKM_FIX_NONE, NULL, NULL, 0,
				      _("the running kernel has %s built in: use that, "
					"not this copy (or rename the symbol in this "
					"copy's source)"),
				      sym);
	}
	return rc;
}

/* What the system says of a symbol a module needs or exports: who exports it ("" for the
 * kernel itself) and into which namespace ("" for none). */
struct sym_fact {
	char sym[256];
	char ns[256];
	char exporter[256];
};

/*
 * The first export of MF that /proc/kallsyms already lists as an export (its
 * `__ksymtab_NAME`, the kernel's with no [module] column), unless MODULE itself owns it:
 * fills FACT's symbol and exporter (its owner) and returns 1; 0 when none; -ENOMEM.
 */
static int loaded_duplicate(const struct lkm_explain_ctx *ctx,
			    const struct lkm_modfile *mf, const char *module,
			    struct sym_fact *fact)
{
	static const char prefix[] = "__ksymtab_";
	const struct lkm_modfile_export *exp;
	size_t n = lkm_modfile_exports(mf, &exp), best = n;
	struct lkm_buf buf = { 0 };
	char *p, *line;
	int err;

	if (n == 0)
		return 0;
	err = lkm_procfile_read(ctx->root, "/proc/kallsyms", &buf);
	if (err < 0)
		return err == -ENOMEM ? err : 0;
	p = buf.data;
	while ((line = lkm_scan_line(&p)) != NULL) {
		char *addr = lkm_scan_token(&line);
		char *type = lkm_scan_token(&line);
		char *name = lkm_scan_token(&line);
		char *mod = lkm_scan_token(&line);
		size_t ml;

		if (addr == NULL || type == NULL || name == NULL ||
		    strncmp(name, prefix, sizeof(prefix) - 1) != 0)
			continue;
		name += sizeof(prefix) - 1;
		if (mod && *mod == '[') {
			mod++;
			ml = strcspn(mod, "]");
			mod[ml] = '\0';
			if (lkm_module_name_eq(mod, module))
				continue;
		} else {
			mod = NULL;
		}
		/* The kernel reports the module's first export it finds taken. */
		for (size_t e = 0; e < best; e++)
			if (strcmp(exp[e].name, name) == 0) {
				best = e;
				snprintf(fact->exporter, sizeof(fact->exporter), "%s",
					 mod ? mod : "");
				break;
			}
	}
	if (best < n)
		snprintf(fact->sym, sizeof(fact->sym), "%s", exp[best].name);
	lkm_buf_release(&buf);
	return best < n;
}

/* Whether MF's .modinfo imports namespace NS. */
static bool imports_ns(const struct lkm_modfile *mf, const char *ns)
{
	size_t pos = 0;
	const char *imp;

	while ((imp = lkm_modfile_info_next(mf, "import_ns", &pos, NULL)) != NULL)
		if (strcmp(imp, ns) == 0)
			return true;
	return false;
}

/*
 * The first symbol MF needs that its exporter (a module depmod indexes) exports into a
 * namespace MF does not import: fills FACT and returns 1; 0 when none; -ENOMEM.
 */
static int unimported_namespace(const struct lkm_explain_ctx *ctx,
				const struct lkm_modfile *mf, struct sym_fact *fact)
{
	const char *const *undef;
	size_t n = ctx->resolver ? lkm_modfile_undefined(mf, &undef) : 0;
	struct lkm_modfile *other = NULL;
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++) {
		struct lkm_modlist who = { 0 };
		const struct lkm_modfile_export *exp;
		const char *path;
		size_t n_exp;
		int found = lkm_resolve_symbol(ctx->resolver, undef[i], &who);

		if (found == -ENOMEM)
			rc = -ENOMEM;
		path = found == 0 && who.n ? who.v[0].path : NULL;
		if (path &&
		    (other == NULL ||
		     strcmp(lkm_modfile_path(other) ? lkm_modfile_path(other) : "",
			    path) != 0)) {
			lkm_modfile_free(other);
			other = NULL;
			if (lkm_modfile_open(path, &other, NULL) == -ENOMEM)
				rc = -ENOMEM;
		}
		n_exp = path && other ? lkm_modfile_exports(other, &exp) : 0;
		for (size_t e = 0; e < n_exp && rc == 0; e++) {
			if (exp[e].ns == NULL || strcmp(exp[e].name, undef[i]) != 0)
				continue;
			if (!imports_ns(mf, exp[e].ns)) {
				snprintf(fact->sym, sizeof(fact->sym), "%s", undef[i]);
				snprintf(fact->ns, sizeof(fact->ns), "%s", exp[e].ns);
				snprintf(fact->exporter, sizeof(fact->exporter), "%s",
					 who.v[0].name);
				rc = 1;
			}
			break;
		}
		lkm_modlist_release(&who);
	}
	lkm_modfile_free(other);
	return rc;
}

/*
 * The same from the kernel headers' Module.symvers (/lib/modules/RELEASE/build), which
 * names the namespace of the kernel's own exports ("CRC SYMBOL vmlinux TYPE NS") and of
 * in-tree modules ("... drivers/usb/storage/usb-storage ..."). FACT's exporter is "" for
 * the kernel. 1, 0 (none, or no headers), -ENOMEM.
 */
static int symvers_namespace(const struct lkm_explain_ctx *ctx,
			     const struct lkm_modfile *mf, struct sym_fact *fact)
{
	const char *const *undef;
	size_t n = lkm_modfile_undefined(mf, &undef);
	char path[PATH_MAX];
	struct lkm_buf buf = { 0 };
	char *p, *line;
	int rc = 0, err;

	if (n == 0 || ctx->release == NULL || ctx->release[0] == '\0')
		return 0;
	snprintf(path, sizeof(path), "/lib/modules/%s/build/Module.symvers",
		 ctx->release);
	err = lkm_procfile_read(ctx->root, path, &buf);
	if (err < 0)
		return err == -ENOMEM ? err : 0;
	p = buf.data;
	while (rc == 0 && (line = lkm_scan_line(&p)) != NULL) {
		char *field[5];
		size_t k = 0;

		for (char *f = line; k < 5; k++) {
			field[k] = f;
			f += strcspn(f, "\t");
			if (*f == '\0') {
				k++;
				break;
			}
			*f++ = '\0';
		}
		if (k < 5 || field[4][0] == '\0' || imports_ns(mf, field[4]))
			continue;
		for (size_t i = 0; i < n && rc == 0; i++)
			if (strcmp(undef[i], field[1]) == 0) {
				const char *base = strrchr(field[2], '/');

				snprintf(fact->sym, sizeof(fact->sym), "%s", field[1]);
				snprintf(fact->ns, sizeof(fact->ns), "%s", field[4]);
				snprintf(fact->exporter, sizeof(fact->exporter), "%s",
					 strcmp(field[2], "vmlinux") == 0 ? ""
					 : base				  ? base + 1
									  : field[2]);
				for (char *c = fact->exporter; *c; c++)
					if (*c == '-')
						*c = '_';
				rc = 1;
			}
	}
	lkm_buf_release(&buf);
	return rc;
}

/* "module uses symbol (X) from namespace NS, but does not import it": the namespace check
 * runs while symbols are resolved, before "Unknown symbol X (err -22)". */
int lkm_cause_namespace(const struct lkm_cause *c, struct lkm_diagnosis *d)
{
	const char *line = lkm_explain_log_find(c->res, ", but does not import it");
	struct lkm_diag_fill v = c->fill;
	struct lkm_modlist who = { 0 };
	char sym[256], ns[256];
	int rc;

	if (line == NULL ||
	    !lkm_explain_after(line, "uses symbol (", ")", sym, sizeof(sym)) ||
	    !lkm_explain_after(line, "from namespace ", ", ", ns, sizeof(ns)))
		return 0;
	if (c->ctx->resolver)
		lkm_resolve_symbol(c->ctx->resolver, sym, &who);
	rc = namespace_diag(d, &v, c->mf, sym, ns, who.n ? who.v[0].name : NULL, c->err);
	lkm_modlist_release(&who);
	return rc < 0 ? rc : 1;
}

/* "exports duplicate symbol X (owned by M)": ENOEXEC, which kmod calls an invalid format.
 * M is "kernel" when the kernel itself exports it. */
int lkm_cause_duplicate(const struct lkm_cause *c, struct lkm_diagnosis *d)
{
	static const char prefix[] = "exports duplicate symbol ";
	const char *line = lkm_explain_log_find(c->res, prefix);
	struct lkm_diag_fill v = c->fill;
	char sym[256], owner[256];
	int rc;

	if (line == NULL || !lkm_explain_after(line, prefix, " ", sym, sizeof(sym)) ||
	    !lkm_explain_after(line, "(owned by ", ")", owner, sizeof(owner)))
		return 0;
	rc = duplicate_diag(d, &v, sym, strcmp(owner, "kernel") == 0 ? NULL : owner,
			    c->err);
	return rc < 0 ? rc : 1;
}

int lkm_foresee_duplicate(struct lkm_foresight *f, struct lkm_diagnosis *d)
{
	struct sym_fact fact = { "", "", "" };
	struct lkm_diag_fill v = lkm_foresight_fill(f);
	int found;

	if (f->mf == NULL || !lkm_modfile_is_module(f->mf))
		return 0;
	found = loaded_duplicate(f->ctx, f->mf, f->module, &fact);
	if (found <= 0)
		return found;
	return duplicate_diag(d, &v, fact.sym, *fact.exporter ? fact.exporter : NULL, 0) <
			       0
		       ? -ENOMEM
		       : 1;
}

int lkm_foresee_namespace(struct lkm_foresight *f, struct lkm_diagnosis *d)
{
	struct sym_fact fact = { "", "", "" };
	struct lkm_diag_fill v = lkm_foresight_fill(f);
	int found;

	if (f->mf == NULL || !lkm_modfile_is_module(f->mf))
		return 0;
	found = unimported_namespace(f->ctx, f->mf, &fact);
	if (found == 0)
		found = symvers_namespace(f->ctx, f->mf, &fact);
	if (found <= 0)
		return found;
	return namespace_diag(d, &v, f->mf, fact.sym, fact.ns,
			      *fact.exporter ? fact.exporter : NULL, 0) < 0
		       ? -ENOMEM
		       : 1;
}
