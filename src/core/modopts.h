/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "core/modfile.h"
#include "model/sysroot.h"

/*
 * The words of modprobe.d's "options" lines for a module that do not do what they say:
 * the load succeeds, the kernel logs "M: unknown parameter 'W' ignored", and the admin
 * believes the option applies. Two ways to write one: a parameter the module does not
 * declare, and a comment at the end of the line ("options zram num_devices=4 #32"):
 * modprobe.d knows only whole-line comments, so libkmod passes "#32" on as a word, and
 * a commented-out "name=old" after it is set (measured on 6.1 and 6.12).
 */
struct lkm_ignored_opt {
	char *file;    /* as the system names it ("/etc/modprobe.d/zram.conf") */
	unsigned line; /* where the options line starts */
	char *word;    /* as the kernel gets it ("#32", "nosuchparam=1") */
	bool comment;  /* it is (part of) a comment at the end of the line */
	bool applied;  /* a comment word that names a declared parameter: the kernel
			  sets it, though the admin meant it commented out */
};

struct lkm_modopts {
	struct lkm_ignored_opt *v;
	size_t n;
};

/*
 * The ignored words of MODULE's options lines under ROOT, file by file in libkmod's
 * order. MF is the module's file, for its declared parameters; when NULL, the file at
 * PATH is opened, and only if the module has options lines (a load without any costs no
 * read). With neither, or a file that does not open, only comment words are found.
 * Returns 0 or -ENOMEM; OUT is released with lkm_modopts_release either way.
 */
int lkm_modopts_ignored(const struct lkm_sysroot *root, const char *module,
			const struct lkm_modfile *mf, const char *path,
			struct lkm_modopts *out);
void lkm_modopts_release(struct lkm_modopts *o);

/* The modprobe.d options line for MODULE under ROOT that gives NAME=VALUE (the last one,
 * whose value the kernel takes): its file into FILE (SIZE bytes), its line into *LINE.
 * Returns 1, 0 when no line gives it, or -errno. */
int lkm_modopts_find(const struct lkm_sysroot *root, const char *module, const char *name,
		     const char *value, char *file, size_t size, unsigned *line);

/* The same as one warning line each ("FILE:LINE: the kernel will ignore 'W': ..."),
 * translated, appended to the vector *V of *N (shared/strv.h). Returns 0 or -ENOMEM. */
int lkm_modopts_warnings(const struct lkm_sysroot *root, const char *module,
			 const struct lkm_modfile *mf, const char *path, char ***v,
			 size_t *n);
