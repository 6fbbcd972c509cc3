// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Message catalogues from the build, for tests of the build's binary in another language
 * (tests/cli/i18n.test): lkmtui binds its domain to the directory `make install` puts the
 * catalogues in; under this LD_PRELOAD library, bindtextdomain binds it to
 * LKMTUI_LOCALEDIR instead (unset or empty: the directory asked for).
 */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>

char *bindtextdomain(const char *domain, const char *dir);

char *bindtextdomain(const char *domain, const char *dir)
{
	static char *(*real)(const char *, const char *);
	const char *mine = getenv("LKMTUI_LOCALEDIR");

	if (real == NULL) {
		real = (char *(*)(const char *, const char *))dlsym(RTLD_NEXT,
								    "bindtextdomain");
		if (real == NULL) {
			errno = ENOSYS;
			return NULL;
		}
	}
	return real(domain, dir && mine && *mine ? mine : dir);
}
