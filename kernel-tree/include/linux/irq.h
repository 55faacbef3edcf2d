/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_IRQ_H
#define _LINUX_IRQ_H

#include <linux/kernel.h>
#include <linux/spinlock_types.h>
#include <linux/cpumask.h>
#include <linux/interrupt.h>
#include <asm/irq_regs.h>

#define NR_IRQS			256

#define IRQ_INPROGRESS		0x00000100
#define IRQ_DISABLED		0x00000200
#define IRQ_PENDING		0x00000400
#define IRQ_REPLAY		0x00000800
#define IRQ_LEVEL		0x00004000
#define IRQ_PER_CPU		0x00020000

struct irq_desc;

typedef void (*irq_flow_handler_t)(unsigned int irq, struct irq_desc *desc);

struct irq_chip {
	const char *name;
	unsigned int (*startup)(unsigned int irq);
	void (*shutdown)(unsigned int irq);
	void (*ack)(unsigned int irq);
	void (*mask)(unsigned int irq);
	void (*unmask)(unsigned int irq);
	void (*eoi)(unsigned int irq);
	int (*set_affinity)(unsigned int irq, const struct cpumask *dest);
};

struct irq_desc {
	unsigned int irq;
	irq_flow_handler_t handle_irq;
	struct irq_chip *chip;
	void *handler_data;
	struct irqaction *action;
	unsigned int status;
	unsigned int depth;
	unsigned int wake_depth;
	unsigned int irq_count;
	unsigned int irqs_unhandled;
	spinlock_t lock;
	cpumask_t affinity;
	const char *name;
} __attribute__((__aligned__(64)));

extern struct irq_desc irq_desc[NR_IRQS];

static inline struct irq_desc *irq_to_desc(unsigned int irq)
{
	return (irq < NR_IRQS) ? irq_desc + irq : NULL;
}

extern irqreturn_t handle_IRQ_event(unsigned int irq,
				    struct irqaction *action);
extern void handle_level_irq(unsigned int irq, struct irq_desc *desc);
extern void handle_edge_irq(unsigned int irq, struct irq_desc *desc);
extern unsigned int __do_IRQ(unsigned int irq);

#endif /* _LINUX_IRQ_H */
