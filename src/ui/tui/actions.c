// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include <curses.h>

#include "core/owns.h"
#include "i18n.h"
#include "ui/tui/actions.h"
#include "ui/tui/app.h"
#include "ui/tui/fixreq.h"
#include "ui/tui/handlers.h"
#include "ui/tui/linedetail.h"

#define CHANGED	  (LKM_TUI_HANDLED | LKM_TUI_REDRAW)
#define MAX_CANDS 500
#define KEY_ESC	  27

static bool is_enter(int key)
{
	return key == '\n' || key == '\r' || key == KEY_ENTER;
}

static bool is_backspace(int key)
{
	return key == KEY_BACKSPACE || key == 127 || key == 8;
}

/* ---- the session ---------------------------------------------------------------- */

void lkm_tui_session_open(struct lkm_tui_app *app, bool privileged)
{
	struct lkm_tui_session *s = &app->session;
	struct passwd *pw = getpwuid(getuid());
	bool live = lkm_sysroot_is_live(app->root);

	if (lkm_resolver_new(app->root, NULL, &s->resolver) < 0)
		s->resolver = NULL;
	if (s->resolver)
		lkm_real_ops_init(&s->real, lkm_resolver_kmod(s->resolver), app->root);
	snprintf(s->who, sizeof(s->who), "%s (uid %u)", pw ? pw->pw_name : "?",
		 (unsigned)getuid());
	s->engine.root = app->root;
	s->engine.resolver = s->resolver;
	s->engine.ops = &s->real.ops;
	s->engine.privileged = privileged;
	s->engine.who = s->who;
	/* A change to the running kernel is worth a line in its log; a --root is not one.
	 */
	s->engine.log_to_syslog = live;
	if (live)
		openlog(PACKAGE, LOG_PID, LOG_USER);
	/* As the CLI: an offline root is looked at, never acted on, unless the module
	 * syscalls are trapped for a whole-program test (tests/preload). */
	if (s->resolver == NULL || (!live && getenv("LKMTUI_FAKE_KERNEL") == NULL))
		s->engine.ops = NULL;
	lkm_explain_ctx_init(&s->ectx, app->root, s->resolver, s->ectx_buf,
			     sizeof(s->ectx_buf));
	s->can_act = false;
	if (s->engine.ops == NULL && !live) {
		s->refusal = LKM_REFUSE_OFFLINE_ROOT;
		snprintf(s->why_not, sizeof(s->why_not), "%s",
			 _("this --root is not the running system: lkmtui only looks at "
			   "it"));
	} else if (s->engine.ops == NULL) {
		s->refusal = LKM_REFUSE_NOT_FOUND;
		snprintf(s->why_not, sizeof(s->why_not), "%s",
			 _("the running kernel has no module directory "
			   "(/lib/modules/RELEASE)"));
	} else if (!privileged) {
		s->refusal = LKM_REFUSE_NOT_PERMITTED;
		snprintf(s->why_not, sizeof(s->why_not), "%s",
			 _("loading, unloading and setting need root (CAP_SYS_MODULE)"));
	} else {
		s->can_act = true;
		s->refusal = LKM_REFUSE_NONE;
		s->why_not[0] = '\0';
	}
}

static void free_cands(struct lkm_tui_form *f)
{
	for (size_t i = 0; i < f->n_cands; i++)
		free(f->cands[i]);
	free(f->cands);
	f->cands = NULL;
	f->n_cands = 0;
}

static void form_clear(struct lkm_tui_form *f)
{
	free_cands(f);
	lkm_param_infos_free(f->params, f->n_params);
	memset(f, 0, sizeof(*f));
}

static void drop_preview(struct lkm_tui_app *app)
{
	if (app->have_preview)
		lkm_result_release(&app->preview);
	app->have_preview = false;
}

static void drop_klog(struct lkm_tui_app *app)
{
	for (size_t i = 0; i < app->n_klog; i++)
		free(app->klog[i]);
	free(app->klog);
	app->klog = NULL;
	app->n_klog = 0;
	app->klog_title[0] = '\0';
}

void lkm_tui_actions_release(struct lkm_tui_app *app)
{
	struct lkm_tui_session *s = &app->session;

	form_clear(&app->form);
	drop_preview(app);
	drop_klog(app);
	lkm_diagnosis_release(&app->diag);
	lkm_detail_release(&app->detail);
	lkm_resolve_strv_free(s->names);
	if (s->engine.log_to_syslog)
		closelog();
	lkm_resolver_free(s->resolver);
	memset(s, 0, sizeof(*s));
}

/* ---- small helpers ---------------------------------------------------------------- */

const char *lkm_tui_op_word(enum lkm_op op)
{
	switch (op) {
	case LKM_OP_LOAD: return _("load");
	case LKM_OP_UNLOAD: return _("unload");
	default: return _("set");
	}
}

