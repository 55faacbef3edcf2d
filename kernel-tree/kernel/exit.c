// SPDX-License-Identifier: GPL-2.0
/*
 * Process exit: releasing a task's resources and reaping zombies.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/list.h>
#include <linux/marker.h>
#include <trace/sched.h>

DEFINE_TRACE(sched_process_free);
DEFINE_TRACE(sched_process_exit);
DEFINE_TRACE(sched_process_wait);

extern void free_task(struct task_struct *tsk);

static void delayed_put_task_struct(struct task_struct *tsk)
{
	trace_sched_process_free(tsk);
	free_task(tsk);
}

void release_task(struct task_struct *p)
{
	list_del(&p->tasks);
	p->exit_state = EXIT_DEAD;
	delayed_put_task_struct(p);
}

void do_exit(long code)
{
	struct task_struct *tsk = current;

	tsk->flags |= PF_EXITING;
	trace_sched_process_exit(tsk);
	trace_mark(kernel, process_exit_code, "pid %d code #2d%ld",
		   tsk->pid, code);
	tsk->exit_code = code;
	tsk->exit_state = EXIT_ZOMBIE;
	schedule();
	for (;;)
		barrier();
}
EXPORT_SYMBOL_GPL(do_exit);

long do_wait(pid_t pid, int options)
{
	struct task_struct *p;

	trace_sched_process_wait(pid);
	list_for_each_entry(p, &current->children, sibling) {
		if (pid > 0 && p->pid != pid)
			continue;
		if (p->exit_state == EXIT_ZOMBIE) {
			release_task(p);
			return pid > 0 ? pid : p->pid;
		}
	}
	return -ESRCH;
}
