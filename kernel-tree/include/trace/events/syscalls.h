/* SPDX-License-Identifier: GPL-2.0 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM raw_syscalls
#define TRACE_INCLUDE_FILE syscalls

#if !defined(_TRACE_EVENTS_SYSCALLS_H) || defined(TRACE_HEADER_MULTI_READ)
#define _TRACE_EVENTS_SYSCALLS_H

#include <linux/ptrace.h>
#include <linux/tracepoint.h>

/*
 * System call entry and exit.  Connecting the first probe sets a flag in
 * every task so that the slow system call path is taken: the register and
 * unregister functions below do that.
 */
extern int syscall_regfunc(void);
extern void syscall_unregfunc(void);

TRACE_EVENT_FN(sys_enter,

	TP_PROTO(struct pt_regs *regs, long id),

	TP_ARGS(regs, id),

	TP_STRUCT__entry(
		__field(	long,		id		)
		__array(	unsigned long,	args,	6	)
	),

	TP_fast_assign(
		__entry->id	= id;
		memset(__entry->args, 0, sizeof(__entry->args));
	),

	TP_printk("NR %ld (%lx, %lx, %lx, %lx, %lx, %lx)",
		  __entry->id,
		  __entry->args[0], __entry->args[1], __entry->args[2],
		  __entry->args[3], __entry->args[4], __entry->args[5]),

	syscall_regfunc, syscall_unregfunc
);

TRACE_EVENT_FN(sys_exit,

	TP_PROTO(struct pt_regs *regs, long ret),

	TP_ARGS(regs, ret),

	TP_STRUCT__entry(
		__field(	long,	id	)
		__field(	long,	ret	)
	),

	TP_fast_assign(
		__entry->id	= 0;
		__entry->ret	= ret;
	),

	TP_printk("NR %ld = %ld",
		  __entry->id, __entry->ret),

	syscall_regfunc, syscall_unregfunc
);

/* Failed system calls only. */
TRACE_EVENT_FN_COND(sys_exit_error,

	TP_PROTO(struct pt_regs *regs, long ret),

	TP_ARGS(regs, ret),

	TP_CONDITION(ret < 0),

	TP_STRUCT__entry(
		__field(	long,	ret	)
	),

	TP_fast_assign(
		__entry->ret	= ret;
	),

	TP_printk("error %ld", -__entry->ret),

	syscall_regfunc, syscall_unregfunc
);

#endif /* _TRACE_EVENTS_SYSCALLS_H */

/* Outside the guard: creates the events when asked to. */
#include <trace/define_trace.h>
