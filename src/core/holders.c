// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Processes and mounts that hold a module (see holders.h). Everything is read through the
 * sysroot: a test's /proc/PID/fd/N is a symlink to a device node of the host (/dev/null),
 * so following it gives a real major, as the kernel's magic link does.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "core/holders.h"
#include "core/owns.h"
#include "model/devices.h"
#include "model/modules.h"
#include "model/mountinfo.h"
#include "model/procfile.h"
#include "model/scan.h"

#define MAX_MAJORS  16
#define MAX_FSTYPES 8

struct wanted {
	unsigned chr[MAX_MAJORS], blk[MAX_MAJORS];
	size_t n_chr, n_blk;
	char *fs[MAX_FSTYPES];
	size_t n_fs;
	struct lkm_buf fsbuf;
};

static void add_major(unsigned *v, size_t *n, unsigned major)
{
	for (size_t i = 0; i < *n; i++)
		if (v[i] == major)
			return;
	if (*n < MAX_MAJORS)
		v[(*n)++] = major;
}

static bool has_major(const unsigned *v, size_t n, unsigned major)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == major)
			return true;
	return false;
}

static int collect_wanted(const struct lkm_sysroot *root, const char *module,
			  struct wanted *w)
{
	struct lkm_devices devs = { 0 };
	struct lkm_owns owns = { 0 };
	char *p, *line;
	int err;

	if (lkm_devices_read(&devs, root) == 0)
		for (size_t i = 0; i < devs.n; i++)
			if (lkm_module_name_eq(devs.v[i].name, module))
				add_major(devs.v[i].kind == LKM_DEV_CHAR ? w->chr
									 : w->blk,
					  devs.v[i].kind == LKM_DEV_CHAR ? &w->n_chr
									 : &w->n_blk,
					  devs.v[i].major);
	lkm_devices_release(&devs);
	err = lkm_owns_query(root, NULL, module, &owns);
	for (size_t i = 0; err == 0 && i < owns.n_devices; i++)
		add_major(owns.devices[i].kind == 'c' ? w->chr : w->blk,
			  owns.devices[i].kind == 'c' ? &w->n_chr : &w->n_blk,
			  owns.devices[i].major);
	lkm_owns_release(&owns);
	if (err < 0)
		return err;
	/* "nodev\tproc", "\tvfat": the file system types it registered carry its name. */
	if (lkm_procfile_read(root, "/proc/filesystems", &w->fsbuf) < 0)
		return 0;
	p = w->fsbuf.data;
	while ((line = lkm_scan_line(&p)) != NULL && w->n_fs < MAX_FSTYPES) {
		char *last = NULL, *t;

		while ((t = lkm_scan_token(&line)) != NULL)
			last = t;
		if (last && lkm_module_name_eq(last, module))
			w->fs[w->n_fs++] = last;
	}
	return 0;
}

static char *read_small(const struct lkm_sysroot *root, const char *path)
{
	struct lkm_buf buf = { 0 };
	char *s = NULL;

	if (lkm_procfile_read(root, path, &buf) == 0)
		s = strndup(buf.data, strcspn(buf.data, "\n"));
	lkm_buf_release(&buf);
	return s;
}

static int add_proc(struct lkm_holders *h, const struct lkm_sysroot *root, int pid,
		    const char *file)
{
	struct lkm_proc_holder *v = realloc(h->procs, (h->n_procs + 1) * sizeof(*v));
	char path[64];

	if (v == NULL)
		return -ENOMEM;
	h->procs = v;
	snprintf(path, sizeof(path), "/proc/%d/comm", pid);
	v[h->n_procs] =
		(struct lkm_proc_holder){ pid, read_small(root, path), strdup(file) };
	if (v[h->n_procs].file == NULL) {
		free(v[h->n_procs].comm);
		return -ENOMEM;
	}
	if (v[h->n_procs].comm == NULL)
		v[h->n_procs].comm = strdup("?");
	h->n_procs++;
	return 0;
}

