// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "core/persist.h"
#include "core/replace.h"
#include "model/modules.h"
#include "model/procfile.h"

#define N_(s) (s)

/* The kernel's MODULE_NAME_LEN is 64 - sizeof(unsigned long), NUL included. */
#define MODULE_NAME_MAX 55

static const char header[] = "# Module options written by lkmtui --persist. modprobe "
			     "applies them whenever it loads the\n"
			     "# module; lkmtui replaces a module's line when you persist "
			     "new values and keeps every other line.\n";

const char *lkm_persist_refusal_text(enum lkm_persist_refusal why)
{
	static const char *const text[] = {
		[LKM_PERSIST_OK] = N_("accepted"),
		[LKM_PERSIST_BAD_MODULE] =
			N_("a module name is 1 to 55 letters, digits, '_' or '-'"),
		[LKM_PERSIST_EMPTY] =
			N_("an empty parameter: write name=value, or name alone"),
		[LKM_PERSIST_BAD_NAME] = N_("not name=value or name: a parameter name is "
					    "letters, digits, '_', '-' or '.'"),
		[LKM_PERSIST_NEWLINE] =
			N_("a line break would end the options line early"),
		[LKM_PERSIST_HASH] = N_("'#' would start a comment and cut the value"),
		[LKM_PERSIST_CONTROL] =
			N_("control characters (tab included) cannot be written "
			   "to modprobe.d"),
		[LKM_PERSIST_QUOTE] =
			N_("'\"' cannot be written inside a value in modprobe.d"),
		[LKM_PERSIST_BACKSLASH] = N_("'\\' would join the next line to this one"),
	};

	if ((unsigned)why >= sizeof(text) / sizeof(*text) || text[why] == NULL)
		return _("refused");
	return _(text[why]);
}

/* ---- validation and the line ---- */

static int is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-';
}

static enum lkm_persist_refusal check_module(const char *module)
{
	size_t len = module ? strlen(module) : 0;

	if (len == 0 || len > MODULE_NAME_MAX)
		return LKM_PERSIST_BAD_MODULE;
	for (size_t i = 0; i < len; i++)
		if (!is_name_char(module[i]))
			return LKM_PERSIST_BAD_MODULE;
	return LKM_PERSIST_OK;
}

static enum lkm_persist_refusal check_param(const struct lkm_param *p, int *needs_quotes)
{
	const char *name = p->name;

	*needs_quotes = 0;
	if (name[0] == '\0' && p->value == NULL)
		return LKM_PERSIST_EMPTY;
	if (name[0] == '\0' || name[0] == '-' || name[0] == '.')
		return LKM_PERSIST_BAD_NAME;
	for (size_t i = 0; name[i]; i++)
		if (!is_name_char(name[i]) && name[i] != '.')
			return LKM_PERSIST_BAD_NAME;
	if (p->value == NULL)
		return LKM_PERSIST_OK;
	/* Newlines first: the most dangerous, and the reason people most need to see. */
	for (const char *v = p->value; *v; v++)
		if (*v == '\n' || *v == '\r')
			return LKM_PERSIST_NEWLINE;
	for (const unsigned char *v = (const unsigned char *)p->value; *v; v++) {
		if (*v == '#')
			return LKM_PERSIST_HASH;
		if (*v < 0x20 || *v == 0x7f)
			return LKM_PERSIST_CONTROL;
		if (*v == '"')
			return LKM_PERSIST_QUOTE;
		if (*v == '\\')
			return LKM_PERSIST_BACKSLASH;
		if (*v == ' ')
			*needs_quotes = 1;
	}
	return LKM_PERSIST_OK;
}

static void result_init(struct lkm_persist_result *res)
{
	memset(res, 0, sizeof(*res));
}

int lkm_persist_line(const char *module, const struct lkm_params *params,
		     struct lkm_persist_result *res, char **out)
{
	struct lkm_persist_result local;
	size_t n = params ? params->n : 0, len, at;
	char *line;

