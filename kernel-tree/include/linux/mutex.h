/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_MUTEX_H
#define __LINUX_MUTEX_H

#include <linux/list.h>
#include <linux/spinlock_types.h>

struct task_struct;

struct mutex {
	atomic_t count;
	spinlock_t wait_lock;
	struct list_head wait_list;
#ifdef CONFIG_DEBUG_MUTEXES
	struct task_struct *owner;
	const char *name;
#endif
};

extern void mutex_lock(struct mutex *lock);
extern int mutex_lock_interruptible(struct mutex *lock) __must_check;
extern void mutex_unlock(struct mutex *lock);

#define DEFINE_MUTEX(name)	struct mutex name = { .count = { 1 } }

#endif /* __LINUX_MUTEX_H */
