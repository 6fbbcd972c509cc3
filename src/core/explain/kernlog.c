// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kernel's own words about a failed step: its log lines as evidence, and the helpers
 * the analysers read them with.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "core/explain/cause.h"
#include "i18n.h"
#include "shared/strv.h"

bool lkm_explain_after(const char *line, const char *prefix, const char *end, char *out,
		       size_t size)
{
	const char *p = strstr(line, prefix);
	size_t n;

	if (p == NULL)
		return false;
	p += strlen(prefix);
	n = strcspn(p, end);
	if (n == 0 || n >= size)
		return false;
	memcpy(out, p, n);
	out[n] = '\0';
	return true;
}

/* The log lines to show: all but the taint notices, the first 8 of them. */
int lkm_explain_log_evidence(struct lkm_diagnosis *d, const struct lkm_result *res)
{
	size_t shown = 0, hidden = 0;

	if (res->log.err < 0 && (res->op != LKM_OP_SET)) {
		if (!lkm_strv_addf(&d->evidence, &d->n_evidence,
				   _("the kernel log could not be read (%s): what "
				     "follows comes from the file "
				     "and the system"),
				   res->log.err == -EPERM || res->log.err == -EACCES
					   ? _("not root, or dmesg_restrict")
					   : strerror(-res->log.err)))
			return -ENOMEM;
		return 0;
	}
	for (size_t i = 0; i < res->log.n; i++) {
		const char *line = res->log.lines[i];

		/* The taint notices of a first out-of-tree load are not why anything
		 * failed. */
		if (strstr(line, "taints kernel") || strstr(line, "tainting kernel"))
			continue;
		if (shown == 8) {
			hidden++;
			continue;
		}
		if (!lkm_strv_addf(&d->evidence, &d->n_evidence, _("kernel: %s"), line))
			return -ENOMEM;
		shown++;
	}
	if (hidden && !lkm_strv_addf(&d->evidence, &d->n_evidence,
				     _("kernel: ... and %zu more lines"), hidden))
		return -ENOMEM;
	return 0;
}

const char *lkm_explain_log_find(const struct lkm_result *res, const char *needle)
{
	for (size_t i = 0; i < res->log.n; i++)
		if (strstr(res->log.lines[i], needle))
			return res->log.lines[i];
	return NULL;
}
