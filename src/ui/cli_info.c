// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lkmtui info: what a module is (its .modinfo), whether and how it is loaded (with what
 * each state, count and taint letter means), its parameters with their current values,
 * and what modprobe.d and lkmtui.conf say about it.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/engine.h"
#include "core/explain.h"
#include "core/modfile.h"
#include "core/loadedfor.h"
#include "core/owns.h"
#include "core/params.h"
#include "core/persist.h"
#include "core/text.h"
#include "i18n.h"
#include "model/modules.h"
#include "model/snapshot.h"
#include "model/sysmodule.h"
#include "ui/cli_report.h"
#include "ui/json.h"

/* The .modinfo keys shown, in this order; repeated keys are shown each time. */
static const char *const info_keys[] = {
	"name",	      "description", "author",	"license",   "version",
	"srcversion", "alias",	     "depends", "softdep",   "firmware",
	"import_ns",  "intree",	     "staging", "retpoline", "vermagic",
};

struct info {
	char *name;
	const char *path;
	struct lkm_modlist found;
	struct lkm_modfile *mf;
	struct lkm_modules mods;
	const struct lkm_module *loaded;
	struct lkm_sysmodule sm;
	struct lkm_modconf conf;
	char **persisted;
	bool at_boot;			 /* lkmtui's modules-load.d line */
	bool blocked[2];		 /* lkmtui's block: in /run, in /etc */
	struct lkm_owns owns;		 /* what it drives, from /sys */
	struct lkm_loaded_for why;	 /* why it is loaded (when it is) */
	const struct lkm_params *wanted; /* NAME=VALUE the caller asks about */
	bool builtin;
	char error[300];
};

static void info_release(struct info *in)
{
	free(in->name);
	lkm_modlist_release(&in->found);
	lkm_modfile_free(in->mf);
	lkm_modules_release(&in->mods);
	lkm_sysmodule_release(&in->sm);
	lkm_modconf_release(&in->conf);
	lkm_strv_freev(in->persisted);
	lkm_owns_release(&in->owns);
	lkm_loaded_for_release(&in->why);
}

/* Gathers everything; returns 0, or -ENOENT when TARGET is nothing we know. */
static int gather(struct info *in, const struct lkm_sysroot *root,
		  struct lkm_resolver *resolver, const char *target)
{
	struct lkm_modfile_error why = { 0 };
	int err;

	memset(in, 0, sizeof(*in));
	if (lkm_engine_names_file(target)) {
		in->path = target;
		if (lkm_modfile_open(target, &in->mf, &why) < 0) {
			snprintf(in->error, sizeof(in->error), "%s", why.reason);
			return why.err;
		}
		in->name = lkm_modfile_module_name(in->mf, target);
	} else {
		err = resolver ? lkm_resolve_lookup(resolver, target, &in->found)
			       : -ENOENT;
		if (err == -ENOMEM)
			return err;
		if (err == 0 && in->found.n) {
			in->name = strdup(in->found.v[0].name);
			in->path = in->found.v[0].path;
			in->builtin = in->found.v[0].builtin;
			if (in->path && lkm_modfile_open(in->path, &in->mf, &why) < 0) {
				if (why.err == -ENOMEM)
					return why.err;
				snprintf(in->error, sizeof(in->error), "%s", why.reason);
			}
		} else {
			in->name = strdup(target);
		}
	}
	if (in->name == NULL)
		return -ENOMEM;
	lkm_module_name_normalize(in->name);
	err = lkm_modules_read(&in->mods, root);
	if (err == -ENOMEM)
		return err;
	if (err == 0)
		in->loaded = lkm_modules_find(&in->mods, in->name);
	if (lkm_sysmodule_read(root, in->name, &in->sm) < 0)
		return -ENOMEM;
	if (resolver && lkm_resolve_modconf(resolver, in->name, &in->conf) == -ENOMEM)
		return -ENOMEM;
	if (lkm_persist_read(root, in->name, &in->persisted) == -ENOMEM)
		return -ENOMEM;
	{
		static const enum lkm_persist_what what[] = { LKM_HAS_BOOT,
							      LKM_HAS_BLOCK_RUN,
							      LKM_HAS_BLOCK_ETC };
		bool *has[] = { &in->at_boot, &in->blocked[0], &in->blocked[1] };

		for (size_t i = 0; i < 3; i++) {
			int rc = lkm_persist_has(root, what[i], in->name);

			if (rc == -ENOMEM)
				return rc;
			*has[i] = rc > 0;
		}
	}
	if (in->loaded || in->sm.present) {
		struct lkm_snapshot snap = { 0 };
		int rc = lkm_snapshot_take(&snap, root,
					   LKM_SRC_MODULES | LKM_SRC_DEVICES |
						   LKM_SRC_INTERRUPTS);

		if (rc == 0)
			rc = lkm_owns_query(root, &snap, in->name, &in->owns);
		if (rc == 0 && in->loaded)
			rc = lkm_loaded_for_query(root, resolver, &snap, in->name,
						  &in->why);
		lkm_snapshot_release(&snap);
		if (rc < 0)
			return rc;
	}
	if (in->mf == NULL && in->loaded == NULL && !in->sm.present && !in->builtin) {
		if (!in->error[0])
			snprintf(in->error, sizeof(in->error),
				 _("no module, alias or file is called %s"), target);
		return -ENOENT;
	}
	return 0;
}

