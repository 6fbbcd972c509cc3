// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "i18n.h"
#include "model/irqaffinity.h"
#include "model/modules.h"
#include "shared/strv.h"
#include "ui/tui/actions.h"
#include "ui/tui/app.h"
#include "ui/tui/form.h"
#include "ui/tui/paint.h"
#include "ui/tui/req.h"

#define MAX_CANDS 500

static void free_cands(struct lkm_tui_form *f)
{
	lkm_strv_free(f->cands, f->n_cands);
	f->cands = NULL;
	f->n_cands = 0;
}

static void form_release(void *data)
{
	struct lkm_tui_form *f = data;

	free_cands(f);
	lkm_param_infos_free(f->params, f->n_params);
	free(f);
}

static int form_open(struct lkm_tui_app *app, struct lkm_tui_frame *frame,
		     const void *arg)
{
	const struct lkm_tui_form_arg *a = arg;
	struct lkm_tui_form *f = calloc(1, sizeof(*f));
	int n;

	if (f == NULL)
		return -ENOMEM;
	f->what = a->what;
	snprintf(f->module, sizeof(f->module), "%s", a->module ? a->module : "");
	snprintf(f->text, sizeof(f->text), "%s", a->text ? a->text : "");
	/* A name put there (of the module whose detail was shown) is offered, not
	 * imposed: typing replaces it. */
	if (f->what == LKM_INPUT_LOAD_NAME && f->text[0]) {
		f->selected = true;
		snprintf(f->note, sizeof(f->note), "%s",
			 _("Enter takes this name; typing replaces it"));
	}
	if (f->what == LKM_INPUT_LOAD_PARAMS || f->what == LKM_INPUT_SET) {
		n = lkm_param_infos(app->root, app->session.core.resolver, f->module,
				    &f->params);
		f->n_params = n > 0 ? (size_t)n : 0;
	}
	frame->data = f;
	return 0;
}

