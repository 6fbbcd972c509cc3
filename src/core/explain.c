// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * From a failed operation (or, for `lkmtui explain`, from the file alone) to a diagnosis.
 * The kernel's own log lines are the strongest evidence; where they are missing or
 * unreadable, the file (modinfo, sections, __versions, undefined symbols) and the system
 * (/proc/kallsyms, /proc/modules, modules.builtin, the running kernel's own modules) say
 * the rest. The words are all in explain_texts.c.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "core/elfmachine.h"
#include "core/explain.h"
#include "core/explain_texts.h"
#include "core/holders.h"
#include "core/modfile.h"
#include "core/params.h"
#include "core/userpath.h"
#include "i18n.h"
#include "model/devices.h"
#include "model/interrupts.h"
#include "model/ioranges.h"
#include "model/modules.h"
#include "model/procfile.h"
#include "model/scan.h"
#include "model/sysmodule.h"
#include "shared/strbuf.h"
#include "shared/strv.h"

/* Appends a formatted line to D's vector V; a failure marks D, and lkm_diag_build then
 * refuses it: a diagnosis missing a line of evidence would tell another story. */
__attribute__((format(printf, 4, 5))) static void
diag_add_line(struct lkm_diagnosis *d, char ***v, size_t *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (!lkm_strv_vaddf(v, n, fmt, ap))
		d->oom = true;
	va_end(ap);
}

/* Expands TEMPLATE; NULL when a placeholder it uses has no value (the line is dropped).
 */
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

/* What placeholder C of a template stands for (explain_texts.c), ELEM for %e; NULL when
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

/* ---- the kernel's own words ---- */

/* The text after "PREFIX" in LINE up to one of the END characters, into OUT. */
static bool after(const char *line, const char *prefix, const char *end, char *out,
		  size_t size)
{
	const char *p = strstr(line, prefix);
	size_t n;

	if (p == NULL)
		return false;
	p += strlen(prefix);
	n = strcspn(p, end);
	if (n == 0 || n >= size)
		return false;
	memcpy(out, p, n);
	out[n] = '\0';
	return true;
}

/* The log lines to show: the module's own, and the loader's that name no module. */
static int add_log_evidence(struct lkm_diagnosis *d, const struct lkm_result *res,
			    const char *module)
{
	size_t shown = 0, hidden = 0;

	if (res->log.err < 0 && (res->op != LKM_OP_SET)) {
		if (!lkm_strv_addf(&d->evidence, &d->n_evidence,
				   _("the kernel log could not be read (%s): what "
				     "follows comes from the file "
				     "and the system"),
				   res->log.err == -EPERM || res->log.err == -EACCES
					   ? _("not root, or dmesg_restrict")
					   : strerror(-res->log.err)))
			return -ENOMEM;
		return 0;
	}
	for (size_t i = 0; i < res->log.n; i++) {
		const char *line = res->log.lines[i];

		/* The taint notices of a first out-of-tree load are not why anything
		 * failed. */
		if (strstr(line, "taints kernel") || strstr(line, "tainting kernel"))
			continue;
		if (shown == 8) {
			hidden++;
			continue;
		}
		if (!lkm_strv_addf(&d->evidence, &d->n_evidence, _("kernel: %s"), line))
			return -ENOMEM;
		shown++;
	}
	if (hidden && !lkm_strv_addf(&d->evidence, &d->n_evidence,
				     _("kernel: ... and %zu more lines"), hidden))
		return -ENOMEM;
	(void)module;
	return 0;
}

static const char *log_find(const struct lkm_result *res, const char *needle)
{
	for (size_t i = 0; i < res->log.n; i++)
		if (strstr(res->log.lines[i], needle))
			return res->log.lines[i];
	return NULL;
}

/* ---- the system ---- */

/* The names in /proc/kallsyms: what the kernel and its loaded modules have. Sorted for
 * bsearch. None if unreadable; -ENOMEM when memory runs out. */
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
		if (s->n == cap) {
			char **v = realloc(s->v, (cap ? cap * 2 : 4096) * sizeof(*v));

			if (v == NULL)
				return -ENOMEM;
			s->v = v;
			cap = cap ? cap * 2 : 4096;
		}
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

/* ---- namespaces and duplicate exports ---- */

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
		diag_add_line(d, &d->evidence, &d->n_evidence,
			      _("%s is exported by %s into namespace %s"), sym, exporter,
			      ns);
	else
		diag_add_line(d, &d->evidence, &d->n_evidence,
			      _("%s is exported into namespace %s"), sym, ns);
	if (mf)
		diag_add_line(d, &d->evidence, &d->n_evidence, _("%s imports: %s"),
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
		diag_add_line(d, &d->evidence, &d->n_evidence,
			      _("%s is exported by %s, which is loaded"), sym, owner);
	else
		diag_add_line(d, &d->evidence, &d->n_evidence,
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

/* Opens NAME's file into *MF unless it is the file NOT; -ENOMEM when memory runs out,
 * else 0 (*MF stays NULL when there is no such module or its file does not open). */
static int open_reference(const struct lkm_explain_ctx *ctx, const char *name,
			  const char * not, struct lkm_modfile **mf)
{
	struct lkm_modlist l = { 0 };
	int err = lkm_resolve_lookup(ctx->resolver, name, &l);

	if (err == 0 && l.n && l.v[0].path &&
	    (not == NULL || strcmp(l.v[0].path, not ) != 0))
		err = lkm_modfile_open(l.v[0].path, mf, NULL);
	lkm_modlist_release(&l);
	return err == -ENOMEM ? err : 0;
}

/* A module built for the running kernel, to compare vermagic and symbol CRCs with: into
 * *MF, NULL when there is none. Returns 0 or -ENOMEM. */
static int reference_module(const struct lkm_explain_ctx *ctx, const char * not,
			    struct lkm_modfile **mf)
{
	static const char *const candidates[] = { "fat",   "8390",    "loop",
						  "crc16", "mbcache", "ext4" };
	int err = 0;

	*mf = NULL;
	if (ctx->resolver == NULL)
		return 0;
	for (size_t i = 0;
	     i < sizeof(candidates) / sizeof(candidates[0]) && *mf == NULL && err == 0;
	     i++)
		err = open_reference(ctx, candidates[i], not, mf);
	if (*mf == NULL && err == 0) {
		char **names = NULL;
		int n = lkm_resolve_names(ctx->resolver, 0, &names);

		if (n == -ENOMEM)
			err = n;
		for (int i = 0; i < n && *mf == NULL && err == 0; i++)
			err = open_reference(ctx, names[i], not, mf);
		lkm_strv_freev(names);
	}
	return err;
}

static bool crc_of(const struct lkm_modfile *mf, const char *symbol,
		   unsigned long long *crc)
{
	const struct lkm_modfile_version *v;
	size_t n = lkm_modfile_versions(mf, &v);

	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].symbol, symbol) == 0) {
			*crc = (unsigned long long)v[i].crc;
			return true;
		}
	return false;
}

/* Length of S without the blanks at its end. */
static int trimmed_len(const char *s)
{
	size_t n = strlen(s);

	while (n > 0 && s[n - 1] == ' ')
		n--;
	return (int)n;
}

/*
 * Puts the file's vermagic beside the kernel's and says which part differs. Returns true
 * when the kernel would refuse it for that: with modversions on both sides the kernel
 * compares only what follows the release (the CRCs speak for the release), without them
 * the whole string. V->value gets what to name in the title.
 */
static bool compare_vermagic(struct lkm_diagnosis *d, const char *mine,
			     const char *theirs, struct lkm_diag_fill *v, char *buf,
			     size_t size)
{
	int rl = (int)strcspn(mine, " "), rr = (int)strcspn(theirs, " ");
	const char *fm = mine[rl] ? mine + rl + 1 : "",
		   *ft = theirs[rr] ? theirs + rr + 1 : "";
	bool release_differs = rl != rr || strncmp(mine, theirs, (size_t)rl) != 0;
	bool flags_differ = trimmed_len(fm) != trimmed_len(ft) ||
			    strncmp(fm, ft, (size_t)trimmed_len(fm)) != 0;
	bool modversions = strstr(fm, "modversions") && strstr(ft, "modversions");

	diag_add_line(d, &d->evidence, &d->n_evidence, _("the file's vermagic:  %.*s"),
		      trimmed_len(mine), mine);
	diag_add_line(d, &d->evidence, &d->n_evidence, _("this kernel's:        %.*s"),
		      trimmed_len(theirs), theirs);
	if (release_differs)
		diag_add_line(d, &d->evidence, &d->n_evidence,
			      _("they differ in the release (%.*s, not %.*s)"), rl, mine,
			      rr, theirs);
	if (flags_differ)
		diag_add_line(d, &d->evidence, &d->n_evidence,
			      _("they differ in the flags (%.*s, not %.*s)"),
			      trimmed_len(fm), fm, trimmed_len(ft), ft);
	if (release_differs)
		snprintf(buf, size, "%.*s", rl, mine);
	else
		snprintf(buf, size, "%.*s", trimmed_len(mine), mine);
	v->value = buf;
	return flags_differ || (release_differs && !modversions);
}

/* ---- static analysis of a file ---- */

/* Kinds the file alone shows: not a module, another architecture, another kernel. Fills D
 * and returns true when one is found. */
