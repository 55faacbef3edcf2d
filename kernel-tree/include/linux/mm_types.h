/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock_types.h>
#include <linux/cpumask.h>
#include <asm/page.h>

struct address_space;
struct kmem_cache;
struct file;
struct vm_operations_struct;

/*
 * One physical page frame.  A page is used for one thing at a time (page
 * cache, slab, page table...), so most members share storage in unions.
 */
struct page {
	unsigned long flags;
	atomic_t _count;
	union {
		atomic_t _mapcount;
		struct {
			u16 inuse;
			u16 objects;
		};
	};
	union {
		struct {
			unsigned long private;
			struct address_space *mapping;
		};
		spinlock_t ptl;
		struct kmem_cache *slab;
		struct page *first_page;
	};
	union {
		pgoff_t index;
		void *freelist;
	};
	struct list_head lru;
#if defined(WANT_PAGE_VIRTUAL)
	void *virtual;
#endif
};

typedef struct {
	unsigned long val;
} swp_entry_t;

/* A mapped range [vm_start, vm_end) of an address space. */
struct vm_area_struct {
	struct mm_struct *vm_mm;
	unsigned long vm_start;
	unsigned long vm_end;
	struct vm_area_struct *vm_next;
	unsigned long vm_flags;
	const struct vm_operations_struct *vm_ops;
	unsigned long vm_pgoff;
	struct file *vm_file;
	void *vm_private_data;
};

/* An address space, shared by the threads of a process. */
struct mm_struct {
	struct vm_area_struct *mmap;
	unsigned long mmap_base;
	unsigned long task_size;
	void *pgd;
	atomic_t mm_users;
	atomic_t mm_count;
	int map_count;
	spinlock_t page_table_lock;
	unsigned long total_vm, locked_vm, shared_vm, exec_vm;
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	cpumask_t cpu_vm_mask;
	unsigned long flags;
};

#endif /* _LINUX_MM_TYPES_H */
