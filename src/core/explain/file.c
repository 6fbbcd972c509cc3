// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Causes the file itself shows: built for another architecture (wrong-architecture), not
 * a module at all (not-a-module), built for another kernel (vermagic-mismatch) or against
 * another build of it (symbol-version-mismatch). A module of the running kernel's own
 * tree is the reference its vermagic and CRCs are compared with.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/elfmachine.h"
#include "core/explain/cause.h"
#include "i18n.h"
#include "shared/strbuf.h"
#include "shared/strv.h"

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

	lkm_diag_line(d, &d->evidence, &d->n_evidence, _("the file's vermagic:  %.*s"),
		      trimmed_len(mine), mine);
	lkm_diag_line(d, &d->evidence, &d->n_evidence, _("this kernel's:        %.*s"),
		      trimmed_len(theirs), theirs);
	if (release_differs)
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("they differ in the release (%.*s, not %.*s)"), rl, mine,
			      rr, theirs);
	if (flags_differ)
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("they differ in the flags (%.*s, not %.*s)"),
			      trimmed_len(fm), fm, trimmed_len(ft), ft);
	if (release_differs)
		snprintf(buf, size, "%.*s", rl, mine);
	else
		snprintf(buf, size, "%.*s", trimmed_len(mine), mine);
	v->value = buf;
	return flags_differ || (release_differs && !modversions);
}

bool lkm_explain_file_fits(const struct lkm_explain_ctx *ctx,
			   const struct lkm_modfile *mf)
{
	struct lkm_elf_target host,
		file = { lkm_modfile_machine(mf), lkm_modfile_elf_class(mf),
			 lkm_modfile_big_endian(mf) };

	return lkm_elf_target_of_uname(ctx->machine, &host) != 0 ||
	       lkm_elf_target_equal(&host, &file);
}

/* wrong-architecture: the file's ELF machine, class or byte order is not this machine's.
 */
static int file_machine(const struct lkm_explain_ctx *ctx, const struct lkm_modfile *mf,
			struct lkm_diagnosis *d, struct lkm_diag_fill *v, int err)
{
	struct lkm_elf_target host;
	const char *name;
	char what[96];

	if (lkm_explain_file_fits(ctx, mf) ||
	    lkm_elf_target_of_uname(ctx->machine, &host) != 0)
		return 0;
	name = lkm_elf_machine_name(host.machine);
	snprintf(what, sizeof(what), "%s (%d-bit%s)", lkm_modfile_machine_name(mf),
		 lkm_modfile_elf_class(mf),
		 lkm_modfile_big_endian(mf) ? ", big-endian" : "");
	v->value = what;
	lkm_diag_line(d, &d->evidence, &d->n_evidence, _("the file: ELF %s, %s"), what,
		      lkm_modfile_type_name(mf));
	lkm_diag_line(d, &d->evidence, &d->n_evidence, _("this machine: %s (%s)"),
		      name ? name : ctx->machine, ctx->machine);
	return lkm_diag_build(d, LKM_DIAG_WRONG_ARCHITECTURE, err, v) < 0 ? -ENOMEM : 1;
}

/* not-a-module: an ELF file without what makes a module. */
static int file_not_module(const struct lkm_modfile *mf, struct lkm_diagnosis *d,
			   struct lkm_diag_fill *v, int err)
{
	char list[1024];
	struct lkm_strbuf sb;
	size_t n = lkm_modfile_section_count(mf);

