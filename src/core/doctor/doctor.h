/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "core/explain.h"
#include "core/resolve.h"
#include "model/modules.h"
#include "model/sysroot.h"

/*
 * lkmtui doctor: the machine's module set-up as a whole, and the boot it will have. Each
 * check reads one part of the set-up (modules-load.d, modprobe.d, the initramfs, the
 * kernel's taint, the module tree against what is loaded) and adds findings; a finding
 * carries its body as a diagnosis (title, evidence, fixes as data), so that every front
 * end prints and runs it as it does a failed load's.
 */
enum lkm_severity {
	LKM_SEVERITY_ERROR,   /* the next boot or a load will fail */
	LKM_SEVERITY_WARNING, /* a setting does not do what it says */
	LKM_SEVERITY_NOTE,    /* worth knowing */
	LKM_SEVERITY_COUNT
};

struct lkm_finding {
	enum lkm_severity severity;
	const char *check; /* the check's id ("modules-load"): static */
	char *subject;	   /* a module, "FILE:LINE", a device */
	struct lkm_diagnosis body;
};

struct lkm_doctor {
	struct lkm_finding *v; /* most severe first, then in the order found */
	size_t n, cap;
	size_t count[LKM_SEVERITY_COUNT];
	bool oom;
};

/* What a check looks at: the root, its resolver (NULL without a module tree), the
 * running kernel's release ("" when unknown), the loaded modules (NULL when
 * /proc/modules cannot be read). */
struct lkm_doctor_ctx {
	const struct lkm_sysroot *root;
	struct lkm_resolver *resolver;
	const char *release;
	const struct lkm_modules *mods;
};

/* Runs every check on CTX into OUT (released with lkm_doctor_release). Returns 0 or
 * -ENOMEM; a part that cannot be read is a finding, not an error. */
int lkm_doctor_run(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out);
void lkm_doctor_release(struct lkm_doctor *d);

/* lkm_doctor_run on ROOT with its running release (written to RELEASE, "" when unknown)
 * and a resolver of its own: what every front end runs. */
int lkm_doctor_run_root(const struct lkm_sysroot *root, char *release, size_t size,
			struct lkm_doctor *out);

/* The exit status a run means: 0 nothing found (notes only), 1 warnings, 2 errors. */
int lkm_doctor_status(const struct lkm_doctor *d);

/* "error", "warning", "note": the word JSON and the metrics write. */
const char *lkm_severity_id(enum lkm_severity s);

/* The checks' ids, in the order they run, NULL-terminated (metrics label them). */
const char *const *lkm_doctor_checks(void);

/* The checks, each in its own file. */
int lkm_check_modules_load(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out);
int lkm_check_modprobe_d(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out);
int lkm_check_initramfs(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out);
int lkm_check_taint(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out);
int lkm_check_upgrade(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out);
int lkm_check_dkms(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out);
int lkm_check_firmware(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out);
int lkm_check_hardware(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out);
