/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "core/engine.h"
#include "core/explain.h"

/*
 * One action as the user asked for it: what confirm runs, a fix runs, a retry repeats;
 * its words, and a diagnosis' fix as the TUI's request: what `f` runs. The fix says what
 * it does as data (core/explain.h); nothing here reads its sentence.
 */
struct lkm_tui_req {
	enum lkm_op op;
	char target[256];
	/* load: the NAME=VALUE words ("io=0x300", "irq=11"); set: one ("irq=7"). Split
	 * once, where they come in (what is typed, or a fix's arguments), never joined
	 * and split again. A vector of shared/strv.h (NULL-terminated), as many and as
	 * long as they come; the request owns it: lkm_tui_req_copy duplicates it,
	 * lkm_tui_req_release frees it (a plain copy of the struct only borrows it). */
	char **words;
	size_t n_words;
	unsigned flags; /* LKM_STACK */
};

/* A verb for an operation: "load", "unload", "set", "block", "unblock". */
const char *lkm_tui_op_word(enum lkm_op op);

/* Appends the LEN bytes of WORD to REQ's words; false when out of memory. */
bool lkm_tui_req_add_word(struct lkm_tui_req *req, const char *word, size_t len);

/* REQ's words from TEXT as the user typed it, split at blanks (what REQ had is freed);
 * false (REQ's words empty) when out of memory. */
bool lkm_tui_req_split(struct lkm_tui_req *req, const char *text);

/* DST becomes a copy of SRC with words of its own; false (DST without words) when out
 * of memory. */
bool lkm_tui_req_copy(struct lkm_tui_req *dst, const struct lkm_tui_req *src);

/* Frees REQ's words (REQ keeps its operation and target). */
void lkm_tui_req_release(struct lkm_tui_req *req);

/* REQ's words joined by one space, for showing (cut to SIZE). */
void lkm_tui_req_words_text(const struct lkm_tui_req *req, char *buf, size_t size);

/* REQ's action as one line, "load demo_ne io=0x300" (cut to SIZE). */
void lkm_tui_req_text(const struct lkm_tui_req *req, char *buf, size_t size);

/* Whether REQ's target is MODULE: its name, or a file of that module's name ("msdos"
 * for ".../fat/msdos.ko"). */
bool lkm_tui_req_names_module(const struct lkm_tui_req *req, const char *module);

/* Fills REQ (whose words, if any, it frees first) with FIX's operation, target and
 * arguments; false (REQ without words) when FIX is no action the TUI can run
 * (LKM_FIX_NONE), its target does not fit, or memory ran out. */
bool lkm_tui_fix_req(const struct lkm_fix *fix, struct lkm_tui_req *req);