	if (lkm_modfile_is_module(mf))
		return 0;
	lkm_strbuf_init(&sb, list, sizeof(list));
	for (size_t i = 1; i < n && sb.len + 2 < sizeof(list); i++)
		lkm_strbuf_addf(&sb, "%s%s", i > 1 ? ", " : "",
				lkm_modfile_section_name(mf, i));
	/* Cut: "..." at the end (and no further than the cut). */
	if (sb.truncated)
		strcpy(list + (sb.len < sizeof(list) - 5 ? sb.len : sizeof(list) - 5),
		       "...");
	lkm_diag_line(d, &d->evidence, &d->n_evidence,
		      _("the file: ELF %s, %s, sections: %s"),
		      lkm_modfile_machine_name(mf), lkm_modfile_type_name(mf),
		      n > 1 ? list : "-");
	if (!lkm_modfile_has_modinfo(mf))
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("no .modinfo section: no module name, licence or "
				"vermagic"));
	if (!lkm_modfile_has_this_module(mf))
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("no .gnu.linkonce.this_module section: no struct "
				"module for the kernel"));
	if (strcmp(lkm_modfile_type_name(mf), "relocatable") != 0)
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("a module is a relocatable object (ET_REL), this "
				"is %s"),
			      lkm_modfile_type_name(mf));
	return lkm_diag_build(d, LKM_DIAG_NOT_A_MODULE, err, v) < 0 ? -ENOMEM : 1;
}

/* The symbol whose CRC MF and REF disagree on (*MINE, *THEIRS), or NULL: SYMBOL (the one
 * the kernel named), else module_layout (a kernel that has it checks it first), else the
 * first in the order the kernel checks them: the undefined symbols in .symtab order, then
 * the rest of __versions. */
static const char *disagreeing(const struct lkm_modfile *mf,
			       const struct lkm_modfile *ref, const char *symbol,
			       unsigned long long *mine, unsigned long long *theirs)
{
	const struct lkm_modfile_version *vers;
	size_t nv = lkm_modfile_versions(mf, &vers);
	const char *const *undef;
	size_t nu = lkm_modfile_undefined(mf, &undef);

	if (symbol && crc_of(mf, symbol, mine) && crc_of(ref, symbol, theirs))
		return symbol;
	if (crc_of(mf, "module_layout", mine) && crc_of(ref, "module_layout", theirs) &&
	    *mine != *theirs)
		return "module_layout";
	for (size_t i = 0; i < nu; i++)
		if (crc_of(mf, undef[i], mine) && crc_of(ref, undef[i], theirs) &&
		    *mine != *theirs)
			return undef[i];
	for (size_t i = 0; i < nv; i++)
		if (crc_of(ref, vers[i].symbol, theirs) && *theirs != vers[i].crc) {
			*mine = vers[i].crc;
			return vers[i].symbol;
		}
	return NULL;
}

/* vermagic-mismatch or symbol-version-mismatch against REF, a module of this kernel. */
static int file_against(const struct lkm_modfile *mf, const struct lkm_modfile *ref,
			const char *symbol, struct lkm_diagnosis *d,
			struct lkm_diag_fill *v, int err)
{
	const char *vermagic = lkm_modfile_info(mf, "vermagic");
	const char *ref_magic = lkm_modfile_info(ref, "vermagic");
	unsigned long long mine = 0, theirs = 0;
	const char *bad = disagreeing(mf, ref, symbol, &mine, &theirs);
	char release_buf[256];
	int rc = 0;

	if (vermagic && ref_magic && strcmp(vermagic, ref_magic) != 0) {
		if (compare_vermagic(d, vermagic, ref_magic, v, release_buf,
				     sizeof(release_buf)) &&
		    bad == NULL)
			rc = lkm_diag_build(d, LKM_DIAG_VERMAGIC_MISMATCH, err, v) < 0
				     ? -ENOMEM
				     : 1;
	}
	if (bad != NULL) {
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("%s: the file was built against CRC 0x%08llx, "
				"this kernel's modules "
				"against 0x%08llx"),
			      bad, mine, theirs);
		v->value = bad;
		rc = lkm_diag_build(d, LKM_DIAG_SYMBOL_VERSION_MISMATCH, err, v) < 0
			     ? -ENOMEM
			     : 1;
	}
	return rc;
}

/* vermagic-mismatch with no module of this kernel to compare with: the release alone. */
static int file_release(const struct lkm_explain_ctx *ctx, const struct lkm_modfile *mf,
			struct lkm_diagnosis *d, struct lkm_diag_fill *v, int err)
{
	const char *vermagic = lkm_modfile_info(mf, "vermagic");
	char release[128];

