// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/initramfs.h"
#include "core/keep.h"
#include "core/persist.h"
#include "i18n.h"
#include "model/modules.h"
#include "shared/strbuf.h"
#include "shared/strv.h"

/* Records a file edit as a step; a failure as the refusal, in words naming the file. */
static int file_step(struct lkm_result *res, enum lkm_step_kind kind, const char *module,
		     int err, const struct lkm_persist_result *pr)
{
	struct lkm_step *s = lkm_result_add_step(res, kind, module, pr->path, NULL);

	if (s == NULL)
		return -ENOMEM;
	s->err = err;
	s->done = err == 0;
	s->unchanged = err == 0 && !pr->changed;
	if (s->unchanged &&
	    (s->note = strdup(_("nothing to do: the file already says so"))) == NULL)
		return -ENOMEM;
	if (err == 0)
		return 0;
	if (err == -ELOOP && pr->link == 1)
		return lkm_result_refuse(
			res, LKM_REFUSE_PERSIST, err,
			_("could not write %s: its directory is a symbolic "
			  "link; lkmtui writes only a file of its own in a "
			  "real directory, and left both alone"),
			pr->path);
	if (err == -ELOOP)
		return lkm_result_refuse(
			res, LKM_REFUSE_PERSIST, err,
			_("could not write %s: it is a symbolic link; lkmtui "
			  "writes only a file of its own, and left the link "
			  "and what it points to alone"),
			pr->path);
	if (err == -EISDIR)
		return lkm_result_refuse(
			res, LKM_REFUSE_PERSIST, err,
			_("could not write %s: it is a directory; lkmtui "
			  "left it alone"),
			pr->path);
	return lkm_result_refuse(
		res, LKM_REFUSE_PERSIST, err, _("could not write %s: %s"), pr->path,
		err == -EINVAL ? lkm_persist_refusal_text(pr->refusal) : strerror(-err));
}

/* FILE (as on the system) changed: whether the initramfs now carries an older copy. */
static int check_initramfs(const struct lkm_engine *e, const char *file,
			   struct lkm_result *res)
{
	struct lkm_initramfs_state st;
	int err = lkm_initramfs_check(e->root, file, &st);

	if (err < 0 || st.verdict == LKM_INITRAMFS_CURRENT)
		return err;
	for (size_t i = 0; i < res->n_warnings; i++)
		if (strstr(res->warnings[i], st.path) && strstr(res->warnings[i], file))
			return 0;
	if (!lkm_strv_addf(
		    &res->warnings, &res->n_warnings,
		    st.verdict == LKM_INITRAMFS_STALE
			    ? _("%s carries an older copy of %s: a module loaded from "
				"the initramfs at boot follows that copy. To rebuild "
				"it: update-initramfs -u")
			    : _("%s is older than %s and may carry an older copy: a "
				"module loaded from the initramfs at boot follows that "
				"copy. To rebuild it: update-initramfs -u"),
		    st.path, file))
		return -ENOMEM;
	return 0;
}

/* One edit: the step, then, when the file changed, the initramfs compared with it. */
static int edited(const struct lkm_engine *e, struct lkm_result *res,
		  enum lkm_step_kind kind, const char *module, const char *file, int err,
		  const struct lkm_persist_result *pr)
{
	err = file_step(res, kind, module, err, pr);
	if (err == 0 && pr->changed && strncmp(file, "/etc/", 5) == 0)
		err = check_initramfs(e, file, res);
	return err;
}

int lkm_keep_options(const struct lkm_engine *e, const char *module,
		     const struct lkm_params *params, struct lkm_result *res)
{
	struct lkm_persist_result pr;
	int err = lkm_persist_options(e->root, module, params, &pr);

	return edited(e, res, params && params->n ? LKM_STEP_PERSIST : LKM_STEP_FORGET,
		      module, LKM_PERSIST_FILE, err, &pr);
}

