/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "core/resolve.h"
#include "model/snapshot.h"
#include "model/sysroot.h"

/*
 * The detail view of one module, with no terminal: lines already wrapped to a width, each
 * with what it refers to, so the cursor can sit on a state, a parameter, a neighbour, an
 * interface or an interrupt line, and e (teach) and Enter (go there) know what it is.
 * Everything comes through the model and core: the snapshot's /proc/modules line,
 * /sys/module/NAME (values, writability), the module file's declared parameters through
 * the resolver, and lkm_owns_query for what it drives.
 */
enum lkm_detail_kind {
	LKM_DL_TEXT,	/* nothing to select */
	LKM_DL_SECTION, /* a heading */
	LKM_DL_TERM,	/* a state, count, flag or taint letter: ref is lkm_explain_term's
			   key */
	LKM_DL_PARAM,	/* ref is the parameter's name */
	LKM_DL_MODULE,	/* a holder or a dependency: ref is its name */
	LKM_DL_IFACE,	/* ref is the interface */
	LKM_DL_IRQ,	/* ref is the interrupt label */
	LKM_DL_DEVICE,	/* ref is "c:MAJOR" or "b:MAJOR" */
};

/* A TERM line's value starts at this column ("  state      Live"). */
#define LKM_DETAIL_VALUE_COL 13

struct lkm_detail_line {
	enum lkm_detail_kind kind;
	char *text;
	char *ref;     /* NULL for TEXT and SECTION */
	char *value;   /* TERM: the value shown after the label ("Live"), else NULL */
	bool writable; /* PARAM: the kernel takes writes */
	bool in_sys;   /* PARAM: /sys/module/M/parameters shows it */
};

struct lkm_detail {
	char module[256];
	char title[512];
	bool loaded;
	struct lkm_detail_line *v;
	size_t n, cap;
	size_t cursor; /* a selectable line when there is one */
	size_t top;
	size_t height;
};

/*
 * Builds D for MODULE, wrapped to WIDTH columns; NOTE (may be NULL) is a last line, e.g.
 * why actions are unavailable. The cursor stays on the line with the same ref when it is
 * still there. RESOLVER and SNAP may be NULL. Returns 0 or -ENOMEM.
 */
int lkm_detail_build(struct lkm_detail *d, const struct lkm_sysroot *root,
		     struct lkm_resolver *resolver, const struct lkm_snapshot *snap,
		     const char *module, int width, const char *note);
void lkm_detail_release(struct lkm_detail *d);

/* A parameter as the detail view and the forms list it: declared in the module file
 * (type, description) and/or present in /sys/module/NAME/parameters (value). */
struct lkm_param_info {
	char *name, *type, *desc, *value; /* any but name may be NULL */
	int writable; /* 1, 0, or -1: not in /sys (not loaded, or not exported there) */
};

/* MODULE's parameters, declared ones first in file order, then those only in /sys.
 * *OUT is freed with lkm_param_infos_free. Returns the count or -ENOMEM. */
int lkm_param_infos(const struct lkm_sysroot *root, struct lkm_resolver *resolver,
		    const char *module, struct lkm_param_info **out);
void lkm_param_infos_free(struct lkm_param_info *v, size_t n);

bool lkm_detail_selectable(const struct lkm_detail *d, size_t i);
/* The line under the cursor, or NULL when no line is selectable. */
const struct lkm_detail_line *lkm_detail_current(const struct lkm_detail *d);
/* Moves the cursor by DELTA selectable lines (clamped); scrolls to keep it shown. */
void lkm_detail_move(struct lkm_detail *d, long delta);
void lkm_detail_set_height(struct lkm_detail *d, size_t height);
/* Puts the cursor on the first line of KIND whose ref is REF; false if none. */
bool lkm_detail_select(struct lkm_detail *d, enum lkm_detail_kind kind, const char *ref);
