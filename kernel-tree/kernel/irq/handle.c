// SPDX-License-Identifier: GPL-2.0
/*
 * The generic interrupt handling code: running the action chain of an
 * interrupt line.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/irq.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/cpumask.h>
#include <trace/irq.h>
#include <trace/events/irq.h>

DEFINE_TRACE(irq_entry);
DEFINE_TRACE(irq_exit);

struct irq_desc irq_desc[NR_IRQS];

/**
 * handle_IRQ_event - run the handlers of one interrupt line
 * @irq:	the interrupt number
 * @action:	the first handler of its chain
 */
irqreturn_t handle_IRQ_event(unsigned int irq, struct irqaction *action)
{
	irqreturn_t ret, retval = IRQ_NONE;

	trace_irq_entry(irq, get_irq_regs(), action);
	do {
		trace_irq_handler_entry(irq, action);
		ret = action->handler(irq, action->dev_id);
		trace_irq_handler_exit(irq, action, ret);
		retval |= ret;
		action = action->next;
	} while (action);
	trace_irq_exit(retval);

	return retval;
}

unsigned int __do_IRQ(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irqaction *action;
	irqreturn_t action_ret;

	if (!desc)
		return 0;
	spin_lock(&desc->lock);
	desc->irq_count++;
	action = desc->action;
	if (!action || (desc->status & IRQ_DISABLED)) {
		desc->status |= IRQ_PENDING;
		spin_unlock(&desc->lock);
		return 1;
	}
	desc->status |= IRQ_INPROGRESS;
	spin_unlock(&desc->lock);

	action_ret = handle_IRQ_event(irq, action);
	if (action_ret == IRQ_NONE)
		desc->irqs_unhandled++;

	spin_lock(&desc->lock);
	desc->status &= ~IRQ_INPROGRESS;
	spin_unlock(&desc->lock);
	return 1;
}

int irq_set_affinity(unsigned int irq, const struct cpumask *mask)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (!desc || !desc->chip->set_affinity)
		return -EINVAL;
	trace_irq_affinity_set(irq, mask);
	desc->affinity = *mask;
	return desc->chip->set_affinity(irq, mask);
}
EXPORT_SYMBOL(irq_set_affinity);
