/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

#include <linux/types.h>

struct timespec {
	time_t tv_sec;
	long tv_nsec;
};

struct timeval {
	time_t tv_sec;
	long tv_usec;
};

typedef union {
	s64 tv64;
} ktime_t;

#define NSEC_PER_SEC	1000000000L
#define NSEC_PER_USEC	1000L

extern unsigned long volatile jiffies;
extern u64 sched_clock(void);

#endif /* _LINUX_TIME_H */
