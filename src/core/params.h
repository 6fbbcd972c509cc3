/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

/*
 * Module parameters as the user gives them ("io=0x300", "verbose") checked against what
 * the module declares (modinfo's parmtype: "int", "charp", "array of int", ...) with the
 * kernel's own rules (kernel/params.c and lib/kstrtox.c), before anything is loaded.
 */
enum lkm_param_verdict {
	LKM_PARAM_OK,
	LKM_PARAM_MALFORMED, /* not NAME=VALUE or NAME, or a value the kernel can't be
				given */
	LKM_PARAM_UNKNOWN,   /* the module declares no such parameter */
	LKM_PARAM_INVALID,   /* declared, but the value is not of its type */
};

/* Splits ARG into its name (copied into NAME) and *VALUE (into ARG, NULL for a bare
 * "NAME"). Returns LKM_PARAM_OK or LKM_PARAM_MALFORMED with REASON filled. */
enum lkm_param_verdict lkm_param_split(const char *arg, char *name, size_t name_size,
				       const char **value, char *reason,
				       size_t reason_size);

/* One parameter as the user gave it, split once where it comes in: "io=0x300" is name
 * "io", value "0x300"; "verbose" is name "verbose", value NULL. A word the kernel could
 * not be given (lkm_param_split refuses it) is kept, with WHY saying what is wrong: the
 * engine refuses it where it would have checked it. */
struct lkm_param {
	const char *arg;   /* as typed (borrowed from the caller's words) */
	char *name;	   /* up to the first '=' */
	const char *value; /* after it, in ARG; NULL without '=' */
	char *why;	   /* NULL, or why ARG is malformed */
};

struct lkm_params {
	struct lkm_param *v;
	size_t n;
};

/*
 * Splits the N words ARGS a person gave for one load or set (borrowed: they must outlive
 * OUT) into OUT, released with lkm_params_release: the one place NAME=VALUE is checked.
 * Each must split (lkm_param_split), and no name may come twice: the kernel would keep
 * the last of two (parse_args() sets the parameter once per occurrence), but two values
 * typed at once are a slip more often than an intent, and the slip would load a driver
 * with a value its user did not mean (irq=5 irq=7): the second gets its WHY, so they
 * choose. (modprobe.d's options followed by the user's are not a repeat: that is how a
 * command line overrides them.) Returns 0 or -ENOMEM.
 */
int lkm_params_parse(const char *const *args, size_t n, struct lkm_params *out);
void lkm_params_release(struct lkm_params *p);

/* LKM_PARAM_OK, or LKM_PARAM_MALFORMED with *BAD the index of the first word P's parse
 * found wrong and REASON its WHY: for a front end that refuses it as bad usage. */
enum lkm_param_verdict lkm_params_check(const struct lkm_params *p, size_t *bad,
					char *reason, size_t reason_size);

/* Whether VALUE (NULL: the bare name, which only bool and invbool accept) is valid for
 * the kernel type TYPE ("int", "array of ushort", ...). A type lkmtui does not know (a
 * driver's own kernel_param_ops) is accepted: the kernel will judge. REASON says why not.
 */
enum lkm_param_verdict lkm_param_check_value(const char *type, const char *value,
					     char *reason, size_t reason_size);

/* Appends NAME=VALUE to the kernel's parameter string BUF (capacity SIZE), quoting VALUE
 * when it holds blanks, as the kernel's parser (next_arg) reads it. Returns 0 or -ENOSPC.
 */
int lkm_param_append(char *buf, size_t size, const char *name, const char *value);

/* Parameter names compare with '-' and '_' the same, as the kernel's parameq(). */
bool lkm_param_name_eq(const char *a, const char *b);

/* Whether the value the kernel shows in /sys/module/M/parameters/NAME (RUNNING) is the
 * value WANTED would set, by the kernel type TYPE (NULL: unknown, then numbers compare as
 * numbers and booleans as booleans): "0x300" is 768, "1" is Y for a bool, "on" is Y, a
 * bare name (WANTED NULL) is Y. RUNNING NULL (unreadable) is never equal. */
bool lkm_param_value_eq(const char *type, const char *running, const char *wanted);

/* The next "name=value" (or bare "name") of a kernel parameter string such as
 * modprobe.d's "debug=2 name=\"a b\"", as the kernel's next_arg() splits it: blanks
 * separate, double quotes group and are removed. Copies it into BUF and advances *POS.
 * Returns false at the end of the string, or when the word does not fit (it is then
 * skipped). */
bool lkm_param_next(const char **pos, char *buf, size_t size);
