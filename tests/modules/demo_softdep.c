// SPDX-License-Identifier: GPL-2.0
/*
 * demo_softdep: uses nothing of demo_provider, but asks for it to be loaded first through
 * a softdep in its .modinfo, as Debian's ipmi_ssif asks for ipmi_devintf. depmod copies
 * it into modules.softdep; modprobe (and lkmtui's plan) load demo_provider first.
 */
#include <linux/init.h>
#include <linux/module.h>

static int __init demo_softdep_init(void)
{
	return 0;
}

static void __exit demo_softdep_exit(void)
{
}

module_init(demo_softdep_init);
module_exit(demo_softdep_exit);

MODULE_SOFTDEP("pre: demo_provider");
MODULE_DESCRIPTION("Declares a softdep on demo_provider");
MODULE_LICENSE("GPL");
