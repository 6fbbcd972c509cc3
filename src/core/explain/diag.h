/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/*
 * Building a diagnosis, inside the core (the explainer's analysers, affinity.c, bind.c):
 * the table of texts, the filling of its templates, evidence lines and fixes.
 */
#include <stdbool.h>

#include "core/explain.h"
#include "shared/strv.h"

#define LKM_DIAG_MAX_FIX 3

/* What a fix template does as data: the operation, and the placeholders (the letters of
 * the templates) that give its target and its one argument (0: none). */
struct lkm_diag_act {
	enum lkm_fix_op op;
	char target, arg;
};

/* One row of the explainer's table; strings are N_()-marked, translated when used. */
struct lkm_diag_text {
	const char *id;
	const char *title; /* template */
	const char *teach;
	const char *fix[LKM_DIAG_MAX_FIX]; /* templates; NULL ends */
	const char *title_bare; /* the title when its template cannot be filled */
	struct lkm_diag_act act[LKM_DIAG_MAX_FIX]; /* of each fix; { 0 }: LKM_FIX_NONE */
};

/* What fills a template's placeholders (explain/texts.c lists them). NULL or "" is
 * "nothing": a fix line that needs it is dropped, the title falls back to title_bare and
 * the teaching paragraph says "the module", "the file" instead. */
struct lkm_diag_fill {
	const char *module, *file, *target, *param, *release, *value, *other;
	char **list;
	size_t n_list;
	const char *joined;   /* %E: set by lkm_diag_build from the list */
	const char *as_named; /* %l */
	const char *by_name;  /* %n */
	const char *hw;	      /* %h */
	bool target_is_file; /* TARGET names a file (lkm_result.names_file): %P, not %q */
};

/* Sets D's kind, errno, title, teaching and fixes from KIND's row filled with FILL; fixes
 * already in D stay first. Returns 0 or -ENOMEM. */
int lkm_diag_build(struct lkm_diagnosis *d, enum lkm_diag_kind kind, int err,
		   const struct lkm_diag_fill *fill);
/* The same with LIST (N names, each a line of lkm_diag_line; freed here) as FILL's list:
 * the end of a cause or foresight that found its kind. Returns 1 or -ENOMEM. */
int lkm_diag_build_list(struct lkm_diagnosis *d, enum lkm_diag_kind kind, int err,
			struct lkm_diag_fill *fill, char **list, size_t n);

/* The row of KIND, or NULL for LKM_DIAG_NONE. */
const struct lkm_diag_text *lkm_diag_text(enum lkm_diag_kind kind);

/* Appends a formatted line to D's vector V (its evidence, or a list of the caller's); a
 * failure marks D, and lkm_diag_build then refuses it: a diagnosis missing a line of
 * evidence would tell another story. */
__attribute__((format(printf, 4, 5))) void
lkm_diag_line(struct lkm_diagnosis *d, char ***v, size_t *n, const char *fmt, ...);

/* Appends a fix to D: OP on TARGET with ARGS (none for LKM_FIX_NONE), read as the text
 * FMT makes. A failure marks D (d->oom) and returns -ENOMEM. */
__attribute__((format(printf, 6, 7))) int
lkm_diag_add_fix(struct lkm_diagnosis *d, enum lkm_fix_op op, const char *target,
		 const char *const *args, size_t n_args, const char *fmt, ...);
/* Moves SRC's fixes after DST's (SRC has none after). Returns 0 or -ENOMEM. */
int lkm_diag_move_fixes(struct lkm_diagnosis *dst, struct lkm_diagnosis *src);
/* Drops D's fixes. */
void lkm_diag_clear_fixes(struct lkm_diagnosis *d);

/* D gets KIND's teaching from the table, TITLE (NULL: the table's) and ERR, for a
 * diagnosis written outside the explainer (affinity, binding). Returns ERR, or -ENOMEM.
 */
int lkm_diag_start(struct lkm_diagnosis *d, enum lkm_diag_kind kind, int err,
		   const char *title, const char *teach);

/* Evidence and prose fixes for such a diagnosis; a failed allocation marks nothing (the
 * refusal keeps its -errno). */
#define LKM_EVIDENCE(d, ...)                                                             \
	((void)lkm_strv_addf(&(d)->evidence, &(d)->n_evidence, __VA_ARGS__))
#define LKM_FIX(d, ...)                                                                  \
	((void)lkm_diag_add_fix(d, LKM_FIX_NONE, NULL, NULL, 0, __VA_ARGS__))