void lkm_tui_step_text(const struct lkm_step *s, bool dry_run, char *buf, size_t size)
{
	bool done = s->done && !dry_run;
	size_t len = 0;

	switch (s->kind) {
	case LKM_STEP_INSERT:
		len = (size_t)snprintf(
			buf, size, done ? _("inserted %s") : _("insert %s"), s->module);
		if (s->params && s->params[0] && len < size)
			len += (size_t)snprintf(buf + len, size - len, _(" with %s"),
						s->params);
		break;
	case LKM_STEP_SKIP_LOADED:
		len = (size_t)snprintf(buf, size, _("%s is already loaded"), s->module);
		break;
	case LKM_STEP_SKIP_BUILTIN:
		len = (size_t)snprintf(buf, size, _("%s is built into the kernel"),
				       s->module);
		break;
	case LKM_STEP_SKIP_BLACKLIST:
		len = (size_t)snprintf(buf, size, _("skip %s"), s->module);
		break;
	case LKM_STEP_REMOVE:
		len = (size_t)snprintf(buf, size, done ? _("removed %s") : _("remove %s"),
				       s->module);
		break;
	case LKM_STEP_KEEP:
		len = (size_t)snprintf(buf, size, _("keep %s"), s->module);
		break;
	case LKM_STEP_COMMAND:
		len = (size_t)snprintf(buf, size, _("not run: %s"),
				       s->command ? s->command : "");
		break;
	case LKM_STEP_WRITE_PARAM:
		len = (size_t)snprintf(buf, size,
				       done ? _("wrote %s to /sys/module/%s/parameters")
					    : _("write %s to /sys/module/%s/parameters"),
				       s->params ? s->params : "", s->module);
		break;
	case LKM_STEP_PERSIST:
		len = (size_t)snprintf(buf, size,
				       done ? _("saved the options of %s in %s")
					    : _("save the options of %s in %s"),
				       s->module, s->path ? s->path : "");
		break;
	}
	if (s->note && len < size)
		len += (size_t)snprintf(buf + len, size - len, " (%s)", s->note);
	if (s->err && len < size) {
		const char *name = strerrorname_np(-s->err);

		snprintf(buf + len, size - len, _(": failed, %s"), name ? name : "?");
	}
}

static void set_message(struct lkm_tui_app *app, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void set_message(struct lkm_tui_app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->message, sizeof(app->message), fmt, ap);
	va_end(ap);
}

/* The module under the cursor of the Modules pane (or the detail's), or NULL. */
static const char *current_module(struct lkm_tui_app *app)
{
	struct lkm_view *v = &app->views[LKM_PANE_MODULES];
	size_t item;

	if (lkm_tui_in_detail(app))
		return app->detail.module;
	if (app->pane != LKM_PANE_MODULES)
		return NULL;
	item = lkm_view_current(v);
	if (item == LKM_VIEW_SEPARATOR || v->snap == NULL || item >= v->snap->modules.n)
		return NULL;
	return v->snap->modules.v[item].name;
}

static const struct lkm_snapshot *cur_snap(const struct lkm_tui_app *app)
{
	return app->nsnaps ? &app->snaps[app->cur] : NULL;
}

/* ---- the detail view ----------------------------------------------------------------
 */

bool lkm_tui_in_detail(const struct lkm_tui_app *app)
{
	return app->mode == LKM_MODE_DETAIL ||
	       (app->back_mode == LKM_MODE_DETAIL &&
		(app->mode == LKM_MODE_TEACH || app->mode == LKM_MODE_INPUT ||
		 app->mode == LKM_MODE_CONFIRM || app->mode == LKM_MODE_DIAG));
}

static const char *detail_note(const struct lkm_tui_app *app, char *buf, size_t size)
{
	if (app->session.can_act)
		snprintf(buf, size, "%s",
			 _("Enter goes to the line's module, interface or irq line; e "
			   "explains the "
			   "line; u unloads; p sets a parameter; Esc returns."));
	else
		snprintf(buf, size,
			 _("Enter goes to the line's module, interface or irq line; e "
			   "explains the line; Esc returns. Unload and set are "
			   "unavailable: %s."),
			 app->session.why_not);
	return buf;
}

void lkm_tui_detail_refresh(struct lkm_tui_app *app)
{
	char note[512];
	int h = app->lines - LKM_TUI_LIST_Y - 1 - lkm_tui_strip_rows(app);

	if (app->detail.module[0] == '\0')
		return;
	if (lkm_detail_build(&app->detail, app->root, app->session.resolver,
			     cur_snap(app), app->detail.module,
			     app->cols > 0 ? app->cols : 80,
			     detail_note(app, note, sizeof(note))) < 0)
		set_message(app, "%s", _("out of memory: the detail view is incomplete"));
	lkm_detail_set_height(&app->detail, h > 0 ? (size_t)h : 1);
}

unsigned lkm_tui_open_detail(struct lkm_tui_app *app, const char *module)
{
	char name[256];

	snprintf(name, sizeof(name), "%s", module);
	if (strcmp(app->detail.module, name) != 0) {
		lkm_detail_release(&app->detail);
		snprintf(app->detail.module, sizeof(app->detail.module), "%s", name);
		app->detail.cursor = 0;
		app->detail.top = 0;
	}
	/* A jump from an interrupt line or an interface returns there on Esc. */
	if (app->mode != LKM_MODE_DETAIL)
		app->detail_from = app->pane;
	app->pane = LKM_PANE_MODULES;
	lkm_view_select_key(&app->views[LKM_PANE_MODULES], name);
	app->mode = LKM_MODE_DETAIL;
	lkm_tui_detail_refresh(app);
	return CHANGED;
}

static void close_detail(struct lkm_tui_app *app)
{
	app->mode = LKM_MODE_NORMAL;
	app->back_mode = LKM_MODE_NORMAL;
	lkm_view_select_key(&app->views[LKM_PANE_MODULES], app->detail.module);
	lkm_detail_release(&app->detail);
	app->pane = app->detail_from;
}