static int analyse_file(const struct lkm_explain_ctx *ctx, const struct lkm_modfile *mf,
			const char *path, const char *module,
			const char *disagreeing_symbol, struct lkm_diagnosis *d, int err)
{
	struct lkm_diag_fill v = { .module = module,
				   .file = path,
				   .target = path,
				   .target_is_file = true,
				   .release = ctx->release };
	struct lkm_elf_target host,
		file = { lkm_modfile_machine(mf), lkm_modfile_elf_class(mf),
			 lkm_modfile_big_endian(mf) };
	const char *vermagic = lkm_modfile_info(mf, "vermagic");
	struct lkm_modfile *ref;
	char release_buf[256];
	int rc = 0;

	if (lkm_elf_target_of_uname(ctx->machine, &host) == 0 &&
	    !lkm_elf_target_equal(&host, &file)) {
		const char *name = lkm_elf_machine_name(host.machine);
		char what[96];

		snprintf(what, sizeof(what), "%s (%d-bit%s)",
			 lkm_modfile_machine_name(mf), lkm_modfile_elf_class(mf),
			 lkm_modfile_big_endian(mf) ? ", big-endian" : "");
		v.value = what;
		diag_add_line(d, &d->evidence, &d->n_evidence, _("the file: ELF %s, %s"),
			      what, lkm_modfile_type_name(mf));
		diag_add_line(d, &d->evidence, &d->n_evidence, _("this machine: %s (%s)"),
			      name ? name : ctx->machine, ctx->machine);
		return lkm_diag_build(d, LKM_DIAG_WRONG_ARCHITECTURE, err, &v) < 0
			       ? -ENOMEM
			       : 1;
	}
	if (!lkm_modfile_is_module(mf)) {
		char list[1024];
		struct lkm_strbuf sb;
		size_t n = lkm_modfile_section_count(mf);

		lkm_strbuf_init(&sb, list, sizeof(list));
		for (size_t i = 1; i < n && sb.len + 2 < sizeof(list); i++)
			lkm_strbuf_addf(&sb, "%s%s", i > 1 ? ", " : "",
					lkm_modfile_section_name(mf, i));
		/* Cut: "..." at the end (and no further than the cut). */
		if (sb.truncated)
			strcpy(list + (sb.len < sizeof(list) - 5 ? sb.len
								 : sizeof(list) - 5),
			       "...");
		diag_add_line(d, &d->evidence, &d->n_evidence,
			      _("the file: ELF %s, %s, sections: %s"),
			      lkm_modfile_machine_name(mf), lkm_modfile_type_name(mf),
			      n > 1 ? list : "-");
		if (!lkm_modfile_has_modinfo(mf))
			diag_add_line(d, &d->evidence, &d->n_evidence,
				      _("no .modinfo section: no module name, licence or "
					"vermagic"));
		if (!lkm_modfile_has_this_module(mf))
			diag_add_line(d, &d->evidence, &d->n_evidence,
				      _("no .gnu.linkonce.this_module section: no struct "
					"module for the kernel"));
		if (strcmp(lkm_modfile_type_name(mf), "relocatable") != 0)
			diag_add_line(d, &d->evidence, &d->n_evidence,
				      _("a module is a relocatable object (ET_REL), this "
					"is %s"),
				      lkm_modfile_type_name(mf));
		return lkm_diag_build(d, LKM_DIAG_NOT_A_MODULE, err, &v) < 0 ? -ENOMEM
									     : 1;
	}
	if (reference_module(ctx, path, &ref) < 0)
		return -ENOMEM;
	if (ref != NULL) {
		const char *ref_magic = lkm_modfile_info(ref, "vermagic");
		const struct lkm_modfile_version *vers;
		size_t nv = lkm_modfile_versions(mf, &vers);
		const char *const *undef;
		size_t nu = lkm_modfile_undefined(mf, &undef);
		const char *bad = NULL;
		unsigned long long mine = 0, theirs = 0;

		/* The symbol the kernel named, else module_layout (a kernel that has it
		 * checks it first), else the first the two disagree on in the order the
		 * kernel checks them: the undefined symbols in .symtab order, then the
		 * rest of __versions. */
		if (disagreeing_symbol && crc_of(mf, disagreeing_symbol, &mine) &&
		    crc_of(ref, disagreeing_symbol, &theirs))
			bad = disagreeing_symbol;
		if (bad == NULL && crc_of(mf, "module_layout", &mine) &&
		    crc_of(ref, "module_layout", &theirs) && mine != theirs)
			bad = "module_layout";
		for (size_t i = 0; i < nu && bad == NULL; i++)
			if (crc_of(mf, undef[i], &mine) &&
			    crc_of(ref, undef[i], &theirs) && mine != theirs)
				bad = undef[i];
		for (size_t i = 0; i < nv && bad == NULL; i++)
			if (crc_of(ref, vers[i].symbol, &theirs) &&
			    theirs != vers[i].crc) {
				bad = vers[i].symbol;
				mine = vers[i].crc;
			}
		if (vermagic && ref_magic && strcmp(vermagic, ref_magic) != 0) {
			if (compare_vermagic(d, vermagic, ref_magic, &v, release_buf,
					     sizeof(release_buf)) &&
			    bad == NULL)
				rc = lkm_diag_build(d, LKM_DIAG_VERMAGIC_MISMATCH, err,
						    &v) < 0
					     ? -ENOMEM
					     : 1;
		}
		if (bad != NULL) {
			diag_add_line(d, &d->evidence, &d->n_evidence,
				      _("%s: the file was built against CRC 0x%08llx, "
					"this kernel's modules "
					"against 0x%08llx"),
				      bad, mine, theirs);
			v.value = bad;
			rc = lkm_diag_build(d, LKM_DIAG_SYMBOL_VERSION_MISMATCH, err,
					    &v) < 0
				     ? -ENOMEM
				     : 1;
		}
		lkm_modfile_free(ref);
	} else if (vermagic && ctx->release &&
		   strncmp(vermagic, ctx->release, strlen(ctx->release)) != 0) {
		char release[128];

		snprintf(release, sizeof(release), "%.*s", (int)strcspn(vermagic, " "),
			 vermagic);
		diag_add_line(d, &d->evidence, &d->n_evidence,
			      _("the file's vermagic: %s"), vermagic);
		diag_add_line(d, &d->evidence, &d->n_evidence, _("this kernel: %s"),
			      ctx->release);
		v.value = release;
		rc = lkm_diag_build(d, LKM_DIAG_VERMAGIC_MISMATCH, err, &v) < 0 ? -ENOMEM
										: 1;
	}
	return rc;
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

/* Undefined symbols of MF that nothing loaded (kallsyms) provides, each with who exports
 * it. SKIP lists modules that will be loaded first (a load by name); their exports count
 * as provided. Fills D as unresolved-symbols and returns 1 when there are any. */
static int analyse_symbols(const struct lkm_explain_ctx *ctx,
			   const struct lkm_modfile *mf, const char *module,
			   const char *const *logged, size_t n_logged,
			   const struct lkm_result *plan, struct lkm_diagnosis *d,
			   int err)
{
	const char *const *undef;
	size_t n = lkm_modfile_undefined(mf, &undef);
	struct symset have;
	struct lkm_diag_fill v = { .module = module, .release = ctx->release };
	char **exporters = NULL;
	struct missing_sym *missing = NULL;
	size_t n_exp = 0, n_missing = 0, n_nobody = 0;
	int rc = 0;
	const char *license = lkm_modfile_info(mf, "license");
	struct lkm_modules loaded = { 0 };
	bool no_kallsyms = false;
	struct lkm_modlist self = { 0 };
	int found_self;

	if (symset_load(&have, ctx->root) < 0) {
		rc = -ENOMEM;
		goto out;
	}
	if (n_logged) {
		undef = logged;
		n = n_logged;
	} else if (have.n == 0) {
		/* No log and no kallsyms: depmod's index and /proc/modules still say
		 * which exporters are missing; what no module exports is taken to be the
		 * kernel's. */
		if (lkm_modules_read(&loaded, ctx->root) == -ENOMEM) {
			rc = -ENOMEM;
			goto out;
		}
		no_kallsyms = true;
	}
	for (size_t i = 0; i < n; i++) {
		struct lkm_modlist who = { 0 };
		const char *exp = NULL;
		bool planned = false;
		int found;

		/* The loader's own symbols are resolved by the kernel, not by exports. */
		if (!n_logged && (symset_has(&have, undef[i]) ||
				  strcmp(undef[i], "__this_module") == 0))
			continue;
		found = ctx->resolver ? lkm_resolve_symbol(ctx->resolver, undef[i], &who)
				      : -ENOENT;
		if (found == -ENOMEM) {
			rc = -ENOMEM;
			goto out;
		}
		if (found == 0 && who.n)
			exp = who.v[0].name;
		if (no_kallsyms &&
		    (exp == NULL || lkm_modules_find(&loaded, exp) != NULL)) {
			lkm_modlist_release(&who);
			continue;
		}
		for (size_t s = 0; plan && exp && s < plan->n_steps; s++)
			if (plan->steps[s].kind == LKM_STEP_INSERT &&
			    lkm_module_name_eq(plan->steps[s].module, exp) &&
			    !lkm_module_name_eq(exp, module))
				planned = true;
		if (planned) {
			lkm_modlist_release(&who);
			continue;
		}
		if (exp) {
			size_t j = 0;

			while (j < n_exp && strcmp(exporters[j], exp) != 0)
				j++;
			if (j == n_exp)
				diag_add_line(d, &exporters, &n_exp, "%s", exp);
			if (j < n_exp)
				add_missing(d, &missing, &n_missing, undef[i],
					    exporters[j]);
		} else if (n_logged && symset_has(&have, undef[i]) &&
			   (license == NULL || strstr(license, "GPL") == NULL)) {
			/* Exported, yet unknown to this module: exported to GPL modules
			 * only. */
			add_missing(d, &missing, &n_missing, undef[i], NULL);
			rc = 2;
		} else {
			add_missing(d, &missing, &n_missing, undef[i], NULL);
			n_nobody++;
		}
		lkm_modlist_release(&who);
	}
	if (d->oom)
		rc = -ENOMEM;
	if (n_missing == 0 || rc < 0)
		goto out;
	/* Group the evidence by exporter: "fat (not loaded) exports fat_add_entries, ..."
	 */
	for (size_t j = 0; j < n_exp; j++) {
		char syms[512];
		struct lkm_strbuf sb;
		size_t count = 0;

		lkm_strbuf_init(&sb, syms, sizeof(syms));
		for (size_t i = 0; i < n_missing; i++) {
			if (missing[i].exporter != exporters[j])
				continue;
			if (count < 4)
				lkm_strbuf_addf(&sb, "%s%s", count ? ", " : "",
						missing[i].sym);
			count++;
		}
		if (count > 4)
			diag_add_line(d, &d->evidence, &d->n_evidence,
				      _("%s, and %zu more: exported by %s, which is not "
					"loaded"),
				      syms, count - 4, exporters[j]);
		else
			diag_add_line(d, &d->evidence, &d->n_evidence,
				      _("%s: exported by %s, which is not loaded"), syms,
				      exporters[j]);
	}
	for (size_t i = 0; i < n_missing; i++)
		if (missing[i].exporter == NULL)
			diag_add_line(d, &d->evidence, &d->n_evidence,
				      rc == 2 ? _("%s: exported to GPL-licensed modules "
						  "only (this one's "
						  "licence: %s)")
					      : _("%s: no installed module exports it, "
						  "and the kernel does not"),
				      missing[i].sym,
				      license ? license : _("none declared"));
	if (n_exp)
		diag_add_line(d, &d->evidence, &d->n_evidence,
			      _("load order: %s first, then %s"), exporters[0], module);
	v.list = exporters;
	v.n_list = n_exp;
	/* "load it by name" helps only when lkmtui finds it by name. */
	found_self = ctx->resolver ? lkm_resolve_lookup(ctx->resolver, module, &self)
				   : -ENOENT;
	if (found_self == -ENOMEM) {
		rc = -ENOMEM;
		goto out;
	}
	if (found_self == 0 && self.n && self.v[0].path)
		v.by_name = module;
	if (rc == 2) {
		char **syms = NULL;
		size_t ns = 0;

		for (size_t i = 0; i < n_missing; i++)
			if (missing[i].exporter == NULL)
				diag_add_line(d, &syms, &ns, "%s", missing[i].sym);
		v.list = syms;
		v.n_list = ns;
		rc = lkm_diag_build(d, LKM_DIAG_GPL_ONLY_SYMBOL, err, &v) < 0 ? -ENOMEM
									      : 1;
		lkm_strv_free(syms, ns);
	} else {
		if (n_nobody && n_exp == 0)
			lkm_diag_add_fix(
				d, LKM_FIX_NONE, NULL, NULL, 0,
				_("no module provides these: the module was built "
				  "against a kernel or "
				  "a companion module you do not have; rebuild it "
				  "against "
				  "linux-headers-%s with its companion"),
				ctx->release ? ctx->release : "$(uname -r)");
		rc = lkm_diag_build(d, LKM_DIAG_UNRESOLVED_SYMBOLS, err, &v) < 0 ? -ENOMEM
										 : 1;
	}
out:
	lkm_strv_free(exporters, n_exp);
	free(missing);
	lkm_modlist_release(&self);
	lkm_modules_release(&loaded);
	symset_free(&have);
	return rc;
}

/* Parameters that tell an old driver where its hardware is. */
static bool selects_hardware(const char *name)
{
	static const char *const words[] = { "io",   "irq",  "dma", "mem",  "port",
					     "base", "addr", "bus", "slot", "card" };

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strncmp(name, words[i], strlen(words[i])) == 0)
			return true;
	return false;
}

