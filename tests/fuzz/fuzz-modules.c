// SPDX-License-Identifier: GPL-2.0-or-later
/* libFuzzer entry point for the /proc/modules parser (see twice.h). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/modules.h"
#include "twice.h"

static volatile size_t sink;

static void touch(const struct lkm_modules *mods)
{
	size_t n = mods->skipped;

	for (size_t i = 0; i < mods->n; i++) {
		const struct lkm_module *m = &mods->v[i];
		size_t users = 0;

		n += strlen(m->name) + strlen(m->state_word) + m->size;
		n += m->taints ? strlen(m->taints) : 0;
		n += m->address ? strlen(m->address) : 0;
		for (const char *u = lkm_module_next_user(m, NULL); u;
		     u = lkm_module_next_user(m, u)) {
			n += strlen(u);
			users++;
		}
		if (users != m->n_used_by)
			abort();
		if (lkm_modules_find(mods, m->name) == NULL)
			abort();
	}
	sink = n;
}

LKM_FUZZ_PARSE_TWICE(struct lkm_modules, lkm_modules_parse, touch, lkm_modules_release)
