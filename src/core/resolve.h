/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stddef.h>

#include "model/sysroot.h"
#include "shared/strv.h"

struct kmod_ctx;

/*
 * Module resolution through libkmod, under a sysroot: name or alias -> module file,
 * dependencies in load order, built-in modules, modprobe.d (options, blacklist, softdeps,
 * install/remove commands), which module exports a symbol, close names, all names.
 *
 * libkmod answers lookups from depmod's binary indexes (modules.dep.bin,
 * modules.alias.bin, modules.symbols.bin, modules.builtin.bin, modules.builtin.alias.bin)
 * under <root>/lib/modules/<release>, and reads modprobe.d from the four configuration
 * directories under <root>. It never reads /proc or /sys here: nothing below asks libkmod
 * for a module's state (kmod_module_get_initstate and friends read the host's /sys at
 * fixed paths); the model reads those through the sysroot.
 *
 * One caveat libkmod imposes: it also merges "module.param=value" options from the
 * running kernel's /proc/cmdline into every context, whatever the root. On a fixture or
 * an offline image, options can therefore include the host's boot-line options for the
 * same module.
 *
 * Module names are given back normalized as the kernel and libkmod spell them: '-'
 * becomes
 * '_' ("ne2k-pci.ko" is ne2k_pci). Names given in may use either.
 *
 * All functions return 0 (or a count) or a negative errno. A resolver caches text indexes
 * it has read; it is not safe to use from two threads at once.
 */

/*
 * The kernel release a root's modules are looked up for, into BUF:
 *   - a live root ("/"): uname(2)'s release, the running kernel;
 *   - any other root: <root>/proc/sys/kernel/osrelease if present and not empty (a
 *     capture of a running system), else the single directory under <root>/lib/modules
 *     (an image with one kernel installed).
 * -ENOENT when there is no such directory, -ENOTUNIQ when there are several (pass the
 * release explicitly to lkm_resolver_new then), -ENAMETOOLONG when BUF is too small.
 */
int lkm_resolve_release(const struct lkm_sysroot *root, char *buf, size_t size);

struct lkm_resolver;

/* The modprobe.d directories libkmod reads, first one first, NULL-terminated: paths on
 * the root's machine ("/etc/modprobe.d"). */
const char *const *lkm_resolve_conf_dirs(void);

/*
 * Opens a resolver for ROOT and RELEASE (NULL: lkm_resolve_release's rule). ROOT must
 * outlive it. A root without depmod's indexes still opens (lkm_resolver_has_moddep says
 * so); lookups then find nothing but built-in names from modules.builtin. Free with
 * lkm_resolver_free.
 */
int lkm_resolver_new(const struct lkm_sysroot *root, const char *release,
		     struct lkm_resolver **out);
void lkm_resolver_free(struct lkm_resolver *r);

/* The same, keeping what libkmod says of modprobe.d as it reads it ("libkmod: ERROR
 * ...: FILE line N: ignoring bad line starting with 'W'", which lkm_resolver_new leaves
 * on stderr) for lkm_resolver_config_log instead of printing it. */
int lkm_resolver_new_quiet(const struct lkm_sysroot *root, const char *release,
			   struct lkm_resolver **out);

/* Those lines, each ending in a newline; "" when none or not kept. Owned by R. */
const char *lkm_resolver_config_log(const struct lkm_resolver *r);

/* The values of KEY ("firmware", "alias") in the .modinfo of module NAME's file, from
 * libkmod (which maps an uncompressed file rather than reading it): *OUT (free with
 * lkm_strv_free(*OUT, *N)) and *N. Returns 0, -ENOENT (no such module file) or
 * another -errno. */
int lkm_resolve_info(struct lkm_resolver *r, const char *name, const char *key,
		     char ***out, size_t *n);

/* The libkmod context (libkmod's log is silenced: failures come back as errnos).
 * Owned by R; what src/core/ops.h's real table acts through. */
struct kmod_ctx *lkm_resolver_kmod(const struct lkm_resolver *r);

/* The release in use ("6.1.0-test"), owned by R. */
const char *lkm_resolver_release(const struct lkm_resolver *r);

/* The host path of <root>/lib/modules/<release>, owned by R. */
const char *lkm_resolver_moddir(const struct lkm_resolver *r);

/* Which of depmod's outputs exist: LKM_MODDEP_TEXT (modules.dep) and LKM_MODDEP_BIN
 * (modules.dep.bin, what libkmod's lookups need). 0: depmod never ran for this release.
 */
enum { LKM_MODDEP_TEXT = 1, LKM_MODDEP_BIN = 2 };
int lkm_resolver_has_moddep(const struct lkm_resolver *r);