/* ---- the boot's own rules: the command line, lockdown ---- */

/* The value of KEY= on ROOT's kernel command line, into BUF (the last one wins, as the
 * kernel's parser does). */
static bool cmdline_value(const struct lkm_explain_ctx *ctx, const char *key, char *buf,
			  size_t size)
{
	struct lkm_buf cmd = { 0 };
	size_t klen = strlen(key);
	bool found = false;
	char *p, *tok;

	if (lkm_procfile_read(ctx->root, "/proc/cmdline", &cmd) < 0)
		return false;
	cmd.data[strcspn(cmd.data, "\n")] = '\0';
	p = cmd.data;
	while ((tok = lkm_scan_token(&p)) != NULL)
		if (strncmp(tok, key, klen) == 0 && tok[klen] == '=') {
			snprintf(buf, size, "%s", tok + klen + 1);
			found = true;
		}
	lkm_buf_release(&cmd);
	return found;
}

/* Whether LIST ("a,b,c") names MODULE, '-' and '_' alike. */
static bool list_names(const char *list, const char *module)
{
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, ",");

		if (lkm_module_name_eq_len(p, n, module))
			return true;
		p += n + (p[n] == ',');
	}
	return false;
}

/* /sys/kernel/security/lockdown: "none [integrity] confidentiality" -> "integrity" in
 * BUF; false when it is none or cannot be read. */
static bool lockdown_mode(const struct lkm_explain_ctx *ctx, char *buf, size_t size)
{
	struct lkm_buf lk = { 0 };
	bool on = false;

	if (lkm_procfile_read(ctx->root, "/sys/kernel/security/lockdown", &lk) == 0 &&
	    after(lk.data, "[", "]", buf, size))
		on = strcmp(buf, "none") != 0;
	lkm_buf_release(&lk);
	return on;
}

/* Evidence and fixes of a load the command line's module_blacklist= forbids; false when
 * it does not name MODULE. */
static bool blacklisted_by_kernel(const struct lkm_explain_ctx *ctx, const char *module,
				  struct lkm_diagnosis *d)
{
	char list[512];

	if (module == NULL ||
	    !cmdline_value(ctx, "module_blacklist", list, sizeof(list)) ||
	    !list_names(list, module))
		return false;
	diag_add_line(d, &d->evidence, &d->n_evidence,
		      _("the kernel command line (/proc/cmdline) "
			"has module_blacklist=%s"),
		      list);
	return true;
}

/* Evidence of a load lockdown refuses: the mode, the file's signature, where lockdown
 * comes from; the fix that fits the last. Returns the mode in BUF, false when lockdown is
 * off (or unreadable) and the kernel's line does not say it either. */
static bool lockdown_evidence(const struct lkm_explain_ctx *ctx,
			      const struct lkm_modfile *mf, bool logged,
			      struct lkm_diagnosis *d, char *buf, size_t size)
{
	char arg[64];
	bool on = lockdown_mode(ctx, buf, size);

	if (!on && !logged)
		return false;
	if (on)
		diag_add_line(d, &d->evidence, &d->n_evidence,
			      _("/sys/kernel/security/lockdown: %s"), buf);
	else
		snprintf(buf, size, "%s", _("on"));
	if (mf && !lkm_modfile_signature(mf)->present)
		diag_add_line(d, &d->evidence, &d->n_evidence,
			      _("the file carries no signature"));
	else if (mf && lkm_modfile_signature(mf)->signer)
		diag_add_line(
			d, &d->evidence, &d->n_evidence,
			_("the file is signed by %s, a key this kernel does not trust"),
			lkm_modfile_signature(mf)->signer);
	if (cmdline_value(ctx, "lockdown", arg, sizeof(arg))) {
		diag_add_line(
			d, &d->evidence, &d->n_evidence,
			_("lockdown comes from the kernel command line: lockdown=%s"),
			arg);
		lkm_diag_add_fix(
			d, LKM_FIX_NONE, NULL, NULL, 0,
			_("or boot without lockdown=%s: take it out of the boot loader's "
			  "command "
			  "line (Debian: GRUB_CMDLINE_LINUX in /etc/default/grub, then "
			  "update-grub)"),
			arg);
	} else {
		lkm_diag_add_fix(d, LKM_FIX_NONE, NULL, NULL, 0,
				 _("or, if lockdown comes from Secure Boot here, turn "
				   "Secure Boot off in "
				   "the firmware (mokutil --sb-state says)"));
	}
	return true;
}

/* ---- who holds what a driver asked for ---- */

/* "0x300-0x307" (or "0x300") anywhere in TEXT. */
static bool hex_range(const char *text, uint64_t *start, uint64_t *end)
{
	for (const char *p = strstr(text, "0x"); p; p = strstr(p + 2, "0x")) {
		char *e;
		unsigned long long a = strtoull(p, &e, 16), b;

		if (e == p + 2)
			continue;
		*start = *end = a;
		if (e[0] == '-' && e[1] == '0' && e[2] == 'x') {
			b = strtoull(e + 1, &e, 16);
			if (b >= a)
				*end = b;
		}
		return true;
	}
	return false;
}

/* Who holds [START, END] of /proc/ioports or /proc/iomem (PATH): evidence, and each
 * holder that is a loaded module into LIST. Returns how many holders. */
