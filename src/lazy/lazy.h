/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/*
 * Libraries only some commands use, opened on first call (README "Speed"): lkmtui links
 * none of libelf, libsmartcols and zlib; src/lazy/NAME.c defines each function of theirs
 * the program calls, with the library's own prototype, forwarding to the real one. A
 * command that never calls them (load --dry-run) never maps them. Other programs (the
 * TUI, the tests) link the libraries themselves and none of this.
 *
 * A function the code starts calling needs its line in src/lazy/NAME.c: without one,
 * lkmtui does not link (undefined reference), which says where.
 */

#include <stddef.h>

struct lkm_lazy {
	const char *soname; /* the SONAME configure found, e.g. "libelf.so.1" */
	void *handle;
};

/* The address of SYMBOL in LIB, opening LIB on first use. When the library or the symbol
 * cannot be found, says so on stderr and exits with 127, as ld.so does for a library
 * missing at start. */
void *lkm_lazy_sym(struct lkm_lazy *lib, const char *symbol);

/* In a wrapper of NAME, the real NAME, looked up once. */
#define LKM_LAZY(lib, name)                                                              \
	({                                                                               \
		static __typeof__(&name) real_;                                          \
		if (real_ == NULL)                                                       \
			real_ = (__typeof__(&name))lkm_lazy_sym(&(lib), #name);          \
		real_;                                                                   \
	})