static const struct lkm_sysparam *current(const struct info *in, const char *name)
{
	for (size_t i = 0; i < in->sm.n_params; i++)
		if (lkm_param_name_eq(in->sm.params[i].name, name))
			return &in->sm.params[i];
	return NULL;
}

/* One NAME=VALUE asked about: its name, value and the running parameter. */
struct wanted {
	const char *name;
	const char *value; /* NULL for a bare name */
	const struct lkm_sysparam *running;
	bool differs; /* running readable and not VALUE */
};

static struct wanted wanted_at(const struct info *in, size_t i)
{
	struct wanted w = { .name = in->wanted->v[i].name,
			    .value = in->wanted->v[i].value };

	w.running = current(in, w.name);
	w.differs = w.running && w.running->value &&
		    !lkm_param_value_eq(lkm_modfile_param_type(in->mf, w.name),
					w.running->value, w.value);
	return w;
}

static void print_term(FILE *out, const char *label, const char *value, const char *key)
{
	const char *t = key ? lkm_explain_term(key) : NULL;

	if (value)
		fprintf(out, "%-12s %s\n", label, value);
	if (t)
		fprintf(out, "%-12s   %s\n", "", t);
}

/* M's terms (core/text), each with what it means below it; the taint letters read as
 * one line ("taints  OE") with each letter's meaning below. */
static void print_terms(FILE *out, const struct lkm_module *m)
{
	struct lkm_term terms[LKM_TEXT_MAX_TERMS];
	size_t n = lkm_text_module_terms(m, ", ", terms, LKM_TEXT_MAX_TERMS);
	bool taints = false;

	for (size_t i = 0; i < n; i++) {
		const char *value = terms[i].value;

		if (terms[i].key && strncmp(terms[i].key, "taint-", 6) == 0) {
			value = taints ? NULL : m->taints;
			taints = true;
		}
		print_term(out, terms[i].field, value, terms[i].key);
	}
}

static void print_loaded_for(FILE *out, const struct lkm_loaded_for *lf);

/* What it drives: "network eth0", "irq 11", "char major 246", "char 4:64 ttyS0", one a
 * line; then what it
 * is loaded for (WHY; NULL: it is not loaded). */
static void print_drives(FILE *out, const struct lkm_owns *o,
			 const struct lkm_loaded_for *why)
{
	const char *label = _("drives");

	for (size_t i = 0; i < o->n_interfaces; i++, label = "")
		fprintf(out, "%-12s %s %s\n", label, _("network"), o->interfaces[i]);
	for (size_t i = 0; i < o->n_irqs; i++, label = "")
		fprintf(out, "%-12s %s %s\n", label, _("irq"), o->irqs[i]);
	for (size_t i = 0; i < o->n_majors; i++, label = "")
		fprintf(out, "%-12s %s %u\n", label,
			o->majors[i].kind == 'c' ? _("char major") : _("block major"),
			o->majors[i].major);
	for (size_t i = 0; i < o->n_devices; i++, label = "")
		fprintf(out, "%-12s %s %u:%u %s\n", label,
			o->devices[i].kind == 'c' ? _("char") : _("block"),
			o->devices[i].major, o->devices[i].minor, o->devices[i].name);
	if (why)
		print_loaded_for(out, why);
}