/* The fds of PID that name one of W's devices; each process once per device file. */
static int scan_process(const struct lkm_sysroot *root, int pid, const struct wanted *w,
			struct lkm_holders *h)
{
	char rel[64];
	int dfd;
	DIR *d;
	struct dirent *e;
	int err = 0;
	size_t first = h->n_procs;

	snprintf(rel, sizeof(rel), "proc/%d/fd", pid);
	/* A process gone, or not ours to look at: nothing it holds that we can see. */
	if (lkm_sysroot_opendir(root, rel, &d) < 0)
		return 0;
	dfd = dirfd(d);
	while (err == 0 && (e = readdir(d)) != NULL) {
		struct stat st;
		char target[512];
		ssize_t n;
		bool dup = false;

		if (e->d_name[0] == '.' || fstatat(dfd, e->d_name, &st, 0) < 0)
			continue;
		if (!(S_ISCHR(st.st_mode) &&
		      has_major(w->chr, w->n_chr, major(st.st_rdev))) &&
		    !(S_ISBLK(st.st_mode) &&
		      has_major(w->blk, w->n_blk, major(st.st_rdev))))
			continue;
		n = readlinkat(dfd, e->d_name, target, sizeof(target) - 1);
		if (n < 0)
			continue;
		target[n] = '\0';
		for (size_t i = first; i < h->n_procs; i++)
			dup |= strcmp(h->procs[i].file, target) == 0;
		if (!dup)
			err = add_proc(h, root, pid, target);
	}
	closedir(d);
	return err;
}

static int cmp_proc(const void *a, const void *b)
{
	const struct lkm_proc_holder *x = a, *y = b;

	return x->pid != y->pid ? (x->pid < y->pid ? -1 : 1) : strcmp(x->file, y->file);
}

static int scan_processes(const struct lkm_sysroot *root, const struct wanted *w,
			  struct lkm_holders *h)
{
	DIR *d;
	struct dirent *e;
	int err = 0;

	if (lkm_sysroot_opendir(root, "proc", &d) < 0)
		return 0;
	while (err == 0 && (e = readdir(d)) != NULL) {
		char *end;
		long pid = strtol(e->d_name, &end, 10);

		if (*end == '\0' && pid > 0 && pid < 1L << 30)
			err = scan_process(root, (int)pid, w, h);
	}
	closedir(d);
	if (h->n_procs > 1)
		qsort(h->procs, h->n_procs, sizeof(*h->procs), cmp_proc);
	return err;
}

static int scan_mounts(const struct lkm_sysroot *root, const struct wanted *w,
		       struct lkm_holders *h)
{
	struct lkm_mounts m = { 0 };
	int err = 0;

	if (lkm_mounts_read(&m, root) < 0) {
		lkm_mounts_release(&m);
		return 0;
	}
	for (size_t i = 0; err == 0 && i < m.n; i++) {
		bool ours = has_major(w->blk, w->n_blk, m.v[i].major);
		struct lkm_mount_holder *v;

		for (size_t f = 0; f < w->n_fs; f++)
			ours |= strcmp(m.v[i].fstype, w->fs[f]) == 0;
		if (!ours)
			continue;
		v = realloc(h->mounts, (h->n_mounts + 1) * sizeof(*v));
		if (v == NULL) {
			err = -ENOMEM;
			break;
		}
		h->mounts = v;
		v[h->n_mounts] = (struct lkm_mount_holder){ strdup(m.v[i].point),
							    strdup(m.v[i].fstype),
							    strdup(m.v[i].source) };
		h->n_mounts++;
		if (!v[h->n_mounts - 1].point || !v[h->n_mounts - 1].fstype ||
		    !v[h->n_mounts - 1].source)
			err = -ENOMEM;
	}
	lkm_mounts_release(&m);
	return err;
}

int lkm_holders_query(const struct lkm_sysroot *root, const char *module,
		      struct lkm_holders *out)
{
	return lkm_holders_query_with(root, module, NULL, 0, out);
}

