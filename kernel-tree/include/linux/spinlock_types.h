/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_SPINLOCK_TYPES_H
#define __LINUX_SPINLOCK_TYPES_H

#include <linux/types.h>

typedef struct {
	volatile unsigned int slock;
} raw_spinlock_t;

typedef struct {
	raw_spinlock_t raw_lock;
#ifdef CONFIG_DEBUG_SPINLOCK
	unsigned int magic, owner_cpu;
	void *owner;
#endif
} spinlock_t;

typedef struct {
	volatile unsigned int lock;
} rwlock_t;

#define __SPIN_LOCK_UNLOCKED(name)	{ .raw_lock = { 0 } }
#define DEFINE_SPINLOCK(x)		spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

#endif /* __LINUX_SPINLOCK_TYPES_H */
