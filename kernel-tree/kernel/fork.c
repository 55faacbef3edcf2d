// SPDX-License-Identifier: GPL-2.0
/*
 * Process creation: copying a task and making it runnable.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/list.h>
#include <linux/string.h>
#include <trace/sched.h>

DEFINE_TRACE(sched_process_fork);

extern struct task_struct *alloc_task_struct(void);
static pid_t last_pid;

static struct task_struct *copy_process(unsigned long clone_flags)
{
	struct task_struct *p = alloc_task_struct();

	if (!p)
		return NULL;
	memcpy(p, current, sizeof(*p));
	p->pid = ++last_pid;
	p->tgid = p->pid;
	p->real_parent = p->parent = current;
	p->did_exec = 0;
	p->flags |= PF_FORKNOEXEC;
	INIT_LIST_HEAD(&p->children);
	list_add_tail(&p->sibling, &current->children);
	return p;
}

long do_fork(unsigned long clone_flags, unsigned long stack_start,
	     struct pt_regs *regs, unsigned long stack_size)
{
	struct task_struct *p = copy_process(clone_flags);

	if (!p)
		return -ENOMEM;
	trace_sched_process_fork(current, p);
	wake_up_new_task(p, clone_flags);
	return p->pid;
}