	if (vermagic == NULL || ctx->release == NULL ||
	    strncmp(vermagic, ctx->release, strlen(ctx->release)) == 0)
		return 0;
	lkm_modfile_built_for(mf, release, sizeof(release));
	lkm_diag_line(d, &d->evidence, &d->n_evidence, _("the file's vermagic: %s"),
		      vermagic);
	lkm_diag_line(d, &d->evidence, &d->n_evidence, _("this kernel: %s"),
		      ctx->release);
	v->value = release;
	return lkm_diag_build(d, LKM_DIAG_VERMAGIC_MISMATCH, err, v) < 0 ? -ENOMEM : 1;
}

int lkm_explain_file(const struct lkm_explain_ctx *ctx, const struct lkm_modfile *mf,
		     const char *path, const char *module, const char *symbol,
		     struct lkm_diagnosis *d, int err)
{
	struct lkm_diag_fill v = { .module = module,
				   .file = path,
				   .target = path,
				   .target_is_file = true,
				   .release = ctx->release };
	struct lkm_modfile *ref;
	int rc = file_machine(ctx, mf, d, &v, err);

	if (rc == 0)
		rc = file_not_module(mf, d, &v, err);
	if (rc != 0)
		return rc;
	if (reference_module(ctx, path, &ref) < 0)
		return -ENOMEM;
	if (ref == NULL)
		return file_release(ctx, mf, d, &v, err);
	rc = file_against(mf, ref, symbol, d, &v, err);
	lkm_modfile_free(ref);
	return rc;
}

/* "disagrees about version of symbol X", then "Unknown symbol X (err -22)": the kernel
 * named the symbol, and that is the cause, whatever else differs. */
int lkm_cause_crc(const struct lkm_cause *c, struct lkm_diagnosis *d)
{
	static const char prefix[] = "disagrees about version of symbol ";
	const char *line = lkm_explain_log_find(c->res, prefix);
	struct lkm_diag_fill v = c->fill;
	char sym[256];
	int rc = 0;

	if (line == NULL || !lkm_explain_after(line, prefix, " \n", sym, sizeof(sym)))
		return 0;
	if (c->mf)
		rc = lkm_explain_file(c->ctx, c->mf, c->path, c->module, sym, d, c->err);
	if (rc == 0 || d->kind != LKM_DIAG_SYMBOL_VERSION_MISMATCH) {
		v.value = sym;
		rc = lkm_diag_build(d, LKM_DIAG_SYMBOL_VERSION_MISMATCH, c->err, &v);
	}
	return rc < 0 ? rc : 1;
}

/* "version magic 'X' should be 'Y'". */
int lkm_cause_vermagic(const struct lkm_cause *c, struct lkm_diagnosis *d)
{
	static const char prefix[] = "version magic '";
	const char *line = lkm_explain_log_find(c->res, prefix);
	struct lkm_diag_fill v = c->fill;
	char value[256], kernels[256], rel[256];
	int rc;

	if (line == NULL || !lkm_explain_after(line, prefix, "'", value, sizeof(value)))
		return 0;
	if (lkm_explain_after(line, "should be '", "'", kernels, sizeof(kernels)))
		compare_vermagic(d, value, kernels, &v, rel, sizeof(rel));
	else
		v.value = value;
	rc = lkm_diag_build(d, LKM_DIAG_VERMAGIC_MISMATCH, c->err, &v);
	return rc < 0 ? rc : 1;
}

/* ENOEXEC with no line that says more: what the file shows, else not a module. */
int lkm_cause_bad_format(const struct lkm_cause *c, struct lkm_diagnosis *d)
{
	int rc = 0;

	if (c->mf)
		rc = lkm_explain_file(c->ctx, c->mf, c->path, c->module, NULL, d, c->err);
	if (rc == 0)
		rc = lkm_diag_build(d, LKM_DIAG_NOT_A_MODULE, c->err, &c->fill);
	return rc < 0 ? rc : 1;
}

int lkm_foresee_file(struct lkm_foresight *f, struct lkm_diagnosis *d)
{
	int rc;

	if (f->mf == NULL)
		return 0;
	rc = lkm_explain_file(f->ctx, f->mf, f->plan->path, f->module, NULL, d, 0);
	if (rc > 0)
		f->file_refused = true;
	return rc;
}