/* The Devices pane's row for a "c:MAJOR" reference. */
static bool select_device(struct lkm_tui_app *app, const char *ref)
{
	struct lkm_view *v = &app->views[LKM_PANE_DEVICES];
	char prefix[40], key[256];
	size_t len = (size_t)snprintf(prefix, sizeof(prefix), "%s:", ref);

	for (size_t r = 0; r < v->nrows; r++) {
		if (v->rows[r].item == LKM_VIEW_SEPARATOR)
			continue;
		lkm_view_item_key(v, v->rows[r].item, key, sizeof(key));
		if (strncmp(key, prefix, len) == 0) {
			lkm_view_move_to(v, r);
			return true;
		}
	}
	return false;
}

static unsigned teach_line(struct lkm_tui_app *app, const struct lkm_detail_line *l);

static unsigned detail_enter(struct lkm_tui_app *app)
{
	const struct lkm_detail_line *l = lkm_detail_current(&app->detail);
	struct lkm_tui_event ev = { .key = 'p' };
	char ref[256];

	if (l == NULL)
		return LKM_TUI_HANDLED;
	snprintf(ref, sizeof(ref), "%s", l->ref);
	switch (l->kind) {
	case LKM_DL_MODULE: return lkm_tui_open_detail(app, ref);
	case LKM_DL_IFACE:
	case LKM_DL_IRQ:
	case LKM_DL_DEVICE: {
		enum lkm_pane p = l->kind == LKM_DL_IFACE ? LKM_PANE_NETDEV
				  : l->kind == LKM_DL_IRQ ? LKM_PANE_INTERRUPTS
							  : LKM_PANE_DEVICES;
		bool found;

		close_detail(app);
		app->pane = p;
		if (p == LKM_PANE_DEVICES)
			found = select_device(app, ref);
		else
			found = lkm_view_select_key(&app->views[p], ref);
		if (!found)
			set_message(app, _("%s is not in this pane (filtered out?)"),
				    ref);
		return CHANGED;
	}
	case LKM_DL_PARAM:
		if (l->writable)
			return lkm_tui_on_set(app, &ev);
		/* fallthrough */
	default: return teach_line(app, l);
	}
}

unsigned lkm_tui_detail_mode_key(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	struct lkm_detail *d = &app->detail;
	long page = d->height > 1 ? (long)d->height - 1 : 1;
	struct lkm_tui_event e = *ev;

	switch (ev->key) {
	case KEY_UP:
	case 'k': lkm_detail_move(d, -1); return CHANGED;
	case KEY_DOWN:
	case 'j': lkm_detail_move(d, 1); return CHANGED;
	case KEY_PPAGE: lkm_detail_move(d, -page); return CHANGED;
	case KEY_NPAGE:
	case ' ': lkm_detail_move(d, page); return CHANGED;
	case KEY_HOME:
	case 'g': lkm_detail_move(d, -(long)d->n); return CHANGED;
	case KEY_END:
	case 'G': lkm_detail_move(d, (long)d->n); return CHANGED;
	case KEY_ESC:
	case 'q':
	case KEY_LEFT:
	case KEY_BACKSPACE:
	case 127: close_detail(app); return CHANGED;
	case 'm': return detail_enter(app);
	default: break;
	}
	if (is_enter(ev->key))
		return detail_enter(app);
	e.action = lkm_tui_keymap_lookup(&app->keymap, ev->key);
	switch (e.action) {
	case LKM_ACT_HELP:
	case LKM_ACT_QUIT:
	case LKM_ACT_TEACH:
	case LKM_ACT_LOAD:
	case LKM_ACT_UNLOAD:
	case LKM_ACT_SET:
	case LKM_ACT_REFRESH:
	case LKM_ACT_REDRAW:
	case LKM_ACT_SLOWER:
	case LKM_ACT_FASTER:
	case LKM_ACT_LIVE_LOG:
		return lkm_tui_action((enum lkm_tui_action_id)e.action)->run(app, &e);
	case LKM_ACT_PANE_MODULES:
	case LKM_ACT_PANE_DEVICES:
	case LKM_ACT_PANE_INTERRUPTS:
	case LKM_ACT_PANE_NETDEV:
	case LKM_ACT_PANE_NEXT:
	case LKM_ACT_PANE_PREV:
		close_detail(app);
		return lkm_tui_action((enum lkm_tui_action_id)e.action)->run(app, &e);
	default: break;
	}
	if (ev->key == KEY_MOUSE || ev->key == KEY_RESIZE)
		return LKM_TUI_HANDLED;
	set_message(app, "%s",
		    _("in the detail view: Up/Down, Enter, e, l, u, p; Esc returns"));
	return CHANGED;
}

unsigned lkm_tui_on_detail(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	if (app->pane == LKM_PANE_INTERRUPTS || app->pane == LKM_PANE_NETDEV)
		return lkm_tui_open_line(app);
	return lkm_tui_on_jump(app, ev);
}

unsigned lkm_tui_on_jump(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	struct lkm_view *v = lkm_tui_view(app);
	const struct lkm_snapshot *s = cur_snap(app);
	size_t item = lkm_view_current(v);
	char mod[256];

	if (s == NULL || item == LKM_VIEW_SEPARATOR)
		return LKM_TUI_HANDLED;
	switch (app->pane) {
	case LKM_PANE_MODULES: return lkm_tui_open_detail(app, s->modules.v[item].name);
	case LKM_PANE_INTERRUPTS: {
		const char *label = s->interrupts.v[item].label;

		if (lkm_owns_irq_module(app->root, s, label, mod, sizeof(mod)) == 0)
			return lkm_tui_open_detail(app, mod);
		set_message(
			app,
			_("no module drives irq %s that /sys shows (the kernel's own, or "
			  "built in)"),
			label);
		return CHANGED;
	}
	case LKM_PANE_NETDEV: {
		const char *name = s->netdev.v[item].name;

		if (lkm_owns_iface_module(app->root, name, mod, sizeof(mod)) == 0)
			return lkm_tui_open_detail(app, mod);
		set_message(
			app,
			_("no module drives %s that /sys shows (virtual, or built in)"),
			name);
		return CHANGED;
	}
	default:
		set_message(app, "%s",
			    _("a module's detail (Enter in the Modules pane) lists the "
			      "devices it drives"));
		return CHANGED;
	}
}

