/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TP_SAMPLES_TRACE_H
#define _TP_SAMPLES_TRACE_H

#include <linux/fs.h>
#include <linux/tracepoint.h>

/* Trace points of the sample module: not in include/trace/, on purpose. */

DECLARE_TRACE(subsys_event,
	TPPROTO(struct inode *inode, struct file *file),
	TPARGS(inode, file));
DECLARE_TRACE(subsys_eventb,
	TPPROTO(void),
	TPARGS());

#endif /* _TP_SAMPLES_TRACE_H */