int lkm_holders_query_with(const struct lkm_sysroot *root, const char *module,
			   const struct lkm_foreign_major *foreign, size_t n,
			   struct lkm_holders *out)
{
	struct wanted w = { 0 };
	int err;

	memset(out, 0, sizeof(*out));
	err = collect_wanted(root, module, &w);
	for (size_t i = 0; i < n; i++)
		add_major(foreign[i].kind == 'c' ? w.chr : w.blk,
			  foreign[i].kind == 'c' ? &w.n_chr : &w.n_blk, foreign[i].major);
	if (err == 0 && (w.n_chr || w.n_blk))
		err = scan_processes(root, &w, out);
	if (err == 0 && (w.n_fs || w.n_blk))
		err = scan_mounts(root, &w, out);
	lkm_buf_release(&w.fsbuf);
	return err;
}

/* The kernel's dynamic ranges (fs/char_dev.c CHRDEV_MAJOR_DYN_*, block/genhd.c). */
static bool dynamic_major(enum lkm_device_kind kind, unsigned major)
{
	if (kind == LKM_DEV_CHAR)
		return (major >= 234 && major <= 254) || (major >= 384 && major <= 511);
	return major >= 240 && major <= 254;
}

/* Whether NAME stands in DATA as a string of its own: "\0NAME\0". */
static bool carries(const char *data, size_t size, const char *name)
{
	size_t len = strlen(name);
	const char *p = data, *end = data + size;

	while (len > 0 && (size_t)(end - p) >= len + 2) {
		const char *hit = memmem(p, (size_t)(end - p), name, len);

		if (hit == NULL || (size_t)(end - hit) < len + 1)
			return false;
		if (hit > data && hit[-1] == '\0' && hit[len] == '\0')
			return true;
		p = hit + 1;
	}
	return false;
}

int lkm_holders_foreign_majors(const struct lkm_sysroot *root, const char *module,
			       const void *data, size_t size,
			       struct lkm_foreign_major **out, size_t *n)
{
	struct lkm_devices devs = { 0 };
	struct lkm_modules mods = { 0 };
	int err = 0;

	*out = NULL;
	*n = 0;
	err = data ? lkm_devices_read(&devs, root) : -ENOENT;
	if (err < 0) {
		lkm_devices_release(&devs);
		return err == -ENOMEM ? err : 0;
	}
	err = lkm_modules_read(&mods, root);
	if (err == -ENOMEM) {
		lkm_modules_release(&mods);
		lkm_devices_release(&devs);
		return err;
	}
	if (err < 0)
		mods.n = 0;
	err = 0;
	for (size_t i = 0; i < devs.n && err == 0; i++) {
		const struct lkm_device *d = &devs.v[i];
		struct lkm_foreign_major *v;
		bool named = lkm_module_name_eq(d->name, module);

		for (size_t m = 0; m < mods.n && !named; m++)
			named = lkm_module_name_eq(d->name, mods.v[m].name);
		if (named || !dynamic_major(d->kind, d->major) ||
		    !carries(data, size, d->name))
			continue;
		v = realloc(*out, (*n + 1) * sizeof(*v));
		if (v == NULL) {
			err = -ENOMEM;
			break;
		}
		*out = v;
		v[*n] = (struct lkm_foreign_major){ d->kind == LKM_DEV_CHAR ? 'c' : 'b',
						    d->major, strdup(d->name) };
		if (v[(*n)++].name == NULL)
			err = -ENOMEM;
	}
	lkm_modules_release(&mods);
	lkm_devices_release(&devs);
	return err;
}

void lkm_foreign_majors_free(struct lkm_foreign_major *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

void lkm_holders_release(struct lkm_holders *h)
{
	for (size_t i = 0; i < h->n_procs; i++) {
		free(h->procs[i].comm);
		free(h->procs[i].file);
	}
	for (size_t i = 0; i < h->n_mounts; i++) {
		free(h->mounts[i].point);
		free(h->mounts[i].fstype);
		free(h->mounts[i].source);
	}
	free(h->procs);
	free(h->mounts);
	memset(h, 0, sizeof(*h));
}