/* Why it is loaded, one reason a line. */
static void print_loaded_for(FILE *out, const struct lkm_loaded_for *lf)
{
	char **lines = NULL;
	size_t n = 0;

	if (lkm_loaded_for_text(lf, &lines, &n) < 0)
		fprintf(out, "%-12s %s\n", _("loaded for"), _("out of memory"));
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%-12s %s\n", i ? "" : _("loaded for"), lines[i]);
	lkm_strv_free(lines, n);
}

/* The parameters the file declares, with their values when loaded (or, without the
 * file, those /sys/module shows). */
static void print_params(FILE *out, const struct info *in)
{
	const struct lkm_modfile_param *decl = NULL;
	size_t n_decl = in->mf ? lkm_modfile_params(in->mf, &decl) : 0;

	if (n_decl || in->sm.n_params) {
		fprintf(out, _("parameters:\n"));
		for (size_t i = 0; i < n_decl; i++) {
			const struct lkm_sysparam *p = current(in, decl[i].name);

			fprintf(out, "  %-16s %-14s", decl[i].name,
				decl[i].type ? decl[i].type : "?");
			if (p)
				fprintf(out, " = %-10s %s", p->value ? p->value : "?",
					p->writable ? _("(writable)") : _("(read-only)"));
			fputc('\n', out);
			if (decl[i].description)
				fprintf(out, "  %-16s %s\n", "", decl[i].description);
		}
		for (size_t i = 0; in->mf == NULL && i < in->sm.n_params; i++)
			fprintf(out, "  %-16s = %-10s %s\n", in->sm.params[i].name,
				in->sm.params[i].value ? in->sm.params[i].value : "?",
				in->sm.params[i].writable ? _("(writable)")
							  : _("(read-only)"));
	}
}

