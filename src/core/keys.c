// SPDX-License-Identifier: GPL-2.0-or-later
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/keys.h"
#include "model/procfile.h"
#include "model/scan.h"
#include "shared/strv.h"

/* shim's vendor GUID (MokNew-605dab50-e046-4300-abb6-3dd810dd8b23). */
#define MOK_NEW "/sys/firmware/efi/efivars/MokNew-605dab50-e046-4300-abb6-3dd810dd8b23"

static bool trusted_keyring(const char *name)
{
	static const char *const rings[] = { ".builtin_trusted_keys",
					     ".secondary_trusted_keys",
					     ".platform",
					     ".machine",
					     ".ima",
					     ".blacklist" };

	for (size_t i = 0; i < sizeof(rings) / sizeof(*rings); i++)
		if (strcmp(name, rings[i]) == 0)
			return true;
	return false;
}

/* One /proc/keys line into K. */
static int read_line(char *line, struct lkm_kernel_keys *k)
{
	char *type = NULL, *desc, *colon;
	char *p = line;

	/* ID FLAGS USAGE TIMEOUT PERM UID GID TYPE, then the description to the end. */
	for (int i = 0; i < 8; i++)
		if ((type = lkm_scan_token(&p)) == NULL)
			return 0;
	desc = p + strspn(p, " \t");
	if (strcmp(type, "keyring") == 0) {
		colon = strchr(desc, ':');
		if (colon == NULL)
			return 0;
		*colon = '\0';
		if (!trusted_keyring(desc))
			return 0;
		return lkm_strv_addf(&k->keyrings, &k->n_keyrings, "%s:%s", desc,
				     colon + 1)
			       ? 0
			       : -ENOMEM;
	}
	/* "asymmetri": /proc/keys cuts type names to 9 characters. */
	if (strncmp(type, "asymmetri", 9) == 0) {
		struct lkm_kernel_key *v = realloc(k->v, (k->n + 1) * sizeof(*v));
		char *id = NULL;

		if (v == NULL)
			return -ENOMEM;
		k->v = v;
		colon = strstr(desc, ": ");
		if (colon != NULL) {
			*colon = '\0';
			id = colon + 2;
			id[strcspn(id, ": ")] = '\0';
		}
		v[k->n].name = strdup(desc);
		v[k->n].id = id && *id ? strdup(id) : NULL;
		k->n++;
		if (v[k->n - 1].name == NULL || (id && *id && v[k->n - 1].id == NULL))
			return -ENOMEM;
	}
	return 0;
}

int lkm_kernel_keys_read(const struct lkm_sysroot *root, struct lkm_kernel_keys *out)
{
	struct lkm_buf text = { 0 };
	char *p, *line;
	int err = 0;

	memset(out, 0, sizeof(*out));
	out->mok_pending =
		faccessat(lkm_sysroot_fd(root), lkm_sysroot_rel(MOK_NEW), F_OK, 0) == 0;
	err = lkm_procfile_read(root, "/proc/keys", &text);
	if (err < 0) {
		lkm_buf_release(&text);
		return err == -ENOMEM ? err : 0;
	}
	out->known = true;
	p = text.data;
	while (err == 0 && (line = lkm_scan_line(&p)) != NULL)
		err = read_line(line, out);
	lkm_buf_release(&text);
	return err;
}

void lkm_kernel_keys_release(struct lkm_kernel_keys *k)
{
	for (size_t i = 0; i < k->n; i++) {
		free(k->v[i].name);
		free(k->v[i].id);
	}
	free(k->v);
	lkm_strv_free(k->keyrings, k->n_keyrings);
	memset(k, 0, sizeof(*k));
}

const struct lkm_kernel_key *lkm_kernel_keys_find(const struct lkm_kernel_keys *k,
						  const char *signer)
{
	for (size_t i = 0; signer && i < k->n; i++)
		if (strcmp(k->v[i].name, signer) == 0)
			return &k->v[i];
	return NULL;
}
