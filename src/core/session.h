/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <signal.h>
#include <stdbool.h>

#include "core/engine.h"
#include "core/explain.h"
#include "core/ops.h"
#include "core/resolve.h"
#include "model/sysroot.h"

/*
 * What every action on a root needs, opened the same way by both front ends: a resolver
 * for the root, the real kernel boundary, the engine over them, the explainer's context,
 * and what the session may do. An offline root is looked at, never acted on (its kernel
 * is not the running one). (Whole-program tests make a fixture tree the running system
 * from outside the program: tests/preload/fakeroot.c.)
 */
struct lkm_session {
	const struct lkm_sysroot *root; /* borrowed */
	struct lkm_resolver *resolver;	/* NULL: no /lib/modules for this root */
	struct lkm_real_ops real;
	struct lkm_stop_ops stop;
	struct lkm_engine engine; /* engine.ops NULL: look, never act */
	struct lkm_explain_ctx ectx;
	char ectx_buf[512];
	enum lkm_refusal refusal; /* why nothing can be done; NONE when it can */
	char why_not[256];	  /* that, as one translated line ("" when it can) */
};

/*
 * Opens S on ROOT (borrowed; it outlives S). PRIVILEGED is lkm_engine_privileged() in the
 * program; tests pass what they check. Returns 0, or -ENOMEM when the resolver could not
 * be made for want of memory: S is open all the same (without a resolver, as for a root
 * without /lib/modules) and is closed with lkm_session_close.
 */
int lkm_session_open(struct lkm_session *s, const struct lkm_sysroot *root,
		     bool privileged);
void lkm_session_close(struct lkm_session *s);

/*
 * Closes S and opens it again on its root, as privileged as it was: its resolver reads
 * modprobe.d once, when made, so a front end that acts more than once (the TUI) reopens
 * it after an action that wrote there (a block, an unblock, a persisted option). Not
 * for a session under lkm_session_stop_on (that is lost). Returns as lkm_session_open.
 */
int lkm_session_reopen(struct lkm_session *s);

/*
 * From now on the engine's kernel calls are refused once *STOP is set (by a signal
 * handler): a load of several modules stops between two steps. No-op when S cannot act.
 */
void lkm_session_stop_on(struct lkm_session *s, const volatile sig_atomic_t *stop);

/* Whether the kernel behind ROOT may be changed: only the running system's. */
bool lkm_session_may_act(const struct lkm_sysroot *root);
