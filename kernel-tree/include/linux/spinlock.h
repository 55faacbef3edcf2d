/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_SPINLOCK_H
#define __LINUX_SPINLOCK_H

#include <linux/compiler.h>
#include <linux/spinlock_types.h>

extern void _spin_lock(spinlock_t *lock) __acquires(lock);
extern void _spin_unlock(spinlock_t *lock) __releases(lock);
extern unsigned long _spin_lock_irqsave(spinlock_t *lock);
extern void _spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);

#define spin_lock_init(lock)	do { (lock)->raw_lock.slock = 0; } while (0)
#define spin_lock(lock)		_spin_lock(lock)
#define spin_unlock(lock)	_spin_unlock(lock)
#define spin_lock_irqsave(lock, flags)				\
	do { flags = _spin_lock_irqsave(lock); } while (0)
#define spin_unlock_irqrestore(lock, flags)			\
	_spin_unlock_irqrestore(lock, flags)

#endif /* __LINUX_SPINLOCK_H */
