/* SPDX-License-Identifier: GPL-2.0 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM irq

#if !defined(_TRACE_EVENTS_IRQ_H) || defined(TRACE_HEADER_MULTI_READ)
#define _TRACE_EVENTS_IRQ_H

#include <linux/interrupt.h>
#include <linux/cpumask.h>
#include <linux/tracepoint.h>

#define softirq_name(sirq) { sirq##_SOFTIRQ, #sirq }
#define show_softirq_name(val)				\
	__print_symbolic(val,				\
			 softirq_name(HI),		\
			 softirq_name(TIMER),		\
			 softirq_name(NET_TX),		\
			 softirq_name(NET_RX),		\
			 softirq_name(BLOCK),		\
			 softirq_name(TASKLET),		\
			 softirq_name(SCHED),		\
			 softirq_name(HRTIMER),		\
			 softirq_name(RCU))

TRACE_EVENT(irq_handler_entry,

	TP_PROTO(int irq, struct irqaction *action),

	TP_ARGS(irq, action),

	TP_STRUCT__entry(
		__field(	int,	irq		)
		__string(	name,	action->name	)
	),

	TP_fast_assign(
		__entry->irq = irq;
		__assign_str(name, action->name);
	),

	TP_printk("irq=%d name=%s", __entry->irq, __get_str(name))
);

TRACE_EVENT(irq_handler_exit,

	TP_PROTO(int irq, struct irqaction *action, int ret),

	TP_ARGS(irq, action, ret),

	TP_STRUCT__entry(
		__field(	int,	irq	)
		__field(	int,	ret	)
	),

	TP_fast_assign(
		__entry->irq	= irq;
		__entry->ret	= ret;
	),

	TP_printk("irq=%d ret=%s",
		  __entry->irq, __entry->ret ? "handled" : "unhandled")
);

DECLARE_EVENT_CLASS(softirq,

	TP_PROTO(unsigned int vec_nr),

	TP_ARGS(vec_nr),

	TP_STRUCT__entry(
		__field(	unsigned int,	vec	)
	),

	TP_fast_assign(
		__entry->vec = vec_nr;
	),

	TP_printk("vec=%u [action=%s]", __entry->vec,
		  show_softirq_name(__entry->vec))
);

DEFINE_EVENT(softirq, softirq_handler_entry,
	TP_PROTO(unsigned int vec_nr),
	TP_ARGS(vec_nr));

DEFINE_EVENT(softirq, softirq_handler_exit,
	TP_PROTO(unsigned int vec_nr),
	TP_ARGS(vec_nr));

/* Pending vectors are printed by number only. */
DEFINE_EVENT_PRINT(softirq, softirq_pending,
	TP_PROTO(unsigned int vec_nr),
	TP_ARGS(vec_nr),
	TP_printk("vec=%u", __entry->vec));

TRACE_EVENT(irq_affinity_set,

	TP_PROTO(unsigned int irq, const struct cpumask *mask),

	TP_ARGS(irq, mask),

	TP_STRUCT__entry(
		__field(	unsigned int,	irq			)
		__bitmask(	cpus,		nr_cpumask_bits		)
	),

	TP_fast_assign(
		__entry->irq = irq;
		__assign_bitmask(cpus, cpumask_bits(mask), nr_cpumask_bits);
	),

	TP_printk("irq=%u cpus=%s", __entry->irq, __get_bitmask(cpus))
);

#ifdef CONFIG_GENERIC_IRQ_DEBUG
/* The registers at the time of a spurious interrupt, as raw bytes. */
TRACE_EVENT(irq_spurious_regs,

	TP_PROTO(unsigned int irq, struct pt_regs *regs),

	TP_ARGS(irq, regs),

	TP_STRUCT__entry(
		__field(unsigned int,	irq				)
		__array(__u8,		regs,	sizeof(struct pt_regs)	)
	),

	TP_fast_assign(
		__entry->irq = irq;
		memcpy(__entry->regs, regs, sizeof(struct pt_regs));
	),

	TP_printk("irq=%u", __entry->irq)
);
#endif /* CONFIG_GENERIC_IRQ_DEBUG */

#endif /* _TRACE_EVENTS_IRQ_H */

/* Outside the guard: creates the events when asked to. */
#include <trace/define_trace.h>