/* ---- teach ----------------------------------------------------------------------------
 */

static void add_term(struct lkm_tui_app *app, const char *label, const char *key)
{
	const char *t = lkm_explain_term(key);

	if (t == NULL || app->n_terms >= LKM_TUI_MAX_TERMS)
		return;
	snprintf(app->terms[app->n_terms].label, sizeof(app->terms[0].label), "%s",
		 label);
	app->terms[app->n_terms++].text = t;
}

static unsigned open_teach(struct lkm_tui_app *app)
{
	if (app->mode != LKM_MODE_TEACH)
		app->back_mode = app->mode;
	app->mode = LKM_MODE_TEACH;
	return CHANGED;
}

static unsigned teach_module(struct lkm_tui_app *app, const struct lkm_module *m)
{
	char buf[64], users[64] = "";
	size_t len = 0;

	app->n_terms = 0;
	snprintf(app->teach_title, sizeof(app->teach_title), _("%s: what its cells mean"),
		 m->name);
	add_term(app, m->state_word, lkm_module_state_id(m->state));
	if (m->has_use_count) {
		snprintf(buf, sizeof(buf), "%lld", (long long)m->use_count);
		add_term(app, buf,
			 m->use_count == -1  ? "use-count--1"
			 : m->use_count == 0 ? "use-count-0"
					     : "use-count");
	}
	for (const char *u = lkm_module_next_user(m, NULL); u;
	     u = lkm_module_next_user(m, u))
		len += (size_t)snprintf(users + len,
					len < sizeof(users) ? sizeof(users) - len : 0,
					"%s%s", len ? "," : "", u);
	if (m->n_used_by)
		add_term(app, users, "used-by");
	if (m->flags & LKM_MODFLAG_PERMANENT)
		add_term(app, "[permanent]", "permanent");
	if (m->flags & LKM_MODFLAG_UNSAFE)
		add_term(app, "[unsafe]", "unsafe");
	if (m->flags & LKM_MODFLAG_AUTOCLEAN)
		add_term(app, "(autoclean)", "autoclean");
	if (m->flags & LKM_MODFLAG_UNUSED)
		add_term(app, "(unused)", "unused");
	for (const char *t = m->taints; t && *t; t++) {
		char key[16], letter[2] = { *t, '\0' };

		snprintf(key, sizeof(key), "taint-%c", *t);
		add_term(app, letter, key);
	}
	return open_teach(app);
}

static const char *param_teach(int writable)
{
	if (writable > 0)
		return _("writable: the module lets this value change while it is loaded "
			 "(p sets "
			 "it; the driver decides when it takes effect).");
	if (writable == 0)
		return _("read-only: the module declared it so; only a load gives it a "
			 "value "
			 "(unload, then load with NAME=VALUE).");
	return _("not in /sys: the module is not loaded, or keeps this parameter out of "
		 "/sys "
		 "(mode 0); a load can still give it a value.");
}

static unsigned teach_line(struct lkm_tui_app *app, const struct lkm_detail_line *l)
{
	const char *label = l->text;

	while (*label == ' ')
		label++;
	app->n_terms = 0;
	snprintf(app->teach_title, sizeof(app->teach_title),
		 _("%s: what this line means"), app->detail.module);
	if (l->kind == LKM_DL_TERM) {
		/* The value, not the label column before it ("  state      Live"). */
		if (strlen(l->text) > LKM_DETAIL_VALUE_COL)
			label = l->text + LKM_DETAIL_VALUE_COL;
		add_term(app, label, l->ref);
	} else if (l->kind == LKM_DL_PARAM) {
		snprintf(app->terms[0].label, sizeof(app->terms[0].label), "%s", l->ref);
		app->terms[0].text = param_teach(strstr(l->text, _("not in /sys")) ? -1
						 : l->writable			   ? 1
										   : 0);
		app->n_terms = 1;
	}
	if (app->n_terms == 0) {
		set_message(app, "%s",
			    _("e explains states, counts, flags, taint letters and "
			      "parameters; Enter goes to this line"));
		return CHANGED;
	}
	return open_teach(app);
}

unsigned lkm_tui_on_teach(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	struct lkm_view *v = lkm_tui_view(app);
	size_t item = lkm_view_current(v);

	if (lkm_tui_in_detail(app)) {
		const struct lkm_detail_line *l = lkm_detail_current(&app->detail);

		if (l)
			return teach_line(app, l);
		set_message(app, "%s", _("nothing here to explain"));
		return CHANGED;
	}
	if (app->pane != LKM_PANE_MODULES || item == LKM_VIEW_SEPARATOR ||
	    v->snap == NULL) {
		set_message(app, "%s",
			    _("e explains a module's state, counts, flags and taint "
			      "letters (1)"));
		return CHANGED;
	}
	return teach_module(app, &v->snap->modules.v[item]);
}

