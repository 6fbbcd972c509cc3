// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "lazy/lazy.h"

void *lkm_lazy_sym(struct lkm_lazy *lib, const char *symbol)
{
	void *sym;

	if (lib->handle == NULL) {
		lib->handle = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
		if (lib->handle == NULL)
			goto fail;
	}
	sym = dlsym(lib->handle, symbol);
	if (sym)
		return sym;
fail:
	const char *why = dlerror();

	fprintf(stderr, _("%s: cannot use %s: %s\n"), PACKAGE, lib->soname,
		why ? why : symbol);
	exit(127);
}
