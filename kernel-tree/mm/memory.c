// SPDX-License-Identifier: GPL-2.0
/*
 * Page faults, the architecture independent part.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mm.h>
#include <trace/mm.h>

DEFINE_TRACE(mm_handle_fault_entry);
DEFINE_TRACE(mm_handle_fault_exit);
#ifdef CONFIG_SWAP
DEFINE_TRACE(mm_swap_in);
#endif

extern int handle_pte_fault(struct mm_struct *mm, struct vm_area_struct *vma,
			    unsigned long address, int write_access);

int handle_mm_fault(struct mm_struct *mm, struct vm_area_struct *vma,
		    unsigned long address, int write_access)
{
	int res;

	trace_mm_handle_fault_entry(address, 0, write_access != 0);
	if (address < vma->vm_start || address >= vma->vm_end)
		res = VM_FAULT_SIGBUS;
	else
		res = handle_pte_fault(mm, vma, address, write_access);
	trace_mm_handle_fault_exit(res);
	return res;
}
EXPORT_SYMBOL_GPL(handle_mm_fault);

#ifdef CONFIG_SWAP
extern struct page *read_swap_cache_async(swp_entry_t entry, gfp_t gfp);

struct page *swapin_readahead(swp_entry_t entry, gfp_t gfp)
{
	struct page *page = read_swap_cache_async(entry, gfp);

	if (page)
		trace_mm_swap_in(page, entry);
	return page;
}
#endif /* CONFIG_SWAP */
