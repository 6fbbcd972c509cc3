// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/firmware.h"
#include "model/procfile.h"

/*
 * Debian 12's non-free-firmware packages by file prefix, from the package lists of
 * firmware-nonfree (the names wiki.debian.org/Firmware points people to). Only the
 * prefixes one package owns whole.
 */
static const struct {
	const char *prefix;
	const char *package;
} packages[] = {
	{ "amdgpu/", "firmware-amd-graphics" },
	{ "radeon/", "firmware-amd-graphics" },
	{ "ath10k/", "firmware-atheros" },
	{ "ath11k/", "firmware-atheros" },
	{ "ath3k-", "firmware-atheros" },
	{ "ar3k/", "firmware-atheros" },
	{ "bnx2/", "firmware-bnx2" },
	{ "bnx2x/", "firmware-bnx2x" },
	{ "brcm/", "firmware-brcm80211" },
	{ "i915/", "firmware-misc-nonfree" },
	{ "nvidia/", "firmware-misc-nonfree" },
	{ "intel/ibt-", "firmware-iwlwifi" },
	{ "iwlwifi-", "firmware-iwlwifi" },
	{ "libertas/", "firmware-libertas" },
	{ "mrvl/", "firmware-libertas" },
	{ "qlogic/", "firmware-qlogic" },
	{ "ql2", "firmware-qlogic" },
	{ "rtl_bt/", "firmware-realtek" },
	{ "rtl_nic/", "firmware-realtek" },
	{ "rtlwifi/", "firmware-realtek" },
	{ "rtw88/", "firmware-realtek" },
	{ "rtw89/", "firmware-realtek" },
	{ "ti-connectivity/", "firmware-ti-connectivity" },
};

const char *lkm_firmware_package(const char *name)
{
	for (size_t i = 0; i < sizeof(packages) / sizeof(*packages); i++)
		if (strncmp(name, packages[i].prefix, strlen(packages[i].prefix)) == 0)
			return packages[i].package;
	return NULL;
}

/* A file (not a directory) at REL under the root. */
static bool is_file(int rootfd, const char *rel)
{
	struct stat st;

	return fstatat(rootfd, rel, &st, 0) == 0 && !S_ISDIR(st.st_mode);
}

/* The first entry of DIR (relative to the root) matching the glob BASE + SUFFIX. */
static bool glob_in(const struct lkm_sysroot *root, const char *dir, const char *base,
		    const char *suffix, char *out, size_t size)
{
	char pattern[NAME_MAX + 8];
	DIR *dp;
	struct dirent *e;
	bool found = false;

	if (lkm_sysroot_opendir(root, dir, &dp) < 0)
		return false;
	snprintf(pattern, sizeof(pattern), "%s%s", base, suffix);
	while (!found && (e = readdir(dp)) != NULL)
		found = e->d_name[0] != '.' && fnmatch(pattern, e->d_name, 0) == 0 &&
			(size_t)snprintf(out, size, "%s/%s", dir, e->d_name) < size;
	closedir(dp);
	return found;
}

/* NAME in directory DIR (absolute, as the kernel names it), with each suffix the loader
 * tries; the path found goes to OUT. */
static bool find_in(const struct lkm_sysroot *root, const char *dir, const char *name,
		    char *out, size_t size)
{
	static const char *const suffixes[] = { "", ".zst", ".xz" };
	int rootfd = lkm_sysroot_fd(root);
	bool glob = strpbrk(name, "*?[") != NULL;

	for (size_t s = 0; s < sizeof(suffixes) / sizeof(*suffixes); s++) {
		char rel[PATH_MAX], sub[PATH_MAX];
		const char *slash = strrchr(name, '/');

		if (!glob) {
			if ((size_t)snprintf(rel, sizeof(rel), "%s/%s%s",
					     lkm_sysroot_rel(dir), name,
					     suffixes[s]) >= sizeof(rel))
				continue;
			if (is_file(rootfd, rel))
				return (size_t)snprintf(out, size, "/%s", rel) < size;
			continue;
		}
		/* The glob is on the file name; the directories are literal. */
		if ((size_t)snprintf(sub, sizeof(sub), "%s%s%.*s", lkm_sysroot_rel(dir),
				     slash ? "/" : "", slash ? (int)(slash - name) : 0,
				     name) >= sizeof(sub))
			continue;
		if (glob_in(root, sub, slash ? slash + 1 : name, suffixes[s], rel,
			    sizeof(rel)))
			return (size_t)snprintf(out, size, "/%s", rel) < size;
	}
	return false;
}