	if (res == NULL)
		res = &local;
	*out = NULL;
	res->refusal = check_module(module);
	if (res->refusal != LKM_PERSIST_OK) {
		res->bad = (size_t)-1;
		return -EINVAL;
	}
	len = strlen("options ") + strlen(module) + 1;
	for (size_t i = 0; i < n; i++) {
		int quote;

		res->refusal = check_param(&params->v[i], &quote);
		if (res->refusal != LKM_PERSIST_OK) {
			res->bad = i;
			return -EINVAL;
		}
		len += 1 + strlen(params->v[i].arg) + (quote ? 2 : 0);
	}
	line = malloc(len);
	if (line == NULL)
		return -ENOMEM;
	at = (size_t)sprintf(line, "options %s", module);
	lkm_module_name_normalize(line + strlen("options "));
	for (size_t i = 0; i < n; i++) {
		const struct lkm_param *p = &params->v[i];
		int quote;

		check_param(p, &quote);
		if (p->value == NULL)
			at += (size_t)sprintf(line + at, " %s", p->name);
		else
			at += (size_t)sprintf(line + at, quote ? " %s=\"%s\"" : " %s=%s",
					      p->name, p->value);
	}
	*out = line;
	return 0;
}

/* ---- reading the file as modprobe does ---- */

/*
 * One logical line of a modprobe.d file: physical lines joined while one ends in '\'.
 * [start, end) covers the bytes including the final newline, if any.
 */
struct logical {
	const char *start;
	const char *end;
};

static int next_logical(const char **pos, const char *limit, struct logical *l)
{
	const char *p = *pos;

	if (p >= limit)
		return 0;
	l->start = p;
	for (;;) {
		const char *nl = memchr(p, '\n', (size_t)(limit - p));

		if (nl == NULL) {
			p = limit;
			break;
		}
		p = nl + 1;
		if (nl > l->start && nl[-1] == '\\')
			continue;
		break;
	}
	l->end = p;
	*pos = p;
	return 1;
}

/* Whitespace between words; a '\' that continues the line counts as such. */
static int is_blank(const char *s, const char *end)
{
	if (*s == '\\')
		return s + 1 < end && s[1] == '\n';
	return *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
}

/* Next word of [*p, end): start and length; 0 at the end. Quotes keep spaces inside. */
static size_t next_word(const char **p, const char *end, const char **word)
{
	const char *s = *p;
	int quoted = 0;

	while (s < end && is_blank(s, end))
		s++;
	*word = s;
	while (s < end && (quoted || !is_blank(s, end))) {
		if (*s == '"')
			quoted = !quoted;
		s++;
	}
	*p = s;
	return (size_t)(s - *word);
}

/* Whether L is an "options MODULE ..." line; *rest is where its parameters start. */
static int is_options_for(const struct logical *l, const char *module, const char **rest)
{
	const char *p = l->start, *w;
	size_t len = next_word(&p, l->end, &w);

	if (len != 7 || memcmp(w, "options", 7) != 0)
		return 0;
	len = next_word(&p, l->end, &w);
	if (!lkm_module_name_eq_len(w, len, module))
		return 0;
	*rest = p;
	return 1;
}

/* Appends the LEN bytes at S to V without their quotes ("name=a b"). */
static int add_unquoted(char ***v, size_t *n, const char *s, size_t len)
{
	int err = lkm_strv_addn(v, n, s, len);
	char *w;

	if (err < 0)
		return err;
	w = (*v)[*n - 1];
	for (const char *r = w; *r; r++)
		if (*r != '"')
			*w++ = *r;
	*w = '\0';
	return 0;
}

int lkm_persist_read(const struct lkm_sysroot *root, const char *module, char ***params)
{
	struct lkm_buf buf = { 0 };
	const char *pos, *limit;
	struct logical l;
	char **v = NULL;
	size_t n = 0;
	int err;

	*params = NULL;
	if (check_module(module) != LKM_PERSIST_OK)
		return -EINVAL;
	err = lkm_procfile_read(root, LKM_PERSIST_FILE, &buf);
	if (err < 0 && err != -ENOENT)
		return err;
	err = 0;
	pos = buf.data;
	limit = buf.data ? buf.data + buf.len : NULL;
	while (err == 0 && pos != NULL && next_logical(&pos, limit, &l)) {
		const char *rest, *w;
		size_t len;

		if (!is_options_for(&l, module, &rest))
			continue;
		while (err == 0 && (len = next_word(&rest, l.end, &w)) > 0)
			err = add_unquoted(&v, &n, w, len);
	}
	lkm_buf_release(&buf);
	if (err == 0)
		err = lkm_strv_ensure(&v);
	if (err < 0) {
		lkm_strv_freev(v);
		return err;
	}
	*params = v;
	return (int)n;
}