unsigned lkm_tui_teach_mode_key(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	if (ev->key == KEY_MOUSE || ev->key == KEY_RESIZE)
		return LKM_TUI_HANDLED;
	app->mode = app->back_mode;
	app->back_mode = LKM_MODE_NORMAL;
	return CHANGED;
}

/* ---- running requests ----------------------------------------------------------------
 */

/* Runs REQ through the engine (a dry run when DRY). */
static int run(struct lkm_tui_app *app, const struct lkm_tui_req *req, bool dry,
	       struct lkm_result *res)
{
	const struct lkm_engine *e = &app->session.engine;
	unsigned flags = dry ? LKM_DRY_RUN : 0;

	switch (req->op) {
	case LKM_OP_LOAD: {
		char buf[sizeof(req->args)];
		const char *argv[64];
		size_t n = 0;

		snprintf(buf, sizeof(buf), "%s", req->args);
		for (char *save = NULL, *w = strtok_r(buf, " \t", &save); w && n < 64;
		     w = strtok_r(NULL, " \t", &save))
			argv[n++] = w;
		return lkm_engine_load(e, req->target, argv, n, flags | req->flags, res);
	}
	case LKM_OP_UNLOAD:
		return lkm_engine_unload(e, req->target, flags | req->flags, res);
	default:
		return lkm_engine_set(e, req->target, req->args, flags | req->flags, res);
	}
}

static void leave(struct lkm_tui_app *app)
{
	app->mode = app->back_mode == LKM_MODE_DETAIL || app->back_mode == LKM_MODE_LINE
			    ? app->back_mode
			    : LKM_MODE_NORMAL;
	app->back_mode = LKM_MODE_NORMAL;
	form_clear(&app->form);
}

/* The diagnosis of a failed RES (released by the caller) for REQ. */
static unsigned show_diag(struct lkm_tui_app *app, const struct lkm_tui_req *req,
			  const struct lkm_result *res)
{
	size_t len = 0;

	lkm_diagnosis_release(&app->diag);
	memset(&app->diag, 0, sizeof(app->diag));
	if (lkm_explain_result(&app->session.ectx, res, &app->diag) < 0) {
		set_message(app, "%s", _("out of memory"));
		leave(app);
		return CHANGED;
	}
	app->diag_req = *req;
	app->fix_ok = app->diag.n_fix && lkm_tui_fix_req(&app->diag.fixes[0], &app->fix);
	app->diag_top = 0;
	app->diag_steps[0] = '\0';
	for (size_t i = 0; i < res->n_steps; i++) {
		char step[256];

		if (!res->steps[i].done)
			continue;
		lkm_tui_step_text(&res->steps[i], false, step, sizeof(step));
		len += (size_t)snprintf(
			app->diag_steps + len,
			len < sizeof(app->diag_steps) ? sizeof(app->diag_steps) - len : 0,
			"%s%s", len ? "; " : "", step);
	}
	if (app->mode != LKM_MODE_DIAG && app->mode != LKM_MODE_CONFIRM &&
	    app->mode != LKM_MODE_INPUT)
		app->back_mode = app->mode;
	form_clear(&app->form);
	app->mode = LKM_MODE_DIAG;
	return CHANGED;
}

/* What the engine would say, without asking it to act: the session cannot. */
static unsigned show_refusal(struct lkm_tui_app *app, const struct lkm_tui_req *req)
{
	struct lkm_result res;
	unsigned flags;

	memset(&res, 0, sizeof(res));
	res.log.fd = -1;
	res.op = req->op;
	res.target = strdup(req->target[0] ? req->target : "--root DIR");
	res.names_file = res.target && lkm_engine_names_file(res.target);
	res.refusal = app->session.refusal;
	res.err = res.refusal == LKM_REFUSE_OFFLINE_ROOT    ? -EROFS
		  : res.refusal == LKM_REFUSE_NOT_PERMITTED ? -EPERM
							    : -ENOENT;
	res.reason = strdup(app->session.why_not);
	flags = show_diag(app, req, &res);
	lkm_result_release(&res);
	return flags;
}

unsigned lkm_tui_begin(struct lkm_tui_app *app, const struct lkm_tui_req *req)
{
	struct lkm_result res;

	if (!app->session.can_act)
		return show_refusal(app, req);
	drop_preview(app);
	if (run(app, req, true, &res) == -ENOMEM && res.refusal == LKM_REFUSE_NONE &&
	    res.failed == res.n_steps) {
		lkm_result_release(&res);
		set_message(app, "%s", _("out of memory"));
		leave(app);
		return CHANGED;
	}
	if (res.err) {
		unsigned flags = show_diag(app, req, &res);

		lkm_result_release(&res);
		return flags;
	}
	app->req = *req;
	app->preview = res;
	app->have_preview = true;
	if (app->mode != LKM_MODE_INPUT && app->mode != LKM_MODE_DIAG &&
	    app->mode != LKM_MODE_CONFIRM)
		app->back_mode = app->mode;
	form_clear(&app->form);
	app->mode = LKM_MODE_CONFIRM;
	return CHANGED;
}

