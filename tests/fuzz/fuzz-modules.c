// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer entry point for the /proc/modules parser: each input parsed twice into the
 * same struct (the refresh path), every string and user it hands out read back.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/modules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lkm_modules mods = { 0 };
	char *a = malloc(size + 1), *b = malloc(size + 1);

	if (a == NULL || b == NULL)
		abort();
	memcpy(a, data, size);
	a[size] = '\0';
	memcpy(b, a, size + 1);
	if (lkm_modules_parse(&mods, a) == 0)
		touch(&mods);
	if (lkm_modules_parse(&mods, b) == 0)
		touch(&mods);
	lkm_modules_release(&mods);
	free(a);
	free(b);
	return 0;
}