/* ---- writing ---- */

/* Which lines of a file are this module's, for one kind of edit. */
typedef int (*line_match)(const struct logical *l, const char *module);

static int match_options(const struct logical *l, const char *module)
{
	const char *rest;

	return is_options_for(l, module, &rest);
}

/* "blacklist MODULE" and "install MODULE ...": the two lines of a block. */
static int match_block(const struct logical *l, const char *module)
{
	const char *p = l->start, *w;
	size_t len = next_word(&p, l->end, &w);

	if (!((len == 9 && memcmp(w, "blacklist", 9) == 0) ||
	      (len == 7 && memcmp(w, "install", 7) == 0)))
		return 0;
	len = next_word(&p, l->end, &w);
	return lkm_module_name_eq_len(w, len, module);
}

/* modules-load.d: a line that is the module's name ('#' and ';' start comments). */
static int match_boot(const struct logical *l, const char *module)
{
	const char *p = l->start, *w;
	size_t len = next_word(&p, l->end, &w);

	if (len == 0 || *w == '#' || *w == ';')
		return 0;
	return lkm_module_name_eq_len(w, len, module) && next_word(&p, l->end, &w) == 0;
}

/* The new file content into OUT (malloc'ed): OLD with MODULE's lines (MATCH) replaced by
 * LINES (whole lines, each ending in '\n'; "" removes them). */
static int rewrite(const char *old, size_t oldlen, line_match match, const char *module,
		   const char *lines, char **out, size_t *outlen, int *replaced)
{
	size_t cap = oldlen + strlen(lines) + 3, len = 0;
	const char *pos = old, *limit = old + oldlen;
	struct logical l;
	int placed = 0;
	char *buf = malloc(cap + 1);

	if (buf == NULL)
		return -ENOMEM;
	*replaced = 0;
	while (next_logical(&pos, limit, &l)) {
		if (!match(&l, module)) {
			memcpy(buf + len, l.start, (size_t)(l.end - l.start));
			len += (size_t)(l.end - l.start);
			continue;
		}
		(*replaced)++;
		if (!placed && *lines) {
			len += (size_t)sprintf(buf + len, "%s", lines);
			placed = 1;
		}
	}
	if (!placed && *lines) {
		if (len > 0 && buf[len - 1] != '\n')
			buf[len++] = '\n';
		/* A last line ending in '\' continues into whatever follows: end it with
		 * a blank line, or the new line would be read as part of it. */
		if (len > 1 && buf[len - 2] == '\\')
			buf[len++] = '\n';
		len += (size_t)sprintf(buf + len, "%s", lines);
	}
	*out = buf;
	*outlen = len;
	return 0;
}

/*
 * Takes the lock every read-modify-write of lkmtui.conf holds: flock(2) on a lock file
 * beside it (never removed: removing one while another process waits on it would let a
 * third lock a new file). Returns its fd (closing it unlocks) or -errno.
 */
static int lock_conf(const char *dir)
{
	char path[PATH_MAX];
	int fd;

	if (snprintf(path, sizeof(path), "%s/%s", dir, LKM_PERSIST_LOCK) >=
	    (int)sizeof(path))
		return -ENAMETOOLONG;
	fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
	if (fd < 0)
		return -errno;
	while (flock(fd, LOCK_EX) < 0) {
		int err = -errno;

		if (err == -EINTR)
			continue;
		close(fd);
		return err;
	}
	return fd;
}

/* One of lkmtui's files: where it is, and what a new one starts with. */
struct conf {
	const char *file; /* absolute, as on the system */
	const char *dir;
	const char *header;
	line_match match;
};

