// SPDX-License-Identifier: GPL-2.0
/*
 * exec: replacing a task's program with the one in a file.
 */

#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/string.h>
#include <trace/fs.h>

DEFINE_TRACE(fs_exec);

extern struct file *open_exec(const char *name);
extern void sched_exec_notify(struct task_struct *p, pid_t old_pid,
			      const char *filename);

int do_execve(const char *filename, char __user *__user *argv,
	      char __user *__user *envp, struct pt_regs *regs)
{
	struct task_struct *p = current;
	pid_t old_pid = p->pid;
	struct file *file;
	const char *name;

	file = open_exec(filename);
	if (!file)
		return -ENOENT;

	trace_fs_exec(filename);

	name = strchr(filename, '/') ? filename + strlen(filename) : filename;
	while (name > filename && name[-1] != '/')
		name--;
	set_task_comm(p, (char *)name);
	p->did_exec = 1;
	p->in_execve = 0;
	sched_exec_notify(p, old_pid, filename);
	fput(file);
	return 0;
}
