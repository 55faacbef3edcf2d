/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_BIO_H
#define __LINUX_BIO_H

#include <linux/types.h>
#include <linux/kernel.h>

struct bio;
struct page;
struct block_device;

typedef void (bio_end_io_t)(struct bio *, int);
typedef void (bio_destructor_t)(struct bio *);

/* A piece of a page an I/O reads into or writes from. */
struct bio_vec {
	struct page *bv_page;
	unsigned int bv_len;
	unsigned int bv_offset;
};

/*
 * The main unit of block I/O: a contiguous range of sectors on one device
 * and the memory segments it is transferred to or from.
 */
struct bio {
	sector_t bi_sector;		/* device address in 512 byte
					 * sectors */
	struct bio *bi_next;		/* request queue link */
	struct block_device *bi_bdev;
	unsigned long bi_flags;		/* status, command, etc */
	unsigned long bi_rw;		/* bottom bits READ/WRITE,
					 * top bits priority
					 */
	unsigned short bi_vcnt;		/* how many bio_vec's */
	unsigned short bi_idx;		/* current index into bvl_vec */

	/* Number of segments in this BIO after physical address
	 * coalescing is performed.
	 */
	unsigned int bi_phys_segments;

	unsigned int bi_size;		/* residual I/O count */

	unsigned int bi_seg_front_size;
	unsigned int bi_seg_back_size;

	unsigned int bi_max_vecs;	/* max bvl_vecs we can hold */

	atomic_t bi_cnt;		/* pin count */

	struct bio_vec *bi_io_vec;	/* the actual vec list */

	bio_end_io_t *bi_end_io;

	void *bi_private;

	bio_destructor_t *bi_destructor;	/* destructor */
};

/* bio bi_rw flags */
#define BIO_RW		0	/* Must match RW in req flags (blkdev.h) */
#define BIO_RW_AHEAD	1	/* Must match FAILFAST in req flags */
#define BIO_RW_BARRIER	2
#define BIO_RW_SYNCIO	3
#define BIO_RW_UNPLUG	4
#define BIO_RW_META	5
#define BIO_RW_DISCARD	6

#define bio_data_dir(bio)	((bio)->bi_rw & 1)
#define bio_sectors(bio)	((bio)->bi_size >> 9)

extern struct bio *bio_alloc(gfp_t gfp_mask, int nr_iovecs);
extern void bio_put(struct bio *bio);
extern void bio_endio(struct bio *bio, int error);
extern void submit_bio(int rw, struct bio *bio);

#endif /* __LINUX_BIO_H */
