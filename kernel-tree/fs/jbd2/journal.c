// SPDX-License-Identifier: GPL-2.0
/*
 * Journal setup and the journal thread; defines the jbd2 events.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/jbd2.h>
#include <linux/string.h>

#define CREATE_TRACE_POINTS
#include <trace/events/jbd2.h>

int jbd2_journal_force_commit(journal_t *journal)
{
	if (!journal->j_running_transaction)
		return 0;
	jbd2_journal_commit_transaction(journal);
	return journal->j_errno;
}
EXPORT_SYMBOL(jbd2_journal_force_commit);

int jbd2_journal_init_dev(journal_t *journal, struct block_device *bdev,
			  unsigned long long start, int len, int blocksize)
{
	journal->j_dev = bdev;
	journal->j_fs_dev = bdev;
	journal->j_blk_offset = start;
	journal->j_maxlen = len;
	journal->j_blocksize = blocksize;
	journal->j_commit_interval = JBD2_DEFAULT_MAX_COMMIT_AGE;
	bdevname(bdev, journal->j_devname);
	trace_jbd2_journal_devname(journal);
	return 0;
}
EXPORT_SYMBOL(jbd2_journal_init_dev);

MODULE_LICENSE("GPL");
