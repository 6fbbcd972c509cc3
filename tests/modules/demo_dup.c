// SPDX-License-Identifier: GPL-2.0
/*
 * demo_dup: an out-of-tree copy that exports demo_provider_answer, which demo_provider
 * exports too. Loaded while demo_provider is, the kernel refuses it ("exports duplicate
 * symbol demo_provider_answer (owned by demo_provider)").
 */
#include <linux/init.h>
#include <linux/module.h>

int demo_provider_answer(void)
{
	return 7;
}
EXPORT_SYMBOL_GPL(demo_provider_answer);

static int __init demo_dup_init(void)
{
	return 0;
}

static void __exit demo_dup_exit(void)
{
}

module_init(demo_dup_init);
module_exit(demo_dup_exit);

MODULE_AUTHOR("lkmtui tests");
MODULE_DESCRIPTION("Exports a symbol demo_provider exports too");
MODULE_LICENSE("GPL");
