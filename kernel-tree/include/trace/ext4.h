/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TRACE_EXT4_H
#define _TRACE_EXT4_H

#include <linux/fs.h>
#include <linux/writeback.h>
#include <linux/tracepoint.h>

/*
 * ext4's trace points.  The allocator's structures are private to fs/ext4,
 * so their probes only see them as pointers.
 */
struct ext4_allocation_context;
struct ext4_prealloc_space;
struct dentry;

DECLARE_TRACE(ext4_free_inode,
	TP_PROTO(struct inode *inode),
	TP_ARGS(inode));

DECLARE_TRACE(ext4_request_inode,
	TP_PROTO(struct inode *dir, int mode),
	TP_ARGS(dir, mode));

DECLARE_TRACE(ext4_allocate_inode,
	TP_PROTO(struct inode *inode, struct inode *dir, int mode),
	TP_ARGS(inode, dir, mode));

DECLARE_TRACE(ext4_write_begin,
	TP_PROTO(struct inode *inode, loff_t pos, unsigned int len,
		 unsigned int flags),
	TP_ARGS(inode, pos, len, flags));

DECLARE_TRACE(ext4_ordered_write_end,
	TP_PROTO(struct inode *inode, loff_t pos, unsigned int len,
		 unsigned int copied),
	TP_ARGS(inode, pos, len, copied));

DECLARE_TRACE(ext4_writeback_write_end,
	TP_PROTO(struct inode *inode, loff_t pos, unsigned int len,
		 unsigned int copied),
	TP_ARGS(inode, pos, len, copied));

DECLARE_TRACE(ext4_da_writepages,
	TP_PROTO(struct inode *inode, struct writeback_control *wbc),
	TP_ARGS(inode, wbc));

DECLARE_TRACE(ext4_da_writepages_result,
	TP_PROTO(struct inode *inode, struct writeback_control *wbc,
		 int ret, int pages_written),
	TP_ARGS(inode, wbc, ret, pages_written));

DECLARE_TRACE(ext4_mb_new_inode_pa,
	TP_PROTO(struct ext4_allocation_context *ac,
		 struct ext4_prealloc_space *pa),
	TP_ARGS(ac, pa));

DECLARE_TRACE(ext4_discard_blocks,
	TP_PROTO(struct super_block *sb, unsigned long long blk,
		 unsigned long long count),
	TP_ARGS(sb, blk, count));

/* Only preallocations that still hold blocks are worth reporting. */
DECLARE_TRACE_CONDITION(ext4_discard_preallocations,
	TP_PROTO(struct inode *inode, unsigned int nr_prealloc),
	TP_ARGS(inode, nr_prealloc),
	TP_CONDITION(nr_prealloc != 0));

DECLARE_TRACE(ext4_sync_file,
	TP_PROTO(struct file *file, struct dentry *dentry, int datasync),
	TP_ARGS(file, dentry, datasync));

DECLARE_TRACE(ext4_sync_fs,
	TP_PROTO(struct super_block *sb, int wait),
	TP_ARGS(sb, wait));

#endif /* _TRACE_EXT4_H */