int lkm_keep_module(const struct lkm_engine *e, const char *module,
		    const struct lkm_params *params, bool load, struct lkm_result *res)
{
	struct lkm_persist_result pr;
	int err = 0;

	/* A load without parameters leaves the options saved before as they are. */
	if (!load || (params && params->n))
		err = lkm_keep_options(e, module, load ? params : NULL, res);
	if (err < 0)
		return err;
	err = lkm_persist_boot(e->root, module, load, &pr);
	return edited(e, res, load ? LKM_STEP_BOOT : LKM_STEP_NO_BOOT, module,
		      LKM_BOOT_FILE, err, &pr);
}

int lkm_keep_plan(struct lkm_result *res, const char *module, bool options, bool load)
{
	if (options &&
	    !lkm_result_add_step(res, load ? LKM_STEP_PERSIST : LKM_STEP_FORGET, module,
				 LKM_PERSIST_FILE, NULL))
		return -ENOMEM;
	if (!lkm_result_add_step(res, load ? LKM_STEP_BOOT : LKM_STEP_NO_BOOT, module,
				 LKM_BOOT_FILE, NULL))
		return -ENOMEM;
	return 0;
}

/* MODULE's steps of SUB (an unload) moved to the end of RES's. */
static int take_steps(struct lkm_result *res, struct lkm_result *sub)
{
	struct lkm_step *v;

	if (sub->n_steps == 0)
		return 0;
	v = realloc(res->steps, (res->n_steps + sub->n_steps) * sizeof(*v));
	if (v == NULL)
		return -ENOMEM;
	memcpy(v + res->n_steps, sub->steps, sub->n_steps * sizeof(*v));
	res->steps = v;
	res->n_steps += sub->n_steps;
	res->failed = res->n_steps;
	sub->n_steps = 0;
	/* The kernel's lines the unload caused. */
	res->log = sub->log;
	memset(&sub->log, 0, sizeof(sub->log));
	sub->log.fd = -1;
	return 0;
}

/* The unload a block includes: done when nothing holds MODULE, else said why not. */
static int unload_for_block(const struct lkm_engine *e, const char *module,
			    unsigned flags, struct lkm_result *res)
{
	struct lkm_result sub;
	int err;

	err = lkm_engine_unload(e, module, flags & LKM_DRY_RUN, &sub);
	if (err == -ENOMEM && sub.refusal == LKM_REFUSE_NONE)
		goto out;
	err = 0;
	if (sub.refusal == LKM_REFUSE_NOT_LOADED || sub.refusal == LKM_REFUSE_BUILTIN ||
	    sub.refusal == LKM_REFUSE_NO_MODULE_SUPPORT) {
		/* nothing loaded to take out */
	} else if (sub.refusal == LKM_REFUSE_IN_USE) {
		char who[1024];
		struct lkm_strbuf sb;

		lkm_strbuf_init(&sb, who, sizeof(who));
		for (size_t i = 0; i < sub.n_holders; i++) {
			lkm_strbuf_sep(&sb, ", ");
			lkm_strbuf_add(&sb, sub.holders[i]);
		}
		if (!lkm_strv_addf(&res->warnings, &res->n_warnings,
				   sub.n_holders
					   ? _("%s stays loaded until the next boot: "
					       "in use by %s")
					   : _("%s stays loaded until the next boot: %s"),
				   module, sub.n_holders ? who : sub.reason))
			err = -ENOMEM;
		for (size_t i = 0; err == 0 && i < sub.n_holders; i++)
			if (!lkm_strv_addf(&res->holders, &res->n_holders, "%s",
					   sub.holders[i]))
				err = -ENOMEM;
	} else if (sub.refusal != LKM_REFUSE_NONE) {
		if (!lkm_strv_addf(&res->warnings, &res->n_warnings,
				   _("%s stays loaded until the next boot: %s"), module,
				   sub.reason ? sub.reason : "?"))
			err = -ENOMEM;
	} else {
		size_t at = res->n_steps;

		err = take_steps(res, &sub);
		if (err == 0 && sub.err < 0) {
			/* The block stays; the failed removal is the result. */
			res->err = sub.err;
			res->failed = at + sub.failed;
		}
	}
out:
	lkm_result_release(&sub);
	return err;
}

