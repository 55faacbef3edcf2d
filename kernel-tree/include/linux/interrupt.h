/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/kernel.h>
#include <linux/irqreturn.h>
#include <linux/compiler.h>
#include <asm/ptrace.h>

#define IRQF_DISABLED		0x00000020
#define IRQF_SAMPLE_RANDOM	0x00000040
#define IRQF_SHARED		0x00000080
#define IRQF_TIMER		0x00000200
#define IRQF_PERCPU		0x00000400

typedef irqreturn_t (*irq_handler_t)(int, void *);

struct irqaction {
	irq_handler_t handler;
	unsigned long flags;
	const char *name;
	void *dev_id;
	struct irqaction *next;
	int irq;
};

extern int request_irq(unsigned int irq, irq_handler_t handler,
		       unsigned long flags, const char *name, void *dev);
extern void free_irq(unsigned int irq, void *dev_id);

enum {
	HI_SOFTIRQ = 0,
	TIMER_SOFTIRQ,
	NET_TX_SOFTIRQ,
	NET_RX_SOFTIRQ,
	BLOCK_SOFTIRQ,
	TASKLET_SOFTIRQ,
	SCHED_SOFTIRQ,
	HRTIMER_SOFTIRQ,
	RCU_SOFTIRQ,

	NR_SOFTIRQS
};

extern const char *softirq_to_name[NR_SOFTIRQS];

struct softirq_action {
	void (*action)(struct softirq_action *);
};

extern void open_softirq(int nr, void (*action)(struct softirq_action *));
extern void raise_softirq(unsigned int nr);
extern void irq_enter(void);
extern void irq_exit(void);

struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;
	atomic_t count;
	void (*func)(unsigned long);
	unsigned long data;
};

enum {
	TASKLET_STATE_SCHED,
	TASKLET_STATE_RUN
};

extern void tasklet_init(struct tasklet_struct *t,
			 void (*func)(unsigned long), unsigned long data);
extern void __tasklet_schedule(struct tasklet_struct *t);
extern void __tasklet_hi_schedule(struct tasklet_struct *t);

#endif /* _LINUX_INTERRUPT_H */
