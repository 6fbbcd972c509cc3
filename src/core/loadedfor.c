// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/conffiles.h"
#include "core/doctor/findings.h"
#include "core/loadedfor.h"
#include "core/owns.h"
#include "i18n.h"
#include "model/modules.h"
#include "shared/strbuf.h"
#include "shared/strv.h"

/* Whether the modules-load.d word NAME asks for MODULE: by its name, or by an alias the
 * lookup turns into it (as systemd-modules-load looks each line up). */
static int names_module(struct lkm_resolver *r, const char *name, const char *module)
{
	struct lkm_modlist list = { 0 };
	int err, found = 0;

	if (lkm_module_name_eq(name, module))
		return 1;
	if (r == NULL)
		return 0;
	err = lkm_resolve_lookup(r, name, &list);
	if (err == -ENOMEM)
		return err;
	for (size_t i = 0; err == 0 && i < list.n && !found; i++)
		found = lkm_module_name_eq(list.v[i].name, module);
	lkm_modlist_release(&list);
	return found;
}

static int add_line(struct lkm_bootline **v, size_t *n, const char *path, unsigned line,
		    const char *name)
{
	struct lkm_bootline *grown = realloc(*v, (*n + 1) * sizeof(**v));

	if (grown == NULL)
		return -ENOMEM;
	*v = grown;
	grown[*n].path = strdup(path);
	grown[*n].name = strdup(name);
	grown[*n].line = line;
	(*n)++;
	return grown[*n - 1].path && grown[*n - 1].name ? 0 : -ENOMEM;
}

/* The lines of the file F that name MODULE. */
static int file_lines(const struct lkm_sysroot *root, struct lkm_resolver *r,
		      const struct lkm_conffile *f, const char *module,
		      struct lkm_bootline **out, size_t *n)
{
	struct lkm_buf buf = { 0 };
	unsigned lines = 0, start = 0;
	char *pos, *line;
	int err;

	if (f->masked || f->skip != LKM_CONFFILE_READ)
		return 0;
	err = lkm_conffile_read(root, f->path, &buf);
	if (err < 0) {
		lkm_buf_release(&buf);
		return err == -ENOMEM ? err : 0;
	}
	pos = buf.data;
	err = 0;
	while (err == 0 && pos && (line = lkm_conffile_next_line(&pos, &lines, &start))) {
		/* systemd's comments: '#' and ';'. */
		if (line[0] == '\0' || line[0] == '#' || line[0] == ';')
			continue;
		err = names_module(r, line, module);
		if (err > 0)
			err = add_line(out, n, f->path, start, line);
	}
	lkm_buf_release(&buf);
	return err < 0 ? err : 0;
}

int lkm_bootlines_find(const struct lkm_sysroot *root, struct lkm_resolver *resolver,
		       const char *module, struct lkm_bootline **out, size_t *n)
{
	static const char *const suffixes[] = { ".conf", NULL };
	struct lkm_conffiles files = { 0 };
	int err;

	*out = NULL;
	*n = 0;
	err = lkm_conffiles_list(root, lkm_modules_load_dirs(), suffixes, &files);
	for (size_t i = 0; err == 0 && i < files.n; i++)
		err = file_lines(root, resolver, &files.v[i], module, out, n);
	lkm_conffiles_release(&files);
	return err;
}

void lkm_bootlines_free(struct lkm_bootline *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].path);
		free(v[i].name);
	}
	free(v);
}

/* Whether IFACE is on one of the devices LF lists. */
static bool on_a_device(const struct lkm_loaded_for *lf, const char *iface)
{
	for (size_t i = 0; i < lf->drives.n_drives; i++)
		for (size_t k = 0; k < lf->drives.drives[i].n_interfaces; k++)
			if (strcmp(lf->drives.drives[i].interfaces[k], iface) == 0)
				return true;
	return false;
}

int lkm_loaded_for_query(const struct lkm_sysroot *root, struct lkm_resolver *resolver,
			 const struct lkm_snapshot *snap, const char *module,
			 struct lkm_loaded_for *out)
{
	struct lkm_owns owns;
	int err;

