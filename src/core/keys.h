/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "model/sysroot.h"

/*
 * The keys the kernel holds to check module signatures, against the signer a module's
 * signature names, and a Machine Owner Key waiting to be enrolled.
 *
 * /proc/keys lists each key as "ID FLAGS USAGE TIMEOUT PERM UID GID TYPE DESCRIPTION:
 * SUMMARY"; an X.509 key's description is "SUBJECT-CN: SUBJECT-KEY-ID" ("Debian Secure
 * Boot CA: 6ccece7e4c6c0d1f6149f3dd27dfcc5cbb419ea1"), the keyrings' are their names
 * (.builtin_trusted_keys, .secondary_trusted_keys, .platform, .machine). A PKCS#7 module
 * signature (what sign-file writes) names its signer by the issuer's name (modinfo's
 * signer:) and serial number (sig_key:), which /proc/keys does not show: the name is what
 * can be compared. shim keeps an enrolment request that mokutil --import made in the EFI
 * variable MokNew until the next boot confirms it in MokManager.
 */
struct lkm_kernel_key {
	char *name; /* the description before ": " ("Debian Secure Boot CA") */
	char *id;   /* after it: the subject key id in hex; NULL when none */
};

struct lkm_kernel_keys {
	bool known;		  /* /proc/keys was readable */
	struct lkm_kernel_key *v; /* the asymmetric keys, in file order */
	size_t n;
	char **keyrings; /* the trusted keyrings present, with their key counts
			    (".builtin_trusted_keys: 2"), in file order */
	size_t n_keyrings;
	bool mok_pending; /* a MokNew EFI variable: an enrolment waits for a reboot */
};

/* Reads /proc/keys and the MOK variables under ROOT into OUT (released with
 * lkm_kernel_keys_release). Returns 0 or -ENOMEM. */
int lkm_kernel_keys_read(const struct lkm_sysroot *root, struct lkm_kernel_keys *out);
void lkm_kernel_keys_release(struct lkm_kernel_keys *k);

/* The key whose name is SIGNER (a module's signer:), or NULL. */
const struct lkm_kernel_key *lkm_kernel_keys_find(const struct lkm_kernel_keys *k,
						  const char *signer);
