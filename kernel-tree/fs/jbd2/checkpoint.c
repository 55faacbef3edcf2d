// SPDX-License-Identifier: GPL-2.0
/*
 * Checkpointing: writing the journalled buffers back to their home
 * locations, so that the log space they pin can be reused.
 */

#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/jbd2.h>
#include <linux/spinlock.h>
#include <trace/jbd2.h>

DEFINE_TRACE(jbd2_checkpoint);

static int __process_buffer(journal_t *journal, transaction_t *transaction)
{
	return transaction->t_checkpoint_list ? 1 : 0;
}

/*
 * Write back the buffers of the oldest checkpoint transaction.  Returns 0
 * when there was nothing to do, the number of buffers queued otherwise,
 * or a negative error.
 */
int jbd2_log_do_checkpoint(journal_t *journal)
{
	transaction_t *transaction;
	int result = 0;

	spin_lock(&journal->j_state_lock);
	transaction = journal->j_checkpoint_transactions;
	if (transaction) {
		result = __process_buffer(journal, transaction);
		if (journal->j_errno)
			result = -EIO;
	}
	spin_unlock(&journal->j_state_lock);

	trace_jbd2_checkpoint(journal, result);
	return result;
}