static void print_text(FILE *out, const struct info *in)
{
	fprintf(out, "%-12s %s\n", _("module"), in->name);
	if (in->path)
		fprintf(out, "%-12s %s%s%s%s\n", _("file"), in->path,
			in->mf && strcmp(lkm_modfile_compression(in->mf), "none") ? " ("
										  : "",
			in->mf && strcmp(lkm_modfile_compression(in->mf), "none")
				? lkm_modfile_compression(in->mf)
				: "",
			in->mf && strcmp(lkm_modfile_compression(in->mf), "none") ? ")"
										  : "");
	if (in->builtin)
		fprintf(out, "%-12s %s\n", "",
			_("built into the kernel (modules.builtin)"));
	if (in->error[0])
		fprintf(out, "%-12s %s\n", _("file error"), in->error);
	for (size_t k = 0; in->mf && k < sizeof(info_keys) / sizeof(info_keys[0]); k++) {
		size_t pos = 0;
		const char *v;

		while ((v = lkm_modfile_info_next(in->mf, info_keys[k], &pos, NULL)) !=
		       NULL)
			fprintf(out, "%-12s %s\n", info_keys[k], v);
	}
	if (in->mf) {
		const struct lkm_modfile_signature *sig = lkm_modfile_signature(in->mf);

		fprintf(out, "%-12s %s, %d-bit, %s\n", _("elf"),
			lkm_modfile_machine_name(in->mf), lkm_modfile_elf_class(in->mf),
			lkm_modfile_type_name(in->mf));
		if (sig->present)
			fprintf(out, "%-12s %s%s%s\n", _("signature"),
				sig->signer ? sig->signer : _("present"),
				sig->hash_algo ? ", " : "",
				sig->hash_algo ? sig->hash_algo : "");
		else
			fprintf(out, "%-12s %s\n", _("signature"), _("none"));
	}

	if (in->loaded) {
		print_terms(out, in->loaded);
		if (in->sm.present && in->sm.has_coresize)
			fprintf(out, "%-12s %llu\n", _("core size"),
				(unsigned long long)in->sm.coresize);
	} else if (in->sm.present) {
		fprintf(out, "%-12s %s\n", _("state"),
			_("present in /sys/module but not in /proc/modules: built in"));
	} else {
		fprintf(out, "%-12s %s\n", _("state"), _("not loaded"));
	}

	print_params(out, in);

	for (size_t i = 0; i < in->wanted->n; i++) {
		struct wanted w = wanted_at(in, i);

		fprintf(out, "%-12s %s=%s: ", i ? "" : _("wanted"), w.name,
			w.value ? w.value : "");
		if (w.running == NULL || w.running->value == NULL)
			fputs(_("no running value to compare\n"), out);
		else if (w.differs)
			fprintf(out, _("differs, %s now\n"), w.running->value);
		else
			fprintf(out, _("as running (%s)\n"), w.running->value);
	}
	if (in->conf.options)
		fprintf(out, "%-12s %s\n", _("options"), in->conf.options);
	for (size_t i = 0; in->persisted && in->persisted[i]; i++)
		fprintf(out, "%-12s %s%s\n", i ? "" : _("persisted"), in->persisted[i],
			i ? "" : " (" LKM_PERSIST_FILE ")");
	if (in->at_boot)
		fprintf(out, "%-12s %s (%s)\n", _("at boot"), _("loaded"), LKM_BOOT_FILE);
	for (int i = 0; i < 2; i++)
		if (in->blocked[i])
			fprintf(out, "%-12s %s\n", _("blocked"),
				i ? LKM_PERSIST_FILE : LKM_BLOCK_RUN_FILE);
	if (in->conf.blacklisted) {
		fprintf(out, "%-12s %s\n", _("blacklist"), _("yes, in modprobe.d"));
		fprintf(out, "%-12s   %s\n", "",
			_("That stops it being loaded through an alias (hardware "
			  "detection at boot). "
			  "It does not stop an explicit load by name, nor a load as "
			  "another module's "
			  "dependency: to forbid it entirely, use \"install NAME "
			  "/bin/false\"."));
	}
	for (size_t i = 0; i < in->conf.pre.n; i++)
		fprintf(out, "%-12s %s\n", _("softdep pre"), in->conf.pre.v[i].name);
	for (size_t i = 0; i < in->conf.post.n; i++)
		fprintf(out, "%-12s %s\n", _("softdep post"), in->conf.post.v[i].name);
	if (in->conf.install)
		fprintf(out, "%-12s %s\n", _("install"), in->conf.install);
	if (in->conf.remove)
		fprintf(out, "%-12s %s\n", _("remove"), in->conf.remove);
	print_drives(out, &in->owns, in->loaded ? &in->why : NULL);
}

static void json_drives(struct lkm_json *j, const struct lkm_owns *o)
{
	lkm_json_open(j, "drives", '{');
	lkm_report_json_strings(j, "interfaces", o->interfaces, o->n_interfaces);
	lkm_report_json_strings(j, "irqs", o->irqs, o->n_irqs);
	lkm_json_open(j, "majors", '[');
	for (size_t i = 0; i < o->n_majors; i++) {
		lkm_json_open(j, NULL, '{');
		lkm_json_str(j, "type", o->majors[i].kind == 'c' ? "char" : "block");
		lkm_json_i64(j, "major", o->majors[i].major);
		lkm_json_close(j, '}');
	}
	lkm_json_close(j, ']');
	lkm_json_open(j, "devices", '[');
	for (size_t i = 0; i < o->n_devices; i++) {
		lkm_json_open(j, NULL, '{');
		lkm_json_str(j, "type", o->devices[i].kind == 'c' ? "char" : "block");
		lkm_json_i64(j, "major", o->devices[i].major);
		lkm_json_i64(j, "minor", o->devices[i].minor);
		lkm_json_str(j, "name", o->devices[i].name);
		lkm_json_close(j, '}');
	}
	lkm_json_close(j, ']');
	lkm_json_close(j, '}');
}

