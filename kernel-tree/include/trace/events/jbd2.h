/* SPDX-License-Identifier: GPL-2.0 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM jbd2

#if !defined(_TRACE_EVENTS_JBD2_H) || defined(TRACE_HEADER_MULTI_READ)
#define _TRACE_EVENTS_JBD2_H

#include <linux/jbd2.h>
#include <linux/tracepoint.h>

/* Per-transaction statistics, recorded when a commit or checkpoint ends. */

TRACE_EVENT(jbd2_run_stats,

	TP_PROTO(dev_t dev, tid_t tid, struct transaction_run_stats_s *stats),

	TP_ARGS(dev, tid, stats),

	TP_STRUCT__entry(
		__field(	dev_t,		dev		)
		__field(	tid_t,		tid		)
		__field_struct(	struct transaction_run_stats_s,	stats	)
	),

	TP_fast_assign(
		__entry->dev		= dev;
		__entry->tid		= tid;
		__entry->stats		= *stats;
	),

	TP_printk("dev %d,%d tid %u wait %lu running %lu locked %lu "
		  "flushing %lu logging %lu handle_count %u blocks %u "
		  "blocks_logged %u",
		  (int)(__entry->dev >> 20), (int)(__entry->dev & 0xfffff),
		  __entry->tid, __entry->stats.rs_wait,
		  __entry->stats.rs_running, __entry->stats.rs_locked,
		  __entry->stats.rs_flushing, __entry->stats.rs_logging,
		  __entry->stats.rs_handle_count, __entry->stats.rs_blocks,
		  __entry->stats.rs_blocks_logged)
);

TRACE_EVENT(jbd2_submit_inode_data,

	TP_PROTO(struct inode *inode),

	TP_ARGS(inode),

	TP_STRUCT__entry(
		__field(	dev_t,	dev			)
		__field(	ino_t,	ino			)
	),

	TP_fast_assign(
		__entry->dev	= inode->i_sb->s_dev;
		__entry->ino	= inode->i_ino;
	),

	TP_printk("dev %d,%d ino %lu",
		  (int)(__entry->dev >> 20), (int)(__entry->dev & 0xfffff),
		  (unsigned long)__entry->ino)
);

TRACE_EVENT(jbd2_journal_devname,

	TP_PROTO(journal_t *journal),

	TP_ARGS(journal),

	TP_STRUCT__entry(
		__array(	char,	devname, BDEVNAME_SIZE + 24	)
		__array(	__u8,	uuid,	16			)
		__field(	tid_t,	tail_sequence			)
	),

	TP_fast_assign(
		memcpy(__entry->devname, journal->j_devname,
		       sizeof(__entry->devname));
		memcpy(__entry->uuid, journal->j_uuid, sizeof(__entry->uuid));
		__entry->tail_sequence = journal->j_tail_sequence;
	),

	TP_printk("%s tail %u", __entry->devname, __entry->tail_sequence)
);

#endif /* _TRACE_EVENTS_JBD2_H */

/* Outside the guard: creates the events when asked to. */
#include <trace/define_trace.h>
