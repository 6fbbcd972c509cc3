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

/* One configuration file as libkmod orders them: by name, the first directory's wins. */
struct conf_file {
	char name[NAME_MAX + 1];
	const char *dir;
};

static int cmp_conf(const void *a, const void *b)
{
	return strcmp(((const struct conf_file *)a)->name,
		      ((const struct conf_file *)b)->name);
}

/* libkmod's filter: no dot files, only *.conf and *.alias, no directories. */
static bool conf_name_ok(const char *fn)
{
	size_t len = strlen(fn);

	if (fn[0] == '.' || len < 6)
		return false;
	return strcmp(fn + len - 5, ".conf") == 0 || strcmp(fn + len - 6, ".alias") == 0;
}

static int list_conf_files(const struct lkm_sysroot *root, struct conf_file **out,
			   size_t *n)
{
	const char *const *dirs = lkm_resolve_conf_dirs();

	*out = NULL;
	*n = 0;
	for (size_t d = 0; dirs[d]; d++) {
		int fd = lkm_sysroot_open(root, dirs[d], O_RDONLY | O_DIRECTORY);
		DIR *dir;
		struct dirent *e;

		if (fd < 0)
			continue;
		dir = fdopendir(fd);
		if (dir == NULL) {
			close(fd);
			continue;
		}
		while ((e = readdir(dir)) != NULL) {
			struct conf_file *v;
			struct stat st;
			bool seen = false;

			if (!conf_name_ok(e->d_name) || strlen(e->d_name) > NAME_MAX ||
			    fstatat(dirfd(dir), e->d_name, &st, 0) < 0 ||
			    S_ISDIR(st.st_mode))
				continue;
			for (size_t i = 0; i < *n && !seen; i++)
				seen = strcmp((*out)[i].name, e->d_name) == 0;
			if (seen)
				continue;
			v = realloc(*out, (*n + 1) * sizeof(*v));
			if (v == NULL) {
				closedir(dir);
				free(*out);
				*out = NULL;
				*n = 0;
				return -ENOMEM;
			}
			*out = v;
			snprintf(v[*n].name, sizeof(v[*n].name), "%s", e->d_name);
			v[*n].dir = dirs[d];
			(*n)++;
		}
		closedir(dir);
	}
	if (*n > 1)
		qsort(*out, *n, sizeof(**out), cmp_conf);
	return 0;
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
 * the pattern. Returns the line number the rule starts on, or 0.
 */
static unsigned find_in_text(char *text, const char *kind, const char *module,
			     const char *command)
{
	unsigned lineno = 1;
	char *p = text;

	while (*p) {
		unsigned start = lineno;
		char *line = p, *w = p, *word, *rest;

		/* Join continued lines in place. */
		while (*p && *p != '\n') {
			if (p[0] == '\\' && p[1] == '\n') {
				p += 2;
				lineno++;
				continue;
			}
			*w++ = *p++;
		}
		if (*p == '\n') {
			p++;
			lineno++;
		}
		*w = '\0';
		line += strspn(line, " \t");
		if (*line == '#' || *line == '\0')
			continue;
		word = strtok_r(line, " \t", &rest);
		if (word == NULL || strcmp(word, kind) != 0)
			continue;
		word = strtok_r(NULL, " \t", &rest);
		if (word == NULL || rest == NULL || *rest == '\0')
			continue;
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
	struct conf_file *files;
	size_t n;
	int err = list_conf_files(root, &files, &n);

	if (err < 0)
		return err;
	err = -ENOENT;
	for (size_t i = 0; i < n && err == -ENOENT; i++) {
		struct lkm_buf text = { 0 };
		char path[PATH_MAX];
		unsigned line;
		int rd;

		if (snprintf(path, sizeof(path), "%s/%s", files[i].dir, files[i].name) >=
		    (int)sizeof(path))
			continue;
		rd = lkm_procfile_read(root, path, &text);
		if (rd == -ENOMEM) {
			err = rd;
			break;
		}
		if (rd < 0)
			continue;
		line = text.data ? find_in_text(text.data, kind, module, command) : 0;
		lkm_buf_release(&text);
		if (line > 0)
			err = snprintf(buf, size, "%s:%u", path, line) < (int)size
				      ? 0
				      : -ENAMETOOLONG;
	}
	free(files);
	return err;
}
