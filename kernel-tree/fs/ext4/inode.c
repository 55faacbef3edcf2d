// SPDX-License-Identifier: GPL-2.0
/*
 * ext4 inode operations: writing pages, delayed allocation.
 */

#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/jbd2.h>
#include <linux/writeback.h>
#include <trace/ext4.h>

#include "ext4.h"
#include "ext4_trace.h"

DEFINE_TRACE(ext4_write_begin);
DEFINE_TRACE(ext4_ordered_write_end);
DEFINE_TRACE(ext4_writeback_write_end);
DEFINE_TRACE(ext4_da_writepages);
DEFINE_TRACE(ext4_da_writepages_result);

extern struct page *grab_cache_page_write_begin(struct address_space *m,
						pgoff_t index,
						unsigned flags);

int ext4_write_begin(struct file *file, struct address_space *mapping,
		     loff_t pos, unsigned len, unsigned flags,
		     struct page **pagep, void **fsdata)
{
	struct inode *inode = mapping->host;
	pgoff_t index = pos >> PAGE_SHIFT;
	struct page *page;

	trace_ext4_write_begin(inode, pos, len, flags);

	page = grab_cache_page_write_begin(mapping, index, flags);
	if (!page)
		return -ENOMEM;
	*pagep = page;
	return 0;
}

static int ext4_ordered_write_end(struct file *file,
				  struct address_space *mapping,
				  loff_t pos, unsigned len, unsigned copied,
				  struct page *page, void *fsdata)
{
	struct inode *inode = mapping->host;
	loff_t new_i_size = pos + copied;

	trace_ext4_ordered_write_end(inode, pos, len, copied);

	if (new_i_size > EXT4_I(inode)->i_disksize)
		EXT4_I(inode)->i_disksize = new_i_size;
	return copied;
}

static int ext4_writeback_write_end(struct file *file,
				    struct address_space *mapping,
				    loff_t pos, unsigned len, unsigned copied,
				    struct page *page, void *fsdata)
{
	struct inode *inode = mapping->host;

	trace_ext4_writeback_write_end(inode, pos, len, copied);

	if (pos + copied > inode->i_size)
		inode->i_size = pos + copied;
	return copied;
}

int ext4_da_reserve_space(struct inode *inode, int nrblocks)
{
	struct ext4_inode_info *ei = EXT4_I(inode);
	int md_needed = (nrblocks + 1023) / 1024;

	trace_ext4_da_reserve_space(inode, md_needed);

	ei->i_reserved_data_blocks += nrblocks;
	ei->i_reserved_meta_blocks += md_needed;
	return 0;
}

int ext4_da_writepages(struct address_space *mapping,
		       struct writeback_control *wbc)
{
	struct inode *inode = mapping->host;
	int pages_written = 0;
	int ret = 0;

	trace_ext4_da_writepages(inode, wbc);

	if (!mapping->nrpages)
		goto out;

	while (wbc->nr_to_write > 0) {
		pages_written++;
		wbc->nr_to_write--;
	}
out:
	trace_ext4_da_writepages_result(inode, wbc, ret, pages_written);
	return ret;
}

const struct address_space_operations ext4_ordered_aops = {
	.write_begin	= ext4_write_begin,
	.write_end	= ext4_ordered_write_end,
};

const struct address_space_operations ext4_writeback_aops = {
	.write_begin	= ext4_write_begin,
	.write_end	= ext4_writeback_write_end,
};

const struct address_space_operations ext4_da_aops = {
	.write_begin	= ext4_write_begin,
	.write_end	= ext4_writeback_write_end,
	.writepages	= ext4_da_writepages,
};
