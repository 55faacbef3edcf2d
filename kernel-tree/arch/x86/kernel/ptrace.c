// SPDX-License-Identifier: GPL-2.0
/*
 * System call tracing: the slow path of system call entry and exit, and
 * the definition of the raw_syscalls events.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/ptrace.h>

#define CREATE_TRACE_POINTS
#include <trace/events/syscalls.h>

static int sys_tracepoint_refcount;

int syscall_regfunc(void)
{
	sys_tracepoint_refcount++;
	return 0;
}

void syscall_unregfunc(void)
{
	sys_tracepoint_refcount--;
}

long syscall_trace_enter(struct pt_regs *regs)
{
	long ret = 0;

	if (sys_tracepoint_refcount)
		trace_sys_enter(regs, regs->orig_ax);
	return ret ?: regs->orig_ax;
}

void syscall_trace_leave(struct pt_regs *regs)
{
	if (sys_tracepoint_refcount) {
		trace_sys_exit(regs, regs->ax);
		trace_sys_exit_error(regs, regs->ax);
	}
}
