// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "core/persist.h"
#include "core/text.h"
#include "i18n.h"

static const char *str(const char *s)
{
	return s ? s : "";
}

void lkm_text_step(struct lkm_strbuf *sb, const struct lkm_step *s, unsigned flags)
{
	/* A file that already said so: what was asked, and that nothing was needed. */
	bool done = s->done && !s->unchanged && !(flags & LKM_STEP_TEXT_DRY_RUN);

	switch (s->kind) {
	case LKM_STEP_INSERT:
		if (flags & LKM_STEP_TEXT_PATH)
			lkm_strbuf_addf(sb,
					done ? _("inserted %s from %s")
					     : _("insert %s from %s"),
					s->module, str(s->path));
		else
			lkm_strbuf_addf(sb, done ? _("inserted %s") : _("insert %s"),
					s->module);
		if (s->params && *s->params)
			lkm_strbuf_addf(sb, _(" with %s"), s->params);
		break;
	case LKM_STEP_SKIP_LOADED:
		lkm_strbuf_addf(sb, _("%s is already loaded"), s->module);
		break;
	case LKM_STEP_SKIP_BUILTIN:
		lkm_strbuf_addf(sb, _("%s is built into the kernel"), s->module);
		break;
	case LKM_STEP_SKIP_BLACKLIST: lkm_strbuf_addf(sb, _("skip %s"), s->module); break;
	case LKM_STEP_REMOVE:
		lkm_strbuf_addf(sb, done ? _("removed %s") : _("remove %s"), s->module);
		break;
	case LKM_STEP_KEEP: lkm_strbuf_addf(sb, _("keep %s"), s->module); break;
	case LKM_STEP_COMMAND:
		lkm_strbuf_addf(sb, _("not run: %s"), str(s->command));
		if (s->params && *s->params)
			lkm_strbuf_addf(sb, " %s", s->params);
		break;
	case LKM_STEP_WRITE_PARAM:
		lkm_strbuf_addf(sb,
				done ? _("wrote %s to /sys/module/%s/parameters")
				     : _("write %s to /sys/module/%s/parameters"),
				str(s->params), s->module);
		break;
	case LKM_STEP_PERSIST:
		lkm_strbuf_addf(sb,
				done ? _("saved the options of %s in %s")
				     : _("save the options of %s in %s"),
				s->module, str(s->path));
		break;
	case LKM_STEP_FORGET:
		lkm_strbuf_addf(sb,
				done ? _("removed the options of %s from %s")
				     : _("remove the options of %s from %s"),
				s->module, str(s->path));
		break;
	case LKM_STEP_BOOT:
		lkm_strbuf_addf(sb,
				done ? _("listed %s in %s: loaded at every boot")
				     : _("list %s in %s: loaded at every boot"),
				s->module, str(s->path));
		break;
	case LKM_STEP_NO_BOOT:
		lkm_strbuf_addf(sb,
				done ? _("took %s out of %s: not loaded at boot")
				     : _("take %s out of %s: not loaded at boot"),
				s->module, str(s->path));
		break;
	case LKM_STEP_BLOCK:
		lkm_strbuf_addf(sb,
				done ? _("blocked %s in %s (blacklist, install %s)")
				     : _("block %s in %s (blacklist, install %s)"),
				s->module, str(s->path), LKM_BLOCK_COMMAND);
		break;
	case LKM_STEP_UNBLOCK:
		lkm_strbuf_addf(sb,
				done ? _("removed the block of %s from %s")
				     : _("remove the block of %s from %s"),
				s->module, str(s->path));
		break;
	}
	if (s->note)
		lkm_strbuf_addf(sb, " (%s)", s->note);
	if (s->err) {
		const char *name = strerrorname_np(-s->err);

		lkm_strbuf_addf(sb, _(": failed, %s"), name ? name : "?");
	}
}

void lkm_text_done_steps(struct lkm_strbuf *sb, const struct lkm_result *res)
{
	for (size_t i = 0; i < res->n_steps; i++) {
		if (!res->steps[i].done)
			continue;
		lkm_strbuf_sep(sb, "; ");
		lkm_text_step(sb, &res->steps[i], 0);
	}
}

void lkm_text_done_list(struct lkm_strbuf *sb, const struct lkm_result *res)
{
	enum lkm_step_kind kind = res->op == LKM_OP_LOAD     ? LKM_STEP_INSERT
				  : res->op == LKM_OP_UNLOAD ? LKM_STEP_REMOVE
							     : LKM_STEP_WRITE_PARAM;

	for (size_t i = 0; i < res->n_steps; i++) {
		const struct lkm_step *s = &res->steps[i];

		if (s->kind != kind || !s->done)
			continue;
		lkm_strbuf_sep(sb, ", ");
		lkm_strbuf_add(sb,
			       str(kind == LKM_STEP_WRITE_PARAM ? s->params : s->module));
	}
}

/* Appends a term; false when OUT is full. */
static bool term(struct lkm_term *out, size_t max, size_t *n, const char *field,
		 const char *value, const char *key)
{
	struct lkm_strbuf sb;

	if (*n >= max)
		return false;
	out[*n].field = field;
	lkm_strbuf_init(&sb, out[*n].value, sizeof(out[*n].value));
	lkm_strbuf_add(&sb, value);
	out[*n].key = key;
	(*n)++;
	return true;
}

