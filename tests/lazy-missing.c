// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * tests/startup.test's probe of src/lazy/lazy.c when what lkmtui opens on first use is
 * not there: lazy-missing SONAME SYMBOL looks SYMBOL up in SONAME, prints "found" and
 * exits 0, or lkm_lazy_sym says why and exits 127.
 */
#include "config.h"

#include <stdio.h>

#include "lazy/lazy.h"

int main(int argc, char **argv)
{
	if (argc != 3)
		return 2;
	struct lkm_lazy lib = { .soname = argv[1] };

	lkm_lazy_sym(&lib, argv[2]);
	puts("found");
	return 0;
}
