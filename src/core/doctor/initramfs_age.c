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

/* Whether the image carries the files as the machine has them now (persist's reader,
 * which lkmtui load --persist asks too), the image read once for all. */
static void compare(const struct lkm_doctor_ctx *ctx, struct newer *v, size_t n,
		    int *read_err)
{
	const char **files = calloc(n, sizeof(*files));
	struct lkm_initramfs_state *st = calloc(n, sizeof(*st));

	if (!files || !st) {
		*read_err = -ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		files[i] = v[i].path;
	if (lkm_initramfs_check_files(ctx->root, files, n, st) < 0) {
		*read_err = -ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		v[i].same = st[i].verdict == LKM_INITRAMFS_CURRENT;
		v[i].in_image = st[i].held;
		if (st[i].verdict == LKM_INITRAMFS_OLDER)
			*read_err = -EIO;
	}
out:
	free(files);
	free(st);
}

static void report(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out,
		   const char *image, struct newer *v, size_t n, int read_err)
{
	struct lkm_diagnosis *d = NULL;
	size_t differ = 0;

	for (size_t i = 0; i < n; i++)
		differ += !v[i].same;
	if (differ == 0)
		return;
	d = lkm_doctor_add(
		out, LKM_SEVERITY_WARNING, CHECK, image,
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
					     v[i].path, image);
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
	struct stat st;
	struct newer *v = NULL;
	size_t n = 0;
	char path[512];
	int err, read_err = 0;

	if (!ctx->release[0])
		return 0;
	snprintf(path, sizeof(path), "/boot/initrd.img-%s", ctx->release);
	if (fstatat(lkm_sysroot_fd(ctx->root), lkm_sysroot_rel(path), &st, 0) < 0 ||
	    !S_ISREG(st.st_mode))
		return 0;
	err = collect(ctx, lkm_resolve_conf_dirs(), lkm_modprobe_d_suffixes(),
		      st.st_mtime, &v, &n);
	if (err == 0)
		err = collect(ctx, lkm_modules_load_dirs(), conf, st.st_mtime, &v, &n);
	if (err == 0 && n > 0)
		compare(ctx, v, n, &read_err);
	if (err == 0 && n > 0 && read_err != -ENOMEM)
		report(ctx, out, path, v, n, read_err);
	for (size_t i = 0; i < n; i++)
		free(v[i].path);
	free(v);
	return err < 0 ? err : read_err == -ENOMEM ? -ENOMEM : 0;
}
