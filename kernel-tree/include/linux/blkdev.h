/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BLKDEV_H
#define _LINUX_BLKDEV_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/spinlock_types.h>
#include <linux/wait.h>
#include <linux/bio.h>
#include <linux/fs.h>

#define BLK_MAX_CDB	16

struct request_queue;
struct request;
struct gendisk;
struct elevator_queue;

typedef struct request_queue request_queue_t;

struct gendisk {
	int major;
	int first_minor;
	int minors;
	char disk_name[32];
	struct request_queue *queue;
	void *private_data;
	int flags;
};

struct block_device {
	dev_t bd_dev;
	struct inode *bd_inode;
	int bd_openers;
	struct mutex bd_mutex;
	struct block_device *bd_contains;
	unsigned bd_block_size;
	sector_t bd_part_start;
	struct gendisk *bd_disk;
};

enum rq_cmd_type_bits {
	REQ_TYPE_FS		= 1,
	REQ_TYPE_BLOCK_PC,
	REQ_TYPE_SENSE,
	REQ_TYPE_PM_SUSPEND,
	REQ_TYPE_PM_RESUME,
	REQ_TYPE_SPECIAL,
};

#define REQ_RW		(1 << 0)
#define REQ_FAILFAST	(1 << 1)
#define REQ_SORTED	(1 << 2)
#define REQ_SOFTBARRIER	(1 << 3)
#define REQ_DISCARD	(1 << 4)
#define REQ_STARTED	(1 << 5)
#define REQ_SYNC	(1 << 6)
#define REQ_META	(1 << 7)

/* A request queued to a driver: one or more contiguous bios. */
struct request {
	struct list_head queuelist;
	struct request_queue *q;

	unsigned int cmd_flags;
	enum rq_cmd_type_bits cmd_type;
	unsigned long atomic_flags;

	int cpu;

	unsigned int __data_len;
	sector_t __sector;

	struct bio *bio;
	struct bio *biotail;

	struct hlist_node hash;

	struct gendisk *rq_disk;
	unsigned long start_time;

	unsigned short nr_phys_segments;
	unsigned short ioprio;

	int errors;

	unsigned short cmd_len;
	unsigned char __cmd[BLK_MAX_CDB];
	unsigned char *cmd;

	unsigned int extra_len;
	unsigned int sense_len;
	void *sense;

	unsigned long deadline;
	void *end_io_data;
};

static inline sector_t blk_rq_pos(const struct request *rq)
{
	return rq->__sector;
}

static inline unsigned int blk_rq_bytes(const struct request *rq)
{
	return rq->__data_len;
}

static inline unsigned int blk_rq_sectors(const struct request *rq)
{
	return blk_rq_bytes(rq) >> 9;
}

#define blk_pc_request(rq)	((rq)->cmd_type == REQ_TYPE_BLOCK_PC)
#define rq_data_dir(rq)		((rq)->cmd_flags & 1)

typedef void (request_fn_proc)(struct request_queue *q);
typedef int (make_request_fn)(struct request_queue *q, struct bio *bio);
typedef void (unplug_fn)(struct request_queue *);

/* Where a device's requests wait, and how they are issued. */
struct request_queue {
	struct list_head queue_head;
	struct request *last_merge;
	struct elevator_queue *elevator;

	request_fn_proc *request_fn;
	make_request_fn *make_request_fn;
	unplug_fn *unplug_fn;

	unsigned int unplug_thresh;
	unsigned long unplug_delay;

	void *queuedata;
	unsigned long queue_flags;

	spinlock_t __queue_lock;
	spinlock_t *queue_lock;

	unsigned long nr_requests;
	unsigned int nr_congestion_on;
	unsigned int nr_congestion_off;
	unsigned int nr_batching;

	unsigned int max_sectors;
	unsigned short max_phys_segments;
	unsigned short logical_block_size;

	unsigned int in_flight[2];
	wait_queue_head_t wait[2];
};

#define QUEUE_FLAG_QUEUED	1
#define QUEUE_FLAG_STOPPED	2
#define QUEUE_FLAG_PLUGGED	7

extern void generic_make_request(struct bio *bio);
extern void blk_plug_device(struct request_queue *q);
extern int blk_remove_plug(struct request_queue *q);
extern void blk_end_request_all(struct request *rq, int error);
extern struct request_queue *bdev_get_queue(struct block_device *bdev);

#endif /* _LINUX_BLKDEV_H */
