// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include "core/session.h"
#include "i18n.h"

bool lkm_session_may_act(const struct lkm_sysroot *root)
{
	return lkm_sysroot_is_live(root);
}

/* Whether ROOT's kernel takes modules at all: it has /proc/modules. */
static bool module_support(const struct lkm_sysroot *root)
{
	int fd = lkm_sysroot_open(root, "/proc/modules", O_RDONLY | O_CLOEXEC);

	if (fd >= 0)
		close(fd);
	return fd != -ENOENT;
}

/* What the session may do, decided once, up front. */
static void decide(struct lkm_session *s)
{
	const char *why = "";

	if (s->engine.ops == NULL && !lkm_sysroot_is_live(s->root)) {
		s->refusal = LKM_REFUSE_OFFLINE_ROOT;
		why = _("this --root is not the running system: lkmtui only looks at it");
	} else if (s->engine.ops == NULL) {
		s->refusal = LKM_REFUSE_NOT_FOUND;
		why = _("the running kernel has no module directory "
			"(/lib/modules/RELEASE)");
	} else if (!module_support(s->root)) {
		s->refusal = LKM_REFUSE_NO_MODULE_SUPPORT;
		why = _("this kernel has no loadable-module support (no "
			"/proc/modules)");
	} else if (!s->engine.privileged) {
		s->refusal = LKM_REFUSE_NOT_PERMITTED;
		why = _("loading, unloading and setting need root (CAP_SYS_MODULE)");
	} else {
		s->refusal = LKM_REFUSE_NONE;
	}
	snprintf(s->why_not, sizeof(s->why_not), "%s", why);
}

int lkm_session_open(struct lkm_session *s, const struct lkm_sysroot *root,
		     bool privileged)
{
	int err;

	memset(s, 0, sizeof(*s));
	s->root = root;
	/* Without /lib/modules for this kernel, loads by file still work. */
	err = lkm_resolver_new(root, NULL, &s->resolver);
	if (err < 0)
		s->resolver = NULL;
	if (s->resolver)
		lkm_real_ops_init(&s->real, lkm_resolver_kmod(s->resolver), root);
	s->engine.root = root;
	s->engine.resolver = s->resolver;
	s->engine.ops = s->resolver && lkm_session_may_act(root) ? &s->real.ops : NULL;
	s->engine.privileged = privileged;
	/* A change to the running kernel is worth a line in its log; a --root is not one.
	 */
	s->engine.log_to_syslog = lkm_sysroot_is_live(root);
	if (s->engine.log_to_syslog)
		openlog(PACKAGE, LOG_PID, LOG_USER);
	lkm_explain_ctx_init(&s->ectx, root, s->resolver, s->ectx_buf,
			     sizeof(s->ectx_buf));
	decide(s);
	return err == -ENOMEM ? -ENOMEM : 0;
}

void lkm_session_stop_on(struct lkm_session *s, const volatile sig_atomic_t *stop)
{
	if (s->engine.ops == NULL)
		return;
	lkm_stop_ops_init(&s->stop, s->engine.ops, stop);
	s->engine.ops = &s->stop.ops;
}

void lkm_session_close(struct lkm_session *s)
{
	if (s->engine.log_to_syslog)
		closelog();
	lkm_resolver_free(s->resolver);
	memset(s, 0, sizeof(*s));
}

int lkm_session_reopen(struct lkm_session *s)
{
	const struct lkm_sysroot *root = s->root;
	bool privileged = s->engine.privileged;

	lkm_session_close(s);
	return lkm_session_open(s, root, privileged);
}
