/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "model/sysroot.h"

/*
 * Where a module is for kernels other than the running one, and what DKMS knows of it,
 * read from the files as dkms lays them out (dkms.in: add_module, do_build, do_install):
 *   /var/lib/dkms/PKG/VER/source               symlink to /usr/src/PKG-VER ("added";
 *                                              dangling: "broken")
 *   /var/lib/dkms/PKG/VER/source/dkms.conf     BUILT_MODULE_NAME[i], DEST_MODULE_NAME[i]
 *   /var/lib/dkms/PKG/VER/KVER/ARCH/module/    the built files ("built" for KVER)
 *   /var/lib/dkms/PKG/VER/KVER/ARCH/log/make.log   a build that succeeded
 *   /var/lib/dkms/PKG/VER/build/make.log       a build that failed (left where it ran)
 *   /var/lib/dkms/PKG/kernel-KVER-ARCH         symlink to VER/KVER/ARCH ("installed")
 *   /lib/modules/KVER/updates/dkms/M.ko*       where Debian's dkms installs
 * and whether the running kernel's headers are there (/lib/modules/RELEASE/build).
 */
enum lkm_dkms_state {
	LKM_DKMS_ADDED,	    /* known, built for no kernel */
	LKM_DKMS_BUILT,	    /* built for some kernel, installed for none */
	LKM_DKMS_INSTALLED, /* installed for some kernel */
	LKM_DKMS_BROKEN,    /* its source link points nowhere */
};

struct lkm_dkms_build {
	char *kernel;
	char *arch;
	bool installed; /* kernel-KVER-ARCH points at this build */
};

/* One PKG/VER that builds the module. */
struct lkm_dkms_pkg {
	char *package;
	char *version;
	enum lkm_dkms_state state;
	struct lkm_dkms_build *builds; /* sorted by kernel */
	size_t n_builds;
	bool for_release; /* built for the running release */
	char *failed_log; /* build/make.log as the system names it, or NULL */
	char **log_tail;  /* its last lines (at most LKM_DKMS_TAIL), without newlines */
	size_t n_tail;
};

#define LKM_DKMS_TAIL 8

struct lkm_dkms {
	struct lkm_dkms_pkg *pkgs; /* sorted by package, then version */
	size_t n_pkgs;
	char **kernels; /* other kernels whose tree has the module (modules.dep), sorted
			 */
	size_t n_kernels;
	bool headers; /* /lib/modules/RELEASE/build exists (a directory, or a link to one)
		       */
};

/*
 * What DKMS and the other kernels' trees under ROOT know of module MODULE ('-' and '_'
 * alike) for the running RELEASE; MODULE NULL: every DKMS package (no other kernels).
 * Returns 0 or -ENOMEM; OUT is released with lkm_dkms_release either way. Unreadable
 * parts are simply absent.
 */
int lkm_dkms_query(const struct lkm_sysroot *root, const char *module,
		   const char *release, struct lkm_dkms *out);
void lkm_dkms_release(struct lkm_dkms *d);

/* "added", "built", "installed", "broken": dkms status' own words. */
const char *lkm_dkms_state_id(enum lkm_dkms_state s);
