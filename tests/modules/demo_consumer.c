// SPDX-License-Identifier: GPL-2.0
/* demo_consumer: uses demo_provider_answer, so it depends on demo_provider. */
#include <linux/init.h>
#include <linux/module.h>

int demo_provider_answer(void);

static int __init demo_consumer_init(void)
{
	pr_info("demo_consumer: provider says %d\n", demo_provider_answer());
	return 0;
}

static void __exit demo_consumer_exit(void)
{
}

module_init(demo_consumer_init);
module_exit(demo_consumer_exit);

MODULE_DESCRIPTION("Uses demo_provider_answer");
MODULE_LICENSE("GPL");
