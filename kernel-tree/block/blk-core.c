// SPDX-License-Identifier: GPL-2.0
/*
 * The core of the block layer: turning bios into requests, plugging and
 * unplugging queues, completing requests.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/bio.h>
#include <linux/blkdev.h>
#include <linux/spinlock.h>
#include <trace/block.h>

#define CREATE_TRACE_POINTS
#include <trace/events/block.h>

DEFINE_TRACE(block_plug);
DEFINE_TRACE(block_unplug_io);
DEFINE_TRACE(block_unplug_timer);
DEFINE_TRACE(block_getrq);
DEFINE_TRACE(block_sleeprq);
DEFINE_TRACE(block_rq_requeue);
DEFINE_TRACE(block_bio_backmerge);
DEFINE_TRACE(block_bio_frontmerge);
DEFINE_TRACE(block_bio_queue);
DEFINE_TRACE(block_rq_complete);
DEFINE_TRACE(block_remap);
DEFINE_TRACE(block_rq_insert);
DEFINE_TRACE(block_rq_issue);
DEFINE_TRACE(block_rq_abort);
DEFINE_TRACE(block_bio_bounce);
DEFINE_TRACE(block_bio_complete);
DEFINE_TRACE(block_split);
EXPORT_TRACEPOINT_SYMBOL_GPL(block_remap);

extern struct request *blk_alloc_request(struct request_queue *q, int rw);
extern int elv_merge(struct request_queue *q, struct request **req,
		     struct bio *bio);

void blk_plug_device(struct request_queue *q)
{
	if (q->queue_flags & (1UL << QUEUE_FLAG_STOPPED))
		return;
	if (!(q->queue_flags & (1UL << QUEUE_FLAG_PLUGGED))) {
		q->queue_flags |= 1UL << QUEUE_FLAG_PLUGGED;
		trace_block_plug(q);
	}
}
EXPORT_SYMBOL(blk_plug_device);

int blk_remove_plug(struct request_queue *q)
{
	if (!(q->queue_flags & (1UL << QUEUE_FLAG_PLUGGED)))
		return 0;
	q->queue_flags &= ~(1UL << QUEUE_FLAG_PLUGGED);
	return 1;
}
EXPORT_SYMBOL(blk_remove_plug);

void generic_unplug_device(struct request_queue *q)
{
	if (blk_remove_plug(q)) {
		trace_block_unplug_io(q);
		q->request_fn(q);
	}
}

void blk_unplug_timeout(unsigned long data)
{
	struct request_queue *q = (struct request_queue *)data;

	trace_block_unplug_timer(q);
	generic_unplug_device(q);
}

static struct request *get_request(struct request_queue *q, int rw,
				   struct bio *bio)
{
	struct request *rq = blk_alloc_request(q, rw);

	if (!rq) {
		trace_block_sleeprq(q, bio, rw);
		return NULL;
	}
	trace_block_getrq(q, bio, rw);
	return rq;
}

static void add_request(struct request_queue *q, struct request *req)
{
	trace_block_rq_insert(q, req);
	list_add_tail(&req->queuelist, &q->queue_head);
}

static int __make_request(struct request_queue *q, struct bio *bio)
{
	struct request *req;
	int el_ret;

	spin_lock(q->queue_lock);
	el_ret = elv_merge(q, &req, bio);
	if (el_ret == 1) {
		trace_block_bio_backmerge(q, bio);
		req->biotail->bi_next = bio;
		req->biotail = bio;
		req->__data_len += bio->bi_size;
		goto out;
	} else if (el_ret == 2) {
		trace_block_bio_frontmerge(q, bio);
		bio->bi_next = req->bio;
		req->bio = bio;
		req->__sector = bio->bi_sector;
		req->__data_len += bio->bi_size;
		goto out;
	}

	req = get_request(q, bio_data_dir(bio), bio);
	if (!req) {
		spin_unlock(q->queue_lock);
		return -ENOMEM;
	}
	req->bio = req->biotail = bio;
	req->__sector = bio->bi_sector;
	req->__data_len = bio->bi_size;
	req->cmd_flags = bio_data_dir(bio) ? REQ_RW : 0;
	blk_plug_device(q);
	add_request(q, req);
out:
	spin_unlock(q->queue_lock);
	return 0;
}

void generic_make_request(struct bio *bio)
{
	struct request_queue *q = bdev_get_queue(bio->bi_bdev);
	sector_t old_sector = bio->bi_sector;
	dev_t old_dev = bio->bi_bdev->bd_dev;

	if (bio->bi_bdev->bd_part_start) {
		bio->bi_sector += bio->bi_bdev->bd_part_start;
		trace_block_remap(q, bio, old_dev, bio->bi_sector, old_sector);
		trace_block_bio_remap(q, bio, old_dev, old_sector);
	}
	trace_block_bio_queue(q, bio);
	q->make_request_fn(q, bio);
}
EXPORT_SYMBOL(generic_make_request);

void blk_start_request(struct request *req)
{
	trace_block_rq_issue(req->q, req);
	list_del(&req->queuelist);
}

void blk_requeue_request(struct request_queue *q, struct request *rq)
{
	trace_block_rq_requeue(q, rq);
	trace_block_rq_retry(q, rq);
	list_add(&rq->queuelist, &q->queue_head);
}

void blk_end_request_all(struct request *rq, int error)
{
	struct bio *bio;

	rq->errors = error;
	trace_block_rq_complete(rq->q, rq);
	if (error)
		trace_block_rq_error(rq->q, rq);
	for (bio = rq->bio; bio; bio = bio->bi_next) {
		trace_block_bio_complete(rq->q, bio);
		bio_endio(bio, error);
	}
}
EXPORT_SYMBOL(blk_end_request_all);

void blk_abort_request(struct request *rq)
{
	trace_block_rq_abort(rq->q, rq);
	trace_block_rq_timeout(rq->q, rq);
	blk_end_request_all(rq, -EIO);
}