	memset(out, 0, sizeof(*out));
	err = lkm_drives_query(root, resolver, module, NULL, &out->drives);
	if (err == 0)
		err = lkm_owns_query(root, snap, module, &owns);
	else
		memset(&owns, 0, sizeof(owns));
	for (size_t i = 0; err == 0 && i < owns.n_interfaces; i++)
		if (!on_a_device(out, owns.interfaces[i]) &&
		    !lkm_strv_addf(&out->interfaces, &out->n_interfaces, "%s",
				   owns.interfaces[i]))
			err = -ENOMEM;
	if (err == 0) {
		/* Taken over whole: OWNS gives its holders up. */
		out->used_by = owns.holders;
		out->n_used_by = owns.n_holders;
		owns.holders = NULL;
		owns.n_holders = 0;
	}
	lkm_owns_release(&owns);
	if (err == 0)
		err = lkm_holders_query(root, module, &out->holders);
	if (err == 0)
		err = lkm_bootlines_find(root, resolver, module, &out->boot,
					 &out->n_boot);
	return err;
}

void lkm_loaded_for_release(struct lkm_loaded_for *lf)
{
	lkm_drives_release(&lf->drives);
	lkm_strv_free(lf->used_by, lf->n_used_by);
	lkm_strv_free(lf->interfaces, lf->n_interfaces);
	lkm_holders_release(&lf->holders);
	lkm_bootlines_free(lf->boot, lf->n_boot);
	memset(lf, 0, sizeof(*lf));
}

bool lkm_loaded_for_nothing(const struct lkm_loaded_for *lf)
{
	return lf->drives.n_drives == 0 && lf->n_used_by == 0 && lf->n_interfaces == 0 &&
	       lf->holders.n_mounts == 0 && lf->holders.n_procs == 0;
}

/* "device ADDRESS (NAME), IF, IF". */
static bool device_line(const struct lkm_hwbind *b, char ***out, size_t *n)
{
	char buf[512];
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, buf, sizeof(buf));
	lkm_strbuf_addf(&sb, _("device %s"), b->address);
	if (b->name && b->name[0])
		lkm_strbuf_addf(&sb, " (%s)", b->name);
	for (size_t i = 0; i < b->n_interfaces; i++)
		lkm_strbuf_addf(&sb, ", %s", b->interfaces[i]);
	return lkm_strv_addf(out, n, "%s", buf);
}

int lkm_loaded_for_text(const struct lkm_loaded_for *lf, char ***out, size_t *n)
{
	bool ok = true;

	*out = NULL;
	*n = 0;
	for (size_t i = 0; ok && i < lf->drives.n_drives; i++)
		ok = device_line(&lf->drives.drives[i], out, n);
	for (size_t i = 0; ok && i < lf->n_used_by; i++)
		ok = lkm_strv_addf(out, n, _("used by %s"), lf->used_by[i]);
	for (size_t i = 0; ok && i < lf->n_interfaces; i++)
		ok = lkm_strv_addf(out, n, _("network interface %s"), lf->interfaces[i]);
	for (size_t i = 0; ok && i < lf->holders.n_mounts; i++) {
		const struct lkm_mount_holder *m = &lf->holders.mounts[i];

		ok = lkm_strv_addf(out, n, _("mount %s (%s from %s)"), m->point,
				   m->fstype, m->source);
	}
	for (size_t i = 0; ok && i < lf->holders.n_procs; i++) {
		const struct lkm_proc_holder *p = &lf->holders.procs[i];

		ok = lkm_strv_addf(out, n, _("process %d (%s) has %s open"), p->pid,
				   p->comm ? p->comm : "?", p->file);
	}
	if (ok && lkm_loaded_for_nothing(lf))
		ok = lkm_strv_addf(out, n, "%s", _("nothing uses it now"));
	for (size_t i = 0; ok && i < lf->n_boot; i++)
		ok = lkm_strv_addf(out, n, _("asked for at boot: %s:%u"),
				   lf->boot[i].path, lf->boot[i].line);
	return ok ? 0 : -ENOMEM;
}
