// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cmdrule.h"
#include "core/conffiles.h"
#include "core/resolve.h"
#include "model/procfile.h"

bool lkm_cmdrule_is_block(const char *command)
{
	static const char *const blocks[] = { "/bin/false",	"/bin/true",
					      "/usr/bin/false", "/usr/bin/true",
					      "false",		"true" };
	size_t len;

	command += strspn(command, " \t");
	len = strlen(command);
	while (len > 0 && (command[len - 1] == ' ' || command[len - 1] == '\t'))
		len--;
	for (size_t i = 0; i < sizeof(blocks) / sizeof(*blocks); i++)
		if (strlen(blocks[i]) == len && memcmp(blocks[i], command, len) == 0)
			return true;
	return false;
}

/* libkmod's suffixes (libkmod-config.c: conf_files_filter_out). */
const char *const *lkm_modprobe_d_suffixes(void)
{
	static const char *const suffixes[] = { ".conf", ".alias", NULL };

	return suffixes;
}

/* The pattern as libkmod keeps it: '-' is '_' outside brackets. */
static void underscores(char *s)
{
	bool in_brackets = false;

	for (; *s; s++) {
		if (*s == '[')
			in_brackets = true;
		else if (*s == ']')
			in_brackets = false;
		else if (*s == '-' && !in_brackets)
			*s = '_';
	}
}

/*
 * Walks one file's text: logical lines (a trailing backslash continues a line), '#'
 * comments, words split at blanks; REST is the rest of the line after the pattern
 * ("blacklist" has none). Calls FN for each KIND line whose pattern matches MODULE;
 * returns FN's first non-zero value, or 0.
 */
static int walk_text(char *text, const char *file, const char *kind, const char *module,
		     lkm_modprobe_line_fn fn, void *data)
{
	bool wants_command = strcmp(kind, "blacklist") != 0;
	unsigned lines = 0, start;
	char *p = text, *line;

	while ((line = lkm_conffile_next_line(&p, &lines, &start)) != NULL) {
		char *word, *rest;
		int ret;

		if (*line == '#' || *line == '\0')
			continue;
		word = strtok_r(line, " \t", &rest);
		if (word == NULL || strcmp(word, kind) != 0)
			continue;
		word = strtok_r(NULL, " \t", &rest);
		if (word == NULL)
			continue;
		if (rest == NULL)
			rest = word + strlen(word);
		rest += strspn(rest, " \t");
		if (wants_command && *rest == '\0')
			continue;
		underscores(word);
		if (fnmatch(word, module, 0) != 0)
			continue;
		ret = fn(file, start, rest, data);
		if (ret != 0)
			return ret;
	}
	return 0;
}

int lkm_modprobe_d_walk(const struct lkm_sysroot *root, const char *kind,
			const char *module, lkm_modprobe_line_fn fn, void *data)
{
	struct lkm_conffiles files;
	int err = lkm_conffiles_list(root, lkm_resolve_conf_dirs(),
				     lkm_modprobe_d_suffixes(), &files);

	if (err < 0)
		return err;
	for (size_t i = 0; i < files.n && err == 0; i++) {
		struct lkm_buf text = { 0 };
		int rd;

		if (files.v[i].skip != LKM_CONFFILE_READ || files.v[i].masked)
			continue;
		rd = lkm_conffile_read(root, files.v[i].path, &text);
		if (rd == -ENOMEM)
			err = rd;
		else if (rd == 0 && text.data)
			err = walk_text(text.data, files.v[i].path, kind, module, fn,
					data);
		lkm_buf_release(&text);
	}
	lkm_conffiles_release(&files);
	return err;
}

struct origin {
	const char *command;
	char *buf;
	size_t size;
	int err;
};

static int origin_line(const char *file, unsigned line, const char *rest, void *data)
{
	struct origin *o = data;

	if (o->command != NULL && strcmp(rest, o->command) != 0)
		return 0;
	o->err = snprintf(o->buf, o->size, "%s:%u", file, line) < (int)o->size
			 ? 0
			 : -ENAMETOOLONG;
	return 1;
}

int lkm_cmdrule_origin(const struct lkm_sysroot *root, const char *kind,
		       const char *module, const char *command, char *buf, size_t size)
{
	struct origin o = { command, buf, size, -ENOENT };
	int err = lkm_modprobe_d_walk(root, kind, module, origin_line, &o);

	return err < 0 ? err : o.err;
}
