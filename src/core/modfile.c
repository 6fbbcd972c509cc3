// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Opening a module file (the bytes, decompressed, and its signature as libkmod reads
 * it) and what it says; its ELF image is read in modfile_elf.c.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libkmod.h>

#include "i18n.h"
#include "core/decompress.h"
#include "core/elfmachine.h"
#include "core/modfile.h"
#include "core/modfile_int.h"
#include "core/userpath.h"
#include "model/modules.h"
#include "shared/array.h"

int modfile_fail(struct lkm_modfile_error *why, int err, const char *fmt, ...)
{
	va_list ap;

	if (why) {
		why->err = err;
		va_start(ap, fmt);
		vsnprintf(why->reason, sizeof(why->reason), fmt, ap);
		va_end(ap);
	}
	return err;
}

int modfile_no_memory(struct lkm_modfile_error *why)
{
	return modfile_fail(why, -ENOMEM, "%s", _("out of memory"));
}

void lkm_modfile_free(struct lkm_modfile *mf)
{
	size_t i;

	if (!mf)
		return;
	if (mf->elf)
		elf_end(mf->elf);
	for (i = 0; i < mf->n_params; i++)
		free((char *)mf->params[i].name);
	free(mf->params);
	free(mf->versions);
	free(mf->undef);
	free(mf->exports);
	free(mf->depends);
	free(mf->depends_buf);
	free(mf->info);
	free(mf->modinfo);
	free(mf->sections);
	free((char *)mf->sig.signer);
	free((char *)mf->sig.key_id);
	free((char *)mf->sig.hash_algo);
	free(mf->data);
	free(mf->path);
	free(mf);
}

/*
 * Decompresses RAW if it needs it and inspects the result. RAW is consumed when OWNED
 * (used as is for plain data), copied otherwise.
 */
static int open_bytes(struct lkm_modfile *mf, const void *raw, size_t size, bool owned,
		      struct lkm_modfile_error *why)
{
	char reason[200];
	void *plain;
	size_t plain_size;
	int err;

	if (elf_version(EV_CURRENT) == EV_NONE)
		return modfile_fail(why, -ENOSYS, _("libelf is unusable: %s"),
				    elf_errmsg(-1));
	mf->compression = lkm_decompress_detect(raw, size);
	if (strcmp(mf->compression, "none") == 0 && owned)
		return modfile_inspect(mf, (unsigned char *)raw, size, why);
	err = lkm_decompress_why(raw, size, 0, &plain, &plain_size, NULL, reason,
				 sizeof(reason));
	if (owned)
		free((void *)raw);
	if (err < 0) {
		if (err == -ENOMEM && !reason[0])
			return modfile_no_memory(why);
		return modfile_fail(why, err, _("cannot decompress: %s"), reason);
	}
	return modfile_inspect(mf, plain, plain_size, why);
}

static int new_modfile(struct lkm_modfile **out, struct lkm_modfile_error *why)
{
	*out = NULL;
	if (why) {
		why->err = 0;
		why->reason[0] = '\0';
	}
	*out = calloc(1, sizeof(**out));
	if (!*out)
		return modfile_no_memory(why);
	return 0;
}

static int finish(struct lkm_modfile *mf, int err, struct lkm_modfile **out)
{
	if (err < 0) {
		lkm_modfile_free(mf);
		*out = NULL;
		return err;
	}
	*out = mf;
	return 0;
}

int lkm_modfile_open_mem(const void *data, size_t size, struct lkm_modfile **out,
			 struct lkm_modfile_error *why)
{
	struct lkm_modfile *mf;
	int err = new_modfile(out, why);

	if (err < 0)
		return err;
	mf = *out;
	if (!data && size)
		err = modfile_fail(why, -EINVAL, "%s", _("no data"));
	else if (size == 0)
		err = modfile_fail(why, -ENOEXEC, "%s", _("the file is empty (0 bytes)"));
	else if (size > LKM_MODFILE_MAX)
		err = modfile_fail(why, -EFBIG,
				   _("%zu bytes: bigger than any module (limit %zu MiB)"),
				   size, LKM_MODFILE_MAX >> 20);
	else
		err = open_bytes(mf, data, size, false, why);
	return finish(mf, err, out);
}

static int read_whole(const char *path, unsigned char **bytes, size_t *size,
		      struct lkm_modfile_error *why)
{
	struct stat st;
	unsigned char *buf;
	size_t len = 0;
	mode_t mode;
	int fd, err = 0;

