// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * name-not-found, refined: the running kernel's module tree is missing (an upgrade that
 * removed it: module-tree-missing), or the file is there and depmod never indexed it
 * (not-indexed).
 */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/explain/cause.h"
#include "i18n.h"
#include "model/modules.h"
#include "model/sysroot.h"

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
	lkm_diag_line(
		d, &d->evidence, &d->n_evidence,
		fd < 0 ? _("/lib/modules/%s does not exist: the running kernel is %s")
		       : _("/lib/modules/%s is empty: the running kernel is %s"),
		ctx->release, ctx->release);
	fd = openat(lkm_sysroot_fd(ctx->root), "lib/modules",
		    O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0 && (dir = fdopendir(fd)) != NULL) {
		while ((e = readdir(dir)) != NULL)
			if (e->d_name[0] != '.' && strcmp(e->d_name, ctx->release) != 0)
				lkm_diag_line(d, list, n_list, "%s", e->d_name);
		closedir(dir);
		if (*n_list > 1)
			lkm_strv_sort_unique(*list, n_list);
	} else if (fd >= 0) {
		close(fd);
	}
	if (*n_list == 0)
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("/lib/modules holds no other kernel's modules either"));
	else
		for (size_t i = 0; i < *n_list; i++)
			lkm_diag_line(d, &d->evidence, &d->n_evidence,
				      _("installed: /lib/modules/%s"), (*list)[i]);
	return true;
}

/* The module file for NAME under DIR (relative to the root's fd), searched depth first,
 * into OUT (an absolute path as the system names it). */
static bool find_module_file(const struct lkm_sysroot *root, const char *dir,
			     const char *name, char *out, size_t size, int depth)
{
	DIR *dp;
	struct dirent *e;
	bool found = false;

	if (lkm_sysroot_opendir(root, dir, &dp) < 0)
		return false;
	while (!found && (e = readdir(dp)) != NULL) {
		char sub[PATH_MAX];
		size_t len = strlen(e->d_name);
		size_t suffix = lkm_module_suffix_len(e->d_name, len, 0);

		if (e->d_name[0] == '.')
			continue;
		if ((size_t)snprintf(sub, sizeof(sub), "%s/%s", dir, e->d_name) >=
		    sizeof(sub))
			continue;
		if (suffix && lkm_module_name_eq_len(e->d_name, len - suffix, name)) {
			found = (size_t)snprintf(out, size, "/%s", sub) < size;
		} else if (depth < 8 &&
			   (e->d_type == DT_DIR || e->d_type == DT_UNKNOWN)) {
			found = find_module_file(root, sub, name, out, size, depth + 1);
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
	if (!find_module_file(ctx->root, rel, name, file, sizeof(file), 0))
		return false;
	lkm_diag_line(d, &d->evidence, &d->n_evidence, _("the file is there: %s"), file);
	snprintf(rel, sizeof(rel), "lib/modules/%s/modules.dep", ctx->release);
	if (fstatat(lkm_sysroot_fd(ctx->root), rel, &st_dep, 0) < 0)
		lkm_diag_line(
			d, &d->evidence, &d->n_evidence,
			_("/lib/modules/%s has no modules.dep: depmod never ran there"),
			ctx->release);
	else if (fstatat(lkm_sysroot_fd(ctx->root), lkm_sysroot_rel(file), &st_file, 0) ==
			 0 &&
		 st_file.st_mtime > st_dep.st_mtime)
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("modules.dep does not list it, and is older than it"));
	else
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("modules.dep does not list it"));
	lkm_diag_line(d, list, n_list, "%s", file);
	return true;
}

enum lkm_diag_kind lkm_explain_not_found(const struct lkm_explain_ctx *ctx,
					 const struct lkm_result *res,
					 struct lkm_diagnosis *d, char ***list,
					 size_t *n_list)
{
	if (res->op != LKM_OP_LOAD || res->names_file)
		return LKM_DIAG_NONE;
	if (tree_missing(ctx, d, list, n_list))
		return LKM_DIAG_MODULE_TREE_MISSING;
	if (not_indexed(ctx, res->target, d, list, n_list))
		return LKM_DIAG_NOT_INDEXED;
	return lkm_explain_dkms(ctx, res->target, d, list, n_list);
}
