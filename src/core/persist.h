/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <limits.h>
#include <stddef.h>

#include "core/params.h"
#include "model/sysroot.h"
#include "shared/strv.h"

/*
 * `--persist`: module options kept in <root>/etc/modprobe.d/lkmtui.conf, one
 * "options NAME k=v ..." line per module, which modprobe applies whenever it loads NAME.
 *
 * Writers take a lock (flock on LKM_PERSIST_LOCK beside the file) around the whole
 * read-modify-write, so two at once each keep the other's line.
 * Writing is atomic: the new content goes to a temporary file in the same directory
 * (created O_EXCL), is written whole, fsync'ed and renamed over the old file; on any
 * failure (a full disk included) the old file is left as it was and the temporary file is
 * removed. Every line that is not this module's "options" line is kept byte for byte
 * (comments, blank lines, other modules, other directives, continuation lines). This
 * module's line is replaced where it stands (names compared with '-' and '_' equal); if
 * the file held several options lines for it, the first is replaced and the others
 * dropped, so that the file gives exactly the options written. With no line yet, the new
 * one is appended (after adding a final newline to the file if it had none). A missing
 * file is created with a header comment, and a missing /etc/modprobe.d directory too.
 */

#define LKM_PERSIST_FILE "/etc/modprobe.d/lkmtui.conf"
/* Beside it: what writers flock(2) around their read-modify-write (modprobe reads only
 * names ending ".conf", and kmod skips names starting with '.'). */
#define LKM_PERSIST_LOCK ".lkmtui.conf.lock"
/* The modules lkmtui load --persist keeps loaded at boot: systemd-modules-load reads
 * modules-load.d (one module name a line) early in every boot. */
#define LKM_BOOT_FILE "/etc/modules-load.d/lkmtui.conf"
/* lkmtui block without --persist: libkmod reads /run/modprobe.d, which a boot empties.
 * Not "lkmtui.conf": modprobe reads only the first file of a name along /etc, /run,
 * /lib (libkmod's conf_files_filter_out), so /etc/modprobe.d/lkmtui.conf would hide it.
 */
#define LKM_BLOCK_RUN_FILE "/run/modprobe.d/lkmtui-block.conf"
/* A block is "blacklist M" (no load through an alias) and "install M /bin/false" (no load
 * by name or as a dependency either: modprobe runs the command, which fails), the form
 * the CIS benchmarks and vendors' advisories give. */
#define LKM_BLOCK_COMMAND "/bin/false"

/* Why a module name or a parameter was refused. */
enum lkm_persist_refusal {
	LKM_PERSIST_OK = 0,
	LKM_PERSIST_BAD_MODULE, /* module name empty, too long, or not letters/digits/_/-
				 */
	LKM_PERSIST_EMPTY,	/* an empty parameter */
	LKM_PERSIST_BAD_NAME,	/* not "name=value" or "name": empty or odd name */
	LKM_PERSIST_NEWLINE,	/* a line break in the value */
	LKM_PERSIST_HASH,	/* '#' would start a comment */
	LKM_PERSIST_CONTROL,	/* another control character (tab included) */
	LKM_PERSIST_QUOTE,	/* '"' cannot be written inside a quoted value */
	LKM_PERSIST_BACKSLASH,	/* '\' would continue the line */
};

/* The refusal in words, translated; never NULL. */
const char *lkm_persist_refusal_text(enum lkm_persist_refusal why);

struct lkm_persist_result {
	char path[PATH_MAX]; /* host path of lkmtui.conf */
	int created;	     /* the file did not exist before */
	int replaced;	     /* this module's earlier lines removed (count) */
	int changed;	     /* the file's content changed (0: it already said so) */
	int link; /* on -ELOOP: 1 the directory, 2 the file is a symbolic link */
	enum lkm_persist_refusal refusal; /* on -EINVAL: why */
	size_t bad;			  /* on -EINVAL: index of the refused parameter in
					     PARAMS, or (size_t)-1 for the module name */
};

/*
 * The line lkm_persist_options would write, without a newline: "options ne2k_pci debug=2
 * name=\"a b\"" (the module name normalized to '_'; a value with spaces double-quoted, as
 * the kernel's parameter parser reads it). *out is malloc'ed, caller frees. Returns 0,
 * -EINVAL with RES->refusal and RES->bad set (RES may be NULL), or -ENOMEM. Use it for
 * --dry-run.
 */
int lkm_persist_line(const char *module, const struct lkm_params *params,
		     struct lkm_persist_result *res, char **out);

/*
 * Writes MODULE's options line (PARAMS, each name=value or name, split by
 * lkm_params_parse) into lkmtui.conf under ROOT, as described above. No parameters
 * (PARAMS NULL or empty) removes the module's line. RES is filled on success and failure
 * (may be NULL). Returns 0, -EINVAL (refused, nothing written), or the -errno of the
 * failing step (the old file untouched).
 */
int lkm_persist_options(const struct lkm_sysroot *root, const char *module,
			const struct lkm_params *params, struct lkm_persist_result *res);

/*
 * The options lkmtui.conf holds for MODULE, one parameter per element with quotes removed
 * ("name=a b"), all of the module's lines in order. *params is NULL-terminated (empty
 * when the file or the line is absent) and freed with lkm_strv_freev. Returns the
 * count or -errno.
 */
int lkm_persist_read(const struct lkm_sysroot *root, const char *module, char ***params);

/*
 * The same machinery (the lock, the atomic replace, every other line kept) for the other
 * files lkmtui keeps. Each writes only when the content changes (RES->changed), creates
 * no file to remove nothing, and refuses a file or directory that is a symbolic link
 * (-ELOOP, RES->link: replacing the link, or writing where it points, would both surprise
 * whoever made it) or a directory where the file should be (-EISDIR). Returns 0,
 * -EINVAL (a bad module name), or the failing step's -errno with the old file untouched.
 */
/* LOAD: MODULE's line in LKM_BOOT_FILE; else its line removed. */
int lkm_persist_boot(const struct lkm_sysroot *root, const char *module, int load,
		     struct lkm_persist_result *res);
/* BLOCK: "blacklist M" and "install M /bin/false" in LKM_PERSIST_FILE (PERSISTENT) or
 * LKM_BLOCK_RUN_FILE; else those lines removed. */
int lkm_persist_block(const struct lkm_sysroot *root, const char *module, int block,
		      int persistent, struct lkm_persist_result *res);

enum lkm_persist_what {
	LKM_HAS_BOOT,	   /* MODULE's line in LKM_BOOT_FILE */
	LKM_HAS_BLOCK_RUN, /* a block line for MODULE in LKM_BLOCK_RUN_FILE */
	LKM_HAS_BLOCK_ETC, /* a block line for MODULE in LKM_PERSIST_FILE */
};

/* Whether lkmtui's file holds WHAT for MODULE: 1, 0 (or no file), or -errno. */
int lkm_persist_has(const struct lkm_sysroot *root, enum lkm_persist_what what,
		    const char *module);