/*
 * The order the flags read in, on the screen and in `lkmtui info`: autoclean before
 * unused, as they always have. The words and keys are the model's table, whose order is
 * the JSON one.
 */
static const enum lkm_module_flag flag_order[] = {
	LKM_MODFLAG_PERMANENT,
	LKM_MODFLAG_UNSAFE,
	LKM_MODFLAG_AUTOCLEAN,
	LKM_MODFLAG_UNUSED,
};

static const struct lkm_modflag_word *flag_word(enum lkm_module_flag flag)
{
	size_t n;
	const struct lkm_modflag_word *w = lkm_module_flag_words(&n);

	for (size_t i = 0; i < n; i++)
		if (w[i].flag == flag)
			return &w[i];
	return NULL;
}

size_t lkm_text_module_terms(const struct lkm_module *m, const char *users_sep,
			     struct lkm_term *out, size_t max)
{
	size_t n = 0;
	char buf[32];

	term(out, max, &n, _("state"), m->state_word, lkm_module_state_id(m->state));
	if (m->has_use_count) {
		snprintf(buf, sizeof(buf), "%lld", (long long)m->use_count);
		term(out, max, &n, _("use count"), buf,
		     m->use_count == -1	 ? "use-count--1"
		     : m->use_count == 0 ? "use-count-0"
					 : "use-count");
	}
	if (m->n_used_by && term(out, max, &n, _("used by"), "", "used-by")) {
		struct lkm_strbuf sb;

		lkm_strbuf_init(&sb, out[n - 1].value, sizeof(out[n - 1].value));
		for (const char *u = lkm_module_next_user(m, NULL); u;
		     u = lkm_module_next_user(m, u)) {
			lkm_strbuf_sep(&sb, users_sep);
			lkm_strbuf_add(&sb, u);
		}
	}
	for (size_t i = 0; i < sizeof(flag_order) / sizeof(flag_order[0]); i++) {
		const struct lkm_modflag_word *w = flag_word(flag_order[i]);

		if (w && (m->flags & w->flag))
			term(out, max, &n, _("flags"), w->shown, w->id);
	}
	for (const char *t = m->taints; t && *t; t++) {
		char letter[2] = { *t, '\0' };

		if (!term(out, max, &n, _("taints"), letter, NULL))
			break;
		snprintf(out[n - 1].key_buf, sizeof(out[n - 1].key_buf), "taint-%c", *t);
		out[n - 1].key = out[n - 1].key_buf;
	}
	return n;
}

/* The bytes and the columns of the character at TEXT (LEN bytes left): a byte that
 * starts no character of the locale, or one with no width, counts as one column. */
static size_t char_at(const char *text, size_t len, mbstate_t *st, size_t *cols)
{
	wchar_t wc;
	size_t n = mbrtowc(&wc, text, len, st);
	int w;

	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		memset(st, 0, sizeof(*st));
		*cols = 1;
		return 1;
	}
	w = wcwidth(wc);
	*cols = w < 0 ? 1 : (size_t)w;
	return n;
}

size_t lkm_text_wrap(const char *text, size_t width, const char **next)
{
	size_t len = strlen(text), fit = 0, cols = 0, cut;
	mbstate_t st;

	if (width < 1)
		width = 1;
	/* FIT: the bytes of the characters that fit in WIDTH columns. */
	memset(&st, 0, sizeof(st));
	while (fit < len) {
		size_t w, n = char_at(text + fit, len - fit, &st, &w);

		if (cols + w > width) {
			if (fit == 0) /* wider than the line: it goes alone */
				fit = n;
			break;
		}
		cols += w;
		fit += n;
	}
	cut = fit;
	if (fit < len) {
		/* The space right after a word that ends at WIDTH is a break too: that
		 * word fits. A space at 0 is none (the line would be empty); with no
		 * space the line is cut between two characters. */
		while (cut > 0 && text[cut] != ' ')
			cut--;
		if (cut == 0)
			cut = fit;
	}
	*next = text + cut;
	while (**next == ' ')
		(*next)++;
	while (cut > 0 && text[cut - 1] == ' ')
		cut--;
	return cut;
}

void lkm_text_hwbind(struct lkm_strbuf *sb, const struct lkm_hwbind *b,
		     enum lkm_hwbind_text how)
{
	lkm_strbuf_addf(sb,
			how == LKM_HWBIND_DRIVES ? _("drives %s (%s)")
			: how == LKM_HWBIND_LEFT ? _("does not drive %s (%s)")
						 : _("%s (%s) matches its aliases"),
			b->address, b->name);
	if (how == LKM_HWBIND_DRIVES) {
		for (size_t i = 0; i < b->n_interfaces; i++)
			lkm_strbuf_addf(sb, i ? ", %s" : ": %s", b->interfaces[i]);
		for (size_t i = 0; i < b->n_irqs; i++)
			lkm_strbuf_addf(
				sb, i || b->n_interfaces ? _(", irq %s") : _(": irq %s"),
				b->irqs[i]);
	} else if (b->driver && b->module) {
		lkm_strbuf_addf(sb, _(": %s drives it (module %s)"), b->driver,
				b->module);
	} else if (b->driver) {
		lkm_strbuf_addf(sb, _(": %s drives it (built in)"), b->driver);
	} else {
		lkm_strbuf_add(sb, _(": no driver"));
	}
}
