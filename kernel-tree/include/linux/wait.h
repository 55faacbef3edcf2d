/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/spinlock.h>

struct __wait_queue_head {
	spinlock_t lock;
	struct list_head task_list;
};
typedef struct __wait_queue_head wait_queue_head_t;

extern void __wake_up(wait_queue_head_t *q, unsigned int mode, int nr,
		      void *key);

#define wake_up_interruptible(x)	__wake_up(x, 1, 1, NULL)

#endif /* _LINUX_WAIT_H */