static void keep_klog(struct lkm_tui_app *app, const struct lkm_result *res)
{
	drop_klog(app);
	app->klog = calloc(res->log.n + 1, sizeof(char *));
	for (size_t i = 0; app->klog && i < res->log.n; i++)
		if ((app->klog[app->n_klog] = strdup(res->log.lines[i])) != NULL)
			app->n_klog++;
	if (res->log.err && res->log.n == 0)
		snprintf(app->klog_title, sizeof(app->klog_title),
			 _("kernel log of %s %s: unreadable (%s)"),
			 lkm_tui_op_word(res->op), res->target, strerror(-res->log.err));
	else if (res->log.n == 0)
		snprintf(app->klog_title, sizeof(app->klog_title),
			 _("kernel log of %s %s: no lines"), lkm_tui_op_word(res->op),
			 res->target);
	else
		snprintf(app->klog_title, sizeof(app->klog_title),
			 _("kernel log of %s %s:"), lkm_tui_op_word(res->op),
			 res->target);
	/* The strip takes rows from the list. */
	lkm_tui_app_resize(app, app->lines, app->cols);
}

/* What was done, for the status line: "loaded fat, msdos". */
static void done_message(struct lkm_tui_app *app, const struct lkm_result *res)
{
	char list[200] = "";
	size_t len = 0;
	enum lkm_step_kind kind = res->op == LKM_OP_LOAD     ? LKM_STEP_INSERT
				  : res->op == LKM_OP_UNLOAD ? LKM_STEP_REMOVE
							     : LKM_STEP_WRITE_PARAM;

	for (size_t i = 0; i < res->n_steps; i++)
		if (res->steps[i].kind == kind && res->steps[i].done)
			len += (size_t)snprintf(
				list + len, len < sizeof(list) ? sizeof(list) - len : 0,
				"%s%s", len ? ", " : "",
				kind == LKM_STEP_WRITE_PARAM ? res->steps[i].params
							     : res->steps[i].module);
	switch (res->op) {
	case LKM_OP_LOAD: set_message(app, _("loaded %s"), list); break;
	case LKM_OP_UNLOAD: set_message(app, _("unloaded %s"), list); break;
	default:
		set_message(app, _("%s: wrote %s"),
			    res->module ? res->module : res->target, list);
	}
}

static unsigned execute(struct lkm_tui_app *app)
{
	struct lkm_tui_req req = app->req;
	struct lkm_result res;
	unsigned flags = CHANGED | LKM_TUI_RESCAN;

	drop_preview(app);
	if (!app->session.can_act)
		return show_refusal(app, &req) | flags;
	run(app, &req, false, &res);
	keep_klog(app, &res);
	if (res.err) {
		app->have_retry = false;
		flags |= show_diag(app, &req, &res);
		lkm_result_release(&res);
		return flags;
	}
	done_message(app, &res);
	if (res.op == LKM_OP_LOAD && res.module)
		snprintf(app->views[LKM_PANE_MODULES].cursor_key,
			 sizeof(app->views[LKM_PANE_MODULES].cursor_key), "%s",
			 res.module);
	lkm_result_release(&res);
	if (app->have_retry) {
		/* The fix worked: offer the action it was for again, with its own
		 * preview. */
		struct lkm_tui_req retry = app->retry;
		char msg[sizeof(app->message)];

		app->have_retry = false;
		snprintf(msg, sizeof(msg), "%s", app->message);
		flags |= lkm_tui_begin(app, &retry);
		if (app->mode == LKM_MODE_CONFIRM)
			snprintf(app->message, sizeof(app->message),
				 _("%s; now again: %s %s?"), msg,
				 lkm_tui_op_word(retry.op), retry.target);
		return flags;
	}
	leave(app);
	return flags;
}

unsigned lkm_tui_confirm_mode_key(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	if (ev->key == 'y' || ev->key == 'Y' || is_enter(ev->key))
		return execute(app);
	if (ev->key == 's' && app->req.op == LKM_OP_UNLOAD) {
		struct lkm_tui_req req = app->req;

		req.flags ^= LKM_STACK;
		return lkm_tui_begin(app, &req);
	}
	if (ev->key == KEY_DOWN || ev->key == KEY_UP || ev->key == KEY_MOUSE ||
	    ev->key == KEY_RESIZE)
		return LKM_TUI_HANDLED;
	if (ev->key == 'n' || ev->key == 'N' || ev->key == KEY_ESC || ev->key == 'q') {
		drop_preview(app);
		app->have_retry = false;
		set_message(app, _("%s %s: cancelled"), lkm_tui_op_word(app->req.op),
			    app->req.target);
		leave(app);
		return CHANGED;
	}
	set_message(app, "%s", _("y or Enter does it; n or Esc cancels"));
	return CHANGED;
}

/* ---- the diagnosis
 * ---------------------------------------------------------------------- */

unsigned lkm_tui_diag_mode_key(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	switch (ev->key) {
	case KEY_DOWN:
	case 'j': app->diag_top++; return CHANGED;
	case KEY_UP:
	case 'k':
		if (app->diag_top > 0)
			app->diag_top--;
		return CHANGED;
	case 'f':
		if (!app->fix_ok) {
			set_message(
				app, "%s",
				_("this fix is not an action lkmtui can run from here"));
			return CHANGED;
		}
		app->retry = app->diag_req;
		app->have_retry = true;
		return lkm_tui_begin(app, &app->fix);
	case KEY_MOUSE:
	case KEY_RESIZE: return LKM_TUI_HANDLED;
	default: break;
	}
	lkm_diagnosis_release(&app->diag);
	memset(&app->diag, 0, sizeof(app->diag));
	app->have_retry = false;
	leave(app);
	return CHANGED;
}

/* ---- the forms
 * -------------------------------------------------------------------------- */

