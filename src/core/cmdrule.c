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
 * Looks for the rule in one file's text: logical lines (a trailing backslash continues a
 * line), '#' comments, words split at blanks; the command is the rest of the line after
 * the pattern ("blacklist" has none). Returns the line number the rule starts on, or 0.
 */
static unsigned find_in_text(char *text, const char *kind, const char *module,
			     const char *command)
{
	bool wants_command = strcmp(kind, "blacklist") != 0;
	unsigned lines = 0, start;
	char *p = text, *line;

	while ((line = lkm_conffile_next_line(&p, &lines, &start)) != NULL) {
		char *word, *rest;

		if (*line == '#' || *line == '\0')
			continue;
		word = strtok_r(line, " \t", &rest);
		if (word == NULL || strcmp(word, kind) != 0)
			continue;
		word = strtok_r(NULL, " \t", &rest);
		if (word == NULL)
			continue;
		if (wants_command) {
			rest += rest ? strspn(rest, " \t") : 0;
			if (rest == NULL || *rest == '\0')
				continue;
		}
		underscores(word);
		if (fnmatch(word, module, 0) != 0)
			continue;
		if (command != NULL && strcmp(rest, command) != 0)
			continue;
		return start;
	}
	return 0;
}

int lkm_cmdrule_origin(const struct lkm_sysroot *root, const char *kind,
		       const char *module, const char *command, char *buf, size_t size)
{
	struct lkm_conffiles files;
	int err = lkm_conffiles_list(root, lkm_resolve_conf_dirs(),
				     lkm_modprobe_d_suffixes(), &files);

	if (err < 0)
		return err;
	err = -ENOENT;
	for (size_t i = 0; i < files.n && err == -ENOENT; i++) {
		struct lkm_buf text = { 0 };
		unsigned line;
		int rd;

		if (files.v[i].skip != LKM_CONFFILE_READ || files.v[i].masked)
			continue;
		rd = lkm_conffile_read(root, files.v[i].path, &text);
		if (rd == -ENOMEM) {
			err = rd;
			break;
		}
		if (rd < 0)
			continue;
		line = text.data ? find_in_text(text.data, kind, module, command) : 0;
		lkm_buf_release(&text);
		if (line > 0)
			err = snprintf(buf, size, "%s:%u", files.v[i].path, line) <
					      (int)size
				      ? 0
				      : -ENAMETOOLONG;
	}
	lkm_conffiles_release(&files);
	return err;
}
