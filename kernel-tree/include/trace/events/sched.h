/* SPDX-License-Identifier: GPL-2.0 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM sched

#if !defined(_TRACE_EVENTS_SCHED_H) || defined(TRACE_HEADER_MULTI_READ)
#define _TRACE_EVENTS_SCHED_H

#include <linux/sched.h>
#include <linux/tracepoint.h>

/*
 * Scheduler statistics events, recorded as fixed-layout records.  The
 * older DECLARE_TRACE points are in include/trace/sched.h.
 */

DECLARE_EVENT_CLASS(sched_stat_template,

	TP_PROTO(struct task_struct *tsk, u64 delay),

	TP_ARGS(tsk, delay),

	TP_STRUCT__entry(
		__array(char,	comm,	TASK_COMM_LEN	)
		__field(pid_t,	pid			)
		__field(u64,	delay			)
	),

	TP_fast_assign(
		memcpy(__entry->comm, tsk->comm, TASK_COMM_LEN);
		__entry->pid	= tsk->pid;
		__entry->delay	= delay;
	),

	TP_printk("comm=%s pid=%d delay=%llu [ns]",
		  __entry->comm, __entry->pid,
		  (unsigned long long)__entry->delay)
);

DEFINE_EVENT(sched_stat_template, sched_stat_wait,
	TP_PROTO(struct task_struct *tsk, u64 delay),
	TP_ARGS(tsk, delay));

DEFINE_EVENT(sched_stat_template, sched_stat_sleep,
	TP_PROTO(struct task_struct *tsk, u64 delay),
	TP_ARGS(tsk, delay));

DEFINE_EVENT(sched_stat_template, sched_stat_iowait,
	TP_PROTO(struct task_struct *tsk, u64 delay),
	TP_ARGS(tsk, delay));

/* Blocked time only means something for a task that did block. */
DEFINE_EVENT_CONDITION(sched_stat_template, sched_stat_blocked,
	TP_PROTO(struct task_struct *tsk, u64 delay),
	TP_ARGS(tsk, delay),
	TP_CONDITION(delay != 0));

TRACE_EVENT(sched_stat_runtime,

	TP_PROTO(struct task_struct *tsk, u64 runtime, u64 vruntime),

	TP_ARGS(tsk, runtime, vruntime),

	TP_STRUCT__entry(
		__array(char,	comm,	TASK_COMM_LEN	)
		__field(pid_t,	pid			)
		__field(u64,	runtime			)
		__field(u64,	vruntime		)
	),

	TP_fast_assign(
		memcpy(__entry->comm, tsk->comm, TASK_COMM_LEN);
		__entry->pid		= tsk->pid;
		__entry->runtime	= runtime;
		__entry->vruntime	= vruntime;
	),

	TP_printk("comm=%s pid=%d runtime=%llu [ns] vruntime=%llu [ns]",
		  __entry->comm, __entry->pid,
		  (unsigned long long)__entry->runtime,
		  (unsigned long long)__entry->vruntime)
);

TRACE_EVENT(sched_process_exec,

	TP_PROTO(struct task_struct *p, pid_t old_pid, const char *filename),

	TP_ARGS(p, old_pid, filename),

	TP_STRUCT__entry(
		__string(	filename,	filename	)
		__field(	pid_t,		pid		)
		__field(	pid_t,		old_pid		)
	),

	TP_fast_assign(
		__assign_str(filename, filename);
		__entry->pid		= p->pid;
		__entry->old_pid	= old_pid;
	),

	TP_printk("filename=%s pid=%d old_pid=%d", __get_str(filename),
		  __entry->pid, __entry->old_pid)
);

TRACE_EVENT(sched_pi_setprio,

	TP_PROTO(struct task_struct *tsk, int newprio),

	TP_ARGS(tsk, newprio),

	TP_STRUCT__entry(
		__array(char,	comm,	TASK_COMM_LEN	)
		__field(pid_t,	pid			)
		__field(int,	oldprio			)
		__field(int,	newprio			)
	),

	TP_fast_assign(
		memcpy(__entry->comm, tsk->comm, TASK_COMM_LEN);
		__entry->pid		= tsk->pid;
		__entry->oldprio	= tsk->prio;
		__entry->newprio	= newprio;
	),

	TP_printk("comm=%s pid=%d oldprio=%d newprio=%d",
		  __entry->comm, __entry->pid,
		  __entry->oldprio, __entry->newprio)
);

/* Reported by the hung task detector, only for a real timeout. */
TRACE_EVENT_CONDITION(sched_process_hang,

	TP_PROTO(struct task_struct *tsk, unsigned long timeout),

	TP_ARGS(tsk, timeout),

	TP_CONDITION(timeout > 0),

	TP_STRUCT__entry(
		__array(char,		comm,	TASK_COMM_LEN	)
		__field(pid_t,		pid			)
		__field(long,		state			)
		__field(unsigned long,	timeout			)
	),

	TP_fast_assign(
		memcpy(__entry->comm, tsk->comm, TASK_COMM_LEN);
		__entry->pid		= tsk->pid;
		__entry->state		= tsk->state;
		__entry->timeout	= timeout;
	),

	TP_printk("comm=%s pid=%d state=%s timeout=%lu",
		  __entry->comm, __entry->pid,
		  __print_flags(__entry->state, "|",
				{ TASK_INTERRUPTIBLE, "S" },
				{ TASK_UNINTERRUPTIBLE, "D" },
				{ __TASK_STOPPED, "T" },
				{ __TASK_TRACED, "t" },
				{ TASK_WAKEKILL, "K" }),
		  __entry->timeout)
);

#endif /* _TRACE_EVENTS_SCHED_H */

/* Outside the guard: creates the events when asked to. */
#include <trace/define_trace.h>
