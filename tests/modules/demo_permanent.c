// SPDX-License-Identifier: GPL-2.0
/*
 * demo_permanent: has an init function but no exit function, so the kernel
 * marks it [permanent] and refuses to unload it (EBUSY).
 */
#include <linux/init.h>
#include <linux/module.h>

static int __init demo_permanent_init(void)
{
	pr_info("demo_permanent: loaded; there is no way back\n");
	return 0;
}

module_init(demo_permanent_init);

MODULE_DESCRIPTION("A module that cannot be unloaded");
MODULE_LICENSE("GPL");
