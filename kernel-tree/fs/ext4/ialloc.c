// SPDX-License-Identifier: GPL-2.0
/*
 * ext4 inode allocation: finding a group with free inodes, and giving
 * inodes back.
 */

#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/jbd2.h>
#include <linux/sched.h>
#include <trace/ext4.h>

#include "ext4.h"

DEFINE_TRACE(ext4_free_inode);
DEFINE_TRACE(ext4_request_inode);
DEFINE_TRACE(ext4_allocate_inode);

extern struct inode *new_inode(struct super_block *sb);

void ext4_free_inode(handle_t *handle, struct inode *inode)
{
	struct super_block *sb = inode->i_sb;
	ext4_group_t block_group;

	if (inode->i_count.counter > 1) {
		printk(KERN_ERR "ext4_free_inode: inode has count=%d\n",
		       inode->i_count.counter);
		return;
	}
	if (inode->i_nlink) {
		printk(KERN_ERR "ext4_free_inode: inode has nlink=%u\n",
		       inode->i_nlink);
		return;
	}

	trace_ext4_free_inode(inode);

	block_group = (inode->i_ino - 1) / EXT4_INODES_PER_GROUP(sb);
	if (block_group >= EXT4_SB(sb)->s_groups_count)
		ext4_error(sb, __func__, "bad inode %lu", inode->i_ino);
}

static ext4_group_t find_group_orlov(struct super_block *sb,
				     struct inode *parent)
{
	struct ext4_sb_info *sbi = EXT4_SB(sb);
	ext4_group_t parent_group = EXT4_I(parent)->i_block_group;

	return (parent_group + 1) % sbi->s_groups_count;
}

struct inode *ext4_new_inode(handle_t *handle, struct inode *dir, int mode)
{
	struct super_block *sb = dir->i_sb;
	struct inode *inode;
	ext4_group_t group;

	trace_ext4_request_inode(dir, mode);

	inode = new_inode(sb);
	if (!inode)
		return NULL;

	group = S_ISDIR(mode) ? find_group_orlov(sb, dir) :
		EXT4_I(dir)->i_block_group;
	EXT4_I(inode)->i_block_group = group;
	inode->i_mode = mode;
	inode->i_uid = current->fsuid;
	inode->i_gid = dir->i_gid;
	inode->i_ino = group * EXT4_INODES_PER_GROUP(sb) + 1;
	EXT4_I(inode)->i_state = EXT4_STATE_NEW;

	trace_ext4_allocate_inode(inode, dir, mode);
	return inode;
}
