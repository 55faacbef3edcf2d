/* SPDX-License-Identifier: GPL-2.0 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM block

#if !defined(_TRACE_EVENTS_BLOCK_H) || defined(TRACE_HEADER_MULTI_READ)
#define _TRACE_EVENTS_BLOCK_H

#include <linux/blkdev.h>
#include <linux/tracepoint.h>

/*
 * Read once only: the header is read again for every stage of event
 * creation, and a function may only be defined once.
 */
#ifndef _TRACE_BLOCK_DEF_ONCE
#define _TRACE_BLOCK_DEF_ONCE

/* Room for the SCSI command of a packet request, none for others. */
static inline unsigned int blk_cmd_buf_len(struct request *rq)
{
	return blk_pc_request(rq) ? rq->cmd_len : 0;
}

#define RWBS_LEN	8

/* Encodes a request's direction and flags as in "WS", "RM". */
static inline void blk_fill_rwbs(char *rwbs, unsigned int flags, int bytes)
{
	int i = 0;

	if (flags & REQ_DISCARD)
		rwbs[i++] = 'D';
	else if (flags & REQ_RW)
		rwbs[i++] = 'W';
	else if (bytes)
		rwbs[i++] = 'R';
	else
		rwbs[i++] = 'N';
	if (flags & REQ_SYNC)
		rwbs[i++] = 'S';
	if (flags & REQ_META)
		rwbs[i++] = 'M';
	rwbs[i] = '\0';
}

#endif /* _TRACE_BLOCK_DEF_ONCE */

DECLARE_EVENT_CLASS(block_rq_with_error,

	TP_PROTO(struct request_queue *q, struct request *rq),

	TP_ARGS(q, rq),

	TP_STRUCT__entry(
		__field(  dev_t,	dev			)
		__field(  sector_t,	sector			)
		__field(  unsigned int,	nr_sector		)
		__field(  int,		errors			)
		__array(  char,		rwbs,	RWBS_LEN	)
		__dynamic_array( char,	cmd,	blk_cmd_buf_len(rq))
	),

	TP_fast_assign(
		__entry->dev	   = rq->rq_disk ? rq->rq_disk->major << 20 : 0;
		__entry->sector    = blk_pc_request(rq) ? 0 : blk_rq_pos(rq);
		__entry->nr_sector = blk_pc_request(rq) ?
						0 : blk_rq_sectors(rq);
		__entry->errors    = rq->errors;

		blk_fill_rwbs(__entry->rwbs, rq->cmd_flags, blk_rq_bytes(rq));
		memcpy(__get_dynamic_array(cmd), rq->cmd,
		       blk_cmd_buf_len(rq));
	),

	TP_printk("%d,%d %s %llu + %u [%d]",
		  (int)(__entry->dev >> 20), (int)(__entry->dev & 0xfffff),
		  __entry->rwbs,
		  (unsigned long long)__entry->sector,
		  __entry->nr_sector, __entry->errors)
);

DEFINE_EVENT(block_rq_with_error, block_rq_timeout,
	TP_PROTO(struct request_queue *q, struct request *rq),
	TP_ARGS(q, rq));

DEFINE_EVENT(block_rq_with_error, block_rq_retry,
	TP_PROTO(struct request_queue *q, struct request *rq),
	TP_ARGS(q, rq));

DEFINE_EVENT(block_rq_with_error, block_rq_error,
	TP_PROTO(struct request_queue *q, struct request *rq),
	TP_ARGS(q, rq));

TRACE_EVENT(block_bio_remap,

	TP_PROTO(struct request_queue *q, struct bio *bio, dev_t dev,
		 sector_t from),

	TP_ARGS(q, bio, dev, from),

	TP_STRUCT__entry(
		__field( dev_t,		dev		)
		__field( sector_t,	sector		)
		__field( unsigned int,	nr_sector	)
		__field( dev_t,		old_dev		)
		__field( sector_t,	old_sector	)
		__field_ext( unsigned long, rw, FILTER_OTHER )
	),

	TP_fast_assign(
		__entry->dev		= 0;
		__entry->sector		= bio->bi_sector;
		__entry->nr_sector	= bio_sectors(bio);
		__entry->old_dev	= dev;
		__entry->old_sector	= from;
		__entry->rw		= bio->bi_rw;
	),

	TP_printk("%d,%d %s %llu + %u <- (%d,%d) %llu",
		  (int)(__entry->dev >> 20), (int)(__entry->dev & 0xfffff),
		  __entry->rw & 1 ? "W" : "R",
		  (unsigned long long)__entry->sector,
		  __entry->nr_sector,
		  (int)(__entry->old_dev >> 20),
		  (int)(__entry->old_dev & 0xfffff),
		  (unsigned long long)__entry->old_sector)
);

#ifdef CONFIG_BLK_DEV_IO_TRACE
TRACE_EVENT(block_rq_remap,

	TP_PROTO(struct request_queue *q, struct request *rq, dev_t dev,
		 sector_t from),

	TP_ARGS(q, rq, dev, from),

	TP_STRUCT__entry(
		__field( dev_t,		old_dev		)
		__field( sector_t,	sector		)
		__field( sector_t,	old_sector	)
		__field( unsigned int,	nr_sector	)
	),

	TP_fast_assign(
		__entry->old_dev	= dev;
		__entry->sector		= blk_rq_pos(rq);
		__entry->old_sector	= from;
		__entry->nr_sector	= blk_rq_sectors(rq);
	),

	TP_printk("%llu + %u <- (%d,%d) %llu",
		  (unsigned long long)__entry->sector, __entry->nr_sector,
		  (int)(__entry->old_dev >> 20),
		  (int)(__entry->old_dev & 0xfffff),
		  (unsigned long long)__entry->old_sector)
);
#endif /* CONFIG_BLK_DEV_IO_TRACE */

#endif /* _TRACE_EVENTS_BLOCK_H */

/* Outside the guard: creates the events when asked to. */
#include <trace/define_trace.h>
