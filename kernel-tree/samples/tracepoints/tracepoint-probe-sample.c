// SPDX-License-Identifier: GPL-2.0
/*
 * tracepoint-probe-sample.c: probes for the trace points of
 * tracepoint-sample.c.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/fs.h>
#include "tp-samples-trace.h"

static void probe_subsys_event(struct inode *inode, struct file *file)
{
	printk(KERN_INFO "subsys_event: inode %lu\n", inode->i_ino);
}

static void probe_subsys_eventb(void)
{
	printk(KERN_INFO "subsys_eventb\n");
}

static int __init tp_sample_trace_init(void)
{
	int ret;

	ret = register_trace_subsys_event(probe_subsys_event);
	WARN_ON(ret);
	ret = register_trace_subsys_eventb(probe_subsys_eventb);
	WARN_ON(ret);
	return 0;
}

static void __exit tp_sample_trace_exit(void)
{
	unregister_trace_subsys_eventb(probe_subsys_eventb);
	unregister_trace_subsys_event(probe_subsys_event);
}

module_init(tp_sample_trace_init);
module_exit(tp_sample_trace_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Probes for the tracepoint sample");
