/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TRACE_IRQ_H
#define _TRACE_IRQ_H

#include <linux/interrupt.h>
#include <linux/tracepoint.h>

/*
 * Interrupt, softirq and tasklet entry and exit; defined in
 * kernel/irq/handle.c and kernel/softirq.c.
 */

DECLARE_TRACE(irq_entry,
	TP_PROTO(unsigned int id, struct pt_regs *regs,
		struct irqaction *action),
	TP_ARGS(id, regs, action));

DECLARE_TRACE(irq_exit,
	TP_PROTO(irqreturn_t retval),
	TP_ARGS(retval));

DECLARE_TRACE(softirq_entry,
	TP_PROTO(struct softirq_action *h, struct softirq_action *softirq_vec),
	TP_ARGS(h, softirq_vec));

DECLARE_TRACE(softirq_exit,
	TP_PROTO(struct softirq_action *h, struct softirq_action *softirq_vec),
	TP_ARGS(h, softirq_vec));

DECLARE_TRACE(softirq_raise,
	TP_PROTO(unsigned int nr),
	TP_ARGS(nr));

DECLARE_TRACE(tasklet_low_entry,
	TP_PROTO(struct tasklet_struct *t),
	TP_ARGS(t));

DECLARE_TRACE(tasklet_low_exit,
	TP_PROTO(struct tasklet_struct *t),
	TP_ARGS(t));

DECLARE_TRACE(tasklet_high_entry,
	TP_PROTO(struct tasklet_struct *t),
	TP_ARGS(t));

DECLARE_TRACE(tasklet_high_exit,
	TP_PROTO(struct tasklet_struct *t),
	TP_ARGS(t));

#endif /* _TRACE_IRQ_H */
