// SPDX-License-Identifier: GPL-2.0
/*
 * Softirqs and tasklets: work deferred from interrupt handlers and run
 * with interrupts enabled.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/cpumask.h>
#include <trace/irq.h>

#define CREATE_TRACE_POINTS
#include <trace/events/irq.h>

DEFINE_TRACE(softirq_entry);
DEFINE_TRACE(softirq_exit);
DEFINE_TRACE(softirq_raise);
DEFINE_TRACE(tasklet_low_entry);
DEFINE_TRACE(tasklet_low_exit);
DEFINE_TRACE(tasklet_high_entry);
DEFINE_TRACE(tasklet_high_exit);

const char *softirq_to_name[NR_SOFTIRQS] = {
	"HI", "TIMER", "NET_TX", "NET_RX", "BLOCK",
	"TASKLET", "SCHED", "HRTIMER", "RCU"
};

static struct softirq_action softirq_vec[NR_SOFTIRQS];
static unsigned long softirq_pending_mask;

void raise_softirq(unsigned int nr)
{
	trace_softirq_raise(nr);
	trace_softirq_pending(nr);
	softirq_pending_mask |= 1UL << nr;
}

void open_softirq(int nr, void (*action)(struct softirq_action *))
{
	softirq_vec[nr].action = action;
}

void __do_softirq(void)
{
	struct softirq_action *h = softirq_vec;
	unsigned long pending = softirq_pending_mask;

	softirq_pending_mask = 0;
	while (pending) {
		if (pending & 1) {
			unsigned int vec_nr = h - softirq_vec;

			trace_softirq_entry(h, softirq_vec);
			trace_softirq_handler_entry(vec_nr);
			h->action(h);
			trace_softirq_handler_exit(vec_nr);
			trace_softirq_exit(h, softirq_vec);
		}
		h++;
		pending >>= 1;
	}
}

static struct tasklet_struct *tasklet_list, *tasklet_hi_list;

static void run_tasklets(struct tasklet_struct *list, int high)
{
	while (list) {
		struct tasklet_struct *t = list;

		list = list->next;
		if (t->count.counter)
			continue;
		if (high)
			trace_tasklet_high_entry(t);
		else
			trace_tasklet_low_entry(t);
		t->func(t->data);
		if (high)
			trace_tasklet_high_exit(t);
		else
			trace_tasklet_low_exit(t);
	}
}

static void tasklet_action(struct softirq_action *a)
{
	struct tasklet_struct *list = tasklet_list;

	tasklet_list = NULL;
	run_tasklets(list, 0);
}

static void tasklet_hi_action(struct softirq_action *a)
{
	struct tasklet_struct *list = tasklet_hi_list;

	tasklet_hi_list = NULL;
	run_tasklets(list, 1);
}

void __tasklet_schedule(struct tasklet_struct *t)
{
	t->next = tasklet_list;
	tasklet_list = t;
	raise_softirq(TASKLET_SOFTIRQ);
}
EXPORT_SYMBOL(__tasklet_schedule);

void __init softirq_init(void)
{
	open_softirq(TASKLET_SOFTIRQ, tasklet_action);
	open_softirq(HI_SOFTIRQ, tasklet_hi_action);
}
