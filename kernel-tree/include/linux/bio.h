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

/* One segment of memory a bio transfers: part of a page. */
struct bio_vec {
	struct page *bv_page;
	unsigned int bv_len;
	unsigned int bv_offset;
};

/*
 * A block I/O in flight: bi_size bytes starting at sector bi_sector of
 * bi_bdev, moved to or from the bi_vcnt segments of bi_io_vec.
 */
struct bio {
	sector_t bi_sector;		/* in 512-byte units */
	struct bio *bi_next;
	struct block_device *bi_bdev;
	unsigned long bi_flags;
	unsigned long bi_rw;
	unsigned short bi_vcnt;
	unsigned short bi_idx;		/* first segment not yet done */
	unsigned int bi_phys_segments;
	unsigned int bi_size;		/* bytes left to transfer */
	unsigned int bi_seg_front_size;
	unsigned int bi_seg_back_size;
	unsigned int bi_max_vecs;
	atomic_t bi_cnt;
	struct bio_vec *bi_io_vec;
	bio_end_io_t *bi_end_io;
	void *bi_private;
	bio_destructor_t *bi_destructor;
};

/* Bit numbers in bi_rw; bit 0 is the direction. */
#define BIO_RW		0
#define BIO_RW_AHEAD	1
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
