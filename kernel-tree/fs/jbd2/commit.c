// SPDX-License-Identifier: GPL-2.0
/*
 * Committing a transaction: lock it against new handles, flush its data,
 * write its metadata to the log, then mark it committed.
 */

#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/jbd2.h>
#include <linux/time.h>
#include <linux/blkdev.h>
#include <linux/spinlock.h>
#include <trace/jbd2.h>
#include <trace/events/jbd2.h>

DEFINE_TRACE(jbd2_start_commit);
DEFINE_TRACE(jbd2_commit_locking);
DEFINE_TRACE(jbd2_commit_flushing);
DEFINE_TRACE(jbd2_commit_logging);
DEFINE_TRACE(jbd2_end_commit);

void jbd2_journal_commit_transaction(journal_t *journal)
{
	transaction_t *commit_transaction;
	struct transaction_run_stats_s stats = { 0 };

	commit_transaction = journal->j_running_transaction;
	if (!commit_transaction)
		return;

	trace_jbd2_start_commit(journal, commit_transaction);

	spin_lock(&journal->j_state_lock);
	commit_transaction->t_state = T_LOCKED;
	trace_jbd2_commit_locking(journal, commit_transaction);
	stats.rs_wait = commit_transaction->t_max_wait;
	stats.rs_locked = jiffies;
	stats.rs_running = stats.rs_locked - commit_transaction->t_start;
	spin_unlock(&journal->j_state_lock);

	commit_transaction->t_state = T_FLUSH;
	trace_jbd2_commit_flushing(journal, commit_transaction);
	stats.rs_flushing = jiffies;

	commit_transaction->t_state = T_COMMIT;
	trace_jbd2_commit_logging(journal, commit_transaction);
	stats.rs_logging = jiffies;
	stats.rs_handle_count = commit_transaction->t_handle_count;
	stats.rs_blocks = commit_transaction->t_outstanding_credits;
	stats.rs_blocks_logged = commit_transaction->t_nr_buffers;

	spin_lock(&journal->j_state_lock);
	commit_transaction->t_state = T_FINISHED;
	journal->j_commit_sequence = commit_transaction->t_tid;
	journal->j_committing_transaction = NULL;
	spin_unlock(&journal->j_state_lock);

	trace_jbd2_run_stats(journal->j_fs_dev ?
			     journal->j_fs_dev->bd_dev : 0,
			     commit_transaction->t_tid, &stats);
	trace_jbd2_end_commit(journal, commit_transaction);
}
