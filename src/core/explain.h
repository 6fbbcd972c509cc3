/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "core/engine.h"
#include "core/resolve.h"
#include "model/sysroot.h"

/*
 * The explainer: why the kernel said no, in plain language. A diagnosis names the cause
 * (a kind of doc/CONTRACT.md), shows the evidence (the errno, the kernel's own log lines,
 * what the file says, the system's state) and gives the fix as commands. The texts —
 * titles, teaching paragraphs, fix templates — are one table (explain/texts.c); the
 * causes are analysers under explain/, chosen by the table in explain/dispatch.c.
 */
enum lkm_diag_kind {
	LKM_DIAG_NONE,
	LKM_DIAG_NOT_A_MODULE,
	LKM_DIAG_VERMAGIC_MISMATCH,
	LKM_DIAG_SYMBOL_VERSION_MISMATCH,
	LKM_DIAG_UNRESOLVED_SYMBOLS,
	LKM_DIAG_GPL_ONLY_SYMBOL,
	LKM_DIAG_UNKNOWN_PARAMETER,
	LKM_DIAG_INVALID_PARAMETER,
	LKM_DIAG_ALREADY_LOADED,
	LKM_DIAG_NO_DEVICE,
	LKM_DIAG_INIT_FAILED,
	LKM_DIAG_PERMISSION_DENIED,
	LKM_DIAG_MODULES_DISABLED,
	LKM_DIAG_SIGNATURE_REJECTED,
	LKM_DIAG_WRONG_ARCHITECTURE,
	LKM_DIAG_IN_USE,
	LKM_DIAG_PERMANENT,
	LKM_DIAG_NOT_LOADED,
	LKM_DIAG_BUILTIN,
	LKM_DIAG_NOT_FOUND,
	LKM_DIAG_NO_MODULE_SUPPORT,
	LKM_DIAG_READ_ONLY_PARAMETER,
	LKM_DIAG_INSTALL_COMMAND,
	LKM_DIAG_PERSIST_FAILED,
	LKM_DIAG_OFFLINE_ROOT,
	LKM_DIAG_DAMAGED_FILE,
	LKM_DIAG_BLACKLISTED,
	LKM_DIAG_NAMESPACE_NOT_IMPORTED,
	LKM_DIAG_DUPLICATE_SYMBOL,
	LKM_DIAG_RESOURCE_BUSY,
	LKM_DIAG_MODULE_TREE_MISSING,
	LKM_DIAG_NOT_INDEXED,
	LKM_DIAG_BLACKLISTED_BY_KERNEL,
	LKM_DIAG_LOCKDOWN,
	/* An interrupt line's affinity (core/affinity.c). */
	LKM_DIAG_IRQ_MANAGED,
	LKM_DIAG_CPUS_OFFLINE,
	LKM_DIAG_INVALID_CPU_LIST,
	LKM_DIAG_NO_SUCH_IRQ,
	LKM_DIAG_AFFINITY_REFUSED,
	LKM_DIAG_BLOCKED,
	LKM_DIAG_REMOVE_COMMAND,
	/* Binding a device to a driver (core/bind.c). */
	LKM_DIAG_NO_SUCH_DEVICE,
	LKM_DIAG_NO_DRIVER_FOR_BUS,
	LKM_DIAG_DEVICE_IN_USE,
	LKM_DIAG_BIND_FAILED,
	LKM_DIAG_NOT_BOUND,
	/* Around a load: firmware, the CPU, DKMS and other kernels, modprobe.d options.
	 */
	LKM_DIAG_FIRMWARE_MISSING,
	LKM_DIAG_CPU_FEATURE_MISSING,
	LKM_DIAG_DKMS_NOT_BUILT,
	LKM_DIAG_NOT_BUILT_FOR_KERNEL,
	LKM_DIAG_IGNORED_OPTION,
	/* A module caught between states: its init or exit function still running. */
	LKM_DIAG_STILL_LOADING,
	LKM_DIAG_STILL_UNLOADING,
	LKM_DIAG_COUNT
};