static void json_loaded_for(struct lkm_json *j, const struct lkm_loaded_for *lf)
{
	lkm_json_open(j, "loaded_for", '{');
	lkm_json_open(j, "devices", '[');
	for (size_t i = 0; i < lf->drives.n_drives; i++) {
		const struct lkm_hwbind *b = &lf->drives.drives[i];

		lkm_json_open(j, NULL, '{');
		lkm_json_str(j, "address", b->address);
		lkm_json_str(j, "bus", b->bus);
		lkm_json_str(j, "name", b->name);
		lkm_json_str(j, "driver", b->driver);
		lkm_report_json_strings(j, "interfaces", b->interfaces, b->n_interfaces);
		lkm_json_close(j, '}');
	}
	lkm_json_close(j, ']');
	lkm_report_json_strings(j, "used_by", lf->used_by, lf->n_used_by);
	lkm_report_json_strings(j, "interfaces", lf->interfaces, lf->n_interfaces);
	lkm_json_open(j, "mounts", '[');
	for (size_t i = 0; i < lf->holders.n_mounts; i++) {
		lkm_json_open(j, NULL, '{');
		lkm_json_str(j, "point", lf->holders.mounts[i].point);
		lkm_json_str(j, "fstype", lf->holders.mounts[i].fstype);
		lkm_json_str(j, "source", lf->holders.mounts[i].source);
		lkm_json_close(j, '}');
	}
	lkm_json_close(j, ']');
	lkm_json_open(j, "processes", '[');
	for (size_t i = 0; i < lf->holders.n_procs; i++) {
		lkm_json_open(j, NULL, '{');
		lkm_json_i64(j, "pid", lf->holders.procs[i].pid);
		lkm_json_str(j, "comm", lf->holders.procs[i].comm);
		lkm_json_str(j, "file", lf->holders.procs[i].file);
		lkm_json_close(j, '}');
	}
	lkm_json_close(j, ']');
	lkm_json_open(j, "boot", '[');
	for (size_t i = 0; i < lf->n_boot; i++) {
		lkm_json_open(j, NULL, '{');
		lkm_json_str(j, "file", lf->boot[i].path);
		lkm_json_i64(j, "line", lf->boot[i].line);
		lkm_json_str(j, "name", lf->boot[i].name);
		lkm_json_close(j, '}');
	}
	lkm_json_close(j, ']');
	lkm_json_bool(j, "nothing", lkm_loaded_for_nothing(lf));
	lkm_json_close(j, '}');
}

