/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SPU file system: the contexts a process runs on the Cell's synergistic
 * processing units, and how they are scheduled.
 */
#ifndef SPUFS_H
#define SPUFS_H

#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock_types.h>
#include <linux/fs.h>
#include <linux/marker.h>

struct spu;
struct spu_gang;

enum spu_context_state {
	SPU_STATE_RUNNABLE,
	SPU_STATE_SAVED,
};

/* A context: the state of a program that runs on an SPU when loaded. */
struct spu_context {
	struct spu *spu;
	struct mutex state_mutex;
	enum spu_context_state state;
	struct address_space *local_store;
	struct task_struct *owner;
	struct spu_gang *gang;
	unsigned long flags;
	struct list_head rq;
	int prio;
	unsigned int time_slice;
	unsigned long sched_flags;
	unsigned long tid;
};

struct spu {
	const char *name;
	unsigned long local_store_phys;
	int number;
	int node;
	struct spu_context *ctx;
	unsigned long flags;
};

/* Scheduler events, one marker each; the name says which. */
#define spu_context_trace(name, ctx, spu)			\
	trace_mark(spufs, name, "ctx %p spu %p", ctx, spu)
#define spu_context_nospu_trace(name, ctx)			\
	trace_mark(spufs, name, "ctx %p", ctx)

extern int spu_activate(struct spu_context *ctx, unsigned long flags);
extern void spu_deactivate(struct spu_context *ctx);
extern void spu_yield(struct spu_context *ctx);

#endif /* SPUFS_H */
