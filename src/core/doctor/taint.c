// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kernel's taint (/proc/sys/kernel/tainted), letter by letter, with the loaded
 * modules that carry each letter (/sys/module/M/taint): what a bug report will be asked
 * about. A letter no loaded module carries was set by one since unloaded, or by the
 * kernel.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doctor/findings.h"
#include "core/health.h"
#include "model/modules.h"
#include "model/procfile.h"
#include "model/sysmodule.h"
#include "i18n.h"

#define CHECK "taint"

static void carriers(const struct lkm_modules *mods, char letter, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < mods->n && len + 1 < size; i++) {
		const char *t = mods->v[i].taints;

		if (!t || !strchr(t, letter))
			continue;
		len += snprintf(buf + len, size - len, "%s%s", len ? ", " : "",
				mods->v[i].name);
	}
}

int lkm_check_taint(const struct lkm_doctor_ctx *ctx, struct lkm_doctor *out)
{
	static const struct lkm_modules none = { 0 };
	const struct lkm_modules *mods = ctx->mods ? ctx->mods : &none;
	struct lkm_buf buf = { 0 };
	unsigned long long taint;
	char *end;

	if (lkm_procfile_read(ctx->root, "/proc/sys/kernel/tainted", &buf) < 0)
		goto done;
	errno = 0;
	taint = strtoull(buf.data, &end, 10);
	if (errno || end == buf.data || taint == 0)
		goto done;
	for (unsigned bit = 0; bit < 64; bit++) {
		char letter = lkm_taint_letter(bit), key[16], who[1024];
		const char *meaning;
		struct lkm_diagnosis *d;

		if (!(taint & (1ULL << bit)))
			continue;
		snprintf(key, sizeof(key), "taint-%c", letter ? letter : '?');
		meaning = letter ? lkm_explain_term(key) : NULL;
		carriers(mods, letter, who, sizeof(who));
		if (letter && who[0])
			d = lkm_doctor_add(out, LKM_SEVERITY_NOTE, CHECK, who,
					   _("the kernel is tainted %c by %s"), letter,
					   who);
		else if (letter)
			d = lkm_doctor_add(
				out, LKM_SEVERITY_NOTE, CHECK, "kernel",
				_("the kernel is tainted %c, and no loaded module "
				  "carries it"),
				letter);
		else
			d = lkm_doctor_add(out, LKM_SEVERITY_NOTE, CHECK, "kernel",
					   _("the kernel is tainted (bit %u)"), bit);
		lkm_finding_evidence(d,
				     _("/proc/sys/kernel/tainted is %llu: bit %u is set"),
				     taint, bit);
		if (meaning)
			lkm_finding_evidence(d, "%s", meaning);
		if (letter && !who[0])
			lkm_finding_evidence(
				d, _("a module that set it was unloaded since, or "
				     "the kernel set it itself; the letter stays "
				     "until a reboot"));
		lkm_finding_evidence(d, _("a kernel bug report is taken seriously on an "
					  "untainted kernel: reproduce it without these "
					  "modules, after a reboot"));
	}
done:
	lkm_buf_release(&buf);
	return 0;
}
