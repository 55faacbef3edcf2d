/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>

#define VM_READ		0x00000001
#define VM_WRITE	0x00000002
#define VM_EXEC		0x00000004
#define VM_SHARED	0x00000008

#define VM_FAULT_OOM	0x0001
#define VM_FAULT_SIGBUS	0x0002
#define VM_FAULT_MAJOR	0x0004
#define VM_FAULT_WRITE	0x0008

enum pageflags {
	PG_locked,
	PG_error,
	PG_referenced,
	PG_uptodate,
	PG_dirty,
	PG_lru,
	PG_active,
	PG_slab,
	PG_reserved,
	PG_private,
	PG_writeback,
	PG_swapcache,
	__NR_PAGEFLAGS,
};

extern struct page *mem_map;

#define page_to_pfn(page)	((unsigned long)((page) - mem_map))
#define pfn_to_page(pfn)	(mem_map + (pfn))

static inline int page_count(struct page *page)
{
	return page->_count.counter;
}

extern int handle_mm_fault(struct mm_struct *mm, struct vm_area_struct *vma,
			   unsigned long address, int write_access);
extern struct vm_area_struct *find_vma(struct mm_struct *mm,
				       unsigned long addr);

#endif /* _LINUX_MM_H */