static const char boot_header[] = "# Modules lkmtui load --persist keeps loaded at boot "
				  "(systemd-modules-load reads "
				  "this\n# directory). One name a line; lkmtui unload "
				  "--persist removes its line.\n";
static const char block_header[] =
	"# Modules blocked by lkmtui block: neither loaded by name nor as another's "
	"dependency.\n# lkmtui unblock removes a module's lines.\n";

/*
 * Refuses a directory or a file that is a symbolic link (lkmtui would replace the link
 * with a file, or write outside what it owns) or not a directory / regular file. Creates
 * the directory when it is missing and CREATE (a missing directory holds no file to edit
 * when nothing is to be added). Returns 0 or -errno, with RES->link set.
 */
static int check_place(const struct lkm_sysroot *root, const struct conf *c,
		       struct lkm_persist_result *res, int *exists, mode_t *mode,
		       int create)
{
	int fd = lkm_sysroot_fd(root);
	struct stat st;

	*exists = 0;
	if (fstatat(fd, lkm_sysroot_rel(c->dir), &st, AT_SYMLINK_NOFOLLOW) < 0) {
		if (errno == ENOENT && !create)
			return 0;
		if (errno != ENOENT || mkdirat(fd, lkm_sysroot_rel(c->dir), 0755) < 0)
			return -errno;
	} else if (S_ISLNK(st.st_mode)) {
		res->link = 1;
		return -ELOOP;
	} else if (!S_ISDIR(st.st_mode)) {
		return -ENOTDIR;
	}
	if (fstatat(fd, lkm_sysroot_rel(c->file), &st, AT_SYMLINK_NOFOLLOW) < 0)
		return errno == ENOENT ? 0 : -errno;
	if (S_ISLNK(st.st_mode)) {
		res->link = 2;
		return -ELOOP;
	}
	if (S_ISDIR(st.st_mode))
		return -EISDIR;
	if (!S_ISREG(st.st_mode))
		return -EINVAL;
	*exists = 1;
	*mode = st.st_mode & 07777;
	return 0;
}

/* Replaces MODULE's lines of C with LINES ("" removes them), under the lock; writes only
 * when the content changes, and never creates a file to remove nothing. */
static int edit(const struct lkm_sysroot *root, const struct conf *c, const char *module,
		const char *lines, struct lkm_persist_result *res)
{
	struct lkm_buf old = { 0 };
	char dir[PATH_MAX], *content = NULL;
	size_t len;
	mode_t mode = 0644;
	int err, lock = -1, exists;

	err = lkm_sysroot_path(root, c->file, res->path, sizeof(res->path));
	if (err == 0)
		err = lkm_sysroot_path(root, c->dir, dir, sizeof(dir));
	if (err < 0)
		return err;
	err = check_place(root, c, res, &exists, &mode, *lines != '\0');
	if (err < 0 || (!exists && *lines == '\0'))
		return err;
	lock = lock_conf(dir);
	if (lock < 0)
		return lock;
	/* Again under the lock: another writer may have created it meanwhile. */
	err = check_place(root, c, res, &exists, &mode, *lines != '\0');
	if (err == 0 && exists)
		err = lkm_procfile_read(root, c->file, &old);
	if (err == 0 && !exists) {
		res->created = *lines != '\0';
		err = lkm_buf_reserve(&old, strlen(c->header) + 1);
		if (err == 0) {
			old.len = strlen(c->header);
			memcpy(old.data, c->header, old.len + 1);
		}
	}
	if (err == 0)
		err = rewrite(old.data, old.len, c->match, module, lines, &content, &len,
			      &res->replaced);
	if (err == 0 &&
	    (!exists ? *lines != '\0'
		     : len != old.len || memcmp(content, old.data, len) != 0)) {
		res->changed = 1;
		err = lkm_replace_file(res->path, content, len, mode,
				       LKM_REPLACE_HOLD_SIGNALS);
		if (err < 0)
			res->changed = res->created = 0;
	}
	close(lock);
	free(content);
	lkm_buf_release(&old);
	return err;
}

