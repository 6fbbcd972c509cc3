// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/modules in both formats the kernel has written:
 *   2.6+: "fat 90112 1 msdos,[permanent], Live 0xffffffffc020a000 (OE)"
 *         (kernel/module/procfs.c: refcnt is "-" and users "-" without
 *         CONFIG_MODULE_UNLOAD; taint letters, '+' coming, '-' going)
 *   2.4:  "fat                 30400   0 (autoclean) (unused) [msdos vfat]"
 *         (kernel/module.c get_module_list(): usecount only while running,
 *         -1 when busy; the bracket lists the modules that use this one)
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "model/modules.h"
#include "model/scan.h"
#include "shared/array.h"

static const struct {
	const char *word;
	enum lkm_module_state state;
} state_words[] = {
	{ "Live", LKM_STATE_LIVE },
	{ "Loading", LKM_STATE_LOADING },
	{ "Unloading", LKM_STATE_UNLOADING },
	{ "deleted", LKM_STATE_DELETED },
	{ "initializing", LKM_STATE_INITIALIZING },
	{ "uninitialized", LKM_STATE_UNINITIALIZED },
};

static const struct lkm_modflag_word flag_words[] = {
	{ LKM_MODFLAG_PERMANENT, "[permanent]", "permanent" },
	{ LKM_MODFLAG_UNSAFE, "[unsafe]", "unsafe" },
	{ LKM_MODFLAG_UNUSED, "(unused)", "unused" },
	{ LKM_MODFLAG_AUTOCLEAN, "(autoclean)", "autoclean" },
};

const struct lkm_modflag_word *lkm_module_flag_words(size_t *n)
{
	*n = sizeof(flag_words) / sizeof(flag_words[0]);
	return flag_words;
}

const char *lkm_module_state_id(enum lkm_module_state state)
{
	switch (state) {
	case LKM_STATE_LIVE: return "live";
	case LKM_STATE_LOADING: return "loading";
	case LKM_STATE_UNLOADING: return "unloading";
	case LKM_STATE_DELETED: return "deleted";
	case LKM_STATE_INITIALIZING: return "initializing";
	case LKM_STATE_UNINITIALIZED: return "uninitialized";
	case LKM_STATE_UNKNOWN: break;
	}
	return "unknown";
}

/* Length of the idx-th blank-separated token from p without touching the buffer; 0 if
 * none. */
static size_t peek_token(const char *p, int idx, const char **start)
{
	for (;;) {
		size_t len = 0;

		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			return 0;
		while (p[len] && p[len] != ' ' && p[len] != '\t')
			len++;
		if (idx-- == 0) {
			*start = p;
			return len;
		}
		p += len;
	}
}