static size_t range_holders(const struct lkm_explain_ctx *ctx, const char *path,
			    const char *what, uint64_t start, uint64_t end,
			    const char *self, const struct lkm_modules *mods,
			    struct lkm_diagnosis *d, char ***list, size_t *n_list,
			    char *value, size_t size)
{
	struct lkm_ioranges r = { 0 };
	const struct lkm_iorange *h = NULL;
	size_t n = 0;

	if (lkm_ioranges_read(&r, ctx->root, path) < 0 || r.hidden) {
		if (r.hidden)
			diag_add_line(d, &d->evidence, &d->n_evidence,
				      _("%s shows no addresses without root"), path);
		lkm_ioranges_release(&r);
		return 0;
	}
	while ((h = lkm_ioranges_next_holder(&r, h, start, end)) != NULL) {
		if (self && lkm_module_name_eq(h->name, self))
			continue;
		diag_add_line(
			d, &d->evidence, &d->n_evidence,
			_("%s: %#llx-%#llx is held by %s%s"), path,
			(unsigned long long)h->start, (unsigned long long)h->end, h->name,
			lkm_modules_find(mods, h->name) ? _(" (a loaded module)")
							: _(" (built in, not a module)"));
		if (lkm_modules_find(mods, h->name))
			diag_add_line(d, list, n_list, "%s",
				      lkm_modules_find(mods, h->name)->name);
		if (n++ == 0 && value[0] == '\0' && start == end)
			snprintf(value, size, _("%s at %#llx"), what,
				 (unsigned long long)start);
		else if (n == 1 && value[0] == '\0')
			snprintf(value, size, "%s %#llx-%#llx", what,
				 (unsigned long long)start, (unsigned long long)end);
	}
	if (n == 0)
		diag_add_line(d, &d->evidence, &d->n_evidence,
			      _("%s: nothing holds %s %#llx-%#llx now"), path, what,
			      (unsigned long long)start, (unsigned long long)end);
	lkm_ioranges_release(&r);
	return n;
}

/*
 * A load whose init returned EBUSY: the parameters that name a resource (io=, port=,
 * base=, mem=, iomem=, irq=, major=) and the ranges the module's own messages name,
 * against /proc/ioports, /proc/iomem, /proc/interrupts and /proc/devices. Fills V's
 * value, param and list (holder modules; the caller frees it).
 */
static void resource_facts(const struct lkm_explain_ctx *ctx,
			   const struct lkm_result *res, const char *module,
			   const struct lkm_params *params, struct lkm_diagnosis *d,
			   struct lkm_diag_fill *v, char *value, size_t size, char *param,
			   size_t psize)
{
	struct lkm_modules mods = { 0 };
	uint64_t start, end;
	size_t found = 0;
	bool asked = false;

	lkm_modules_read(&mods, ctx->root);
	for (size_t k = 0; params && k < params->n; k++) {
		const char *tok = params->v[k].name, *val = params->v[k].value;
		char *e;
		unsigned long long num;
		size_t before = found;

		if (val == NULL)
			continue;
		num = strtoull(val, &e, 0);
		if (e == val)
			continue;
		/* the range the module's messages give, when they give one that starts
		 * here */
		start = end = num;
		for (size_t i = 0; i < res->log.n; i++) {
			uint64_t a, b;

			if (lkm_kmsg_line_from(res->log.lines[i], module) &&
			    hex_range(res->log.lines[i], &a, &b) && a == num)
				end = b;
		}
		if (strncmp(tok, "io", 2) == 0 || strncmp(tok, "port", 4) == 0 ||
		    strncmp(tok, "base", 4) == 0) {
			asked = true;
			found += range_holders(ctx, "/proc/ioports", _("I/O ports"),
					       start, end, module, &mods, d, &v->list,
					       &v->n_list, value, size);
		} else if (strncmp(tok, "mem", 3) == 0 || strncmp(tok, "iomem", 5) == 0) {
			asked = true;
			found += range_holders(ctx, "/proc/iomem", _("I/O memory"), start,
					       end, module, &mods, d, &v->list,
					       &v->n_list, value, size);
		} else if (strcmp(tok, "irq") == 0) {
			struct lkm_interrupts irqs = { 0 };
			const struct lkm_irq *irq;
			char label[32];

			asked = true;
			snprintf(label, sizeof(label), "%llu", num);
			if (lkm_interrupts_read(&irqs, ctx->root) == 0 &&
			    (irq = lkm_interrupts_find(&irqs, label)) != NULL) {
				for (const char *a = lkm_irq_next_action(irq, NULL); a;
				     a = lkm_irq_next_action(irq, a)) {
					diag_add_line(d, &d->evidence, &d->n_evidence,
						      _("/proc/interrupts: irq %s is "
							"used by %s"),
						      label, a);
					if (lkm_modules_find(&mods, a))
						diag_add_line(d, &v->list, &v->n_list,
							      "%s", a);
					if (found++ == 0 && value[0] == '\0')
						snprintf(value, size, _("irq %s"), label);
				}
			}
			lkm_interrupts_release(&irqs);
		} else if (strcmp(tok, "major") == 0) {
			struct lkm_devices devs = { 0 };

			asked = true;
			if (lkm_devices_read(&devs, ctx->root) == 0)
				for (size_t i = 0; i < devs.n; i++) {
					if (devs.v[i].major != num ||
					    lkm_module_name_eq(devs.v[i].name, module))
						continue;
					diag_add_line(
						d, &d->evidence, &d->n_evidence,
						_("/proc/devices: %s major %llu is %s"),
						devs.v[i].kind == LKM_DEV_CHAR
							? _("character")
							: _("block"),
						num, devs.v[i].name);
					if (lkm_modules_find(&mods, devs.v[i].name))
						diag_add_line(d, &v->list, &v->n_list,
							      "%s", devs.v[i].name);
					if (found++ == 0 && value[0] == '\0')
						snprintf(value, size, _("major %llu"),
							 num);
				}
			lkm_devices_release(&devs);
		}
		if (found > before && param[0] == '\0')
			snprintf(param, psize, "%s", tok);
	}
	/* Nothing given: a range the module's messages name. */
	for (size_t i = 0; !asked && i < res->log.n; i++)
		if (lkm_kmsg_line_from(res->log.lines[i], module) &&
		    hex_range(res->log.lines[i], &start, &end)) {
			asked = true;
			found += range_holders(
				ctx,
				strstr(res->log.lines[i], "mem") ? "/proc/iomem"
								 : "/proc/ioports",
				strstr(res->log.lines[i], "mem") ? _("I/O memory")
								 : _("I/O ports"),
				start, end, module, &mods, d, &v->list, &v->n_list, value,
				size);
		}
	if (found)
		v->value = value;
	if (param[0])
		v->param = param;
	if (!found)
		lkm_diag_add_fix(
			d, LKM_FIX_NONE, NULL, NULL, 0,
			_("read what %s asked for in its messages (dmesg | grep "
			  "%s) and compare "
			  "with /proc/ioports, /proc/iomem, /proc/interrupts and "
			  "/proc/devices"),
			module, module);
	if (!asked)
		diag_add_line(d, &d->evidence, &d->n_evidence,
			      _("no parameter given and no message of %s names a "
				"resource lkmtui "
				"can look up"),
			      module);
	lkm_modules_release(&mods);
}

/* The words of a kernel parameter string (a step's "io=0x300 name=\"a b\""), split as the
 * kernel's next_arg() does, into *WORDS (freed with lkm_strv_free) and OUT. */
static int kernel_params(const char *s, char ***words, size_t *n, struct lkm_params *out)
{
	char word[512];

	*words = NULL;
	*n = 0;
	while (s && lkm_param_next(&s, word, sizeof(word)))
		if (!lkm_strv_addf(words, n, "%s", word))
			return -ENOMEM;
	return lkm_params_parse((const char *const *)*words, *n, out);
}

/* ---- a failed result ---- */

/* M's users joined with ", " into BUF. */
static const char *joined_users(const struct lkm_module *m, char *buf, size_t size)
{
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, buf, size);
	for (const char *u = lkm_module_next_user(m, NULL); u;
	     u = lkm_module_next_user(m, u)) {
		lkm_strbuf_sep(&sb, ", ");
		lkm_strbuf_add(&sb, u);
	}
	return buf;
}

/* Whether /proc/sys/kernel/modules_disabled is 1; when it is, that goes in the evidence.
 */
static bool modules_disabled(const struct lkm_explain_ctx *ctx, struct lkm_diagnosis *d)
{
	struct lkm_buf buf = { 0 };
	bool disabled = lkm_procfile_read(ctx->root, "/proc/sys/kernel/modules_disabled",
					  &buf) == 0 &&
			buf.data[0] == '1';

	lkm_buf_release(&buf);
	if (disabled)
		diag_add_line(d, &d->evidence, &d->n_evidence,
			      _("/proc/sys/kernel/modules_disabled is 1"));
	return disabled;
}

/* Whether PATH begins with the ELF magic, or a compressed stream (a damaged .ko.xz). */
static bool starts_as_elf(const char *path)
{
	unsigned char magic[4] = { 0 };
	int fd = lkm_userpath_open(path, LKM_USERPATH_FILE, NULL);
	FILE *f = fd < 0 ? NULL : fdopen(fd, "rb");
	bool elf;

	if (f == NULL) {
		if (fd >= 0)
			close(fd);
		return false;
	}
	elf = fread(magic, 1, 4, f) == 4 && ((memcmp(magic, "\177ELF", 4) == 0) ||
					     (magic[0] == 0xfd && magic[1] == '7') ||
					     (magic[0] == 0x28 && magic[1] == 0xb5) ||
					     (magic[0] == 0x1f && magic[1] == 0x8b));
	fclose(f);
	return elf;
}

