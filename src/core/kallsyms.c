// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/kallsyms.h"
#include "model/procfile.h"
#include "shared/strv.h"

/* One "ADDRESS TYPE NAME [MODULE]" line: false for a module's symbol or a bad line. */
static bool kernel_symbol(char *line, uint64_t *addr, char **name)
{
	char *end, *type, *mod;

	*addr = strtoull(line, &end, 16);
	if (end == line || *end != ' ')
		return false;
	type = end + 1;
	if (type[0] == '\0' || type[1] != ' ')
		return false;
	*name = type + 2;
	mod = strpbrk(*name, " \t");
	if (mod != NULL) {
		if (strchr(mod, '['))
			return false;
		*mod = '\0';
	}
	return **name != '\0';
}

/* The index of NAME in the sorted V, or -1. */
static long index_of(char *const *v, size_t n, const char *name)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(v[mid], name);

		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int lkm_kallsyms_gpl_only(const struct lkm_sysroot *root, const char *const *symbols,
			  size_t n, struct lkm_gpl_exports *out)
{
	struct lkm_buf text = { 0 };
	char **want = NULL;
	uint64_t *entry = NULL; /* the __ksymtab_ entry of want[i], 0 if none */
	size_t n_want = 0;
	uint64_t start = 0, stop = 0;
	int err = 0;

	memset(out, 0, sizeof(*out));
	if (n == 0)
		return 0;
	err = lkm_procfile_read(root, "/proc/kallsyms", &text);
	if (err < 0) {
		lkm_buf_release(&text);
		return err == -ENOMEM ? err : 0;
	}
	for (size_t i = 0; i < n && err == 0; i++)
		err = lkm_strv_add_unique(&want, &n_want, symbols[i]);
	lkm_strv_sort_unique(want, &n_want);
	if (err == 0 && (entry = calloc(n_want + 1, sizeof(*entry))) == NULL)
		err = -ENOMEM;
	for (char *p = text.data; err == 0 && p && *p;) {
		char *end = strchr(p, '\n'), *name;
		uint64_t addr;
		long i;

		if (end)
			*end = '\0';
		if (kernel_symbol(p, &addr, &name)) {
			if (strcmp(name, "__start___ksymtab_gpl") == 0)
				start = addr;
			else if (strcmp(name, "__stop___ksymtab_gpl") == 0)
				stop = addr;
			else if (strncmp(name, "__ksymtab_", 10) == 0 &&
				 (i = index_of(want, n_want, name + 10)) >= 0)
				entry[i] = addr;
		}
		p = end ? end + 1 : NULL;
	}
	out->known = err == 0 && start != 0 && stop > start;
	for (size_t i = 0; out->known && i < n_want && err == 0; i++)
		if (entry[i] >= start && entry[i] < stop &&
		    !lkm_strv_addf(&out->symbols, &out->n, "%s", want[i]))
			err = -ENOMEM;
	free(entry);
	lkm_strv_free(want, n_want);
	lkm_buf_release(&text);
	return err;
}

void lkm_gpl_exports_release(struct lkm_gpl_exports *g)
{
	lkm_strv_free(g->symbols, g->n);
	memset(g, 0, sizeof(*g));
}
