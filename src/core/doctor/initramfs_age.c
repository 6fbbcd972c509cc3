// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The running kernel's initramfs against the configuration it carries copies of: a
 * modprobe.d file changed after the image was built does not apply to what the initramfs
 * loads (the most common "my blacklist is ignored") until the image is built again. The
 * image is opened only when a file is newer than it, to say which copies differ.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cmdrule.h"
#include "core/doctor/findings.h"
#include "core/initramfs.h"
#include "i18n.h"

#define CHECK "initramfs"

struct newer {
	char *path;
	bool in_image, same;
};

static bool exists(const struct lkm_sysroot *root, const char *path)
{
	return faccessat(lkm_sysroot_fd(root), lkm_sysroot_rel(path), F_OK, 0) == 0;
}

/* The command that builds the image again on this system. */
static void add_rebuild_fix(const struct lkm_doctor_ctx *ctx, struct lkm_diagnosis *d)
{
	if (!d)
		return;
	if (exists(ctx->root, "/usr/sbin/update-initramfs") ||
	    (!exists(ctx->root, "/usr/bin/dracut") &&
	     !exists(ctx->root, "/usr/bin/mkinitcpio")))
		lkm_diag_add_fix(d, LKM_FIX_NONE, NULL, NULL, 0,
				 "update-initramfs -u -k %s", ctx->release);
	else if (exists(ctx->root, "/usr/bin/dracut"))
		lkm_diag_add_fix(d, LKM_FIX_NONE, NULL, NULL, 0, "dracut -f --kver %s",
				 ctx->release);
	else
		lkm_diag_add_fix(d, LKM_FIX_NONE, NULL, NULL, 0, "mkinitcpio -P");
}

static int collect(const struct lkm_doctor_ctx *ctx, const char *const *dirs,
		   const char *const *suffixes, time_t since, struct newer **v, size_t *n)
{
	struct lkm_conffiles files;
	int err = lkm_conffiles_list(ctx->root, dirs, suffixes, &files);

	if (err < 0)
		return err;
	for (size_t i = 0; i < files.n; i++) {
		struct stat st;
		struct newer *nv;

		if (files.v[i].skip != LKM_CONFFILE_READ ||
		    fstatat(lkm_sysroot_fd(ctx->root), lkm_sysroot_rel(files.v[i].path),
			    &st, 0) < 0 ||
		    st.st_mtime <= since)
			continue;
		nv = reallocarray(*v, *n + 1, sizeof(**v));
		if (!nv) {
			err = -ENOMEM;
			break;
		}
		*v = nv;
		nv[*n] = (struct newer){ files.v[i].path, false, false };
		files.v[i].path = NULL;
		(*n)++;
	}
	lkm_conffiles_release(&files);
	return err;
}

/* Whether the image holds FILE and the same bytes as the machine's. */
static void compare(const struct lkm_doctor_ctx *ctx, const struct lkm_initramfs *ird,
		    struct newer *f)
{
	const struct lkm_initramfs_file *in = lkm_initramfs_get(ird, f->path + 1);
	struct lkm_buf now = { 0 };

	f->in_image = in != NULL;
	/* initramfs-tools carries modprobe.d only; dracut carries modules-load.d too. */
	if (!in && strstr(f->path, "/modules-load.d/")) {
		f->same = true;
		for (size_t i = 0; i < ird->n_files; i++)
			if (strstr(ird->files[i].name, "modules-load.d/"))
				f->same = false;
	}
	if (in && lkm_conffile_read(ctx->root, f->path, &now) == 0)
		f->same =
			now.len == in->size && memcmp(now.data, in->data, in->size) == 0;
	lkm_buf_release(&now);
}

static void report(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out,
		   const struct lkm_initramfs *ird, struct newer *v, size_t n,
		   int read_err)
{
	struct lkm_diagnosis *d = NULL;
	size_t differ = 0;

	for (size_t i = 0; i < n; i++)
		differ += !v[i].same;
	if (differ == 0)
		return;
	d = lkm_doctor_add(
		out, LKM_SEVERITY_WARNING, CHECK, ird->path,
		ngettext("the initramfs is older than %zu module setting: what it "
			 "loads at boot does not follow it",
			 "the initramfs is older than %zu module settings: what it "
			 "loads at boot does not follow them",
			 differ),
		differ);
	for (size_t i = 0; i < n; i++) {
		if (v[i].same)
			continue;
		if (read_err < 0)
			lkm_finding_evidence(d, _("%s changed after %s was built"),
					     v[i].path, ird->path);
		else if (v[i].in_image)
			lkm_finding_evidence(
				d,
				_("%s changed after the image was built: the "
				  "image holds an older copy"),
				v[i].path);
		else
			lkm_finding_evidence(
				d,
				_("%s is newer than the image, which does not "
				  "hold it"),
				v[i].path);
	}
	if (read_err < 0)
		lkm_finding_evidence(d, _("the image could not be read to compare: %s"),
				     strerror(-read_err));
	lkm_finding_evidence(d,
			     _("a module the initramfs loads (a disk or a graphics "
			       "driver) takes the image's copy: a blacklist added since "
			       "does not keep it out"));
	add_rebuild_fix(ctx, d);
}

int lkm_check_initramfs(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out)
{
	static const char *const conf[] = { ".conf", NULL };
	struct lkm_initramfs ird;
	struct newer *v = NULL;
	size_t n = 0;
	int err, read_err = 0;

	if (lkm_initramfs_find(ctx->root, ctx->release, &ird) < 0)
		return 0;
	err = collect(ctx, lkm_resolve_conf_dirs(), lkm_modprobe_d_suffixes(), ird.mtime,
		      &v, &n);
	if (err == 0)
		err = collect(ctx, lkm_modules_load_dirs(), conf, ird.mtime, &v, &n);
	if (err == 0 && n > 0) {
		read_err = lkm_initramfs_read(ctx->root, &ird);
		for (size_t i = 0; read_err == 0 && i < n; i++)
			compare(ctx, &ird, &v[i]);
		report(ctx, out, &ird, v, n, read_err);
	}
	for (size_t i = 0; i < n; i++)
		free(v[i].path);
	free(v);
	lkm_initramfs_release(&ird);
	return err;
}