	*bytes = NULL;
	*size = 0;
	fd = lkm_userpath_open(path, LKM_USERPATH_FILE, &mode);
	if (fd == -EISDIR || fd == -EINVAL)
		return modfile_fail(why, fd, _("%s is %s, not a module file"), path,
				    lkm_userpath_kind(mode));
	if (fd < 0)
		return modfile_fail(why, fd, _("cannot open %s: %s"), path,
				    strerror(-fd));
	if (fstat(fd, &st) < 0) {
		err = -errno;
		modfile_fail(why, err, _("cannot stat %s: %s"), path, strerror(-err));
		goto out;
	}
	if (st.st_size == 0) {
		err = modfile_fail(why, -ENOEXEC, "%s", _("the file is empty (0 bytes)"));
		goto out;
	}
	if ((uintmax_t)st.st_size > LKM_MODFILE_MAX) {
		err = modfile_fail(why, -EFBIG,
				   _("%jd bytes: bigger than any module (limit %zu MiB)"),
				   (intmax_t)st.st_size, LKM_MODFILE_MAX >> 20);
		goto out;
	}
	buf = malloc((size_t)st.st_size);
	if (!buf) {
		err = modfile_no_memory(why);
		goto out;
	}
	/* A file that shrinks while read is taken as it was read; one that grows, as it
	 * was when stat()ed. */
	while (len < (size_t)st.st_size) {
		ssize_t r = read(fd, buf + len, (size_t)st.st_size - len);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			err = -errno;
			free(buf);
			modfile_fail(why, err, _("cannot read %s: %s"), path,
				     strerror(-err));
			goto out;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	if (len == 0) {
		free(buf);
		err = modfile_fail(why, -ENOEXEC, "%s", _("the file is empty (0 bytes)"));
		goto out;
	}
	*bytes = buf;
	*size = len;
out:
	close(fd);
	return err;
}

static void quiet_log(void *data, int priority, const char *file, int line,
		      const char *fn, const char *format, va_list args)
{
}

/*
 * libkmod already parses the PKCS#7 blob (with OpenSSL) for modinfo's signer, sig_key and
 * sig_hashalgo: ask it, by path, rather than parse ASN.1 here. Best effort: a libkmod
 * without the needed decompressor or crypto simply leaves these NULL.
 */
static void signature_from_kmod(struct lkm_modfile *mf)
{
	static const char *const no_config[] = { NULL };
	struct kmod_ctx *ctx = kmod_new(NULL, no_config);
	struct kmod_module *mod = NULL;
	struct kmod_list *list = NULL, *l;

	if (!ctx)
		return;
	kmod_set_log_fn(ctx, quiet_log, NULL);
	if (kmod_module_new_from_path(ctx, mf->path, &mod) < 0)
		goto out;
	if (kmod_module_get_info(mod, &list) < 0)
		goto out;
	kmod_list_foreach(l, list)
	{
		const char *key = kmod_module_info_get_key(l);
		const char *value = kmod_module_info_get_value(l);
		const char **slot = NULL;

		if (!key || !value)
			continue;
		if (strcmp(key, "signer") == 0)
			slot = &mf->sig.signer;
		else if (strcmp(key, "sig_key") == 0)
			slot = &mf->sig.key_id;
		else if (strcmp(key, "sig_hashalgo") == 0)
			slot = &mf->sig.hash_algo;
		if (slot && !*slot)
			*slot = strdup(value);
	}
	kmod_module_info_free_list(list);
out:
	kmod_module_unref(mod);
	kmod_unref(ctx);
}

int lkm_modfile_open(const char *path, struct lkm_modfile **out,
		     struct lkm_modfile_error *why)
{
	struct lkm_modfile *mf;
	unsigned char *bytes;
	size_t size;
	int err = new_modfile(out, why);