static enum lkm_diag_kind kind_of_refusal(enum lkm_refusal r)
{
	switch (r) {
	case LKM_REFUSE_NOT_FOUND: return LKM_DIAG_NOT_FOUND;
	case LKM_REFUSE_BAD_FILE: return LKM_DIAG_NOT_A_MODULE;
	case LKM_REFUSE_BUILTIN: return LKM_DIAG_BUILTIN;
	case LKM_REFUSE_ALREADY_LOADED: return LKM_DIAG_ALREADY_LOADED;
	case LKM_REFUSE_NOT_LOADED: return LKM_DIAG_NOT_LOADED;
	case LKM_REFUSE_IN_USE: return LKM_DIAG_IN_USE;
	case LKM_REFUSE_PERMANENT: return LKM_DIAG_PERMANENT;
	case LKM_REFUSE_MALFORMED_PARAM: return LKM_DIAG_INVALID_PARAMETER;
	case LKM_REFUSE_UNKNOWN_PARAM: return LKM_DIAG_UNKNOWN_PARAMETER;
	case LKM_REFUSE_INVALID_PARAM: return LKM_DIAG_INVALID_PARAMETER;
	case LKM_REFUSE_READ_ONLY_PARAM: return LKM_DIAG_READ_ONLY_PARAMETER;
	case LKM_REFUSE_NOT_PERMITTED: return LKM_DIAG_PERMISSION_DENIED;
	case LKM_REFUSE_MODULES_DISABLED: return LKM_DIAG_MODULES_DISABLED;
	case LKM_REFUSE_INSTALL_COMMAND: return LKM_DIAG_INSTALL_COMMAND;
	case LKM_REFUSE_PERSIST: return LKM_DIAG_PERSIST_FAILED;
	case LKM_REFUSE_NO_MODULE_SUPPORT: return LKM_DIAG_NO_MODULE_SUPPORT;
	case LKM_REFUSE_OFFLINE_ROOT: return LKM_DIAG_OFFLINE_ROOT;
	case LKM_REFUSE_BLACKLISTED: return LKM_DIAG_BLACKLISTED;
	case LKM_REFUSE_BLOCKED: return LKM_DIAG_BLOCKED;
	case LKM_REFUSE_REMOVE_COMMAND: return LKM_DIAG_REMOVE_COMMAND;
	case LKM_REFUSE_NONE: break;
	}
	return LKM_DIAG_NONE;
}

/* ---- a name not found: the tree gone, or a file depmod never indexed ---- */

/* Whether the running kernel's module tree is missing or empty; the other trees under
 * /lib/modules go to LIST. */
static bool tree_missing(const struct lkm_explain_ctx *ctx, struct lkm_diagnosis *d,
			 char ***list, size_t *n_list)
{
	char rel[PATH_MAX];
	int fd;
	DIR *dir;
	struct dirent *e;
	size_t entries = 0;
	bool missing;

	/* Without /lib/modules at all this is no upgrade: a capture, or a system that
	 * never had modules installed. */
	if (ctx->release == NULL ||
	    faccessat(lkm_sysroot_fd(ctx->root), "lib/modules", F_OK, 0) < 0)
		return false;
	snprintf(rel, sizeof(rel), "lib/modules/%s", ctx->release);
	fd = openat(lkm_sysroot_fd(ctx->root), rel, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0 && (dir = fdopendir(fd)) != NULL) {
		while ((e = readdir(dir)) != NULL)
			entries += e->d_name[0] != '.';
		closedir(dir);
	} else if (fd >= 0) {
		close(fd);
	}
	missing = fd < 0 || entries == 0;
	if (!missing)
		return false;
	diag_add_line(
		d, &d->evidence, &d->n_evidence,
		fd < 0 ? _("/lib/modules/%s does not exist: the running kernel is %s")
		       : _("/lib/modules/%s is empty: the running kernel is %s"),
		ctx->release, ctx->release);
	fd = openat(lkm_sysroot_fd(ctx->root), "lib/modules",
		    O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0 && (dir = fdopendir(fd)) != NULL) {
		while ((e = readdir(dir)) != NULL)
			if (e->d_name[0] != '.' && strcmp(e->d_name, ctx->release) != 0)
				diag_add_line(d, list, n_list, "%s", e->d_name);
		closedir(dir);
		if (*n_list > 1)
			qsort(*list, *n_list, sizeof(**list), cmp_str);
	} else if (fd >= 0) {
		close(fd);
	}
	if (*n_list == 0)
		diag_add_line(d, &d->evidence, &d->n_evidence,
			      _("/lib/modules holds no other kernel's modules either"));
	else
		for (size_t i = 0; i < *n_list; i++)
			diag_add_line(d, &d->evidence, &d->n_evidence,
				      _("installed: /lib/modules/%s"), (*list)[i]);
	return true;
}

/* The module file for NAME under DIR (relative to the root's fd), searched depth first,
 * into OUT (an absolute path as the system names it). */
