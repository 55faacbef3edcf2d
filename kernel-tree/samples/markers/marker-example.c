// SPDX-License-Identifier: GPL-2.0
/*
 * marker-example.c: a module with two markers, fired each time its proc
 * file is opened.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/marker.h>
#include <linux/fs.h>

extern struct proc_dir_entry *proc_create(const char *name, umode_t mode,
					  struct proc_dir_entry *parent,
					  const struct file_operations *fops);
extern void remove_proc_entry(const char *name,
			      struct proc_dir_entry *parent);

static struct proc_dir_entry *pentry_example;

static int my_open(struct inode *inode, struct file *file)
{
	int i;

	trace_mark(samples, subsystem_event, "integer %d string %s", 123,
		   "example string");
	for (i = 0; i < 10; i++)
		trace_mark(samples, subsystem_eventb, MARK_NOARGS);
	return -EPERM;
}

static const struct file_operations mark_ops = {
	.open = my_open,
};

static int __init example_init(void)
{
	printk(KERN_INFO "marker-example loaded\n");
	pentry_example = proc_create("marker-example", 0444, NULL, &mark_ops);
	if (!pentry_example)
		return -EPERM;
	return 0;
}

static void __exit example_exit(void)
{
	printk(KERN_INFO "marker-example unloaded\n");
	remove_proc_entry("marker-example", NULL);
}

module_init(example_init)
module_exit(example_exit)

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The markers sample authors");
MODULE_DESCRIPTION("A module with two markers");