static void print_json(FILE *out, const struct info *in)
{
	const struct lkm_modfile_param *decl = NULL;
	size_t n_decl = in->mf ? lkm_modfile_params(in->mf, &decl) : 0;
	struct lkm_json j;

	lkm_json_init(&j, out);
	lkm_json_open(&j, NULL, '{');
	lkm_json_bool(&j, "ok", true);
	lkm_json_str(&j, "module", in->name);
	lkm_json_str(&j, "path", in->path);
	lkm_json_bool(&j, "builtin", in->builtin);
	lkm_json_str(&j, "compression", in->mf ? lkm_modfile_compression(in->mf) : NULL);
	lkm_json_open(&j, "modinfo", '{');
	for (size_t k = 0; in->mf && k < sizeof(info_keys) / sizeof(info_keys[0]); k++) {
		size_t pos = 0, count = 0;
		const char *v;

		while (lkm_modfile_info_next(in->mf, info_keys[k], &pos, NULL))
			count++;
		if (count == 0)
			continue;
		pos = 0;
		lkm_json_open(&j, info_keys[k], '[');
		while ((v = lkm_modfile_info_next(in->mf, info_keys[k], &pos, NULL)) !=
		       NULL)
			lkm_json_str(&j, NULL, v);
		lkm_json_close(&j, ']');
	}
	lkm_json_close(&j, '}');
	lkm_json_bool(&j, "loaded", in->loaded != NULL);
	if (in->loaded) {
		lkm_json_str(&j, "state", lkm_module_state_id(in->loaded->state));
		lkm_json_i64(&j, "use_count", in->loaded->use_count);
		lkm_json_open(&j, "used_by", '[');
		for (const char *u = lkm_module_next_user(in->loaded, NULL); u;
		     u = lkm_module_next_user(in->loaded, u))
			lkm_json_str(&j, NULL, u);
		lkm_json_close(&j, ']');
		lkm_json_str(&j, "taints", in->loaded->taints);
	}
	lkm_json_open(&j, "parameters", '[');
	for (size_t i = 0; i < n_decl; i++) {
		const struct lkm_sysparam *p = current(in, decl[i].name);

		lkm_json_open(&j, NULL, '{');
		lkm_json_str(&j, "name", decl[i].name);
		lkm_json_str(&j, "type", decl[i].type);
		lkm_json_str(&j, "description", decl[i].description);
		lkm_json_str(&j, "value", p ? p->value : NULL);
		if (p)
			lkm_json_bool(&j, "writable", p->writable);
		else
			lkm_json_null(&j, "writable");
		lkm_json_close(&j, '}');
	}
	/* Without the module's file, what /sys shows is all there is. */
	for (size_t i = 0; in->mf == NULL && i < in->sm.n_params; i++) {
		lkm_json_open(&j, NULL, '{');
		lkm_json_str(&j, "name", in->sm.params[i].name);
		lkm_json_null(&j, "type");
		lkm_json_null(&j, "description");
		lkm_json_str(&j, "value", in->sm.params[i].value);
		lkm_json_bool(&j, "writable", in->sm.params[i].writable);
		lkm_json_close(&j, '}');
	}
	lkm_json_close(&j, ']');
	if (in->wanted->n) {
		lkm_json_open(&j, "wanted", '[');
		for (size_t i = 0; i < in->wanted->n; i++) {
			struct wanted w = wanted_at(in, i);

			lkm_json_open(&j, NULL, '{');
			lkm_json_str(&j, "name", w.name);
			lkm_json_str(&j, "value", w.value);
			if (w.running == NULL) {
				lkm_json_null(&j, "running");
				lkm_json_null(&j, "writable");
				lkm_json_null(&j, "differs");
			} else {
				lkm_json_str(&j, "running", w.running->value);
				lkm_json_bool(&j, "writable", w.running->writable);
				if (w.running->value)
					lkm_json_bool(&j, "differs", w.differs);
				else
					lkm_json_null(&j, "differs");
			}
			lkm_json_close(&j, '}');
		}
		lkm_json_close(&j, ']');
	}
	lkm_json_open(&j, "persisted", '[');
	for (size_t i = 0; in->persisted && in->persisted[i]; i++)
		lkm_json_str(&j, NULL, in->persisted[i]);
	lkm_json_close(&j, ']');
	lkm_json_bool(&j, "at_boot", in->at_boot);
	lkm_json_open(&j, "blocked", '[');
	for (int i = 0; i < 2; i++)
		if (in->blocked[i])
			lkm_json_str(&j, NULL, i ? LKM_PERSIST_FILE : LKM_BLOCK_RUN_FILE);
	lkm_json_close(&j, ']');
	lkm_json_str(&j, "options", in->conf.options);
	lkm_json_bool(&j, "blacklisted", in->conf.blacklisted);
	lkm_json_str(&j, "install", in->conf.install);
	lkm_json_str(&j, "remove", in->conf.remove);
	/* What it drives, for a module the kernel has (a file alone drives nothing). */
	if (in->loaded || in->sm.present)
		json_drives(&j, &in->owns);
	if (in->loaded)
		json_loaded_for(&j, &in->why);
	else
		lkm_json_null(&j, "loaded_for");
	lkm_json_close(&j, '}');
	lkm_json_end(&j);
}

int lkm_report_info(FILE *out, const struct lkm_sysroot *root,
		    struct lkm_resolver *resolver, const char *target,
		    const struct lkm_params *wanted, bool json)
{
	struct info in;
	int err = gather(&in, root, resolver, target);

	in.wanted = wanted;
	if (err == -ENOMEM) {
		fprintf(stderr, _("%s: out of memory\n"), PACKAGE);
		info_release(&in);
		return EXIT_FAILURE;
	}
	if (err < 0) {
		if (json) {
			struct lkm_json j;

			lkm_json_init(&j, out);
			lkm_json_open(&j, NULL, '{');
			lkm_json_bool(&j, "ok", false);
			lkm_json_i64(&j, "errno", -err);
			lkm_json_str(&j, "errno_name", strerrorname_np(-err));
			lkm_json_str(&j, "error", in.error);
			lkm_json_close(&j, '}');
			lkm_json_end(&j);
		}
		fprintf(stderr, "%s: %s\n", PACKAGE, in.error);
		info_release(&in);
		return EXIT_FAILURE;
	}
	if (json)
		print_json(out, &in);
	else
		print_text(out, &in);
	info_release(&in);
	return EXIT_SUCCESS;
}
