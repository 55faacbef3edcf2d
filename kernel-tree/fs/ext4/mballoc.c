// SPDX-License-Identifier: GPL-2.0
/*
 * mballoc.c: ext4's multiblock allocator.  It serves a request from the
 * inode's or the group's preallocated space when it can, and otherwise
 * scans the groups' buddy bitmaps for the best extent.
 */

#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <trace/ext4.h>

#include "ext4.h"
#include "mballoc.h"
#include "ext4_trace.h"

DEFINE_TRACE(ext4_mb_new_inode_pa);
DEFINE_TRACE(ext4_discard_blocks);
DEFINE_TRACE(ext4_discard_preallocations);

static int ext4_mb_use_preallocated(struct ext4_allocation_context *ac)
{
	struct ext4_inode_info *ei = EXT4_I(ac->ac_inode);
	struct ext4_prealloc_space *pa;

	list_for_each_entry(pa, &ei->i_prealloc_list, pa_inode_list) {
		if (ac->ac_o_ex.fe_logical < pa->pa_lstart ||
		    ac->ac_o_ex.fe_logical >= pa->pa_lstart + pa->pa_len)
			continue;
		if (pa->pa_deleted || !pa->pa_free)
			continue;
		ac->ac_pa = pa;
		ac->ac_status = AC_STATUS_FOUND;
		trace_ext4_mb_use_inode_pa(ac, pa);
		return 1;
	}
	return 0;
}

static int ext4_mb_new_inode_pa(struct ext4_allocation_context *ac,
				struct ext4_prealloc_space *pa)
{
	struct ext4_inode_info *ei = EXT4_I(ac->ac_inode);

	pa->pa_lstart = ac->ac_b_ex.fe_logical;
	pa->pa_pstart = ext4_grp_offs_to_block(ac->ac_sb, &ac->ac_b_ex);
	pa->pa_len = ac->ac_b_ex.fe_len;
	pa->pa_free = pa->pa_len;
	pa->pa_deleted = 0;
	pa->pa_linear = 0;
	pa->pa_inode = ac->ac_inode;

	trace_ext4_mb_new_inode_pa(ac, pa);

	spin_lock(&ei->i_prealloc_lock);
	list_add(&pa->pa_inode_list, &ei->i_prealloc_list);
	spin_unlock(&ei->i_prealloc_lock);
	return 0;
}

static int ext4_mb_new_group_pa(struct ext4_allocation_context *ac,
				struct ext4_prealloc_space *pa)
{
	pa->pa_lstart = pa->pa_pstart =
		ext4_grp_offs_to_block(ac->ac_sb, &ac->ac_b_ex);
	pa->pa_len = ac->ac_b_ex.fe_len;
	pa->pa_free = pa->pa_len;
	pa->pa_linear = 1;
	pa->pa_inode = NULL;

	trace_ext4_mb_new_group_pa(ac, pa);
	return 0;
}

static void ext4_mb_collect_stats(struct ext4_allocation_context *ac)
{
	struct ext4_sb_info *sbi = EXT4_SB(ac->ac_sb);

	if (sbi->s_mb_stats && ac->ac_g_ex.fe_len > 1)
		sbi->s_bal_reqs.counter++;
	if (ac->ac_op == 1)
		trace_ext4_mballoc_alloc(ac);
}

ext4_fsblk_t ext4_mb_new_blocks(handle_t *handle, struct inode *inode,
				ext4_lblk_t goal, int *errp)
{
	struct ext4_allocation_context ac = {
		.ac_inode = inode,
		.ac_sb = inode->i_sb,
		.ac_o_ex = { .fe_logical = goal, .fe_len = 1 },
	};
	static struct ext4_prealloc_space new_pa;

	*errp = 0;
	if (!ext4_mb_use_preallocated(&ac)) {
		ac.ac_b_ex = ac.ac_o_ex;
		if (S_ISREG(inode->i_mode))
			ext4_mb_new_inode_pa(&ac, &new_pa);
		else
			ext4_mb_new_group_pa(&ac, &new_pa);
	}
	ext4_mb_collect_stats(&ac);
	return ext4_grp_offs_to_block(ac.ac_sb, &ac.ac_b_ex);
}

void ext4_discard_preallocations(struct inode *inode)
{
	struct ext4_inode_info *ei = EXT4_I(inode);
	struct ext4_prealloc_space *pa;
	unsigned int nr = 0;

	list_for_each_entry(pa, &ei->i_prealloc_list, pa_inode_list)
		nr++;

	trace_ext4_discard_preallocations(inode, nr);
	INIT_LIST_HEAD(&ei->i_prealloc_list);
}

int ext4_mb_discard_blocks(struct super_block *sb, ext4_fsblk_t block,
			   unsigned long count)
{
	trace_ext4_discard_blocks(sb, block, count);
	EXT4_SB(sb)->s_mb_discarded.counter += count;
	return 0;
}