static bool is_integer(const char *s, size_t len)
{
	size_t i = s[0] == '-' ? 1 : 0;

	if (i == len)
		return false;
	for (; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static bool looks_like_24(const char *rest)
{
	const char *t;
	size_t len = peek_token(rest, 0, &t);

	if (len == 0 || t[0] == '(' || t[0] == '[')
		return true;
	if (!is_integer(t, len))
		return false;
	/* 2.6 writes flags in the users list too, but always with a trailing comma:
	 * "0 [permanent], Live" is 2.6, "0 [msdos]" is 2.4. */
	len = peek_token(rest, 1, &t);
	return len == 0 || t[0] == '(' || (t[0] == '[' && t[len - 1] != ',');
}

static bool parse_whole_i64(char *tok, int64_t *out)
{
	char *p = tok;

	return lkm_scan_i64(&p, out) && *p == '\0';
}

static bool parse_whole_u64(char *tok, uint64_t *out)
{
	char *p = tok;

	return lkm_scan_u64(&p, out) && *p == '\0';
}

/*
 * Rewrites a list of names separated by any of SEPS into consecutive NUL-terminated
 * names at the same place, taking bracketed flags out into m->flags.
 */
static void split_users(struct lkm_module *m, char *list, const char *seps)
{
	char *r = list, *w = list;

	m->used_by = list;
	m->n_used_by = 0;
	while (*r) {
		size_t len = strcspn(r, seps);
		char *next = r[len] ? r + len + 1 : r + len;

		if (len == 11 && memcmp(r, "[permanent]", 11) == 0) {
			m->flags |= LKM_MODFLAG_PERMANENT;
		} else if (len == 8 && memcmp(r, "[unsafe]", 8) == 0) {
			m->flags |= LKM_MODFLAG_UNSAFE;
		} else if (len > 0) {
			memmove(w, r, len);
			w[len] = '\0';
			w += len + 1;
			m->n_used_by++;
		}
		r = next;
	}
	if (w < r)
		*w = '\0';
	m->used_by_len = (size_t)(w - list);
}

static void set_state(struct lkm_module *m, const char *word)
{
	m->state_word = word;
	m->state = LKM_STATE_UNKNOWN;
	for (size_t i = 0; i < sizeof(state_words) / sizeof(state_words[0]); i++)
		if (strcmp(word, state_words[i].word) == 0)
			m->state = state_words[i].state;
}

static bool parse_26(struct lkm_module *m, char *rest)
{
	char *refcnt = lkm_scan_token(&rest);
	char *users = lkm_scan_token(&rest);
	char *state = lkm_scan_token(&rest);
	char *addr = lkm_scan_token(&rest);
	char *taints = lkm_scan_token(&rest);

	if (state == NULL)
		return false;
	if (strcmp(refcnt, "-") == 0) {
		m->has_use_count = false;
	} else {
		if (!parse_whole_i64(refcnt, &m->use_count))
			return false;
		m->has_use_count = true;
	}
	if (strcmp(users, "-") != 0)
		split_users(m, users, ",");
	set_state(m, state);
	/* An address that does not start 0x is most likely the taint list of a kernel
	 * that printed none; accept "(OE)" in either place. */
	if (addr != NULL && addr[0] == '(') {
		taints = addr;
		addr = NULL;
	}
	m->address = addr ? addr : "";
	m->taints = "";
	if (taints != NULL) {
		size_t len = strlen(taints);
		char *w = taints;

		if (taints[0] != '(' || taints[len - 1] != ')')
			return false;
		taints[len - 1] = '\0';
		/* '+' and '-' are not taints but the coming/going state; the state word
		 * says it. */
		for (char *r = taints + 1; *r; r++)
			if (*r != '+' && *r != '-')
				*w++ = *r;
		*w = '\0';
		m->taints = taints;
	}
	return lkm_scan_token(&rest) == NULL;
}

static bool parse_24(struct lkm_module *m, char *rest)
{
	char *bracket = strchr(rest, '[');
	char *tok;

	m->taints = NULL;
	m->address = NULL;
	m->state = LKM_STATE_LIVE;
	m->state_word = "";
	if (bracket != NULL) {
		char *close = strchr(bracket, ']');

		if (close == NULL || lkm_scan_blank(close + 1)[0] != '\0')
			return false;
		*close = '\0';
		*bracket = '\0';
		split_users(m, bracket + 1, " \t");
	}
	while ((tok = lkm_scan_token(&rest)) != NULL) {
		if (tok[0] != '(') {
			if (m->has_use_count || m->flags || m->state != LKM_STATE_LIVE ||
			    !parse_whole_i64(tok, &m->use_count))
				return false;
			m->has_use_count = true;
		} else if (strcmp(tok, "(autoclean)") == 0) {
			m->flags |= LKM_MODFLAG_AUTOCLEAN;
		} else if (strcmp(tok, "(unused)") == 0) {
			m->flags |= LKM_MODFLAG_UNUSED;
		} else {
			size_t len = strlen(tok);

			if (tok[len - 1] != ')')
				return false;
			tok[len - 1] = '\0';
			set_state(m, tok + 1);
		}
	}
	return true;
}

int lkm_modules_parse(struct lkm_modules *mods, char *text)
{
	char *line;

	mods->n = 0;
	mods->skipped = 0;
	mods->format = LKM_MODULES_FORMAT_NONE;
	while ((line = lkm_scan_line(&text)) != NULL) {
		struct lkm_module *m;
		char *rest = line;
		char *name = lkm_scan_token(&rest);
		char *size;
		bool is24, ok;

		if (name == NULL)
			continue;
		if (lkm_array_room(mods->v, mods->n, mods->cap) < 0)
			return -ENOMEM;
		m = &mods->v[mods->n];
		memset(m, 0, sizeof(*m));
		m->name = name;
		m->used_by = "";
		size = lkm_scan_token(&rest);
		if (size == NULL || !parse_whole_u64(size, &m->size)) {
			mods->skipped++;
			continue;
		}
		is24 = looks_like_24(rest);
		/* A file is written in one format: a line that looks like the other one
		 * is a damaged line (a mail-wrapped capture), not a second format. */
		if (mods->format != LKM_MODULES_FORMAT_NONE &&
		    is24 != (mods->format == LKM_MODULES_FORMAT_24)) {
			mods->skipped++;
			continue;
		}
		ok = is24 ? parse_24(m, rest) : parse_26(m, rest);
		if (!ok) {
			mods->skipped++;
			continue;
		}
		if (mods->format == LKM_MODULES_FORMAT_NONE)
			mods->format =
				is24 ? LKM_MODULES_FORMAT_24 : LKM_MODULES_FORMAT_26;
		mods->n++;
	}
	return 0;
}

int lkm_modules_read(struct lkm_modules *mods, const struct lkm_sysroot *root)
{
	int err = lkm_procfile_read(root, "/proc/modules", &mods->buf);

	if (err < 0) {
		mods->n = 0;
		return err;
	}
	return lkm_modules_parse(mods, mods->buf.data);
}

static char name_char(char c)
{
	return c == '-' ? '_' : c;
}

int lkm_module_name_cmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		char ca = name_char(*a), cb = name_char(*b);

		if (ca != cb || ca == '\0')
			return (unsigned char)ca - (unsigned char)cb;
	}
}

