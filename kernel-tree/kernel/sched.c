// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sched.c: the scheduler core.  Per-CPU run queues, wake-ups,
 * context switches and migration.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/cpumask.h>
#include <trace/sched.h>

#define CREATE_TRACE_POINTS
#include <trace/events/sched.h>

DEFINE_TRACE(sched_wait_task);
DEFINE_TRACE(sched_wakeup);
DEFINE_TRACE(sched_wakeup_new);
DEFINE_TRACE(sched_switch);
DEFINE_TRACE(sched_migrate_task);
DEFINE_TRACE(sched_process_hang_check);

/* The fair class's part of a run queue. */
struct cfs_rq {
	struct load_weight load;
	unsigned long nr_running;
	u64 exec_clock;
	u64 min_vruntime;
	struct sched_entity *curr, *next, *last;
};

struct rt_rq {
	unsigned long rt_nr_running;
	int rt_throttled;
	u64 rt_time;
	u64 rt_runtime;
};

/*
 * A CPU's run queue.  Private to this file: everything else, the trace
 * points included, only ever holds a pointer to it.
 */
struct rq {
	spinlock_t lock;
	unsigned long nr_running;
	unsigned long cpu_load[5];
	struct load_weight load;
	unsigned long nr_load_updates;
	u64 nr_switches;

	struct cfs_rq cfs;
	struct rt_rq rt;

	unsigned long nr_uninterruptible;

	struct task_struct *curr, *idle;
	unsigned long next_balance;
	struct mm_struct *prev_mm;

	u64 clock;
	atomic_t nr_iowait;
	int cpu;
	int online;
};

static struct rq runqueues[NR_CPUS];

#define cpu_rq(cpu)		(&runqueues[(cpu)])
#define task_rq(p)		cpu_rq(task_cpu(p))

void wait_task_inactive(struct task_struct *p)
{
	struct rq *rq = task_rq(p);

	trace_sched_wait_task(rq, p);
	while (rq->curr == p)
		barrier();
}

static int try_to_wake_up(struct task_struct *p, unsigned int state, int sync)
{
	struct rq *rq = task_rq(p);
	int success = 0;

	spin_lock(&rq->lock);
	if (p->state & state) {
		p->state = TASK_RUNNING;
		rq->nr_running++;
		success = 1;
	}
	trace_sched_wakeup(rq, p, success);
	spin_unlock(&rq->lock);
	return success;
}

int wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE, 0);
}
EXPORT_SYMBOL(wake_up_process);

void wake_up_new_task(struct task_struct *p, unsigned long clone_flags)
{
	struct rq *rq = task_rq(p);

	spin_lock(&rq->lock);
	p->state = TASK_RUNNING;
	rq->nr_running++;
	trace_sched_wakeup_new(rq, p, 1);
	spin_unlock(&rq->lock);
}

static void update_stats_wait_end(struct rq *rq, struct task_struct *p)
{
	u64 delay = rq->clock - p->se.exec_start;

	trace_sched_stat_wait(p, delay);
	trace_sched_stat_blocked(p, p->in_iowait ? 0 : delay);
	if (p->in_iowait)
		trace_sched_stat_iowait(p, delay);
}

static inline void context_switch(struct rq *rq, struct task_struct *prev,
				  struct task_struct *next)
{
	rq->prev_mm = prev->active_mm;
	rq->curr = next;
}

/*
 * The main scheduler function: pick the next task of this CPU's run
 * queue and switch to it.
 */
void schedule(void)
{
	struct task_struct *prev, *next;
	struct rq *rq;
	u64 delta;

	rq = cpu_rq(0);
	prev = rq->curr;

	spin_lock(&rq->lock);
	next = rq->cfs.next ? container_of(rq->cfs.next, struct task_struct, se)
			    : rq->idle;
	delta = rq->clock - prev->se.exec_start;
	prev->se.sum_exec_runtime += delta;
	trace_sched_stat_runtime(prev, delta, prev->se.vruntime);

	if (likely(prev != next)) {
		rq->nr_switches++;
		update_stats_wait_end(rq, next);
		trace_sched_switch(rq, prev, next);
		context_switch(rq, prev, next);
	}
	spin_unlock(&rq->lock);
}
EXPORT_SYMBOL(schedule);

void set_task_cpu(struct task_struct *p, unsigned int new_cpu)
{
	int old_cpu = task_cpu(p);

	trace_sched_migrate_task(p, old_cpu, new_cpu);
	if (old_cpu != new_cpu)
		p->se.exec_start = cpu_rq(new_cpu)->clock;
}

void rt_mutex_setprio(struct task_struct *p, int prio)
{
	trace_sched_pi_setprio(p, prio);
	p->prio = prio;
}

void check_hung_task(struct task_struct *t, unsigned long timeout)
{
	trace_sched_process_hang_check(t, timeout);
	trace_sched_process_hang(t, timeout);
	if (t->state == TASK_UNINTERRUPTIBLE)
		printk(KERN_ERR "INFO: task %s:%d blocked for more than %lu "
		       "seconds.\n", t->comm, t->pid, timeout);
}

void sched_exec_notify(struct task_struct *p, pid_t old_pid,
		       const char *filename)
{
	trace_sched_process_exec(p, old_pid, filename);
}

void set_task_comm(struct task_struct *tsk, char *buf)
{
	strlcpy(tsk->comm, buf, sizeof(tsk->comm));
}

void sched_stat_sleep_end(struct task_struct *p, u64 delta)
{
	trace_sched_stat_sleep(p, delta);
}