static unsigned open_input(struct lkm_tui_app *app, enum lkm_tui_input what,
			   const char *module, const char *text)
{
	struct lkm_tui_form *f = &app->form;
	int n;

	if (app->mode != LKM_MODE_INPUT)
		app->back_mode =
			app->mode == LKM_MODE_DETAIL || app->mode == LKM_MODE_LINE
				? app->mode
				: LKM_MODE_NORMAL;
	form_clear(f);
	f->what = what;
	snprintf(f->module, sizeof(f->module), "%s", module ? module : "");
	snprintf(f->text, sizeof(f->text), "%s", text ? text : "");
	if (what == LKM_INPUT_LOAD_PARAMS || what == LKM_INPUT_SET) {
		n = lkm_param_infos(app->root, app->session.resolver, f->module,
				    &f->params);
		f->n_params = n > 0 ? (size_t)n : 0;
	}
	app->mode = LKM_MODE_INPUT;
	return CHANGED;
}

unsigned lkm_tui_open_input(struct lkm_tui_app *app, enum lkm_tui_input what,
			    const char *module, const char *text)
{
	return open_input(app, what, module, text);
}

unsigned lkm_tui_show_diagnosis(struct lkm_tui_app *app, struct lkm_diagnosis *d,
				const struct lkm_tui_req *req)
{
	lkm_diagnosis_release(&app->diag);
	app->diag = *d;
	memset(d, 0, sizeof(*d));
	app->diag_req = *req;
	app->fix_ok = false;
	app->diag_top = 0;
	app->diag_steps[0] = '\0';
	if (app->mode != LKM_MODE_DIAG && app->mode != LKM_MODE_CONFIRM &&
	    app->mode != LKM_MODE_INPUT)
		app->back_mode = app->mode;
	form_clear(&app->form);
	app->mode = LKM_MODE_DIAG;
	return CHANGED;
}

static unsigned unavailable(struct lkm_tui_app *app, enum lkm_op op, const char *module)
{
	struct lkm_tui_req req = { .op = op };

	snprintf(req.target, sizeof(req.target), "%s", module ? module : "");
	return show_refusal(app, &req);
}

unsigned lkm_tui_on_load(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	const char *m = current_module(app);

	if (!app->session.can_act)
		return unavailable(app, LKM_OP_LOAD, NULL);
	/* From the detail of a module that is not loaded: its name, ready to go. */
	return open_input(app, LKM_INPUT_LOAD_NAME, NULL,
			  lkm_tui_in_detail(app) && !app->detail.loaded ? m : "");
}

unsigned lkm_tui_on_unload(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	const char *m = current_module(app);
	struct lkm_tui_req req = { .op = LKM_OP_UNLOAD };

	if (m == NULL) {
		set_message(app, "%s",
			    _("u unloads the module under the cursor in the Modules "
			      "pane (1)"));
		return CHANGED;
	}
	if (!app->session.can_act)
		return unavailable(app, LKM_OP_UNLOAD, m);
	snprintf(req.target, sizeof(req.target), "%s", m);
	return lkm_tui_begin(app, &req);
}

unsigned lkm_tui_on_set(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	const char *m = current_module(app);
	const struct lkm_detail_line *l =
		lkm_tui_in_detail(app) ? lkm_detail_current(&app->detail) : NULL;
	char text[300] = "";

	if (m == NULL) {
		set_message(app, "%s",
			    _("p sets a parameter of the module under the cursor in the "
			      "Modules pane (1)"));
		return CHANGED;
	}
	if (!app->session.can_act)
		return unavailable(app, LKM_OP_SET, m);
	if (l && l->kind == LKM_DL_PARAM && l->writable)
		snprintf(text, sizeof(text), "%s=", l->ref);
	return open_input(app, LKM_INPUT_SET, m, text);
}

static int cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int add_cand(struct lkm_tui_form *f, const char *s, size_t *total)
{
	char **nv;

	(*total)++;
	if (f->n_cands >= MAX_CANDS)
		return 0;
	nv = realloc(f->cands, (f->n_cands + 1) * sizeof(*nv));
	if (nv == NULL)
		return -ENOMEM;
	f->cands = nv;
	if ((nv[f->n_cands] = strdup(s)) == NULL)
		return -ENOMEM;
	f->n_cands++;
	return 0;
}

static void path_cands(struct lkm_tui_form *f, size_t *total)
{
	char dir[512], *slash = strrchr(f->text, '/');
	const char *base = slash ? slash + 1 : f->text;
	size_t blen = strlen(base);
	struct dirent *e;
	DIR *d;

	if (slash)
		snprintf(dir, sizeof(dir), "%.*s", (int)(slash - f->text + 1), f->text);
	else
		dir[0] = '\0';
	d = opendir(dir[0] ? dir : ".");
	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		char cand[1024];
		bool is_dir = e->d_type == DT_DIR;

		if (strncmp(e->d_name, base, blen) != 0 ||
		    (e->d_name[0] == '.' && base[0] != '.') ||
		    strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (e->d_type == DT_LNK || e->d_type == DT_UNKNOWN) {
			char full[1024];
			DIR *sub;

			snprintf(full, sizeof(full), "%s%s", dir[0] ? dir : "./",
				 e->d_name);
			sub = opendir(full);
			if (sub) {
				is_dir = true;
				closedir(sub);
			}
		}
		/* Directories, and files that can be modules (no FIFO, no device). */
		if (!is_dir && (!strstr(e->d_name, ".ko") ||
				(e->d_type != DT_REG && e->d_type != DT_LNK &&
				 e->d_type != DT_UNKNOWN)))
			continue;
		snprintf(cand, sizeof(cand), "%s%s%s", dir, e->d_name, is_dir ? "/" : "");
		if (add_cand(f, cand, total) < 0)
			break;
	}
	closedir(d);
	if (f->n_cands > 1)
		qsort(f->cands, f->n_cands, sizeof(*f->cands), cmp_strp);
}

