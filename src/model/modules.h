/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/procfile.h"

/* The state column of /proc/modules (2.6+), or the 2.4 state words. */
enum lkm_module_state {
	LKM_STATE_LIVE,
	LKM_STATE_LOADING,
	LKM_STATE_UNLOADING,
	LKM_STATE_DELETED,	 /* 2.4 "(deleted)" */
	LKM_STATE_INITIALIZING,	 /* 2.4 "(initializing)" */
	LKM_STATE_UNINITIALIZED, /* 2.4 "(uninitialized)" */
	LKM_STATE_UNKNOWN,	 /* a word we do not know; kept in state_word */
};

enum lkm_module_flag {
	LKM_MODFLAG_PERMANENT =
		1u << 0, /* "[permanent]": init without exit, cannot unload */
	LKM_MODFLAG_UNSAFE = 1u << 1,	 /* "[unsafe]": unloaded with force once */
	LKM_MODFLAG_UNUSED = 1u << 2,	 /* 2.4 "(unused)" */
	LKM_MODFLAG_AUTOCLEAN = 1u << 3, /* 2.4 "(autoclean)" */
};

enum lkm_modules_format {
	LKM_MODULES_FORMAT_NONE, /* no lines yet */
	LKM_MODULES_FORMAT_26,	 /* name size refcnt users state address [(taints)] */
	LKM_MODULES_FORMAT_24,	 /* name size [usecount] [(flags)...] [[users]] */
};

/*
 * One line of /proc/modules. Strings point into the lkm_modules buffer and stay valid
 * until the next parse or lkm_modules_release.
 */
struct lkm_module {
	const char *name;
	uint64_t size;
	int64_t use_count;  /* may be -1 (2.4: busy can_unload) */
	bool has_use_count; /* false for "-" (no CONFIG_MODULE_UNLOAD) or 2.4 not running
			     */
	const char
		*used_by; /* n_used_by names, each NUL-terminated, one after the other */
	size_t n_used_by;
	size_t used_by_len; /* bytes of used_by, terminators included */
	enum lkm_module_state state;
	const char *state_word; /* the word as the kernel wrote it ("Live", "deleted") */
	unsigned flags;		/* enum lkm_module_flag */
	const char *taints;	/* "OE", "" when none; NULL on 2.4 */
	const char *address;	/* "0xffffffffc020a000"; NULL on 2.4 */
};

struct lkm_modules {
	struct lkm_module *v;
	size_t n;
	size_t cap;
	enum lkm_modules_format format;
	size_t skipped; /* lines that could not be parsed */
	struct lkm_buf buf;
};

/* Parses TEXT (NUL-terminated, modified in place, must outlive MODS) into MODS, reusing
 * its arrays. Malformed lines are skipped and counted. Returns 0 or -ENOMEM. */
int lkm_modules_parse(struct lkm_modules *mods, char *text);

/* Reads and parses /proc/modules under ROOT. Returns 0, -ENOENT when the kernel has no
 * loadable-module support (no /proc/modules), or another -errno. */
int lkm_modules_read(struct lkm_modules *mods, const struct lkm_sysroot *root);

/*
 * Module names as the kernel compares them: '-' and '_' are the same (for parameter names
 * too, parameq()). The one place lkmtui keeps that rule.
 */
bool lkm_module_name_eq(const char *a, const char *b);
/* strcmp's order under that rule. */
int lkm_module_name_cmp(const char *a, const char *b);
/* Whether the LEN bytes at A are the whole name B. */
bool lkm_module_name_eq_len(const char *a, size_t len, const char *b);
/* Whether NAME begins with PREFIX. */
bool lkm_module_name_has_prefix(const char *name, const char *prefix);
/* Writes NAME as the kernel spells it, '-' as '_', in place. */
void lkm_module_name_normalize(char *name);

/*
 * Module files' names: .ko, or compressed as module trees hold them (.ko.xz, .ko.zst,
 * .ko.gz); with LKM_SUFFIX_WITH_O also the .o of 2.4 kernels, for files a person names
 * (insmod ne.o io=0x300): a tree's files, as depmod and libkmod list them, are never .o.
 */
enum lkm_suffix_flag { LKM_SUFFIX_WITH_O = 1 << 0 };
/* The length of the suffix the LEN bytes at NAME end with after a name of at least one
 * byte; 0 when they end with none. */
size_t lkm_module_suffix_len(const char *name, size_t len, unsigned flags);

/* The module named NAME ('-' and '_' are the same, as the kernel treats them), or NULL.
 */
const struct lkm_module *lkm_modules_find(const struct lkm_modules *mods,
					  const char *name);

/* Iterates a module's users: for (u = first; u; u = lkm_module_next_user(m, u)). */
const char *lkm_module_next_user(const struct lkm_module *m, const char *user);

const char *lkm_module_state_id(enum lkm_module_state state); /* "live", "loading", ... */

/* A flag as the kernel shows it ("[permanent]") and its stable id ("permanent"). */
struct lkm_modflag_word {
	enum lkm_module_flag flag;
	const char *shown;
	const char *id;
};

/* Every flag, in the order people read them; *N is set to how many. */
const struct lkm_modflag_word *lkm_module_flag_words(size_t *n);

void lkm_modules_release(struct lkm_modules *mods);
