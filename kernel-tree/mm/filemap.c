// SPDX-License-Identifier: GPL-2.0
/*
 * The page cache: finding, locking and waiting on the pages of a file.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/bitops.h>
#include <linux/sched.h>
#include <trace/mm.h>

DEFINE_TRACE(mm_filemap_wait_start);
DEFINE_TRACE(mm_filemap_wait_end);

extern wait_queue_head_t *page_waitqueue(struct page *page);

/*
 * Sleep until @bit_nr of the page's flags is clear: the page is unlocked,
 * or its writeback is over.
 */
void wait_on_page_bit(struct page *page, int bit_nr)
{
	trace_mm_filemap_wait_start(page, bit_nr);
	while (test_bit(bit_nr, &page->flags))
		schedule();
	trace_mm_filemap_wait_end(page, bit_nr);
}
EXPORT_SYMBOL(wait_on_page_bit);

void unlock_page(struct page *page)
{
	page->flags &= ~(1UL << PG_locked);
	__wake_up(page_waitqueue(page),
		  TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE, 1, page);
}
EXPORT_SYMBOL(unlock_page);

extern struct page *radix_tree_lookup_page(struct address_space *m,
					   pgoff_t index);

struct page *find_get_page(struct address_space *mapping, pgoff_t offset)
{
	struct page *page = radix_tree_lookup_page(mapping, offset);

	if (page)
		page->_count.counter++;
	return page;
}
EXPORT_SYMBOL(find_get_page);
