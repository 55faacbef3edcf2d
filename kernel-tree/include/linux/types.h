/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

/*
 * Basic kernel types.  The tree is built with -nostdinc, so everything here
 * comes from the arch's asm/types.h or from compiler built-ins.
 */
#include <linux/compiler.h>
#include <asm/types.h>

#ifndef __ASSEMBLY__

typedef __u32 __kernel_dev_t;
typedef int __kernel_pid_t;
typedef long __kernel_off_t;
typedef long long __kernel_loff_t;
typedef long __kernel_time_t;
typedef long __kernel_clock_t;
typedef unsigned int __kernel_uid32_t;
typedef unsigned int __kernel_gid32_t;

typedef __SIZE_TYPE__ size_t;
typedef __PTRDIFF_TYPE__ ptrdiff_t;
typedef long ssize_t;

typedef __kernel_dev_t dev_t;
typedef unsigned long ino_t;
typedef unsigned short umode_t;
typedef unsigned int nlink_t;
typedef __kernel_off_t off_t;
typedef __kernel_pid_t pid_t;
typedef __kernel_uid32_t uid_t;
typedef __kernel_gid32_t gid_t;
typedef __kernel_loff_t loff_t;
typedef __kernel_time_t time_t;
typedef __kernel_clock_t clock_t;

typedef _Bool bool;

typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;
typedef unsigned long ulong;

/* The block layer counts 512-byte sectors, always in 64 bits. */
typedef u64 sector_t;
typedef u64 blkcnt_t;

typedef unsigned long pgoff_t;
typedef u64 phys_addr_t;
typedef phys_addr_t resource_size_t;

typedef unsigned int __bitwise gfp_t;
typedef unsigned int __bitwise fmode_t;

typedef u16 __le16;
typedef u16 __be16;
typedef u32 __le32;
typedef u32 __be32;
typedef u64 __le64;
typedef u64 __be64;

typedef struct {
	volatile int counter;
} atomic_t;

typedef struct {
	volatile long counter;
} atomic_long_t;

struct list_head {
	struct list_head *next, *prev;
};

struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

#endif /* __ASSEMBLY__ */
#endif /* _LINUX_TYPES_H */
