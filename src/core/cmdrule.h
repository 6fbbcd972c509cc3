/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "model/sysroot.h"

/*
 * modprobe.d's command rules ("install NAME COMMAND", "remove NAME COMMAND"), which
 * lkmtui never runs: what one means, and where it was written.
 */

/* Whether COMMAND is the administrator's way to forbid a module: a command that does
 * nothing, /bin/false or /bin/true (also under /usr/bin, or as the bare shell word). */
bool lkm_cmdrule_is_block(const char *command);

/* The file suffixes libkmod reads in modprobe.d, NULL-terminated. */
const char *const *lkm_modprobe_d_suffixes(void);

/*
 * Where the first KIND ("install", "remove" or "blacklist") rule for MODULE is written,
 * as libkmod reads modprobe.d under ROOT (the same four directories, the same file order
 * and the first matching rule, its pattern matched as libkmod matches it), into BUF as
 * "FILE:LINE" with FILE as it is on that machine ("/etc/modprobe.d/cve.conf:3"). COMMAND,
 * when not NULL, must be the rule's command too. Returns 0, -ENOENT when no file has it,
 * or -errno.
 */
int lkm_cmdrule_origin(const struct lkm_sysroot *root, const char *kind,
		       const char *module, const char *command, char *buf, size_t size);

/*
 * Every KIND line ("options", "install", "remove", "softdep"...) whose pattern matches
 * MODULE, in the order libkmod reads modprobe.d under ROOT: FN gets the file as that
 * system names it, the line the rule starts on, and the rest of the line after the
 * pattern (comments at its end included, as libkmod passes them on). FN returns 0 to go
 * on; anything else stops the walk and is returned. Returns 0, FN's value, or -errno.
 */
typedef int (*lkm_modprobe_line_fn)(const char *file, unsigned line, const char *rest,
				    void *data);
int lkm_modprobe_d_walk(const struct lkm_sysroot *root, const char *kind,
			const char *module, lkm_modprobe_line_fn fn, void *data);
