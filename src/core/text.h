/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "core/engine.h"
#include "model/modules.h"
#include "shared/strbuf.h"

/*
 * How things read, written once for both front ends: a plan step, what a result did,
 * the terms of a module's state, and where a paragraph breaks. All translated.
 */

enum lkm_step_text_flag {
	LKM_STEP_TEXT_DRY_RUN = 1u << 0, /* as a plan: "insert", never "inserted" */
	LKM_STEP_TEXT_PATH = 1u << 1, /* an insert names its file ("insert fat from P") */
};

/* One step as a person reads it ("inserted fat with codepage=437 (dependency of
 * msdos)", "remove fat: failed, EBUSY"), appended to SB. */
void lkm_text_step(struct lkm_strbuf *sb, const struct lkm_step *s, unsigned flags);

/* The steps RES carried out, each as lkm_text_step reads it, joined by "; ". */
void lkm_text_done_steps(struct lkm_strbuf *sb, const struct lkm_result *res);

/* What RES did, as a list: the modules loaded or unloaded ("fat, msdos") or the
 * parameters written ("irq=7"). */
void lkm_text_done_list(struct lkm_strbuf *sb, const struct lkm_result *res);

/* How a device stands to a module. */
enum lkm_hwbind_text {
	LKM_HWBIND_DRIVES,  /* "drives 0000:00:03.0 (Realtek ...): eth0, irq 11" */
	LKM_HWBIND_LEFT,    /* after a load: "does not drive 0000:00:03.0 (...): 8139cp
			     * drives it (module 8139cp)", "...: no driver" */
	LKM_HWBIND_MATCHES, /* before one: "0000:00:03.0 (...) matches: no driver" */
};

/* Device B as HOW says, appended to SB. */
void lkm_text_hwbind(struct lkm_strbuf *sb, const struct lkm_hwbind *b,
		     enum lkm_hwbind_text how);

/*
 * One cell of a module's state and the explainer's key for what it means: FIELD is the
 * translated row name ("state", "use count", "used by", "flags", "taints"), VALUE what
 * the kernel shows ("Live", "2", "[permanent]", one taint letter), KEY what
 * lkm_explain_term takes ("live", "use-count", "permanent", "taint-O").
 */
struct lkm_term {
	const char *field;
	char value[1024];
	const char *key;
	char key_buf[16];
};

/* Room for every term of one module: state, count, users, four flags, taint letters. */
#define LKM_TEXT_MAX_TERMS 32

/* M's terms in reading order into OUT (up to MAX); returns how many. USERS_SEP joins the
 * users in the "used by" value. */
size_t lkm_text_module_terms(const struct lkm_module *m, const char *users_sep,
			     struct lkm_term *out, size_t max);

/*
 * Where the next line of a paragraph ends when lines hold WIDTH columns of the terminal
 * (WIDTH 0 is taken as 1; characters counted as the locale's wcwidth, a byte that is no
 * character as one), for every screen of the TUI and the CLI's reports: the length in
 * bytes of the line starting at TEXT without its trailing spaces, cut at the last space
 * that fits (a word ending right at WIDTH fits), or between the last two characters
 * that fit when no space does; *NEXT is set past the spaces after it. Call until *TEXT
 * is '\0'.
 */
size_t lkm_text_wrap(const char *text, size_t width, const char **next);
