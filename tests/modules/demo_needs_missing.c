// SPDX-License-Identifier: GPL-2.0
/*
 * demo_needs_missing: calls a function no module or kernel exports, so loading
 * it fails with "Unknown symbol lkmtui_no_such_symbol".
 */
#include <linux/init.h>
#include <linux/module.h>

extern int lkmtui_no_such_symbol(void);

static int __init demo_needs_missing_init(void)
{
	return lkmtui_no_such_symbol();
}

static void __exit demo_needs_missing_exit(void)
{
}

module_init(demo_needs_missing_init);
module_exit(demo_needs_missing_exit);

MODULE_DESCRIPTION("Needs a symbol nobody exports");
MODULE_LICENSE("GPL");