/* What a fix does, when it is an action a front end can run itself. */
enum lkm_fix_op {
	LKM_FIX_NONE, /* prose or a shell command: for a person to do (umount, depmod) */
	LKM_FIX_LOAD, /* lkmtui load TARGET ARGS... */
	LKM_FIX_UNLOAD, /* lkmtui unload TARGET */
	LKM_FIX_SET,	/* lkmtui set TARGET ARGS[0] */
};

/* One fix as data: the TUI runs it from OP, TARGET and ARGS; the CLI prints TEXT; JSON
 * writes both (its "fix" strings are the TEXTs). */
struct lkm_fix {
	enum lkm_fix_op op;
	char *target; /* the module, alias or file it acts on; NULL for LKM_FIX_NONE */
	char **args;  /* load: NAME=VALUE words for the target; set: the one NAME=VALUE */
	size_t n_args;
	char *text; /* the line people read */
};

struct lkm_diagnosis {
	enum lkm_diag_kind kind;
	int err;	 /* the -errno behind it (0 for a prediction) */
	char *title;	 /* one line */
	char *teach;	 /* the paragraph that teaches what happened */
	char **evidence; /* what shows it: kernel lines, the file, the system */
	size_t n_evidence;
	struct lkm_fix *fixes; /* what to do, commands first */
	size_t n_fixes;
	bool oom; /* a line of it could not be allocated: lkm_diag_build fails */
};

/* What the explainer looks at besides the result. */
struct lkm_explain_ctx {
	const struct lkm_sysroot *root;
	struct lkm_resolver *resolver; /* may be NULL */
	const char *release; /* the running kernel's release ("6.1.0-56-amd64") */
	const char *machine; /* uname -m of the running kernel ("x86_64") */
	/* Asked of the kernel a file was built for, not of the one running: RELEASE is
	 * the file's, RESOLVER that kernel's tree (or NULL), and nothing is read from the
	 * root's /proc (it is another kernel's). */
	bool tree_only;
};

/* The kind's stable id ("unresolved-symbols") and its teaching paragraph (translated). */
const char *lkm_diag_id(enum lkm_diag_kind kind);
const char *lkm_diag_teach(enum lkm_diag_kind kind);

/*
 * The diagnosis of a failed RES (res->err != 0). Returns 0, or -ENOMEM. OUT is released
 * with lkm_diagnosis_release.
 */
int lkm_explain_result(const struct lkm_explain_ctx *ctx, const struct lkm_result *res,
		       struct lkm_diagnosis *out);

/*
 * Predicts, without loading, every failure static analysis can see for loading TARGET
 * with PARAMS (lkm_params_parse; NULL: none): the engine's own refusals (a dry run), then
 * what the file says — not a module, another architecture, another kernel's vermagic or
 * symbol versions, symbols nothing would provide. *OUT gets N diagnoses (0: no problem
 * found); free with lkm_diagnoses_free. Returns N or -ENOMEM.
 */
int lkm_explain_predict(const struct lkm_explain_ctx *ctx,
			const struct lkm_engine *engine, const char *target,
			const struct lkm_params *params, struct lkm_diagnosis **out);

/* "load", "unload", "set", or NULL for LKM_FIX_NONE: the word JSON writes. */
const char *lkm_fix_op_id(enum lkm_fix_op op);

void lkm_diagnosis_release(struct lkm_diagnosis *d);
void lkm_diagnoses_free(struct lkm_diagnosis *v, size_t n);

/* Fills CTX->release and ->machine for ROOT: uname on the live system, else the root's
 * osrelease (BUF holds the strings). */
void lkm_explain_ctx_init(struct lkm_explain_ctx *ctx, const struct lkm_sysroot *root,
			  struct lkm_resolver *resolver, char *buf, size_t size);

/* One sentence for a module state, count, flag or taint letter (for info and the TUI's
 * teach key). KEY is "live", "loading", "unloading", "deleted", "initializing",
 * "uninitialized", "permanent", "unsafe", "unused", "autoclean", "use-count--1",
 * "use-count-0", "use-count", "used-by", or "taint-X" for a letter X. NULL if unknown. */
const char *lkm_explain_term(const char *key);
