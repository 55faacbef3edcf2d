/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/spinlock_types.h>
#include <linux/cpumask.h>
#include <linux/time.h>
#include <asm/ptrace.h>

#define TASK_COMM_LEN		16

#define TASK_RUNNING		0
#define TASK_INTERRUPTIBLE	1
#define TASK_UNINTERRUPTIBLE	2
#define __TASK_STOPPED		4
#define __TASK_TRACED		8
#define EXIT_ZOMBIE		16
#define EXIT_DEAD		32
#define TASK_DEAD		64
#define TASK_WAKEKILL		128

#define MAX_RT_PRIO		100
#define MAX_PRIO		(MAX_RT_PRIO + 40)

enum sched_policy {
	SCHED_NORMAL	= 0,
	SCHED_FIFO	= 1,
	SCHED_RR	= 2,
	SCHED_BATCH	= 3,
	SCHED_IDLE	= 5,
};

struct rq;		/* defined in kernel/sched.c only */
struct mm_struct;
struct files_struct;
struct fs_struct;
struct signal_struct;
struct sighand_struct;
struct nsproxy;
struct pid_namespace;
struct io_context;
struct pipe_inode_info;
struct module;

struct load_weight {
	unsigned long weight, inv_weight;
};

/* The fair scheduler's view of a task: its weight and virtual runtime. */
struct sched_entity {
	struct load_weight load;
	struct list_head group_node;
	unsigned int on_rq;

	u64 exec_start;
	u64 sum_exec_runtime;
	u64 vruntime;
	u64 prev_sum_exec_runtime;

#ifdef CONFIG_SCHEDSTATS
	u64 wait_start;
	u64 wait_max;
	u64 sleep_start;
	u64 block_start;
	u64 iowait_count;
	u64 iowait_sum;
#endif
};

struct sched_rt_entity {
	struct list_head run_list;
	unsigned long timeout;
	unsigned int time_slice;
	int nr_cpus_allowed;
};

struct task_cputime {
	clock_t utime;
	clock_t stime;
	unsigned long long sum_exec_runtime;
};

/*
 * A task: a process or a thread.  state is TASK_RUNNING (0), one of the
 * sleeping states (> 0), or -1 when it cannot run at all.
 */
struct task_struct {
	volatile long state;
	void *stack;
	atomic_t usage;
	unsigned int flags;
	unsigned int ptrace;

	int lock_depth;

	int prio, static_prio, normal_prio;
	unsigned int rt_priority;
	struct sched_entity se;
	struct sched_rt_entity rt;

	unsigned int policy;
	cpumask_t cpus_allowed;

	struct list_head tasks;

	struct mm_struct *mm, *active_mm;

	int exit_state;
	int exit_code, exit_signal;
	int pdeath_signal;
	unsigned int personality;
	unsigned did_exec:1;
	unsigned in_execve:1;
	unsigned in_iowait:1;
	unsigned sched_reset_on_fork:1;

	pid_t pid;
	pid_t tgid;

	struct task_struct *real_parent;
	struct task_struct *parent;
	struct list_head children;
	struct list_head sibling;
	struct task_struct *group_leader;

	unsigned long nvcsw, nivcsw;
	struct timespec start_time;
	struct timespec real_start_time;
	struct task_cputime cputime_expires;

	uid_t uid, euid, suid, fsuid;
	gid_t gid, egid, sgid, fsgid;

	char comm[TASK_COMM_LEN];	/* name of the executable, no path */

	/* A task waits for a signal or on a queue, never both. */
	union {
		int pending_signal;
		struct list_head wait_entry;
	};

	struct fs_struct *fs;
	struct files_struct *files;
	struct nsproxy *nsproxy;
	struct signal_struct *signal;
	struct sighand_struct *sighand;

	spinlock_t alloc_lock;
	struct io_context *io_context;
	struct pipe_inode_info *splice_pipe;

	/* Set for kernel threads only. */
	struct {
		int (*threadfn)(void *data);
		void *data;
		int should_stop;
	} kthread;

	struct pt_regs *saved_regs;
};

#define PF_EXITING	0x00000004
#define PF_FORKNOEXEC	0x00000040
#define PF_SUPERPRIV	0x00000100
#define PF_MEMALLOC	0x00000800
#define PF_KTHREAD	0x00200000

extern struct task_struct *current_task;
#define current		current_task

static inline pid_t task_pid_nr(struct task_struct *tsk)
{
	return tsk->pid;
}

static inline pid_t task_tgid_nr(struct task_struct *tsk)
{
	return tsk->tgid;
}

static inline int task_cpu(const struct task_struct *p)
{
	return 0;
}

extern void schedule(void);
extern long schedule_timeout(long timeout);
extern int wake_up_process(struct task_struct *tsk);
extern void wake_up_new_task(struct task_struct *tsk,
			     unsigned long clone_flags);
extern int kthread_stop(struct task_struct *k);
extern void set_task_comm(struct task_struct *tsk, char *from);
extern char *get_task_comm(char *to, struct task_struct *tsk);
extern int send_sig(int sig, struct task_struct *p, int priv);
extern void do_exit(long code) __noreturn;

#endif /* _LINUX_SCHED_H */