static const struct conf options_conf = { LKM_PERSIST_FILE, "/etc/modprobe.d", header,
					  match_options };

int lkm_persist_options(const struct lkm_sysroot *root, const char *module,
			const struct lkm_params *params, struct lkm_persist_result *res)
{
	struct lkm_persist_result local;
	char *line = NULL, *lines = NULL;
	int err;

	if (res == NULL)
		res = &local;
	result_init(res);
	err = lkm_persist_line(module, params, res, &line);
	if (err < 0)
		return err;
	if (params != NULL && params->n > 0 && asprintf(&lines, "%s\n", line) < 0)
		lines = NULL, err = -ENOMEM;
	if (err == 0)
		err = edit(root, &options_conf, module, lines ? lines : "", res);
	free(line);
	free(lines);
	return err;
}

/* MODULE's name as lkmtui writes it ('_' for '-'), into BUF; -EINVAL for a bad name. */
static int module_word(const char *module, char buf[MODULE_NAME_MAX + 1],
		       struct lkm_persist_result *res)
{
	res->refusal = check_module(module);
	if (res->refusal != LKM_PERSIST_OK) {
		res->bad = (size_t)-1;
		return -EINVAL;
	}
	strcpy(buf, module);
	lkm_module_name_normalize(buf);
	return 0;
}

int lkm_persist_boot(const struct lkm_sysroot *root, const char *module, int load,
		     struct lkm_persist_result *res)
{
	static const struct conf boot = { LKM_BOOT_FILE, "/etc/modules-load.d",
					  boot_header, match_boot };
	struct lkm_persist_result local;
	char name[MODULE_NAME_MAX + 1], line[MODULE_NAME_MAX + 2];
	int err;

	if (res == NULL)
		res = &local;
	result_init(res);
	err = module_word(module, name, res);
	if (err < 0)
		return err;
	snprintf(line, sizeof(line), "%s\n", load ? name : "");
	return edit(root, &boot, module, load ? line : "", res);
}

int lkm_persist_block(const struct lkm_sysroot *root, const char *module, int block,
		      int persistent, struct lkm_persist_result *res)
{
	struct conf c = { persistent ? LKM_PERSIST_FILE : LKM_BLOCK_RUN_FILE,
			  persistent ? "/etc/modprobe.d" : "/run/modprobe.d",
			  persistent ? header : block_header, match_block };
	struct lkm_persist_result local;
	char name[MODULE_NAME_MAX + 1], lines[2 * MODULE_NAME_MAX + 64];
	int err;

	if (res == NULL)
		res = &local;
	result_init(res);
	err = module_word(module, name, res);
	if (err < 0)
		return err;
	snprintf(lines, sizeof(lines), "blacklist %s\ninstall %s %s\n", name, name,
		 LKM_BLOCK_COMMAND);
	return edit(root, &c, module, block ? lines : "", res);
}

int lkm_persist_has(const struct lkm_sysroot *root, enum lkm_persist_what what,
		    const char *module)
{
	static const struct conf confs[] = {
		[LKM_HAS_BOOT] = { LKM_BOOT_FILE, NULL, NULL, match_boot },
		[LKM_HAS_BLOCK_RUN] = { LKM_BLOCK_RUN_FILE, NULL, NULL, match_block },
		[LKM_HAS_BLOCK_ETC] = { LKM_PERSIST_FILE, NULL, NULL, match_block },
	};
	struct lkm_buf buf = { 0 };
	const char *pos, *limit;
	struct logical l;
	int err, n = 0;

	if (check_module(module) != LKM_PERSIST_OK)
		return -EINVAL;
	err = lkm_procfile_read(root, confs[what].file, &buf);
	if (err == -ENOENT)
		return 0;
	if (err < 0)
		return err;
	pos = buf.data;
	limit = buf.data ? buf.data + buf.len : NULL;
	while (pos != NULL && next_logical(&pos, limit, &l))
		n += confs[what].match(&l, module) ? 1 : 0;
	lkm_buf_release(&buf);
	return n > 0;
}
