/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "core/drives.h"
#include "core/kmsg.h"
#include "core/ops.h"
#include "core/params.h"
#include "core/resolve.h"
#include "model/sysroot.h"

/*
 * The engine: load, unload and set, as insmod/modprobe/rmmod and a write to
 * /sys/module/NAME/parameters do them, through one ops table (the kernel boundary). The
 * CLI and the TUI both call it; the explainer turns a failed result into a diagnosis.
 */
struct lkm_engine {
	const struct lkm_sysroot *root;
	struct lkm_resolver
		*resolver;	   /* may be NULL: no /lib/modules (loads by file only) */
	const struct lkm_ops *ops; /* NULL: look, never act (an offline --root) */
	bool privileged;	   /* may load and unload (root or CAP_SYS_MODULE) */
	/* Who acts, for the refusal and the syslog line ("uid 0"); NULL: this process's
	 * user, looked up only when a line names it. */
	const char *who;
	bool log_to_syslog;
	/* Answer against the module tree alone, as if nothing were loaded, even where the
	 * root's kernel has no module support: what the kernel a file was built for would
	 * say of it (explain, on a build machine). Never set when acting. */
	bool tree_only;
};

/* Whether this process may load and unload modules: CAP_SYS_MODULE in its effective set.
 */
bool lkm_engine_privileged(void);

enum lkm_op { LKM_OP_LOAD, LKM_OP_UNLOAD, LKM_OP_SET, LKM_OP_BLOCK, LKM_OP_UNBLOCK };

enum lkm_load_flag {
	LKM_DRY_RUN = 1 << 0,	/* say the steps, change nothing */
	LKM_NO_DEPS = 1 << 1,	/* by name: insert the module alone */
	LKM_WITH_DEPS = 1 << 2, /* by file: load its `depends` first */
	LKM_PERSIST = 1 << 3,	/* on success, make it last: load writes the options and
				   the modules-load.d line, unload removes both, set writes
				   the options, block writes to /etc instead of /run */
	LKM_STACK = 1 << 4,	/* unload: then the dependencies nothing else uses */
};

enum lkm_step_kind {
	LKM_STEP_INSERT,	 /* insert PATH with PARAMS */
	LKM_STEP_SKIP_LOADED,	 /* a dependency already loaded */
	LKM_STEP_SKIP_BUILTIN,	 /* a dependency built into the kernel */
	LKM_STEP_SKIP_BLACKLIST, /* reached through an alias and blacklisted */
	LKM_STEP_REMOVE,	 /* remove MODULE */
	LKM_STEP_KEEP,		 /* stack unload: a dependency still used, left loaded */
	LKM_STEP_WRITE_PARAM,	 /* write PARAMS ("irq=7") to MODULE's parameter */
	LKM_STEP_PERSIST,	 /* write PARAMS as MODULE's options line to PATH */
	LKM_STEP_COMMAND, /* modprobe would run COMMAND (modprobe.d) instead: never run */
	/* The files lkmtui keeps (src/core/keep.h), each at PATH: */
	LKM_STEP_FORGET,  /* MODULE's options line removed */
	LKM_STEP_BOOT,	  /* MODULE's modules-load.d line written: loaded at boot */
	LKM_STEP_NO_BOOT, /* that line removed */
	LKM_STEP_BLOCK,	  /* "blacklist M" and "install M /bin/false" written */
	LKM_STEP_UNBLOCK, /* those lines removed */
};

struct lkm_step {
	enum lkm_step_kind kind;
	char *module;
	char *path;
	char *params;
	char *note;	/* where the step comes from: "dependency of msdos", "modprobe.d
			   options" */
	char *command;	/* LKM_STEP_COMMAND: the install or remove command, with PARAMS
			   after it */
	int err;	/* 0, or the -errno the step failed with */
	bool done;	/* it was carried out (false in a dry run, and after a failure) */
	bool unchanged; /* a file step done that found the file already so */
};

/* Why the engine stopped before asking the kernel (LKM_REFUSE_NONE: it did not). */
enum lkm_refusal {
	LKM_REFUSE_NONE,
	LKM_REFUSE_NOT_FOUND, /* no such module file, name or alias */
	LKM_REFUSE_BAD_FILE,  /* the file cannot be read as a module (reason says) */
	LKM_REFUSE_BUILTIN,   /* built into the kernel: nothing to load or unload */
	LKM_REFUSE_ALREADY_LOADED,
	LKM_REFUSE_NOT_LOADED,
	LKM_REFUSE_IN_USE, /* holders in result->holders */
	LKM_REFUSE_PERMANENT,
	LKM_REFUSE_MALFORMED_PARAM,
	LKM_REFUSE_UNKNOWN_PARAM, /* result->bad_param; declared ones in result->declared
				   */
	LKM_REFUSE_INVALID_PARAM,
	LKM_REFUSE_READ_ONLY_PARAM,
	LKM_REFUSE_NOT_PERMITTED,    /* not root, no CAP_SYS_MODULE */
	LKM_REFUSE_MODULES_DISABLED, /* /proc/sys/kernel/modules_disabled is 1 */
	LKM_REFUSE_INSTALL_COMMAND, /* modprobe.d runs a command instead: no shell here */
	LKM_REFUSE_PERSIST,	    /* the options could not be written (reason says) */
	LKM_REFUSE_NO_MODULE_SUPPORT, /* the kernel has no /proc/modules (no
					 CONFIG_MODULES) */
	LKM_REFUSE_OFFLINE_ROOT, /* --root is not the running system: no ops to act with
				  */
	LKM_REFUSE_BLACKLISTED, /* an alias whose every module is blacklisted (details) */
	LKM_REFUSE_BLOCKED,	/* an install/remove rule that does nothing: the admin's
				 * block of result->rule.module */
	LKM_REFUSE_REMOVE_COMMAND,  /* modprobe.d runs a command instead of removing */
	LKM_REFUSE_STILL_LOADING,   /* its init function is still running (Loading) */
	LKM_REFUSE_STILL_UNLOADING, /* its exit function is still running (Unloading) */
};

