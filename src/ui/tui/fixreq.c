// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ui/tui/fixreq.h"

bool lkm_tui_fix_req(const struct lkm_fix *fix, struct lkm_tui_req *req)
{
	size_t len = 0;

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
	for (size_t i = 0; i < fix->n_args; i++) {
		len += (size_t)snprintf(req->args + len,
					len < sizeof(req->args) ? sizeof(req->args) - len
								: 0,
					"%s%s", i ? " " : "", fix->args[i]);
		if (len >= sizeof(req->args))
			return false;
	}
	return true;
}
