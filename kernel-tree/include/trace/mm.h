/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TRACE_MM_H
#define _TRACE_MM_H

#include <linux/mm.h>
#include <linux/tracepoint.h>

/* Page allocation, page cache waits and faults. */

DECLARE_TRACE(mm_page_alloc,
	TP_PROTO(struct page *page, unsigned int order),
	TP_ARGS(page, order));

DECLARE_TRACE(mm_page_free,
	TP_PROTO(struct page *page, unsigned int order),
	TP_ARGS(page, order));

DECLARE_TRACE(mm_filemap_wait_start,
	TP_PROTO(struct page *page, int bit_nr),
	TP_ARGS(page, bit_nr));

DECLARE_TRACE(mm_filemap_wait_end,
	TP_PROTO(struct page *page, int bit_nr),
	TP_ARGS(page, bit_nr));

DECLARE_TRACE(mm_handle_fault_entry,
	TP_PROTO(unsigned long address, unsigned long ip, bool write_access),
	TP_ARGS(address, ip, write_access));

DECLARE_TRACE(mm_handle_fault_exit,
	TP_PROTO(int res),
	TP_ARGS(res));

#ifdef CONFIG_SWAP
DECLARE_TRACE(mm_swap_in,
	TP_PROTO(struct page *page, swp_entry_t entry),
	TP_ARGS(page, entry));
#endif

#endif /* _TRACE_MM_H */