/* The directories the loader searches, in its order, into DIRS (each PATH_MAX): how many,
 * or -ENOMEM. */
static int search_dirs(const struct lkm_sysroot *root, const char *release,
		       char dirs[5][PATH_MAX])
{
	struct lkm_buf para = { 0 };
	int n = 0;
	int err;

	/* firmware_class.path: the boot line's or a write to the parameter. */
	err = lkm_procfile_read(root, "/sys/module/firmware_class/parameters/path",
				&para);
	if (err == 0 && para.data[0] == '/') {
		para.data[strcspn(para.data, "\n")] = '\0';
		snprintf(dirs[n++], PATH_MAX, "%s", para.data);
	}
	lkm_buf_release(&para);
	if (err == -ENOMEM)
		return err;
	if (release != NULL)
		snprintf(dirs[n++], PATH_MAX, "/lib/firmware/updates/%s", release);
	snprintf(dirs[n++], PATH_MAX, "/lib/firmware/updates");
	if (release != NULL)
		snprintf(dirs[n++], PATH_MAX, "/lib/firmware/%s", release);
	snprintf(dirs[n++], PATH_MAX, "/lib/firmware");
	return n;
}

int lkm_firmware_check(const struct lkm_sysroot *root, const char *release,
		       const char *const *names, size_t n, struct lkm_firmware *out)
{
	char dirs[5][PATH_MAX];
	int n_dirs;

	memset(out, 0, sizeof(*out));
	if (n == 0)
		return 0;
	n_dirs = search_dirs(root, release, dirs);
	if (n_dirs < 0)
		return n_dirs;
	out->v = calloc(n, sizeof(*out->v));
	if (out->v == NULL)
		return -ENOMEM;
	for (size_t i = 0; i < n; i++) {
		struct lkm_fw_file *f = &out->v[out->n++];
		char found[PATH_MAX];
		bool hit = false;

		f->name = strdup(names[i]);
		if (f->name == NULL)
			return -ENOMEM;
		f->package = lkm_firmware_package(names[i]);
		/* A name that climbs out of the directory is refused by the loader. */
		if (strstr(names[i], "..") == NULL)
			for (int d = 0; d < n_dirs && !hit; d++)
				hit = find_in(root, dirs[d], names[i], found,
					      sizeof(found));
		if (!hit) {
			out->n_missing++;
			continue;
		}
		f->found = strdup(found);
		if (f->found == NULL)
			return -ENOMEM;
	}
	return 0;
}

void lkm_firmware_release(struct lkm_firmware *fw)
{
	for (size_t i = 0; i < fw->n; i++) {
		free(fw->v[i].name);
		free(fw->v[i].found);
	}
	free(fw->v);
	memset(fw, 0, sizeof(*fw));
}

bool lkm_firmware_log_line(const char *line, char *buf, size_t size, int *err)
{
	static const char head[] = "Direct firmware load for ";
	static const char mid[] = " failed with error ";
	const char *p = strstr(line, head), *q;
	size_t len;

	if (p == NULL)
		return false;
	p += sizeof(head) - 1;
	q = strstr(p, mid);
	if (q == NULL || (len = (size_t)(q - p)) == 0 || len >= size)
		return false;
	memcpy(buf, p, len);
	buf[len] = '\0';
	*err = atoi(q + sizeof(mid) - 1);
	return *err < 0;
}
