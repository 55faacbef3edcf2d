/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TRACE_JBD2_H
#define _TRACE_JBD2_H

#include <linux/jbd2.h>
#include <linux/tracepoint.h>

/* The journal's checkpoints and the phases of a commit. */

DECLARE_TRACE(jbd2_checkpoint,
	TP_PROTO(journal_t *journal, int result),
	TP_ARGS(journal, result));

DECLARE_TRACE(jbd2_start_commit,
	TP_PROTO(journal_t *journal, transaction_t *commit_transaction),
	TP_ARGS(journal, commit_transaction));

DECLARE_TRACE(jbd2_commit_locking,
	TP_PROTO(journal_t *journal, transaction_t *commit_transaction),
	TP_ARGS(journal, commit_transaction));

DECLARE_TRACE(jbd2_commit_flushing,
	TP_PROTO(journal_t *journal, transaction_t *commit_transaction),
	TP_ARGS(journal, commit_transaction));

DECLARE_TRACE(jbd2_commit_logging,
	TP_PROTO(journal_t *journal, transaction_t *commit_transaction),
	TP_ARGS(journal, commit_transaction));

DECLARE_TRACE(jbd2_end_commit,
	TP_PROTO(journal_t *journal, transaction_t *commit_transaction),
	TP_ARGS(journal, commit_transaction));

#endif /* _TRACE_JBD2_H */
