/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The multiblock allocator's private structures.
 */
#ifndef _EXT4_MBALLOC_H
#define _EXT4_MBALLOC_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock_types.h>
#include "ext4.h"

/* How many groups the allocator scans before it settles. */
#define MB_DEFAULT_MAX_TO_SCAN		200
#define MB_DEFAULT_MIN_TO_SCAN		10
#define MB_DEFAULT_STREAM_THRESHOLD	16	/* 64K */
#define MB_DEFAULT_GROUP_PREALLOC	512

/* An extent, in the allocator's coordinates. */
struct ext4_free_extent {
	ext4_lblk_t fe_logical;
	ext4_grpblk_t fe_start;
	ext4_group_t fe_group;
	int fe_len;
};

/* Blocks reserved ahead of need, for one inode or for a group. */
struct ext4_prealloc_space {
	struct list_head pa_inode_list;
	struct list_head pa_group_list;
	spinlock_t pa_lock;
	atomic_t pa_count;
	unsigned pa_deleted;
	ext4_fsblk_t pa_pstart;		/* physical block */
	ext4_lblk_t pa_lstart;		/* logical block */
	unsigned short pa_len;		/* blocks reserved */
	unsigned short pa_free;		/* blocks still free */
	unsigned short pa_linear;	/* consumed in order */
	struct list_head *pa_obj_lock;
	struct inode *pa_inode;		/* NULL for a group's space */
};

enum {
	MB_INODE_PA = 0,
	MB_GROUP_PA = 1
};

/* One allocation request, from the goal to the extent found. */
struct ext4_allocation_context {
	struct inode *ac_inode;
	struct super_block *ac_sb;

	struct ext4_free_extent ac_o_ex;	/* original request */
	struct ext4_free_extent ac_g_ex;	/* goal, after normalization */
	struct ext4_free_extent ac_b_ex;	/* best found so far */
	struct ext4_free_extent ac_f_ex;	/* copy before preallocation */

	unsigned long ac_ex_scanned;
	__u16 ac_groups_scanned;
	__u16 ac_found;
	__u16 ac_tail;
	__u16 ac_buddy;
	__u16 ac_flags;
	__u8 ac_status;
	__u8 ac_criteria;
	__u8 ac_repeats;
	__u8 ac_2order;
	__u8 ac_op;
	struct page *ac_bitmap_page;
	struct page *ac_buddy_page;
	struct ext4_prealloc_space *ac_pa;
};

#define AC_STATUS_CONTINUE	1
#define AC_STATUS_FOUND		2
#define AC_STATUS_BREAK		3

static inline ext4_fsblk_t ext4_grp_offs_to_block(struct super_block *sb,
						  struct ext4_free_extent *fex)
{
	return (ext4_fsblk_t)fex->fe_group * EXT4_SB(sb)->s_blocks_per_group +
		fex->fe_start;
}

#endif /* _EXT4_MBALLOC_H */