static bool find_module_file(int dirfd, const char *dir, const char *name, char *out,
			     size_t size, int depth)
{
	int fd = openat(dirfd, dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *dp;
	struct dirent *e;
	bool found = false;

	if (fd < 0)
		return false;
	dp = fdopendir(fd);
	if (dp == NULL) {
		close(fd);
		return false;
	}
	while (!found && (e = readdir(dp)) != NULL) {
		char sub[PATH_MAX];
		size_t stem = strcspn(e->d_name, ".");
		const char *suffix = e->d_name + stem;

		if (e->d_name[0] == '.')
			continue;
		if ((size_t)snprintf(sub, sizeof(sub), "%s/%s", dir, e->d_name) >=
		    sizeof(sub))
			continue;
		if ((strcmp(suffix, ".ko") == 0 || strcmp(suffix, ".ko.xz") == 0 ||
		     strcmp(suffix, ".ko.zst") == 0 || strcmp(suffix, ".ko.gz") == 0) &&
		    lkm_module_name_eq_len(e->d_name, stem, name)) {
			found = (size_t)snprintf(out, size, "/%s", sub) < size;
		} else if (depth < 8 &&
			   (e->d_type == DT_DIR || e->d_type == DT_UNKNOWN)) {
			found = find_module_file(dirfd, sub, name, out, size, depth + 1);
		}
	}
	closedir(dp);
	return found;
}

/* Whether a file for NAME lies under the running tree though no lookup finds it; the file
 * goes to LIST. */
static bool not_indexed(const struct lkm_explain_ctx *ctx, const char *name,
			struct lkm_diagnosis *d, char ***list, size_t *n_list)
{
	char rel[PATH_MAX], file[PATH_MAX];
	struct stat st_file, st_dep;

	if (ctx->release == NULL || name == NULL || name[0] == '\0' || strchr(name, '/'))
		return false;
	snprintf(rel, sizeof(rel), "lib/modules/%s", ctx->release);
	if (!find_module_file(lkm_sysroot_fd(ctx->root), rel, name, file, sizeof(file),
			      0))
		return false;
	diag_add_line(d, &d->evidence, &d->n_evidence, _("the file is there: %s"), file);
	snprintf(rel, sizeof(rel), "lib/modules/%s/modules.dep", ctx->release);
	if (fstatat(lkm_sysroot_fd(ctx->root), rel, &st_dep, 0) < 0)
		diag_add_line(
			d, &d->evidence, &d->n_evidence,
			_("/lib/modules/%s has no modules.dep: depmod never ran there"),
			ctx->release);
	else if (fstatat(lkm_sysroot_fd(ctx->root), lkm_sysroot_rel(file), &st_file, 0) ==
			 0 &&
		 st_file.st_mtime > st_dep.st_mtime)
		diag_add_line(d, &d->evidence, &d->n_evidence,
			      _("modules.dep does not list it, and is older than it"));
	else
		diag_add_line(d, &d->evidence, &d->n_evidence,
			      _("modules.dep does not list it"));
	diag_add_line(d, list, n_list, "%s", file);
	return true;
}

/* The processes and mounts that hold MODULE: evidence now, and the fixes to put before
 * the table's. Returns how many, or -ENOMEM. */
static int find_holders(const struct lkm_explain_ctx *ctx, const char *module,
			struct lkm_diagnosis *d, struct lkm_diagnosis *fix)
{
	struct lkm_holders h;
	int err = lkm_holders_query(ctx->root, module, &h);
	size_t n = 0;

	for (size_t i = 0; err == 0 && i < h.n_mounts; i++, n++)
		if (!lkm_strv_addf(&d->evidence, &d->n_evidence,
				   _("mounted: %s on %s (%s)"), h.mounts[i].source,
				   h.mounts[i].point, h.mounts[i].fstype) ||
		    lkm_diag_add_fix(fix, LKM_FIX_NONE, NULL, NULL, 0, "umount %s",
				     h.mounts[i].point) < 0)
			err = -ENOMEM;
	for (size_t i = 0; err == 0 && i < h.n_procs; i++, n++) {
		bool again = i > 0 && h.procs[i - 1].pid == h.procs[i].pid;

		if (!lkm_strv_addf(&d->evidence, &d->n_evidence,
				   _("open: %s, by %s (pid %d)"), h.procs[i].file,
				   h.procs[i].comm, h.procs[i].pid) ||
		    (!again &&
		     lkm_diag_add_fix(fix, LKM_FIX_NONE, NULL, NULL, 0,
				      _("stop %s (pid %d): kill %d"), h.procs[i].comm,
				      h.procs[i].pid, h.procs[i].pid) < 0))
			err = -ENOMEM;
	}
	lkm_holders_release(&h);
	return err < 0 ? err : (int)n;
}

/* Puts *FIX (the holders' fixes, taken over) before D's; with no module among the users,
 * the table's generic "look for open files" line gives way to the unload itself. */
static int merge_holder_fixes(struct lkm_diagnosis *d, struct lkm_diagnosis *fix,
			      size_t n_list, const char *module)
{
	if (fix->n_fix == 0)
		return 0;
	if (n_list == 0) {
		lkm_diag_clear_fixes(d);
		if (lkm_diag_add_fix(fix, LKM_FIX_UNLOAD, module, NULL, 0,
				     _("then: lkmtui unload %s"), module) < 0)
			return -ENOMEM;
	}
	if (lkm_diag_move_fixes(fix, d) < 0)
		return -ENOMEM;
	return lkm_diag_move_fixes(d, fix);
}

static int explain_refusal(const struct lkm_explain_ctx *ctx,
			   const struct lkm_result *res, struct lkm_diagnosis *d)
{
	enum lkm_diag_kind kind = kind_of_refusal(res->refusal);
	char *file_module = res->module == NULL && res->names_file
				    ? lkm_modfile_module_name(NULL, res->target)
				    : NULL;
	struct lkm_diag_fill v = { .module = res->module   ? res->module
					     : file_module ? file_module
							   : res->target,
				   .file = res->path,
				   .target = res->target,
				   .target_is_file = res->names_file,
				   .param = res->bad_param,
				   .release = ctx->release };
	char **list = NULL;
	size_t n_list = 0;
	struct lkm_diagnosis hfix = { 0 };
	int err;

	if (res->reason)
		diag_add_line(d, &d->evidence, &d->n_evidence, "%s", res->reason);
	switch (kind) {
	case LKM_DIAG_IN_USE: {
		char users[1024];
		struct lkm_strbuf sb;

		lkm_strbuf_init(&sb, users, sizeof(users));
		for (size_t i = 0; i < res->n_holders; i++) {
			diag_add_line(d, &list, &n_list, "%s", res->holders[i]);
			lkm_strbuf_addf(&sb, "%s%s", i ? ", " : "", res->holders[i]);
		}
		if (n_list)
			diag_add_line(d, &d->evidence, &d->n_evidence, _("used by: %s"),
				      users);
		if (find_holders(ctx, v.module, d, &hfix) < 0)
			goto nomem;
		break;
	}
	case LKM_DIAG_NOT_FOUND:
		if (res->op == LKM_OP_LOAD && !res->names_file &&
		    tree_missing(ctx, d, &list, &n_list)) {
			kind = LKM_DIAG_MODULE_TREE_MISSING;
			break;
		}
		if (res->op == LKM_OP_LOAD && !res->names_file &&
		    not_indexed(ctx, res->target, d, &list, &n_list)) {
			kind = LKM_DIAG_NOT_INDEXED;
			break;
		}
		/* fall through */
	case LKM_DIAG_NOT_LOADED:
	case LKM_DIAG_BLACKLISTED:
		for (size_t i = 0; i < res->n_details; i++)
			diag_add_line(d, &list, &n_list, "%s", res->details[i]);
		break;
	case LKM_DIAG_ALREADY_LOADED:
		for (size_t i = 0; i < res->n_details; i++)
			diag_add_line(d, &d->evidence, &d->n_evidence, "%s",
				      res->details[i]);
		/* What lkmtui set can change in place: the fix's NAME=VALUE. */
		for (size_t i = 0; i < res->n_now; i++)
			if (res->now[i].writable && res->now[i].requested)
				diag_add_line(d, &list, &n_list, "%s=%s",
					      res->now[i].name, res->now[i].requested);
		break;
	case LKM_DIAG_UNKNOWN_PARAMETER:
	case LKM_DIAG_INVALID_PARAMETER:
	case LKM_DIAG_NOT_A_MODULE:
	case LKM_DIAG_INSTALL_COMMAND:
		for (size_t i = 0; i < res->n_details; i++)
			diag_add_line(d, &d->evidence, &d->n_evidence, "%s",
				      res->details[i]);
		break;
	case LKM_DIAG_BLOCKED:
	case LKM_DIAG_REMOVE_COMMAND:
		/* The module the rule is for, and where to take the rule out. */
		v.value = res->rule.module;
		for (size_t i = 0; i < res->n_details; i++)
			diag_add_line(d, &d->evidence, &d->n_evidence, "%s",
				      res->details[i]);
		diag_add_line(d, &list, &n_list, "%s",
			      res->rule.origin ? res->rule.origin : "modprobe.d");
		break;
	case LKM_DIAG_READ_ONLY_PARAMETER:
		for (size_t i = 0; i < res->n_details; i++)
			diag_add_line(d, &d->evidence, &d->n_evidence, "%s",
				      res->details[i]);
		break;
	case LKM_DIAG_PERMISSION_DENIED:
		diag_add_line(d, &d->evidence, &d->n_evidence,
			      _("you are uid %u, without CAP_SYS_MODULE"),
			      (unsigned)getuid());
		break;
	default: break;
	}
	v.list = list;
	v.n_list = n_list;
	/* A file that starts as ELF but does not hold together is damaged, not a plain
	 * object: the fix is another copy, not another build. */
	if (kind == LKM_DIAG_NOT_A_MODULE && res->path && starts_as_elf(res->path))
		kind = LKM_DIAG_DAMAGED_FILE;
	err = lkm_diag_build(d, kind, res->err, &v);
	if (err == 0)
		err = merge_holder_fixes(d, &hfix, n_list, v.module);
	lkm_diagnosis_release(&hfix);
	lkm_strv_free(list, n_list);
	free(file_module);
	return err;
nomem:
	lkm_diagnosis_release(&hfix);
	lkm_strv_free(list, n_list);
	free(file_module);
	return -ENOMEM;
}

static int explain_kernel_failure(const struct lkm_explain_ctx *ctx,
				  const struct lkm_result *res, struct lkm_diagnosis *d)
{
	const struct lkm_step *step = &res->steps[res->failed];
	const char *module = step->module ? step->module : res->module;
	const char *path = step->path ? step->path : res->path;
	struct lkm_diag_fill v = { .module = module,
				   .file = path,
				   .target = res->target,
				   .target_is_file = res->names_file,
				   .param = res->bad_param,
				   .release = ctx->release };
	struct lkm_modfile *mf = NULL;
	char **logged = NULL;
	size_t n_logged = 0;
	char sym[256], value[256], param[128], hw[256] = "";
	const char *line;
	int err = res->err, rc = 0;

	diag_add_line(d, &d->evidence, &d->n_evidence, _("the kernel answered %s (%s)"),
		      strerrorname_np(-err) ? strerrorname_np(-err) : "?",
		      strerror(-err));
	if (add_log_evidence(d, res, module) < 0)
		return -ENOMEM;
	if (path != NULL && (res->op == LKM_OP_LOAD))
		lkm_modfile_open(path, &mf, NULL);

	if (res->op == LKM_OP_UNLOAD) {
		enum lkm_diag_kind k = LKM_DIAG_INIT_FAILED;
		struct lkm_modules mods = { 0 };
		const struct lkm_module *m = NULL;
		char **holders = NULL, users[1024];
		size_t n_holders = 0;
		struct lkm_diagnosis hfix = { 0 };

		if (lkm_modules_read(&mods, ctx->root) == 0)
			m = lkm_modules_find(&mods, module);
		/* delete_module: EWOULDBLOCK is "in use"; EBUSY is "no exit function" or
		 * "not live yet / any more". /proc/modules now says which. */
		if (err == -EBUSY && m && (m->flags & LKM_MODFLAG_PERMANENT)) {
			k = LKM_DIAG_PERMANENT;
		} else if (err == -EAGAIN || err == -EBUSY) {
			k = LKM_DIAG_IN_USE;
			for (const char *u = m ? lkm_module_next_user(m, NULL) : NULL; u;
			     u = lkm_module_next_user(m, u))
				diag_add_line(d, &holders, &n_holders, "%s", u);
			if (m && m->state != LKM_STATE_LIVE)
				diag_add_line(d, &d->evidence, &d->n_evidence,
					      _("its state is %s, not live"),
					      lkm_module_state_id(m->state));
			else if (m && n_holders)
				diag_add_line(d, &d->evidence, &d->n_evidence,
					      _("used by: %s"),
					      joined_users(m, users, sizeof(users)));
			else if (m && m->use_count > 0)
				diag_add_line(d, &d->evidence, &d->n_evidence,
					      _("use count %lld, and no module among its "
						"users"),
					      (long long)m->use_count);
		} else if (err == -ENOENT) {
			k = LKM_DIAG_NOT_LOADED;
		} else if (err == -EPERM) {
			k = modules_disabled(ctx, d) ? LKM_DIAG_MODULES_DISABLED
						     : LKM_DIAG_PERMISSION_DENIED;
		}
		if (k == LKM_DIAG_IN_USE && find_holders(ctx, module, d, &hfix) < 0)
			rc = -ENOMEM;
		v.value = strerrorname_np(-err);
		v.list = holders;
		v.n_list = n_holders;
		if (rc == 0)
			rc = lkm_diag_build(d, k, err, &v);
		if (rc == 0)
			rc = merge_holder_fixes(d, &hfix, n_holders, module);
		lkm_diagnosis_release(&hfix);
		lkm_strv_free(holders, n_holders);
		lkm_modules_release(&mods);
		return rc;
	}
	if (res->op == LKM_OP_SET) {
		enum lkm_diag_kind k = err == -EINVAL ? LKM_DIAG_INVALID_PARAMETER
				       : (err == -EACCES || err == -EPERM)
					       ? LKM_DIAG_PERMISSION_DENIED
					       : LKM_DIAG_INIT_FAILED;
		v.value = strerrorname_np(-err);
		return lkm_diag_build(d, k, err, &v);
	}

	/* Loads: the kernel's words first. The namespace check runs while symbols are
	 * resolved: "module uses symbol (X) from namespace NS, but does not import it",
	 * then "Unknown symbol X (err -22)". */
	if ((line = log_find(res, ", but does not import it")) != NULL &&
	    after(line, "uses symbol (", ")", sym, sizeof(sym)) &&
	    after(line, "from namespace ", ", ", value, sizeof(value))) {
		struct lkm_modlist who = { 0 };

		if (ctx->resolver)
			lkm_resolve_symbol(ctx->resolver, sym, &who);
		rc = namespace_diag(d, &v, mf, sym, value, who.n ? who.v[0].name : NULL,
				    err);
		lkm_modlist_release(&who);
		goto out;
	}
	/* "exports duplicate symbol X (owned by M)": ENOEXEC, which kmod calls an invalid
	 * format. M is "kernel" when the kernel itself exports it. */
	if ((line = log_find(res, "exports duplicate symbol ")) != NULL &&
	    after(line, "exports duplicate symbol ", " ", sym, sizeof(sym)) &&
	    after(line, "(owned by ", ")", value, sizeof(value))) {
		rc = duplicate_diag(d, &v, sym,
				    strcmp(value, "kernel") == 0 ? NULL : value, err);
		goto out;
	}
	/* The boot's own rules: module_blacklist= and lockdown, before what the file
	 * says. */
	if (err == -EPERM && (blacklisted_by_kernel(ctx, module, d) ||
			      log_find(res, " is blacklisted") != NULL)) {
		rc = lkm_diag_build(d, LKM_DIAG_BLACKLISTED_BY_KERNEL, err, &v);
		goto out;
	}
	if (err == -EPERM &&
	    (log_find(res, "Lockdown:") || !mf || !lkm_modfile_signature(mf)->present)) {
		char mode[64];
		struct lkm_diagnosis tmp = { 0 };

		/* The fixes this adds go after the table's, so gather them apart. */
		if (lockdown_evidence(ctx, mf, log_find(res, "Lockdown:") != NULL, &tmp,
				      mode, sizeof(mode))) {
			for (size_t i = 0; i < tmp.n_evidence; i++)
				diag_add_line(d, &d->evidence, &d->n_evidence, "%s",
					      tmp.evidence[i]);
			v.value = mode;
			rc = lkm_diag_build(d, LKM_DIAG_LOCKDOWN, err, &v);
			if (rc == 0)
				rc = lkm_diag_move_fixes(d, &tmp);
			lkm_diagnosis_release(&tmp);
			goto out;
		}
		lkm_diagnosis_release(&tmp);
	}
	if (err == -EBUSY) {
		char what[128] = "", pname[64] = "", **words;
		struct lkm_params given = { 0 };
		size_t n_words;

		rc = kernel_params(step->params, &words, &n_words, &given);
		if (rc == 0) {
			resource_facts(ctx, res, module, &given, d, &v, what,
				       sizeof(what), pname, sizeof(pname));
			rc = lkm_diag_build(d, LKM_DIAG_RESOURCE_BUSY, err, &v);
		}
		lkm_params_release(&given);
		lkm_strv_free(words, n_words);
		lkm_strv_free(v.list, v.n_list);
		goto out;
	}
	/* A CRC mismatch comes first: the kernel logs
	 * "disagrees about version of symbol X" and then "Unknown symbol X (err -22)". */
	if ((line = log_find(res, "disagrees about version of symbol ")) != NULL &&
	    after(line, "disagrees about version of symbol ", " \n", sym, sizeof(sym))) {
		if (mf)
			rc = analyse_file(ctx, mf, path, module, sym, d, err);
		if (rc == 0 || d->kind != LKM_DIAG_SYMBOL_VERSION_MISMATCH) {
			/* The kernel named the symbol: that is the cause, whatever else
			 * differs. */
			v.value = sym;
			rc = lkm_diag_build(d, LKM_DIAG_SYMBOL_VERSION_MISMATCH, err, &v);
		}
		goto out;
	}
	for (size_t i = 0; i < res->log.n; i++)
		if (after(res->log.lines[i], "Unknown symbol ", " ", sym, sizeof(sym)))
			diag_add_line(d, &logged, &n_logged, "%s", sym);
	if (n_logged && mf) {
		rc = analyse_symbols(ctx, mf, module, (const char *const *)logged,
				     n_logged, NULL, d, err);
		goto out;
	}
	if ((line = log_find(res, "version magic '")) != NULL &&
	    after(line, "version magic '", "'", value, sizeof(value))) {
		char kernels[256], rel[256];

		if (after(line, "should be '", "'", kernels, sizeof(kernels)))
			compare_vermagic(d, value, kernels, &v, rel, sizeof(rel));
		else
			v.value = value;
		rc = lkm_diag_build(d, LKM_DIAG_VERMAGIC_MISMATCH, err, &v);
		goto out;
	}
	if (log_find(res, "invalid for parameter") != NULL ||
	    (err == -EINVAL && log_find(res, "parameter"))) {
		line = log_find(res, "invalid for parameter");
		if (line &&
		    after(line, "invalid for parameter `", "'", param, sizeof(param)))
			v.param = param;
		rc = lkm_diag_build(d, LKM_DIAG_INVALID_PARAMETER, err, &v);
		goto out;
	}
	if (err == -EKEYREJECTED || err == -ENOKEY || err == -EKEYEXPIRED ||
	    err == -EBADMSG || log_find(res, "Key was rejected") ||
	    log_find(res, "Lockdown:") ||
	    log_find(res, "Loading of unsigned module is rejected")) {
		struct lkm_buf buf = { 0 };

		if (mf && !lkm_modfile_signature(mf)->present)
			diag_add_line(d, &d->evidence, &d->n_evidence,
				      _("the file carries no signature"));
		else if (mf && lkm_modfile_signature(mf)->signer)
			diag_add_line(d, &d->evidence, &d->n_evidence,
				      _("the file is signed by %s"),
				      lkm_modfile_signature(mf)->signer);
		if (lkm_procfile_read(ctx->root,
				      "/sys/module/module/parameters/sig_enforce",
				      &buf) == 0 &&
		    buf.data[0] == 'Y')
			diag_add_line(
				d, &d->evidence, &d->n_evidence,
				_("this kernel enforces signatures "
				  "(/sys/module/module/parameters/sig_enforce is Y)"));
		lkm_buf_release(&buf);
		rc = lkm_diag_build(d, LKM_DIAG_SIGNATURE_REJECTED, err, &v);
		goto out;
	}
	if (err == -ENOEXEC) {
		if (mf)
			rc = analyse_file(ctx, mf, path, module, NULL, d, err);
		if (rc == 0)
			rc = lkm_diag_build(d, LKM_DIAG_NOT_A_MODULE, err, &v);
		goto out;
	}
	if (err == -ENOENT && mf) {
		/* ENOENT without readable log lines: the file's undefined symbols against
		 * kallsyms. */
		rc = analyse_symbols(ctx, mf, module, NULL, 0, NULL, d, err);
		if (rc != 0)
			goto out;
	}
	if (err == -EEXIST) {
		rc = lkm_diag_build(d, LKM_DIAG_ALREADY_LOADED, err, &v);
		goto out;
	}
	if (err == -EPERM) {
		bool disabled = modules_disabled(ctx, d);

		rc = lkm_diag_build(d,
				    disabled ? LKM_DIAG_MODULES_DISABLED
					     : LKM_DIAG_PERMISSION_DENIED,
				    err, &v);
		goto out;
	}
	if (err == -ENODEV || err == -ENXIO) {
		if (mf) {
			const struct lkm_modfile_param *decl;
			size_t n = lkm_modfile_params(mf, &decl);

			struct lkm_strbuf hb;

			lkm_strbuf_init(&hb, hw, sizeof(hw));
			/* io and irq first, as people write them; the rest after. */
			for (size_t pass = 0; pass < 3; pass++)
				for (size_t i = 0; i < n; i++) {
					bool io = strcmp(decl[i].name, "io") == 0,
					     irq = strcmp(decl[i].name, "irq") == 0;

					if (!selects_hardware(decl[i].name) ||
					    (pass == 0 && !io) || (pass == 1 && !irq) ||
					    (pass == 2 && (io || irq)))
						continue;
					diag_add_line(
						d, &d->evidence, &d->n_evidence,
						_("parameter %s (%s)%s%s"), decl[i].name,
						decl[i].type ? decl[i].type : "?",
						decl[i].description ? ": " : "",
						decl[i].description ? decl[i].description
								    : "");
					/* The seed's example values for the classic two,
					 * NAME=VALUE else. */
					lkm_strbuf_sep(&hb, " ");
					lkm_strbuf_addf(&hb, "%s=%s", decl[i].name,
							io    ? "0x300"
							: irq ? "11"
							      : "VALUE");
				}
			if (hw[0])
				v.hw = hw;
		}
		if (step->params && *step->params)
			diag_add_line(d, &d->evidence, &d->n_evidence,
				      _("it was given: %s"), step->params);
		rc = lkm_diag_build(d, LKM_DIAG_NO_DEVICE, err, &v);
		goto out;
	}
	v.value = strerrorname_np(-err);
	rc = lkm_diag_build(d, LKM_DIAG_INIT_FAILED, err, &v);
out:
	lkm_strv_free(logged, n_logged);
	lkm_modfile_free(mf);
	return rc < 0 ? rc : 0;
}

static int explain_result(const struct lkm_explain_ctx *ctx, const struct lkm_result *res,
			  struct lkm_diagnosis *out)
{
	if (res->err == 0)
		return 0;
	if (res->refusal != LKM_REFUSE_NONE)
		return explain_refusal(ctx, res, out);
	if (res->failed < res->n_steps)
		return explain_kernel_failure(ctx, res, out);
	/* A failure of lkmtui itself (reading /proc/modules, memory). */
	{
		struct lkm_diag_fill v = { .module = res->module ? res->module
								 : res->target,
					   .target = res->target,
					   .target_is_file = res->names_file,
					   .release = ctx->release,
					   .value = strerrorname_np(-res->err) };

		if (res->reason)
			diag_add_line(out, &out->evidence, &out->n_evidence, "%s",
				      res->reason);
		return lkm_diag_build(out, LKM_DIAG_INIT_FAILED, res->err, &v);
	}
}

int lkm_explain_result(const struct lkm_explain_ctx *ctx, const struct lkm_result *res,
		       struct lkm_diagnosis *out)
{
	int err;

	memset(out, 0, sizeof(*out));
	err = explain_result(ctx, res, out);
	if (err == 0 && out->oom)
		err = -ENOMEM;
	if (err < 0)
		lkm_diagnosis_release(out);
	return err;
}

/*
 * What the running system will refuse, seen before loading: the command line's
 * module_blacklist= naming a module of the plan, lockdown with an unsigned file, an
 * export that the kernel or a loaded module already has, a symbol from a namespace the
 * file does not import, and parameters asking for a range, line or major something
 * holds. Fills up to 5 of OUT; returns how many, or -ENOMEM.
 */
static int predict_machine(const struct lkm_explain_ctx *ctx,
			   const struct lkm_result *plan, const struct lkm_modfile *mf,
			   const char *const *params, size_t n_params,
			   struct lkm_diagnosis *out)
{
	const char *module = plan->module ? plan->module : plan->target;
	int n = 0;

	for (size_t s = 0; s < plan->n_steps; s++) {
		struct lkm_diag_fill v = { .module = plan->steps[s].module,
					   .file = plan->steps[s].path,
					   .target = plan->target,
					   .target_is_file = plan->names_file,
					   .release = ctx->release };

		if (plan->steps[s].kind != LKM_STEP_INSERT ||
		    !blacklisted_by_kernel(ctx, plan->steps[s].module, &out[n]))
			continue;
		if (lkm_diag_build(&out[n++], LKM_DIAG_BLACKLISTED_BY_KERNEL, 0, &v) < 0)
			return -ENOMEM;
		break;
	}
	if (mf && !lkm_modfile_signature(mf)->present) {
		char mode[64];
		struct lkm_diagnosis tmp = { 0 };
		struct lkm_diag_fill v = { .module = module,
					   .file = plan->path,
					   .target = plan->target,
					   .target_is_file = plan->names_file,
					   .release = ctx->release,
					   .value = mode };

		if (lockdown_evidence(ctx, mf, false, &tmp, mode, sizeof(mode))) {
			out[n].evidence = tmp.evidence;
			out[n].n_evidence = tmp.n_evidence;
			tmp.evidence = NULL;
			tmp.n_evidence = 0;
			if (lkm_diag_build(&out[n], LKM_DIAG_LOCKDOWN, 0, &v) < 0)
				return lkm_diagnosis_release(&tmp), -ENOMEM;
			if (lkm_diag_move_fixes(&out[n], &tmp) < 0)
				return lkm_diagnosis_release(&tmp), -ENOMEM;
			n++;
		}
		lkm_diagnosis_release(&tmp);
	}
	if (mf && lkm_modfile_is_module(mf)) {
		struct sym_fact f = { "", "", "" };
		struct lkm_diag_fill v = { .module = module,
					   .file = plan->path,
					   .target = plan->target,
					   .target_is_file = plan->names_file,
					   .release = ctx->release };
		int found = loaded_duplicate(ctx, mf, module, &f);

		if (found < 0)
			return found;
		if (found && duplicate_diag(&out[n++], &v, f.sym,
					    *f.exporter ? f.exporter : NULL, 0) < 0)
			return -ENOMEM;
		found = unimported_namespace(ctx, mf, &f);
		if (found == 0)
			found = symvers_namespace(ctx, mf, &f);
		if (found < 0)
			return found;
		if (found && namespace_diag(&out[n++], &v, mf, f.sym, f.ns,
					    *f.exporter ? f.exporter : NULL, 0) < 0)
			return -ENOMEM;
	}
	if (n_params) {
		struct lkm_result none = { .log = { .fd = -1 } };
		struct lkm_diag_fill v = { .module = module,
					   .file = plan->path,
					   .target = plan->target,
					   .target_is_file = plan->names_file,
					   .release = ctx->release };
		char what[128] = "", pname[64] = "";
		struct lkm_params given;
		struct lkm_diagnosis d = { 0 };

		if (lkm_params_parse(params, n_params, &given) < 0)
			return -ENOMEM;
		resource_facts(ctx, &none, module, &given, &d, &v, what, sizeof(what),
			       pname, sizeof(pname));
		lkm_params_release(&given);
		if (v.value != NULL) {
			if (lkm_diag_build(&d, LKM_DIAG_RESOURCE_BUSY, 0, &v) < 0) {
				lkm_strv_free(v.list, v.n_list);
				lkm_diagnosis_release(&d);
				return -ENOMEM;
			}
			out[n++] = d;
		} else {
			lkm_diagnosis_release(&d);
		}
		lkm_strv_free(v.list, v.n_list);
	}
	return n;
}

int lkm_explain_predict(const struct lkm_explain_ctx *ctx,
			const struct lkm_engine *engine, const char *target,
			const char *const *params, size_t n_params,
			struct lkm_diagnosis **out)
{
	struct lkm_engine dry = *engine;
	struct lkm_result plan;
	struct lkm_diagnosis *v = NULL, d;
	struct lkm_modfile *mf = NULL;
	size_t n = 0;
	int err;

	*out = NULL;
	/* A dry run finds the engine's own refusals; privilege is not what is asked here.
	 */
	dry.privileged = true;
	err = lkm_engine_load(&dry, target, params, n_params, LKM_DRY_RUN, &plan);
	if (err == -ENOMEM)
		goto fail;
	v = calloc(8, sizeof(*v));
	if (v == NULL)
		goto fail;
	if (plan.refusal != LKM_REFUSE_NONE &&
	    plan.refusal != LKM_REFUSE_ALREADY_LOADED) {
		if (lkm_explain_result(ctx, &plan, &v[n]) < 0)
			goto fail;
		n++;
		/* A file that opened is still worth reading: it may not be a module at
		 * all. */
		if (plan.refusal != LKM_REFUSE_UNKNOWN_PARAM &&
		    plan.refusal != LKM_REFUSE_INVALID_PARAM)
			goto done;
	} else if (plan.refusal == LKM_REFUSE_ALREADY_LOADED) {
		if (lkm_explain_result(ctx, &plan, &v[n]) < 0)
			goto fail;
		n++;
	}
	err = plan.path ? lkm_modfile_open(plan.path, &mf, NULL) : -ENOENT;
	if (err == -ENOMEM)
		goto fail;
	if (err == 0) {
		memset(&d, 0, sizeof(d));
		err = analyse_file(ctx, mf, plan.path, plan.module ? plan.module : target,
				   NULL, &d, 0);
		if (err < 0) {
			lkm_diagnosis_release(&d);
			goto fail;
		}
		if (err > 0)
			v[n++] = d;
		else
			lkm_diagnosis_release(
				&d); /* side-by-side lines of a difference that is fine */
		if (err == 0 && lkm_modfile_is_module(mf)) {
			err = analyse_symbols(ctx, mf, plan.module ? plan.module : target,
					      NULL, 0, &plan, &d, 0);
			if (err < 0) {
				lkm_diagnosis_release(&d);
				goto fail;
			}
			if (err > 0)
				v[n++] = d;
		}
	}
	err = predict_machine(ctx, &plan, mf, params, n_params, v + n);
	if (err < 0)
		goto fail;
	n += (size_t)err;
done:
	lkm_modfile_free(mf);
	lkm_result_release(&plan);
	*out = v;
	return (int)n;
fail:
	lkm_modfile_free(mf);
	lkm_result_release(&plan);
	lkm_diagnoses_free(v, n);
	return -ENOMEM;
}