/* One module as the resolver found it. Every string is owned by the list it is in. */
struct lkm_modref {
	char *name;	 /* normalized module name */
	char *path;	 /* host path of the module file; NULL when built in or absent */
	int builtin;	 /* listed in modules.builtin (then path is NULL) */
	int blacklisted; /* named by a modprobe.d "blacklist" line */
	int by_alias;	 /* found through an alias, not by its own name (lookups only) */
};

/* An ordered list of modules; release with lkm_modlist_release (safe on a zeroed list).
 */
struct lkm_modlist {
	struct lkm_modref *v;
	size_t n;
};
void lkm_modlist_release(struct lkm_modlist *list);

/*
 * Name or alias -> the module(s), as modprobe's lookup does: modprobe.d aliases first,
 * then a module name in modules.dep, "symbol:NAME" in modules.symbols, install/remove
 * commands, modules.alias, built-in names, built-in aliases. An alias can give several
 * modules (a PCI id matched by two drivers), all listed. A match with neither path nor
 * builtin names a module that does not exist (a modprobe.d alias pointing at nothing, or
 * an install command with no module).
 *
 * The blacklist: each match carries blacklisted, but nothing is removed here. modprobe
 * skips a blacklisted module only when it was reached through an alias (by_alias); an
 * explicit name ("modprobe floppy") and a dependency of another module load all the same.
 * Callers decide with (by_alias && blacklisted).
 *
 * -ENOENT when nothing matches; -EINVAL for text libkmod refuses as an alias.
 */
int lkm_resolve_lookup(struct lkm_resolver *r, const char *text, struct lkm_modlist *out);

/* Whether NAME (a module name, not an alias) is in modules.builtin: 1, 0, or -errno. */
int lkm_resolve_is_builtin(struct lkm_resolver *r, const char *name);

/* Whether NAME (a module name, not an alias) is named by a modprobe.d "blacklist" line:
 * 1, 0, or -errno. */
int lkm_resolve_is_blacklisted(struct lkm_resolver *r, const char *name);

/*
 * What loading module NAME takes, in load order: the deepest dependency first, NAME last
 * (msdos -> [fat, msdos]; btusb -> [bluetooth, btintel, btbcm, btrtl, btusb]). Built from
 * modules.dep, each dependency's own dependencies taken too, each module once. A built-in
 * NAME gives [NAME] with builtin set. Softdeps and the blacklist play no part (see
 * lkm_resolve_modconf). -ENOENT when NAME is neither in modules.dep nor built in.
 */
int lkm_resolve_deps(struct lkm_resolver *r, const char *name, struct lkm_modlist *out);

/* What modprobe.d (and modules.softdep) say about one module. Strings owned by the
 * struct; release with lkm_modconf_release. */
struct lkm_modconf {
	char *options; /* "debug=2 full_duplex=1", all "options" lines joined; NULL if
			  none */
	int blacklisted;
	struct lkm_modlist
		pre; /* softdep pre: modules, resolved (names no lookup finds are */
	struct lkm_modlist post; /*   dropped, as modprobe drops them) */
	/* Only the first "softdep" line matching the module counts: libkmod (v30 and
	 * later, as module-init-tools did) ignores the rest, which users rarely expect
	 * (kmod's own testsuite keeps merging them as an expected failure). How many were
	 * ignored: */
	unsigned int softdeps_ignored;
	char *install; /* the "install" command, NULL if none */
	char *remove;  /* the "remove" command, NULL if none */
};
int lkm_resolve_modconf(struct lkm_resolver *r, const char *name,
			struct lkm_modconf *out);
void lkm_modconf_release(struct lkm_modconf *conf);

/* Every blacklisted name, sorted; *out is NULL-terminated, free with
 * lkm_strv_freev. */
int lkm_resolve_blacklist(struct lkm_resolver *r, char ***out);

/*
 * Which module(s) export SYMBOL, from depmod's symbol index ("symbol:fat_add_entries" ->
 * fat). -ENOENT when no module does (the symbol may still be exported by the kernel
 * itself, which depmod does not index).
 */
int lkm_resolve_symbol(struct lkm_resolver *r, const char *symbol,
		       struct lkm_modlist *out);

/*
 * Up to 5 module names close to NAME (edit distance over modules.dep and modules.builtin
 * names, '-' and '_' equal; a longer name starting with NAME counts too), closest first,
 * NAME itself excluded. *out is NULL-terminated (possibly empty); returns the count.
 */
#define LKM_RESOLVE_MAX_SUGGESTIONS 5
int lkm_resolve_suggest(struct lkm_resolver *r, const char *name, char ***out);

/* All module names in modules.dep (and modules.builtin with LKM_NAMES_BUILTIN), sorted,
 * each once. *out is NULL-terminated; returns the count. */
enum { LKM_NAMES_BUILTIN = 1 };
int lkm_resolve_names(struct lkm_resolver *r, unsigned int flags, char ***out);

/* The vectors above are freed with lkm_strv_freev (shared/strv.h; NULL is fine). */
