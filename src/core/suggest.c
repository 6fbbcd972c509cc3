// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * "Did you mean": the names of the tree (modules.dep and modules.builtin) nearest to one
 * that names nothing, for the not-found diagnosis and the CLI.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "core/resolve.h"
#include "model/modules.h"
#include "shared/editdist.h"
#include "shared/strv.h"

struct candidate {
	size_t score;
	const char *name;
};

static int cmp_candidate(const void *pa, const void *pb)
{
	const struct candidate *a = pa, *b = pb;

	if (a->score != b->score)
		return a->score < b->score ? -1 : 1;
	return strcmp(a->name, b->name);
}

static void consider(struct candidate *best, size_t *nbest, const char *query,
		     size_t qlen, const char *name)
{
	/* Typos: one edit in short names, two in medium, three in long ones. */
	size_t limit = qlen <= 4 ? 1 : qlen <= 8 ? 2 : 3;
	size_t d = lkm_edit_distance(query, name);
	struct candidate c;

	if (d == 0)
		return;
	if (d > limit) {
		/* "ne2k" for ne2k_pci: a prefix of a longer name, ranked after the typos.
		 */
		if (qlen < 3 || strncmp(name, query, qlen) != 0)
			return;
		d = limit + 1 + (strlen(name) - qlen);
	}
	for (size_t i = 0; i < *nbest; i++)
		if (strcmp(best[i].name, name) == 0)
			return;
	c.score = d;
	c.name = name;
	if (*nbest < LKM_RESOLVE_MAX_SUGGESTIONS) {
		best[(*nbest)++] = c;
	} else if (cmp_candidate(&c, &best[*nbest - 1]) < 0) {
		best[*nbest - 1] = c;
	} else {
		return;
	}
	qsort(best, *nbest, sizeof(*best), cmp_candidate);
}

int lkm_resolve_suggest(struct lkm_resolver *r, const char *name, char ***out)
{
	struct candidate best[LKM_RESOLVE_MAX_SUGGESTIONS];
	char **names = NULL, **v = NULL, norm[PATH_MAX];
	size_t nbest = 0, n = 0, qlen = strlen(name);
	int err;

	*out = NULL;
	if (qlen == 0)
		return -EINVAL;
	if (qlen >= sizeof(norm))
		return -ENAMETOOLONG;
	memcpy(norm, name, qlen + 1);
	lkm_module_name_normalize(norm);
	err = lkm_resolve_names(r, LKM_NAMES_BUILTIN, &names);
	if (err < 0)
		return err;
	err = 0;
	for (size_t i = 0; names[i] != NULL; i++)
		consider(best, &nbest, norm, qlen, names[i]);
	for (size_t i = 0; err == 0 && i < nbest; i++)
		err = lkm_strv_addn(&v, &n, best[i].name, strlen(best[i].name));
	lkm_strv_freev(names);
	if (err == 0)
		err = lkm_strv_ensure(&v);
	if (err < 0) {
		lkm_strv_free(v, n);
		return err;
	}
	*out = v;
	return (int)n;
}
