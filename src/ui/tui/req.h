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
#define LKM_TUI_MAX_WORDS 32
struct lkm_tui_req {
	enum lkm_op op;
	char target[256];
	/* load: the NAME=VALUE words ("io=0x300", "irq=11"); set: one ("irq=7"). Split
	 * once, where they come in (what is typed, or a fix's arguments), never joined
	 * and split again. */
	char words[LKM_TUI_MAX_WORDS][128];
	size_t n_words;
	unsigned flags; /* LKM_STACK */
};

/* Appends the LEN bytes of WORD to REQ's words; false when they do not fit. */
bool lkm_tui_req_add_word(struct lkm_tui_req *req, const char *word, size_t len);

/* REQ's words from TEXT as the user typed it, split at blanks; false (REQ's words
 * empty) when there are too many or one is too long. */
bool lkm_tui_req_split(struct lkm_tui_req *req, const char *text);

/* REQ's words joined by one space, for showing (cut to SIZE). */
void lkm_tui_req_words_text(const struct lkm_tui_req *req, char *buf, size_t size);

/* Fills REQ with FIX's operation, target and arguments; false when FIX is no action the
 * TUI can run (LKM_FIX_NONE) or does not fit REQ. */
bool lkm_tui_fix_req(const struct lkm_fix *fix, struct lkm_tui_req *req);
