// SPDX-License-Identifier: GPL-2.0
/*
 * tracepoint-sample.c: a module firing two trace points each time its
 * proc file is opened.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/fs.h>
#include "tp-samples-trace.h"

DEFINE_TRACE(subsys_event);
DEFINE_TRACE(subsys_eventb);

static int my_open(struct inode *inode, struct file *file)
{
	int i;

	trace_subsys_event(inode, file);
	for (i = 0; i < 10; i++)
		trace_subsys_eventb();
	return -EPERM;
}

const struct file_operations tracepoint_sample_ops = {
	.open = my_open,
};

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A module with two trace points");
