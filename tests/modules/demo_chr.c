// SPDX-License-Identifier: GPL-2.0
/*
 * demo_chr: registers a character device major named after itself, as old drivers do
 * (register_chrdev). A process holding /dev/demo_chr open keeps it loaded.
 */
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>

static int major;

static const struct file_operations demo_chr_fops = {
	.owner = THIS_MODULE,
};

static int __init demo_chr_init(void)
{
	major = register_chrdev(0, "demo_chr", &demo_chr_fops);
	if (major < 0)
		return major;
	return 0;
}

static void __exit demo_chr_exit(void)
{
	unregister_chrdev(major, "demo_chr");
}

module_init(demo_chr_init);
module_exit(demo_chr_exit);

MODULE_AUTHOR("lkmtui tests");
MODULE_DESCRIPTION("A character device major");
MODULE_LICENSE("GPL");