bool lkm_module_name_eq(const char *a, const char *b)
{
	return lkm_module_name_cmp(a, b) == 0;
}

bool lkm_module_name_eq_len(const char *a, size_t len, const char *b)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (b[i] == '\0' || name_char(a[i]) != name_char(b[i]))
			return false;
	return b[i] == '\0';
}

size_t lkm_module_suffix_len(const char *name, size_t len, unsigned flags)
{
	static const char *const suffixes[] = { ".ko", ".ko.xz", ".ko.zst", ".ko.gz" };

	for (size_t i = 0; i < sizeof(suffixes) / sizeof(*suffixes); i++) {
		size_t sl = strlen(suffixes[i]);

		if (len > sl && memcmp(name + len - sl, suffixes[i], sl) == 0)
			return sl;
	}
	if ((flags & LKM_SUFFIX_WITH_O) && len > 2 &&
	    memcmp(name + len - 2, ".o", 2) == 0)
		return 2;
	return 0;
}

bool lkm_module_name_has_prefix(const char *name, const char *prefix)
{
	for (; *prefix; prefix++, name++)
		if (name_char(*name) != name_char(*prefix))
			return false;
	return true;
}

void lkm_module_name_normalize(char *name)
{
	for (; *name; name++)
		*name = name_char(*name);
}

const struct lkm_module *lkm_modules_find(const struct lkm_modules *mods,
					  const char *name)
{
	for (size_t i = 0; i < mods->n; i++)
		if (lkm_module_name_eq(mods->v[i].name, name))
			return &mods->v[i];
	return NULL;
}

const char *lkm_module_next_user(const struct lkm_module *m, const char *user)
{
	if (m->n_used_by == 0)
		return NULL;
	if (user == NULL)
		return m->used_by;
	user += strlen(user) + 1;
	return user < m->used_by + m->used_by_len ? user : NULL;
}

void lkm_modules_release(struct lkm_modules *mods)
{
	free(mods->v);
	lkm_buf_release(&mods->buf);
	memset(mods, 0, sizeof(*mods));
}
