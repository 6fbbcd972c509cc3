// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/modfile.h"
#include "model/modules.h"

#include "shared/strbuf.h"
#include "shared/strv.h"
#include "i18n.h"
#include "ui/tui/req.h"

const char *lkm_tui_op_word(enum lkm_op op)
{
	switch (op) {
	case LKM_OP_LOAD: return _("load");
	case LKM_OP_UNLOAD: return _("unload");
	case LKM_OP_BLOCK: return C_("verb", "block");
	case LKM_OP_UNBLOCK: return _("unblock");
	default: return _("set");
	}
}

bool lkm_tui_req_add_word(struct lkm_tui_req *req, const char *word, size_t len)
{
	return lkm_strv_addn(&req->words, &req->n_words, word, len) == 0;
}

void lkm_tui_req_release(struct lkm_tui_req *req)
{
	lkm_strv_free(req->words, req->n_words);
	req->words = NULL;
	req->n_words = 0;
}

bool lkm_tui_req_split(struct lkm_tui_req *req, const char *text)
{
	const char *blanks = " \t";

	lkm_tui_req_release(req);
	for (const char *p = text + strspn(text, blanks); *p; p += strspn(p, blanks)) {
		size_t len = strcspn(p, blanks);

		if (!lkm_tui_req_add_word(req, p, len)) {
			lkm_tui_req_release(req);
			return false;
		}
		p += len;
	}
	return true;
}

bool lkm_tui_req_copy(struct lkm_tui_req *dst, const struct lkm_tui_req *src)
{
	*dst = *src;
	dst->words = NULL;
	dst->n_words = 0;
	for (size_t i = 0; i < src->n_words; i++)
		if (!lkm_tui_req_add_word(dst, src->words[i], strlen(src->words[i]))) {
			lkm_tui_req_release(dst);
			return false;
		}
	return true;
}

void lkm_tui_req_words_text(const struct lkm_tui_req *req, char *buf, size_t size)
{
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, buf, size);
	for (size_t i = 0; i < req->n_words; i++) {
		lkm_strbuf_sep(&sb, " ");
		lkm_strbuf_add(&sb, req->words[i]);
	}
}

void lkm_tui_req_text(const struct lkm_tui_req *req, char *buf, size_t size)
{
	struct lkm_strbuf sb;

	lkm_strbuf_init(&sb, buf, size);
	lkm_strbuf_addf(&sb, "%s %s", lkm_tui_op_word(req->op), req->target);
	for (size_t i = 0; i < req->n_words; i++) {
		lkm_strbuf_sep(&sb, " ");
		lkm_strbuf_add(&sb, req->words[i]);
	}
}

bool lkm_tui_req_names_module(const struct lkm_tui_req *req, const char *module)
{
	char *name;
	bool eq;

	if (module == NULL)
		return false;
	if (!lkm_engine_names_file(req->target))
		return lkm_module_name_eq(req->target, module);
	/* A file: the module it is loaded as (its base name, as the engine names it). */
	name = lkm_modfile_module_name(NULL, req->target);
	eq = name != NULL && lkm_module_name_eq(name, module);
	free(name);
	return eq;
}

bool lkm_tui_fix_req(const struct lkm_fix *fix, struct lkm_tui_req *req)
{
	lkm_tui_req_release(req);
	memset(req, 0, sizeof(*req));
	switch (fix->op) {
	case LKM_FIX_LOAD: req->op = LKM_OP_LOAD; break;
	case LKM_FIX_UNLOAD: req->op = LKM_OP_UNLOAD; break;
	case LKM_FIX_SET: req->op = LKM_OP_SET; break;
	default: return false;
	}
	if (fix->target == NULL || (fix->op == LKM_FIX_SET && fix->n_args != 1) ||
	    (size_t)snprintf(req->target, sizeof(req->target), "%s", fix->target) >=
		    sizeof(req->target))
		return false;
	for (size_t i = 0; i < fix->n_args; i++)
		if (!lkm_tui_req_add_word(req, fix->args[i], strlen(fix->args[i]))) {
			lkm_tui_req_release(req);
			return false;
		}
	return true;
}