/* The module name both block and unblock start from; -EINVAL refused in RES. */
static int block_begin(const char *module, enum lkm_op op, struct lkm_result *res)
{
	struct lkm_persist_result pr = { 0 };
	char *line = NULL;
	int err;

	lkm_result_init(res, op, module);
	if (res->target == NULL)
		return -ENOMEM;
	err = lkm_persist_line(module, NULL, &pr, &line);
	free(line);
	if (err == -EINVAL)
		return lkm_result_refuse(res, LKM_REFUSE_PERSIST, err, "%s: %s", module,
					 lkm_persist_refusal_text(pr.refusal));
	if (err < 0)
		return err;
	res->module = strdup(module);
	if (res->module == NULL)
		return -ENOMEM;
	lkm_module_name_normalize(res->module);
	return 0;
}

int lkm_engine_block(const struct lkm_engine *e, const char *module, unsigned flags,
		     struct lkm_result *res)
{
	bool persistent = flags & LKM_PERSIST;
	const char *file = persistent ? LKM_PERSIST_FILE : LKM_BLOCK_RUN_FILE;
	struct lkm_persist_result pr;
	int err = block_begin(module, LKM_OP_BLOCK, res), boot;

	if (err < 0)
		goto out;
	module = res->module;
	boot = lkm_persist_has(e->root, LKM_HAS_BOOT, module);
	if (boot == -ENOMEM) {
		err = boot;
		goto out;
	}
	if (flags & LKM_DRY_RUN) {
		if (!lkm_result_add_step(res, LKM_STEP_BLOCK, module, file, NULL))
			err = -ENOMEM;
		if (err == 0)
			err = unload_for_block(e, module, flags, res);
		if (err == 0 && boot > 0 &&
		    !lkm_result_add_step(res, LKM_STEP_NO_BOOT, module, LKM_BOOT_FILE,
					 NULL))
			err = -ENOMEM;
		goto out;
	}
	/* The block first: nothing loads it again while it is being taken out. */
	err = lkm_persist_block(e->root, module, 1, persistent, &pr);
	err = edited(e, res, LKM_STEP_BLOCK, module, file, err, &pr);
	if (err == 0)
		err = unload_for_block(e, module, flags, res);
	if (err == 0 && boot != 0) {
		err = lkm_persist_boot(e->root, module, 0, &pr);
		err = edited(e, res, LKM_STEP_NO_BOOT, module, LKM_BOOT_FILE, err, &pr);
	}
out:
	if (err < 0 && res->err == 0)
		res->err = err;
	return err;
}

int lkm_engine_unblock(const struct lkm_engine *e, const char *module, unsigned flags,
		       struct lkm_result *res)
{
	struct lkm_persist_result pr;
	int err = block_begin(module, LKM_OP_UNBLOCK, res);

	if (err < 0)
		goto out;
	module = res->module;
	for (int persistent = 0; err == 0 && persistent <= 1; persistent++) {
		const char *file = persistent ? LKM_PERSIST_FILE : LKM_BLOCK_RUN_FILE;

		if (persistent && !(flags & LKM_PERSIST)) {
			int has = lkm_persist_has(e->root, LKM_HAS_BLOCK_ETC, module);

			if (has == -ENOMEM)
				err = has;
			else if (has > 0 &&
				 !lkm_strv_addf(
					 &res->warnings, &res->n_warnings,
					 _("%s is still blocked in %s: lkmtui unblock "
					   "--persist %s removes that block"),
					 module, file, module))
				err = -ENOMEM;
			break;
		}
		if (flags & LKM_DRY_RUN) {
			if (!lkm_result_add_step(res, LKM_STEP_UNBLOCK, module, file,
						 NULL))
				err = -ENOMEM;
			continue;
		}
		err = lkm_persist_block(e->root, module, 0, persistent, &pr);
		err = edited(e, res, LKM_STEP_UNBLOCK, module, file, err, &pr);
	}
out:
	if (err < 0 && res->err == 0)
		res->err = err;
	return err;
}
