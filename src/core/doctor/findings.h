/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include "core/conffiles.h"
#include "core/doctor/doctor.h"
#include "core/explain/diag.h"

/* What the checks write findings with. */

/* A new finding of SEVERITY by CHECK on SUBJECT, titled as FMT says. Returns its body to
 * add evidence and fixes to, or NULL (OUT->oom is then set; the helpers below take
 * NULL). */
__attribute__((format(printf, 5, 6))) struct lkm_diagnosis *
lkm_doctor_add(struct lkm_doctor *out, enum lkm_severity severity, const char *check,
	       const char *subject, const char *fmt, ...);

/* Appends one evidence line to BODY. */
__attribute__((format(printf, 2, 3))) void
lkm_finding_evidence(struct lkm_diagnosis *body, const char *fmt, ...);

/* The fix that deletes line LINENO of PATH, as a command. */
void lkm_finding_fix_delete_line(struct lkm_diagnosis *body, const char *path,
				 unsigned lineno);

/* "close names: ..." for NAME, from the module tree, as evidence. */
void lkm_finding_suggestions(const struct lkm_doctor_ctx *ctx, struct lkm_diagnosis *body,
			     const char *name);

/* A configuration file READER (a program's name) skips or cannot read: F skipped, or
 * ERR from lkm_conffile_read. */
void lkm_finding_unread(struct lkm_doctor *out, const char *check,
			const struct lkm_conffile *f, int err, const char *reader);

/* Every line of every configuration file READER (a program's name) takes from DIRS with
 * SUFFIXES, as lkm_conffiles_list orders them: FN gets the file, the line's number and
 * its text (blank lines and those starting with one of COMMENT's characters skipped); a
 * file the reader skips or cannot read is a finding of CHECK. Returns 0 or -ENOMEM. */
int lkm_doctor_each_line(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out,
			 const char *check, const char *reader, const char *const *dirs,
			 const char *const *suffixes, const char *comment,
			 void (*fn)(const struct lkm_doctor_ctx *ctx,
				    struct lkm_doctor *out, const char *path,
				    unsigned lineno, char *line));

/* The directories systemd-modules-load reads, first one first, NULL-terminated. */
const char *const *lkm_modules_load_dirs(void);