size_t lkm_tui_complete(struct lkm_tui_app *app)
{
	struct lkm_tui_form *f = &app->form;
	struct lkm_tui_session *s = &app->session;
	size_t total = 0, common;
	const char *t = f->text;

	free_cands(f);
	f->note[0] = '\0';
	if (strchr(t, '/') || t[0] == '.') {
		path_cands(f, &total);
	} else {
		if (!s->names_read && s->resolver)
			if (lkm_resolve_names(s->resolver, 0, &s->names) < 0)
				s->names = NULL;
		s->names_read = true;
		for (size_t i = 0; s->names && s->names[i]; i++)
			if (lkm_module_name_has_prefix(s->names[i], t) &&
			    add_cand(f, s->names[i], &total) < 0)
				break;
	}
	if (f->n_cands == 0) {
		snprintf(f->note, sizeof(f->note),
			 s->resolver ? _("no module or file starts with \"%s\"")
				     : _("no module index for this root (no "
					 "/lib/modules): give a "
					 "file path (\"%s\")"),
			 t);
		return 0;
	}
	/* What every candidate shares extends the text. */
	common = strlen(f->cands[0]);
	for (size_t i = 1; i < f->n_cands; i++) {
		size_t k = 0;

		while (k < common && f->cands[i][k] == f->cands[0][k])
			k++;
		common = k;
	}
	if (common > strlen(t) && common < sizeof(f->text))
		snprintf(f->text, sizeof(f->text), "%.*s", (int)common, f->cands[0]);
	if (total == 1 && f->cands[0][strlen(f->cands[0]) - 1] != '/') {
		free_cands(f);
		return 1;
	}
	if (total > f->n_cands)
		snprintf(f->note, sizeof(f->note),
			 _("%zu match; the first %zu are shown"), total, f->n_cands);
	return total;
}

static void trim(char *s)
{
	size_t len = strlen(s), start = 0;

	while (len > 0 && isspace((unsigned char)s[len - 1]))
		s[--len] = '\0';
	while (isspace((unsigned char)s[start]))
		start++;
	memmove(s, s + start, len - start + 1);
}

static unsigned input_enter(struct lkm_tui_app *app)
{
	struct lkm_tui_form *f = &app->form;
	struct lkm_tui_req req;

	memset(&req, 0, sizeof(req));
	trim(f->text);
	switch (f->what) {
	case LKM_INPUT_LOAD_NAME: {
		char *space = strpbrk(f->text, " \t");
		char name[256];

		if (f->text[0] == '\0') {
			leave(app);
			return CHANGED;
		}
		if (space) {
			/* "msdos quiet=1": the parameters typed at once. */
			req.op = LKM_OP_LOAD;
			snprintf(req.target, sizeof(req.target), "%.*s",
				 (int)(space - f->text), f->text);
			snprintf(req.args, sizeof(req.args), "%s", space + 1);
			trim(req.args);
			return lkm_tui_begin(app, &req);
		}
		snprintf(name, sizeof(name), "%.*s", (int)sizeof(name) - 1, f->text);
		return open_input(app, LKM_INPUT_LOAD_PARAMS, name, "");
	}
	case LKM_INPUT_LOAD_PARAMS:
		req.op = LKM_OP_LOAD;
		snprintf(req.target, sizeof(req.target), "%s", f->module);
		snprintf(req.args, sizeof(req.args), "%s", f->text);
		return lkm_tui_begin(app, &req);
	case LKM_INPUT_SET:
		if (f->text[0] == '\0') {
			leave(app);
			return CHANGED;
		}
		if (!strchr(f->text, '=') || strpbrk(f->text, " \t")) {
			snprintf(f->note, sizeof(f->note), "%s",
				 _("one NAME=VALUE at a time, as irq=7"));
			return CHANGED;
		}
		req.op = LKM_OP_SET;
		snprintf(req.target, sizeof(req.target), "%s", f->module);
		snprintf(req.args, sizeof(req.args), "%s", f->text);
		return lkm_tui_begin(app, &req);
	case LKM_INPUT_AFFINITY: return lkm_tui_affinity_enter(app);
	}
	return CHANGED;
}

unsigned lkm_tui_input_mode_key(struct lkm_tui_app *app, const struct lkm_tui_event *ev)
{
	struct lkm_tui_form *f = &app->form;
	size_t len = strlen(f->text);
	int key = ev->key;

	if (is_enter(key))
		return input_enter(app);
	if (key == KEY_ESC) {
		set_message(app, "%s", _("cancelled"));
		leave(app);
		return CHANGED;
	}
	if (is_backspace(key)) {
		if (len)
			f->text[len - 1] = '\0';
		free_cands(f);
		f->note[0] = '\0';
		return CHANGED;
	}
	if (key == 21) { /* Ctrl-U, as in a shell */
		f->text[0] = '\0';
		free_cands(f);
		return CHANGED;
	}
	if (key == '\t') {
		if (f->what == LKM_INPUT_LOAD_NAME)
			lkm_tui_complete(app);
		return CHANGED;
	}
	if (key >= 32 && key < 127 && len + 1 < sizeof(f->text)) {
		f->text[len] = (char)key;
		f->text[len + 1] = '\0';
		return CHANGED;
	}
	return LKM_TUI_HANDLED;
}