/* A modprobe.d command rule the plan met (install or remove), which lkmtui never runs. */
struct lkm_cmd_rule {
	char *kind;    /* "install" or "remove" */
	char *module;  /* the module it is for: the target, or one the target needs */
	char *command; /* as written after the module's name */
	char *origin; /* "/etc/modprobe.d/cve.conf:3", NULL when no file could be found */
};

/* A parameter given for a module that is already loaded, and its value now. */
struct lkm_param_now {
	char *name;
	char *requested; /* the value given; NULL for a bare NAME */
	char *current;	 /* the running value; NULL when /sys has no such parameter */
	bool writable;	 /* lkmtui set can change it in place */
};

struct lkm_result {
	enum lkm_op op;
	char *target;	 /* as the user named it: a module, alias or file */
	bool names_file; /* TARGET names a file (lkm_engine_names_file) */
	char *module;	 /* the module it resolved to, when known */
	char *path;	 /* its file, when known */
	int err;	 /* 0 done; else the -errno of the refusal or the failed step */
	enum lkm_refusal refusal;
	char *reason; /* one line: why it was refused or what failed */
	struct lkm_step *steps;
	size_t n_steps;
	size_t failed;	 /* index of the failed step; n_steps when none failed */
	char **warnings; /* things to know even on success (blacklist, kept values) */
	size_t n_warnings;
	char **holders; /* in use: who holds the module */
	size_t n_holders;
	char **details; /* lines of context: "irq: 11 now, 7 requested", suggestions */
	size_t n_details;
	char *bad_param; /* the parameter refused or rejected by the kernel */
	struct lkm_param_now
		*now; /* already loaded: each parameter given, and its value */
	size_t n_now;
	struct lkm_cmd_rule
		rule;	     /* LKM_REFUSE_BLOCKED, _INSTALL_COMMAND, _REMOVE_COMMAND */
	struct lkm_kmsg log; /* the kernel's lines written during the operation */
	struct lkm_drives drives; /* a load done: what the module drives now, and the
				   * devices matching it that it does not */
};

void lkm_result_release(struct lkm_result *res);

/* For the core's other operations (src/core/keep.c): a result begun, a step added
 * (NULL when memory runs out), a refusal recorded (returns ERR, or -ENOMEM). */
void lkm_result_init(struct lkm_result *res, enum lkm_op op, const char *target);
struct lkm_step *lkm_result_add_step(struct lkm_result *res, enum lkm_step_kind kind,
				     const char *module, const char *path,
				     const char *note);
int lkm_result_refuse(struct lkm_result *res, enum lkm_refusal why, int err,
		      const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * Loads TARGET: a module name or alias, along modprobe's own plan (src/core/plan.h: every
 * module the alias matches, softdeps pre and post, dependencies in modules.dep order,
 * modprobe.d options under the user's own, blacklisted alias matches skipped). A plan
 * that holds an install command inserts nothing: a command that does nothing (/bin/false)
 * is refused as the administrator's block (LKM_REFUSE_BLOCKED), any other as
 * LKM_REFUSE_INSTALL_COMMAND; lkmtui runs no shell. Or TARGET is a module file (a path,
 * or a name ending .ko/.ko.xz/.ko.zst/.ko.gz/.o that exists: inserted alone unless
 * LKM_WITH_DEPS). PARAMS (NULL: none), split where they came in (lkm_params_parse: a
 * word it found malformed is refused here), go to the target only, checked against what
 * it declares before anything is inserted. Returns 0 or -errno (res->err): -ENOMEM only
 * for a failure of lkmtui itself; everything else is told in RES, which the caller
 * releases.
 */
int lkm_engine_load(const struct lkm_engine *e, const char *target,
		    const struct lkm_params *params, unsigned flags,
		    struct lkm_result *res);

/* Unloads MODULE; with LKM_STACK as modprobe -r does: its softdeps post first, then the
 * module, then each dependency nothing else uses, then its softdeps pre. Never forced.
 * Refuses a module in use or permanent, and a plan that meets a modprobe.d remove
 * command, with the reason, before removing anything. */
int lkm_engine_unload(const struct lkm_engine *e, const char *module, unsigned flags,
		      struct lkm_result *res);

/* Sets a loaded module's parameter through /sys/module/MODULE/parameters: PARAM is one
 * NAME=VALUE split by lkm_params_parse. Refuses a malformed one, a bare NAME, unknown and
 * read-only parameters and values not of the declared type. LKM_PERSIST also writes the
 * options line. */
int lkm_engine_set(const struct lkm_engine *e, const char *module,
		   const struct lkm_param *param, unsigned flags, struct lkm_result *res);

/* Whether the user named a file, not a module: a '/' in it, or a module suffix (.ko,
 * .ko.xz, .ko.zst, .ko.gz, and 2.4's .o: lkm_module_suffix_len) and the file exists. */
bool lkm_engine_names_file(const char *target);

/* "insert", "remove", ...: a word for a step kind, for plain and JSON output. */
const char *lkm_step_kind_id(enum lkm_step_kind kind);
