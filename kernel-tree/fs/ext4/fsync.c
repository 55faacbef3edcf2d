// SPDX-License-Identifier: GPL-2.0
/*
 * ext4 fsync(): force the journal to commit the transaction that last
 * changed the inode.
 */

#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/jbd2.h>
#include <trace/ext4.h>

#include "ext4.h"

DEFINE_TRACE(ext4_sync_file);

int ext4_sync_file(struct file *file, struct dentry *dentry, int datasync)
{
	struct inode *inode = file->f_mapping->host;
	struct ext4_inode_info *ei = EXT4_I(inode);
	journal_t *journal = EXT4_SB(inode->i_sb)->s_journal;
	tid_t commit_tid;

	trace_ext4_sync_file(file, dentry, datasync);

	if (!journal)
		return 0;
	commit_tid = datasync ? ei->i_datasync_tid : ei->i_sync_tid;
	if (tid_gt(commit_tid, journal->j_commit_sequence))
		return jbd2_journal_force_commit(journal);
	return 0;
}
