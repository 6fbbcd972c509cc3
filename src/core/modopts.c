// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cmdrule.h"
#include "core/modopts.h"
#include "core/params.h"
#include "i18n.h"
#include "shared/strv.h"

struct walk {
	const struct lkm_modfile *mf;
	const char *path;	 /* to open MF from on the first options line */
	struct lkm_modfile *own; /* MF when opened here */
	struct lkm_modopts *out;
};

static bool declared(const struct lkm_modfile *mf, const char *name)
{
	const struct lkm_modfile_param *v;
	size_t n = lkm_modfile_params(mf, &v);

	for (size_t i = 0; i < n; i++)
		if (lkm_param_name_eq(v[i].name, name))
			return true;
	return false;
}

static int add(struct lkm_modopts *o, const char *file, unsigned line, const char *word,
	       bool comment, bool applied)
{
	struct lkm_ignored_opt *v = realloc(o->v, (o->n + 1) * sizeof(*v));

	if (v == NULL)
		return -ENOMEM;
	o->v = v;
	v += o->n;
	v->file = strdup(file);
	v->word = strdup(word);
	v->line = line;
	v->comment = comment;
	v->applied = applied;
	o->n++;
	return v->file && v->word ? 0 : -ENOMEM;
}

static int options_line(const char *file, unsigned line, const char *rest, void *data)
{
	struct walk *w = data;
	const char *pos = rest;
	char word[4096];
	bool comment = false;

	if (w->mf == NULL && w->path != NULL) {
		/* Unreadable: only the comments can be told. */
		if (lkm_modfile_open(w->path, &w->own, NULL) == -ENOMEM)
			return -ENOMEM;
		w->mf = w->own;
		w->path = NULL;
	}
	/* Split as the kernel's parse_args() will, so each word is one it logs. */
	while (lkm_param_next(&pos, word, sizeof(word))) {
		char name[4096];
		int err;

		comment = comment || word[0] == '#';
		memcpy(name, word, sizeof(name));
		name[strcspn(name, "=")] = '\0';
		bool known = w->mf != NULL && declared(w->mf, name);

		if (!comment && (w->mf == NULL || known))
			continue;
		err = add(w->out, file, line, word, comment, comment && known);
		if (err < 0)
			return err;
	}
	return 0;
}

int lkm_modopts_ignored(const struct lkm_sysroot *root, const char *module,
			const struct lkm_modfile *mf, const char *path,
			struct lkm_modopts *out)
{
	struct walk w = { mf, mf ? NULL : path, NULL, out };
	char *name = strdup(module);
	int err;

	memset(out, 0, sizeof(*out));
	if (name == NULL)
		return -ENOMEM;
	/* modprobe.d's patterns are kept with '_', as the kernel names modules. */
	for (char *c = name; *c; c++)
		*c = *c == '-' ? '_' : *c;
	err = lkm_modprobe_d_walk(root, "options", name, options_line, &w);
	free(name);
	lkm_modfile_free(w.own);
	return err < 0 ? err : 0;
}

struct find {
	const char *name, *value;
	char *file;
	size_t size;
	unsigned *line;
	int found;
};

static int find_line(const char *file, unsigned line, const char *rest, void *data)
{
	struct find *w = data;
	const char *pos = rest;
	char word[4096];

	while (lkm_param_next(&pos, word, sizeof(word)) && word[0] != '#') {
		char *eq = strchr(word, '=');

		if (eq == NULL)
			continue;
		*eq = '\0';
		if (lkm_param_name_eq(word, w->name) && strcmp(eq + 1, w->value) == 0) {
			/* The last such line: the kernel takes a parameter's last value.
			 */
			snprintf(w->file, w->size, "%s", file);
			*w->line = line;
			w->found = 1;
		}
	}
	return 0;
}

int lkm_modopts_find(const struct lkm_sysroot *root, const char *module, const char *name,
		     const char *value, char *file, size_t size, unsigned *line)
{
	struct find w = { name, value, file, size, line, 0 };
	char *mod = strdup(module);
	int err;

	if (mod == NULL)
		return -ENOMEM;
	for (char *c = mod; *c; c++)
		*c = *c == '-' ? '_' : *c;
	err = lkm_modprobe_d_walk(root, "options", mod, find_line, &w);
	free(mod);
	return err < 0 ? err : w.found;
}

void lkm_modopts_release(struct lkm_modopts *o)
{
	for (size_t i = 0; i < o->n; i++) {
		free(o->v[i].file);
		free(o->v[i].word);
	}
	free(o->v);
	memset(o, 0, sizeof(*o));
}

int lkm_modopts_warnings(const struct lkm_sysroot *root, const char *module,
			 const struct lkm_modfile *mf, const char *path, char ***v,
			 size_t *n)
{
	struct lkm_modopts o;
	int err = lkm_modopts_ignored(root, module, mf, path, &o);

	for (size_t i = 0; err == 0 && i < o.n; i++) {
		const struct lkm_ignored_opt *w = &o.v[i];
		bool ok =
			w->applied
				? lkm_strv_addf(
					  v, n,
					  _("%s:%u: the kernel will set '%s', though it "
					    "stands after a '#': modprobe.d has no "
					    "comments at the end of a line"),
					  w->file, w->line, w->word)
			: w->comment
				? lkm_strv_addf(
					  v, n,
					  _("%s:%u: the kernel will ignore '%s': "
					    "modprobe.d has no comments at the end of "
					    "a line"),
					  w->file, w->line, w->word)
				: lkm_strv_addf(
					  v, n,
					  _("%s:%u: the kernel will ignore '%s': %s "
					    "declares no such parameter"),
					  w->file, w->line, w->word, module);

		if (!ok)
			err = -ENOMEM;
	}
	lkm_modopts_release(&o);
	return err;
}
