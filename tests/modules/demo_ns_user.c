// SPDX-License-Identifier: GPL-2.0
/*
 * demo_ns_user: uses demo_ns_answer from namespace LKMTUI_DEMO. Built importing it
 * (6.12's modpost refuses otherwise), then make-ns-mistake.sh rewrites the import in
 * .modinfo to LKMTUI_DEMX, same length: the kernel then refuses it as a module that does
 * not import the namespace.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

int demo_ns_answer(void);

static int __init demo_ns_user_init(void)
{
	pr_info("demo_ns_user: the answer is %d\n", demo_ns_answer());
	return 0;
}

static void __exit demo_ns_user_exit(void)
{
}

module_init(demo_ns_user_init);
module_exit(demo_ns_user_exit);

MODULE_IMPORT_NS(LKMTUI_DEMO);
MODULE_AUTHOR("lkmtui tests");
MODULE_DESCRIPTION("Uses a namespaced symbol");
MODULE_LICENSE("GPL");
