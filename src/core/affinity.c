// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/affinity.h"
#include "core/explain/diag.h"
#include "i18n.h"
#include "model/cpuset.h"
#include "model/irqaffinity.h"
#include "shared/strv.h"

#define diag_start lkm_diag_start

/* Every refusal returns its -errno; a failed allocation inside still returns it. */
#define EVIDENCE LKM_EVIDENCE
#define FIX	 LKM_FIX

int lkm_affinity_check(const struct lkm_sysroot *root, unsigned irq, const char *cpus,
		       struct lkm_affinity_change *out, struct lkm_diagnosis *diag)
{
	struct lkm_cpuset want, online;
	struct lkm_irq_affinity now;
	char online_text[256];
	int err, missing;

	memset(out, 0, sizeof(*out));
	out->irq = irq;
	err = lkm_cpuset_parse(&want, cpus);
	if (err < 0 || lkm_cpuset_count(&want) == 0) {
		err = diag_start(diag, LKM_DIAG_INVALID_CPU_LIST, -EINVAL, NULL, NULL);
		EVIDENCE(diag, _("typed: '%s'"), cpus);
		if (lkm_cpus_online(root, &online) == 0) {
			lkm_cpuset_format(&online, online_text, sizeof(online_text));
			EVIDENCE(diag, _("online CPUs: %s"), online_text);
			FIX(diag, "lkmtui irq-affinity %u %s", irq, online_text);
		}
		return err;
	}
	lkm_cpuset_format(&want, out->cpus, sizeof(out->cpus));
	if (lkm_irq_affinity_read(root, irq, &now) < 0) {
		err = diag_start(diag, LKM_DIAG_NO_SUCH_IRQ, -ENOENT, NULL, NULL);
		EVIDENCE(diag, _("/proc/irq/%u/smp_affinity_list: %s"), irq,
			 strerror(-now.affinity_err));
		FIX(diag,
		    _("lkmtui interrupts (the numbered lines are the ones that move)"));
		return err;
	}
	snprintf(out->before, sizeof(out->before), "%s", now.affinity);
	if (lkm_cpus_online(root, &online) < 0)
		return 0; /* nothing to check against: the kernel will say */
	missing = lkm_cpuset_first_missing(&want, &online);
	if (missing >= 0) {
		lkm_cpuset_format(&online, online_text, sizeof(online_text));
		err = diag_start(diag, LKM_DIAG_CPUS_OFFLINE, -EINVAL, NULL, NULL);
		EVIDENCE(diag, _("CPU %d is not online"), missing);
		EVIDENCE(diag, _("online CPUs: %s (/sys/devices/system/cpu/online)"),
			 online_text);
		FIX(diag, "lkmtui irq-affinity %u %s", irq, online_text);
		return err;
	}
	return 0;
}

/* The diagnosis of the kernel's refusal ERR to write OUT->cpus. */
static int explain_write(const struct lkm_affinity_change *out, int err,
			 struct lkm_diagnosis *diag)
{
	char title[256];

	/* Root refused with EPERM: 6.12 says so for a line user space may not move (the
	 * timer), where 6.1 says EIO. */
	if ((err == -EPERM || err == -EACCES) && geteuid() != 0) {
		err = diag_start(
			diag, LKM_DIAG_PERMISSION_DENIED, err,
			_("moving an interrupt line needs root"),
			_("/proc/irq/N/smp_affinity_list is writable by root only: where "
			  "the kernel delivers an interrupt changes every CPU's work."));
		EVIDENCE(diag, _("you are uid %u"), (unsigned)geteuid());
		FIX(diag, "sudo lkmtui irq-affinity %u %s", out->irq, out->cpus);
		return err;
	}
	if (err == -EIO || err == -EPERM || err == -EACCES) {
		err = diag_start(diag, LKM_DIAG_IRQ_MANAGED, err, NULL, NULL);
		EVIDENCE(diag, _("writing '%s' to /proc/irq/%u/smp_affinity_list: %s"),
			 out->cpus, out->irq, strerror(-err));
		EVIDENCE(diag, _("its affinity stays %s"), out->before);
		FIX(diag,
		    _("leave this line where the kernel put it; move the device's other "
		      "interrupts, or the work, instead"));
		return err;
	}
	snprintf(title, sizeof(title),
		 _("the kernel refused affinity %s for interrupt %u"), out->cpus,
		 out->irq);
	err = diag_start(diag, LKM_DIAG_AFFINITY_REFUSED, err, title, NULL);
	EVIDENCE(diag, _("writing '%s' to /proc/irq/%u/smp_affinity_list: %s"), out->cpus,
		 out->irq, strerror(-err));
	return err;
}

int lkm_affinity_set(const struct lkm_ops *ops, const struct lkm_sysroot *root,
		     unsigned irq, const char *cpus, struct lkm_affinity_change *out,
		     struct lkm_diagnosis *diag)
{
	struct lkm_irq_affinity now;
	int err = lkm_affinity_check(root, irq, cpus, out, diag);

	if (err < 0)
		return err;
	if (ops == NULL || ops->write_irq_affinity == NULL) {
		const char *teach =
			_("With --root DIR, lkmtui reads /proc and /sys under DIR: a "
			  "copy of another machine, an image, a test tree. Writing "
			  "there would not move any interrupt of that system, so "
			  "lkmtui refuses.");

		err = diag_start(
			diag, LKM_DIAG_OFFLINE_ROOT, -EROFS,
			_("lkmtui does not change a system it is only looking at"),
			teach);
		EVIDENCE(diag, _("root: %s"), lkm_sysroot_dir(root));
		return err;
	}
	out->irqbalance = lkm_irqbalance_running(root);
	err = ops->write_irq_affinity(ops->ctx, irq, out->cpus);
	if (err < 0)
		return explain_write(out, err, diag);
	lkm_irq_affinity_read(root, irq, &now);
	snprintf(out->after, sizeof(out->after), "%s", now.affinity);
	snprintf(out->effective, sizeof(out->effective), "%s", now.effective);
	return 0;
}

bool lkm_irqbalance_running(const struct lkm_sysroot *root)
{
	struct dirent *de;
	bool found = false;
	DIR *d;

	if (lkm_sysroot_opendir(root, "proc", &d) < 0)
		return false;
	while (!found && (de = readdir(d)) != NULL) {
		char path[300], comm[32];
		ssize_t n;
		int cfd;

		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		snprintf(path, sizeof(path), "%s/comm", de->d_name);
		cfd = openat(dirfd(d), path, O_RDONLY | O_CLOEXEC);
		if (cfd < 0)
			continue;
		n = read(cfd, comm, sizeof(comm) - 1);
		close(cfd);
		if (n <= 0)
			continue;
		comm[n] = '\0';
		found = strcmp(comm, "irqbalance\n") == 0 ||
			strcmp(comm, "irqbalance") == 0;
	}
	closedir(d);
	return found;
}
