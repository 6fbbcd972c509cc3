// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A module caught between states: Loading (its init function still running) or
 * Unloading (its exit function still running). Neither a load nor an unload can be asked
 * of it until the function returns. The evidence is the task running the function and
 * where it waits: the process whose /proc/PID/stack holds a frame of the module (readable
 * by root only).
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/explain/cause.h"
#include "i18n.h"
#include "model/modules.h"
#include "model/procfile.h"
#include "shared/strbuf.h"
#include "shared/strv.h"

/* "[<0>] msleep+0x2d/0x40 [demo_ne]" as "msleep [demo_ne]", into OUT. */
static void frame_name(const char *line, size_t len, char *out, size_t size)
{
	const char *p = line, *end = line + len, *plus;
	size_t n;

	if (*p == '[' && (p = memchr(line, ']', len)) != NULL)
		p++;
	else
		p = line;
	while (p < end && *p == ' ')
		p++;
	plus = memchr(p, '+', (size_t)(end - p));
	n = (size_t)((plus ? plus : end) - p);
	snprintf(out, size, "%.*s", (int)n, p);
	if (plus && (plus = memchr(plus, ' ', (size_t)(end - plus))) != NULL)
		snprintf(out + strlen(out), size - strlen(out), "%.*s", (int)(end - plus),
			 plus);
}

/* Whether the stack in BUF has a frame of MODULE (a line ending " [MODULE]"); *UPTO gets
 * the end of that line. */
static bool runs_in(const char *buf, const char *module, const char **upto)
{
	size_t ml = strlen(module);

	for (const char *l = buf; *l;) {
		const char *nl = strchr(l, '\n');
		size_t len = nl ? (size_t)(nl - l) : strlen(l);

		if (len > ml + 3 && l[len - 1] == ']' && l[len - ml - 3] == ' ' &&
		    l[len - ml - 2] == '[' && memcmp(l + len - ml - 1, module, ml) == 0) {
			*upto = l + len;
			return true;
		}
		if (nl == NULL)
			break;
		l = nl + 1;
	}
	return false;
}

/* PID's stack down to the module's frame, as evidence: one line, innermost first. */
static void stack_evidence(const struct lkm_explain_ctx *ctx, const char *stack,
			   const char *upto, int pid, bool loading,
			   struct lkm_diagnosis *d)
{
	char path[64], comm[64] = "?", frame[256], frames[1024];
	struct lkm_buf buf = { 0 };
	struct lkm_strbuf sb;

	snprintf(path, sizeof(path), "/proc/%d/comm", pid);
	if (lkm_procfile_read(ctx->root, path, &buf) == 0)
		snprintf(comm, sizeof(comm), "%.*s", (int)strcspn(buf.data, "\n"),
			 buf.data);
	lkm_buf_release(&buf);
	lkm_strbuf_init(&sb, frames, sizeof(frames));
	for (const char *l = stack; l < upto;) {
		const char *nl = strchr(l, '\n');
		size_t len = nl && nl < upto ? (size_t)(nl - l) : (size_t)(upto - l);

		frame_name(l, len, frame, sizeof(frame));
		lkm_strbuf_sep(&sb, " < ");
		lkm_strbuf_add(&sb, frame);
		l += len + 1;
	}
	lkm_diag_line(d, &d->evidence, &d->n_evidence,
		      loading ? _("its init runs in %s (pid %d), which waits in %s "
				  "(/proc/%d/stack)")
			      : _("its exit runs in %s (pid %d), which waits in %s "
				  "(/proc/%d/stack)"),
		      comm, pid, frames, pid);
}

/* The task running MODULE's init or exit, and where it waits, as evidence; or why it
 * cannot be seen. */
static void task_evidence(const struct lkm_explain_ctx *ctx, const char *module,
			  bool loading, struct lkm_diagnosis *d)
{
	DIR *dir;
	struct dirent *e;
	bool readable = false, found = false;

	if (lkm_sysroot_opendir(ctx->root, "proc", &dir) < 0)
		return;
	while (!found && (e = readdir(dir)) != NULL) {
		char *end, path[64];
		long pid = strtol(e->d_name, &end, 10);
		struct lkm_buf buf = { 0 };
		const char *upto;

		if (*end != '\0' || pid <= 0 || pid >= 1L << 30)
			continue;
		snprintf(path, sizeof(path), "/proc/%ld/stack", pid);
		if (lkm_procfile_read(ctx->root, path, &buf) == 0) {
			readable = true;
			if (runs_in(buf.data, module, &upto)) {
				stack_evidence(ctx, buf.data, upto, (int)pid, loading, d);
				found = true;
			}
		}
		lkm_buf_release(&buf);
	}
	closedir(dir);
	if (!readable)
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      loading ? _("the task running its init is not shown: "
					  "/proc/PID/stack is readable by root only")
				      : _("the task running its exit is not shown: "
					  "/proc/PID/stack is readable by root only"));
}

int lkm_explain_transit(const struct lkm_explain_ctx *ctx, enum lkm_op op,
			enum lkm_diag_kind kind, int err, struct lkm_diag_fill v,
			struct lkm_diagnosis *d)
{
	bool loading = kind == LKM_DIAG_STILL_LOADING;
	/* The action to take once it has finished: only the one it will not have done
	 * by itself (unload one still loading, load one still unloading). */
	char *again = NULL;
	int rc;

	task_evidence(ctx, v.module, loading, d);
	if ((loading && op == LKM_OP_UNLOAD) || (!loading && op == LKM_OP_LOAD)) {
		again = (char *)(loading || !v.target ? v.module : v.target);
		v.list = &again;
		v.n_list = 1;
	} else {
		v.list = NULL;
		v.n_list = 0;
	}
	rc = lkm_diag_build(d, kind, err, &v);
	return rc < 0 ? -ENOMEM : 0;
}

/* The kernel's EBUSY (unload) or EEXIST (load) for a module /proc/modules shows Loading
 * or Unloading. */
int lkm_cause_in_transit(const struct lkm_cause *c, struct lkm_diagnosis *d)
{
	struct lkm_modules mods = { 0 };
	const struct lkm_module *m = NULL;
	enum lkm_diag_kind k = LKM_DIAG_NONE;
	int rc = 0;

	if (lkm_modules_read(&mods, c->ctx->root) == 0)
		m = lkm_modules_find(&mods, c->module);
	if (m && (m->state == LKM_STATE_LOADING || m->state == LKM_STATE_INITIALIZING))
		k = LKM_DIAG_STILL_LOADING;
	else if (m && m->state == LKM_STATE_UNLOADING)
		k = LKM_DIAG_STILL_UNLOADING;
	if (k != LKM_DIAG_NONE) {
		struct lkm_diag_fill v = c->fill;

		v.module = m->name;
		rc = lkm_explain_transit(c->ctx, c->res->op, k, c->err, v, d) < 0
			     ? -ENOMEM
			     : 1;
	}
	lkm_modules_release(&mods);
	return rc;
}
