// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * signature-rejected, one level deeper: whose key signed the file, whether the kernel
 * holds that key (/proc/keys: .builtin_trusted_keys, .secondary_trusted_keys, .platform,
 * .machine), and whether a Machine Owner Key waits for its enrolment to be confirmed at
 * the next boot. The fix for a DKMS module signed with a MOK that was never enrolled is
 * mokutil --import and a reboot, not "sign it".
 */
#include "config.h"

#include <string.h>

#include "core/explain/cause.h"
#include "core/keys.h"
#include "i18n.h"

bool lkm_explain_signing_key(const struct lkm_explain_ctx *ctx,
			     const struct lkm_modfile *mf, struct lkm_diagnosis *d,
			     struct lkm_diagnosis *fix)
{
	const struct lkm_modfile_signature *sig = mf ? lkm_modfile_signature(mf) : NULL;
	struct lkm_kernel_keys k;
	const struct lkm_kernel_key *key;

	bool unheld;

	if (sig == NULL || !sig->present || sig->signer == NULL)
		return false;
	if (lkm_kernel_keys_read(ctx->root, &k) < 0 || !k.known) {
		lkm_kernel_keys_release(&k);
		return false;
	}
	if (sig->key_id)
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("its signing key's serial: %s"), sig->key_id);
	for (size_t i = 0; i < k.n_keyrings; i++)
		lkm_diag_line(d, &d->evidence, &d->n_evidence, _("kernel keyring %s"),
			      k.keyrings[i]);
	key = lkm_kernel_keys_find(&k, sig->signer);
	unheld = key == NULL;
	if (key != NULL) {
		lkm_diag_line(d, &d->evidence, &d->n_evidence,
			      _("the kernel holds a key of %s (/proc/keys)"), key->name);
	} else {
		lkm_diag_line(
			d, &d->evidence, &d->n_evidence,
			_("the kernel holds no key of %s (/proc/keys has %zu keys)"),
			sig->signer, k.n);
		if (k.mok_pending)
			lkm_diag_line(d, &d->evidence, &d->n_evidence, "%s",
				      _("a Machine Owner Key enrolment is pending (EFI "
					"variable MokNew)"));
		if (k.mok_pending)
			lkm_diag_add_fix(
				fix, LKM_FIX_NONE, NULL, NULL, 0, "%s",
				_("a Machine Owner Key enrolment is pending: reboot "
				  "and confirm it in MokManager"));
		else
			lkm_diag_add_fix(
				fix, LKM_FIX_NONE, NULL, NULL, 0,
				_("enrol the key that signed it (DKMS's is "
				  "/var/lib/dkms/mok.pub): mokutil --import KEY.der, "
				  "then reboot and confirm it in MokManager"));
	}
	lkm_kernel_keys_release(&k);
	return unheld;
}
