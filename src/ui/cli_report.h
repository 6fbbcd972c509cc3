/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stdio.h>

#include "core/engine.h"
#include "core/explain.h"
#include "core/resolve.h"
#include "core/session.h"

/* Prints what an action did (or would do) and, when it failed, its diagnosis: plain text,
 * or one JSON object. Returns the exit status (0 done, 1 failed). */
int lkm_report_result(FILE *out, const struct lkm_session *session,
		      const struct lkm_result *res, bool json, bool dry_run);

/* lkmtui info: what TARGET (a module name, alias or file) is, its state and parameters;
 * with WANTED (NAME=VALUE, split by lkm_params_parse and none malformed), whether each
 * running value is that one. */
int lkm_report_info(FILE *out, const struct lkm_sysroot *root,
		    struct lkm_resolver *resolver, const char *target,
		    const struct lkm_params *wanted, bool json);

/* lkmtui explain: every failure static analysis predicts for loading TARGET with PARAMS.
 */
int lkm_report_explain(FILE *out, const struct lkm_session *session, const char *target,
		       const struct lkm_params *params, bool json);

/*
 * RES after a stop signal (SIG) ended a multi-step operation between two steps: every
 * step, done or "not done", on OUT, and one line on stderr. Returns the exit status (1).
 */
int lkm_report_stopped(FILE *out, const struct lkm_result *res, int sig);

struct lkm_bind_result;

/* lkmtui bind/unbind (UNBIND): the load it needed, the files written (or to write), the
 * driver before and after, what stopped working; or the diagnosis. Returns the exit
 * status. */
int lkm_report_bind(FILE *out, const struct lkm_session *session,
		    const struct lkm_bind_result *r, bool unbind, bool json,
		    bool dry_run);

struct lkm_json;

/* A diagnosis as the actions print it: title, teaching, evidence, fix; or as a JSON
 * object under KEY (NULL inside an array). */
void lkm_report_diagnosis(FILE *out, const struct lkm_diagnosis *d);

/* The first LEN bytes of S (up to its end) with control characters as \xNN: text that
 * quotes a file or a name may hold terminal escapes. */
void lkm_report_escaped(FILE *out, const char *s, size_t len);

/* LEAD, then S escaped as above, then a newline. */
void lkm_report_line(FILE *out, const char *lead, const char *s);
void lkm_report_json_diagnosis(struct lkm_json *j, const char *key,
			       const struct lkm_diagnosis *d);

/* D's fixes as "fix" (the texts) and "fixes" (the data). */
void lkm_report_json_fixes(struct lkm_json *j, const struct lkm_diagnosis *d);

/* N strings as a JSON array under KEY. */
void lkm_report_json_strings(struct lkm_json *j, const char *key, char *const *v,
			     size_t n);