static int cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int add_cand(struct lkm_tui_form *f, const char *s, size_t *total)
{
	(*total)++;
	if (f->n_cands >= MAX_CANDS)
		return 0;
	return lkm_strv_addn(&f->cands, &f->n_cands, s, strlen(s));
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
		/* Directories, and the files a load by file takes: a module suffix,
		 * 2.4's .o too (as the CLI's lkm_engine_names_file); no FIFO, no
		 * device. */
		if (!is_dir && (!lkm_module_suffix_len(e->d_name, strlen(e->d_name),
						       LKM_SUFFIX_WITH_O) ||
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

size_t lkm_tui_complete(struct lkm_tui_app *app, struct lkm_tui_form *f)
{
	struct lkm_tui_session *s = &app->session;
	size_t total = 0, common;
	const char *t = f->text;

	free_cands(f);
	f->note[0] = '\0';
	if (strchr(t, '/') || t[0] == '.') {
		path_cands(f, &total);
	} else {
		if (!s->names_read && s->core.resolver)
			if (lkm_resolve_names(s->core.resolver, 0, &s->names) < 0)
				s->names = NULL;
		s->names_read = true;
		for (size_t i = 0; s->names && s->names[i]; i++)
			if (lkm_module_name_has_prefix(s->names[i], t) &&
			    add_cand(f, s->names[i], &total) < 0)
				break;
	}
	if (f->n_cands == 0) {
		snprintf(f->note, sizeof(f->note),
			 s->core.resolver ? _("no module or file starts with \"%s\"")
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

/* REQ (TARGET, OP) with its words from what is typed (TEXT): the one place they are
 * split; then its dry run. Out of memory: a note under the input. */
static unsigned begin_words(struct lkm_tui_app *app, struct lkm_tui_form *f,
			    struct lkm_tui_req *req, const char *text)
{
	unsigned flags = LKM_TUI_CHANGED;

	if (lkm_tui_req_split(req, text))
		flags = lkm_tui_begin(app, req, NULL);
	else
		snprintf(f->note, sizeof(f->note), "%s", _("out of memory"));
	lkm_tui_req_release(req);
	return flags;
}

static unsigned input_enter(struct lkm_tui_app *app, struct lkm_tui_form *f)
{
	struct lkm_tui_req req;

	memset(&req, 0, sizeof(req));
	trim(f->text);
	switch (f->what) {
	case LKM_INPUT_LOAD_NAME: {
		char *space = strpbrk(f->text, " \t");
		char name[256];

		if (f->text[0] == '\0') {
			lkm_tui_pop_steps(app);
			return LKM_TUI_CHANGED;
		}
		if (space) {
			/* "msdos quiet=1": the parameters typed at once. */
			req.op = LKM_OP_LOAD;
			snprintf(req.target, sizeof(req.target), "%.*s",
				 (int)(space - f->text), f->text);
			return begin_words(app, f, &req, space + 1);
		}
		/* The next step replaces this one: NAME is a copy. */
		snprintf(name, sizeof(name), "%.*s", (int)sizeof(name) - 1, f->text);
		return lkm_tui_ask(app, LKM_INPUT_LOAD_PARAMS, name, "");
	}
	case LKM_INPUT_LOAD_PARAMS:
		req.op = LKM_OP_LOAD;
		snprintf(req.target, sizeof(req.target), "%s", f->module);
		return begin_words(app, f, &req, f->text);
	case LKM_INPUT_SET:
		if (f->text[0] == '\0') {
			lkm_tui_pop_steps(app);
			return LKM_TUI_CHANGED;
		}
		if (!strchr(f->text, '=') || strpbrk(f->text, " \t")) {
			snprintf(f->note, sizeof(f->note), "%s",
				 _("one NAME=VALUE at a time, as irq=7"));
			return LKM_TUI_CHANGED;
		}
		req.op = LKM_OP_SET;
		snprintf(req.target, sizeof(req.target), "%s", f->module);
		return begin_words(app, f, &req, f->text);
	case LKM_INPUT_AFFINITY:
		return lkm_tui_affinity_set(app, f->module, f->text, f->note,
					    sizeof(f->note));
	}
	return LKM_TUI_CHANGED;
}

static unsigned form_key(struct lkm_tui_app *app, struct lkm_tui_frame *frame,
			 const struct lkm_tui_event *ev)
{
	struct lkm_tui_form *f = frame->data;
	size_t len = strlen(f->text);
	int key = ev->key;
	enum lkm_tui_action_id act =
		lkm_tui_keymap_lookup_in(&app->keymap, LKM_KEYS_PROMPT, key);

	/* The name put there goes with the first key that types or erases. */
	if (f->selected && act != LKM_ACT_ACCEPT) {
		f->selected = false;
		f->note[0] = '\0';
		if ((key >= 32 && key < 127) || act == LKM_ACT_ERASE) {
			f->text[0] = '\0';
			len = 0;
			if (act == LKM_ACT_ERASE)
				return LKM_TUI_CHANGED;
		}
	}
	if (key >= 32 && key < 127) {
		if (len + 1 < sizeof(f->text)) {
			f->text[len] = (char)key;
			f->text[len + 1] = '\0';
		}
		return LKM_TUI_CHANGED;
	}
	switch (act) {
	case LKM_ACT_ACCEPT: return input_enter(app, f);
	case LKM_ACT_CANCEL:
		lkm_tui_message(app, "%s", _("cancelled"));
		lkm_tui_pop_steps(app);
		return LKM_TUI_CHANGED;
	case LKM_ACT_ERASE:
		if (len)
			f->text[len - 1] = '\0';
		free_cands(f);
		f->note[0] = '\0';
		return LKM_TUI_CHANGED;
	case LKM_ACT_KILL:
		f->text[0] = '\0';
		free_cands(f);
		return LKM_TUI_CHANGED;
	case LKM_ACT_COMPLETE:
		if (f->what == LKM_INPUT_LOAD_NAME)
			lkm_tui_complete(app, f);
		return LKM_TUI_CHANGED;
	default: return LKM_TUI_HANDLED;
	}
}

/* Under a name being typed: its completions in columns, as a shell lists them, or what
 * can be typed. */
static void draw_cands(const struct lkm_tui_form *f, int y, int bottom, int cols)
{
	int w = 8, per;

	if (f->n_cands == 0) {
		lkm_tui_wrapped(y, 2, bottom, cols - 4,
				_("A name as modprobe takes it (ne2k-pci, fat, "
				  "an alias) or a "
				  "module file (./demo.ko). Tab completes names "
				  "and paths."),
				lkm_tui_attr(LKM_ROLE_NORMAL));
		return;
	}
	lkm_tui_put(y++, 2, cols - 2, _("Completions:"), false,
		    lkm_tui_attr(LKM_ROLE_NOTICE));
	for (size_t i = 0; i < f->n_cands; i++)
		if ((int)strlen(f->cands[i]) + 2 > w)
			w = (int)strlen(f->cands[i]) + 2;
	per = (cols - 4) / w > 0 ? (cols - 4) / w : 1;
	for (size_t i = 0; i < f->n_cands && y < bottom; i += (size_t)per, y++)
		for (int c = 0; c < per && i + (size_t)c < f->n_cands; c++)
			lkm_tui_put(y, 4 + c * w, w, f->cands[i + (size_t)c], false,
				    lkm_tui_attr(LKM_ROLE_NORMAL));
}

/* Under the CPUs of an interrupt line being typed: the CPUs online. */
static void draw_cpus(const struct lkm_tui_app *app, const struct lkm_tui_form *f, int y,
		      int bottom, int cols)
{
	struct lkm_cpuset online;
	char list[256] = "?", buf[1024];

	if (lkm_cpus_online(app->root, &online) == 0)
		lkm_cpuset_format(&online, list, sizeof(list));
	snprintf(buf, sizeof(buf),
		 _("CPUs online: %s. A list of them (0-3,8) is checked here "
		   "first, then "
		   "written to /proc/irq/%s/smp_affinity_list."),
		 list, f->module);
	lkm_tui_wrapped(y, 2, bottom, cols - 4, buf, lkm_tui_attr(LKM_ROLE_NORMAL));
}

/* Under parameters being typed: the module's parameters, a row each. */
static void draw_params(const struct lkm_tui_form *f, int y, int bottom, int cols)
{
	char buf[1024];
	int nw = 4, tw = 4;

	for (size_t i = 0; i < f->n_params; i++) {
		int l = (int)strlen(f->params[i].name);
		int t = f->params[i].type ? (int)strlen(f->params[i].type) : 1;

		nw = l > nw ? l : nw;
		tw = t > tw ? t : tw;
	}
	nw = nw > 24 ? 24 : nw;
	tw = tw > 16 ? 16 : tw;
	if (f->n_params == 0) {
		lkm_tui_put(y++, 2, cols - 2,
			    f->what == LKM_INPUT_LOAD_PARAMS
				    ? _("It declares no parameters that lkmtui "
					"can see: Enter shows the steps of "
					"loading it.")
				    : _("It has no parameters in /sys/module."),
			    false, lkm_tui_attr(LKM_ROLE_NORMAL));
	} else {
		if (f->what == LKM_INPUT_LOAD_PARAMS)
			snprintf(buf, sizeof(buf), "%-*s %-*s %s", nw, _("NAME"), tw,
				 _("TYPE"), _("DESCRIPTION"));
		else
			snprintf(buf, sizeof(buf), "%-*s %-12s %-10s %s", nw, _("NAME"),
				 _("VALUE"), _("ACCESS"), _("TYPE, DESCRIPTION"));
		lkm_tui_put(y++, 2, cols - 2, buf, false, lkm_tui_attr(LKM_ROLE_HEADER));
	}
	for (size_t i = 0; i < f->n_params && y < bottom - 2; i++) {
		const struct lkm_param_info *p = &f->params[i];

		if (f->what == LKM_INPUT_LOAD_PARAMS)
			snprintf(buf, sizeof(buf), "%-*s %-*s %s", nw, p->name, tw,
				 p->type ? p->type : "-", p->desc ? p->desc : "");
		else
			snprintf(buf, sizeof(buf), "%-*s %-12s %-10s %s%s%s", nw, p->name,
				 p->value ? p->value : "-",
				 p->writable > 0    ? _("writable")
				 : p->writable == 0 ? _("read-only")
						    : _("not in /sys"),
				 p->type ? p->type : "", p->type && p->desc ? ", " : "",
				 p->desc ? p->desc : "");
		lkm_tui_put(y++, 2, cols - 2, buf, false, lkm_tui_attr(LKM_ROLE_NORMAL));
	}
	if (f->what == LKM_INPUT_SET && f->n_params)
		lkm_tui_wrapped(y + 1, 2, bottom, cols - 4,
				_("Only writable parameters can change while the module "
				  "is "
				  "loaded; a read-only one takes its value at load time "
				  "(unload, then load with NAME=VALUE)."),
				lkm_tui_attr(LKM_ROLE_NORMAL));
}

/* The prompt of F's input line. */
static const char *form_prompt(const struct lkm_tui_form *f)
{
	switch (f->what) {
	case LKM_INPUT_LOAD_NAME: return _("Module, alias or file: ");
	case LKM_INPUT_LOAD_PARAMS: return _("Parameters (NAME=VALUE ...): ");
	case LKM_INPUT_AFFINITY: return _("CPUs (as 0-3,8): ");
	default: return _("NAME=VALUE: ");
	}
}

static void draw_form(const struct lkm_tui_app *app, const struct lkm_tui_frame *frame,
		      int bottom, int cols)
{
	const struct lkm_tui_form *f = frame->data;
	const char *prompt = form_prompt(f);
	char buf[1024];
	int y = LKM_TUI_LIST_Y + 1, cx;

	switch (f->what) {
	case LKM_INPUT_LOAD_NAME:
		lkm_tui_title(cols, _("Load a module"), LKM_ROLE_HEADER);
		break;
	case LKM_INPUT_LOAD_PARAMS:
		snprintf(buf, sizeof(buf), _("Load %s: its parameters"), f->module);
		lkm_tui_title(cols, buf, LKM_ROLE_HEADER);
		break;
	case LKM_INPUT_AFFINITY:
		snprintf(buf, sizeof(buf), _("Interrupt %s: the CPUs it is delivered to"),
			 f->module);
		lkm_tui_title(cols, buf, LKM_ROLE_HEADER);
		break;
	default:
		snprintf(buf, sizeof(buf), _("Set a parameter of %s"), f->module);
		lkm_tui_title(cols, buf, LKM_ROLE_HEADER);
		break;
	}
	lkm_tui_put(y, 2, cols - 2, prompt, false, lkm_tui_attr(LKM_ROLE_PROMPT));
	cx = 2 + (int)strlen(prompt);
	lkm_tui_put(y, cx, cols - cx, f->text, false,
		    f->selected ? A_REVERSE : lkm_tui_attr(LKM_ROLE_NORMAL));
	y += 1;
	if (f->note[0])
		lkm_tui_put(y, 2, cols - 2, f->note, false,
			    lkm_tui_attr(LKM_ROLE_MESSAGE));
	y += 2;
	if (f->what == LKM_INPUT_LOAD_NAME)
		draw_cands(f, y, bottom, cols);
	else if (f->what == LKM_INPUT_AFFINITY)
		draw_cpus(app, f, y, bottom, cols);
	else
		draw_params(f, y, bottom, cols);
}

/* The terminal's cursor where the next character goes. */
static void form_cursor(const struct lkm_tui_app *app, const struct lkm_tui_frame *frame,
			int cols)
{
	const struct lkm_tui_form *f = frame->data;
	int cx = 2 + (int)strlen(form_prompt(f)) + (int)strlen(f->text);

	(void)app;
	move(LKM_TUI_LIST_Y + 1, cx < cols ? cx : cols - 1);
}

static void form_hint(const struct lkm_tui_app *app, const struct lkm_tui_frame *frame,
		      char *buf, size_t size)
{
	static const struct lkm_tui_hint name[] = {
		{ LKM_ACT_ACCEPT, LKM_ACT_NONE, 1, N_("next") },
		{ LKM_ACT_COMPLETE, LKM_ACT_NONE, 1, N_("complete") },
		{ LKM_ACT_CANCEL, LKM_ACT_NONE, 1, N_("cancel") },
	};
	static const struct lkm_tui_hint other[] = {
		{ LKM_ACT_ACCEPT, LKM_ACT_NONE, 1, N_("next") },
		{ LKM_ACT_CANCEL, LKM_ACT_NONE, 1, N_("cancel") },
	};
	const struct lkm_tui_form *f = frame->data;

	if (f->what == LKM_INPUT_LOAD_NAME)
		lkm_tui_hint_text(&app->keymap, LKM_KEYS_PROMPT, name,
				  sizeof(name) / sizeof(name[0]), buf, size);
	else
		lkm_tui_hint_text(&app->keymap, LKM_KEYS_PROMPT, other,
				  sizeof(other) / sizeof(other[0]), buf, size);
}

const struct lkm_tui_screen_ops lkm_tui_form_screen = {
	.id = LKM_SCREEN_FORM,
	.name = "form",
	.layer = LKM_LAYER_STEP,
	.open = form_open,
	.key = form_key,
	.draw = draw_form,
	.hint = form_hint,
	.cursor = form_cursor,
	.release = form_release,
};