	if (err < 0)
		return err;
	mf = *out;
	mf->path = strdup(path);
	if (!mf->path)
		return finish(mf, modfile_no_memory(why), out);
	err = read_whole(path, &bytes, &size, why);
	if (err < 0)
		return finish(mf, err, out);
	err = open_bytes(mf, bytes, size, true, why);
	if (err == 0 && mf->sig.present)
		signature_from_kmod(mf);
	return finish(mf, err, out);
}

const char *lkm_modfile_path(const struct lkm_modfile *mf)
{
	return mf->path;
}

const char *lkm_modfile_compression(const struct lkm_modfile *mf)
{
	return mf->compression;
}

const void *lkm_modfile_data(const struct lkm_modfile *mf, size_t *size)
{
	if (size)
		*size = mf->size;
	return mf->data;
}

int lkm_modfile_elf_class(const struct lkm_modfile *mf)
{
	return mf->elf_class;
}

bool lkm_modfile_big_endian(const struct lkm_modfile *mf)
{
	return mf->big_endian;
}

unsigned lkm_modfile_machine(const struct lkm_modfile *mf)
{
	return mf->machine;
}

const char *lkm_modfile_machine_name(const struct lkm_modfile *mf)
{
	return mf->machine_name;
}

unsigned lkm_modfile_type(const struct lkm_modfile *mf)
{
	return mf->type;
}

const char *lkm_modfile_type_name(const struct lkm_modfile *mf)
{
	return mf->type_name;
}

size_t lkm_modfile_section_count(const struct lkm_modfile *mf)
{
	return mf->n_sections;
}

const char *lkm_modfile_section_name(const struct lkm_modfile *mf, size_t i)
{
	return i < mf->n_sections ? mf->sections[i] : NULL;
}

bool lkm_modfile_has_section(const struct lkm_modfile *mf, const char *name)
{
	size_t i;

	for (i = 0; i < mf->n_sections; i++)
		if (strcmp(mf->sections[i], name) == 0)
			return true;
	return false;
}

bool lkm_modfile_has_modinfo(const struct lkm_modfile *mf)
{
	return mf->has_modinfo;
}

bool lkm_modfile_has_this_module(const struct lkm_modfile *mf)
{
	return mf->has_this_module;
}

bool lkm_modfile_has_versions(const struct lkm_modfile *mf)
{
	return mf->has_versions;
}

bool lkm_modfile_is_module(const struct lkm_modfile *mf)
{
	return mf->type == ET_REL && mf->has_modinfo && mf->has_this_module;
}

const char *lkm_modfile_info(const struct lkm_modfile *mf, const char *key)
{
	size_t pos = 0;

	return lkm_modfile_info_next(mf, key, &pos, NULL);
}

bool lkm_modfile_built_for(const struct lkm_modfile *mf, char *buf, size_t size)
{
	const char *vermagic = lkm_modfile_info(mf, "vermagic");

	snprintf(buf, size, "%.*s", vermagic ? (int)strcspn(vermagic, " ") : 0,
		 vermagic ? vermagic : "");
	return vermagic != NULL;
}

int lkm_modfile_path_built_for(const char *path, char *buf, size_t size)
{
	struct lkm_modfile *mf = NULL;
	int err = lkm_modfile_open(path, &mf, NULL);

	buf[0] = '\0';
	if (err == 0 && !lkm_modfile_built_for(mf, buf, size))
		err = -ENOENT;
	lkm_modfile_free(mf);
	return err == -ENOMEM ? err : err < 0 ? -ENOENT : 0;
}

const char *lkm_modfile_info_next(const struct lkm_modfile *mf, const char *key,
				  size_t *pos, const char **key_out)
{
	while (*pos < mf->n_info) {
		const struct info_entry *e = &mf->info[(*pos)++];

		if (!key || strcmp(e->key, key) == 0) {
			if (key_out)
				*key_out = e->key;
			return e->value;
		}
	}
	return NULL;
}

int lkm_modfile_info_all(const struct lkm_modfile *mf, const char *key, const char ***out,
			 size_t *n)
{
	size_t pos = 0, cap = 0;
	const char *v;

	*out = NULL;
	*n = 0;
	while (mf && (v = lkm_modfile_info_next(mf, key, &pos, NULL)) != NULL) {
		if (lkm_array_room(*out, *n, cap) < 0) {
			free(*out);
			*out = NULL;
			*n = 0;
			return -ENOMEM;
		}
		(*out)[(*n)++] = v;
	}
	return 0;
}

size_t lkm_modfile_info_count(const struct lkm_modfile *mf)
{
	return mf->n_info;
}

size_t lkm_modfile_depends(const struct lkm_modfile *mf, const char *const **out)
{
	*out = mf->n_depends ? mf->depends : NULL;
	return mf->n_depends;
}

size_t lkm_modfile_params(const struct lkm_modfile *mf,
			  const struct lkm_modfile_param **out)
{
	*out = mf->n_params ? mf->params : NULL;
	return mf->n_params;
}

size_t lkm_modfile_exports(const struct lkm_modfile *mf,
			   const struct lkm_modfile_export **out)
{
	*out = mf->n_exports ? mf->exports : NULL;
	return mf->n_exports;
}

size_t lkm_modfile_undefined(const struct lkm_modfile *mf, const char *const **out)
{
	*out = mf->n_undef ? mf->undef : NULL;
	return mf->n_undef;
}

size_t lkm_modfile_versions(const struct lkm_modfile *mf,
			    const struct lkm_modfile_version **out)
{
	*out = mf->n_versions ? mf->versions : NULL;
	return mf->n_versions;
}

const struct lkm_modfile_signature *lkm_modfile_signature(const struct lkm_modfile *mf)
{
	return &mf->sig;
}

char *lkm_modfile_module_name(const struct lkm_modfile *mf, const char *path)
{
	const char *name = mf ? lkm_modfile_info(mf, "name") : NULL;
	const char *base = path ? strrchr(path, '/') : NULL;
	char *out;

	if (name != NULL && *name) {
		out = strdup(name);
	} else {
		out = strdup(base ? base + 1 : path ? path : "");
		if (out != NULL) {
			size_t len = strlen(out);

			out[len - lkm_module_suffix_len(out, len, LKM_SUFFIX_WITH_O)] =
				'\0';
		}
	}
	if (out != NULL)
		lkm_module_name_normalize(out);
	return out;
}

const char *lkm_modfile_param_type(const struct lkm_modfile *mf, const char *name)
{
	const struct lkm_modfile_param *decl;
	size_t n = mf ? lkm_modfile_params(mf, &decl) : 0;

	for (size_t i = 0; i < n; i++)
		if (lkm_module_name_eq(decl[i].name, name))
			return decl[i].type;
	return NULL;
}
