/* SPDX-License-Identifier: GPL-2.0 */
#ifndef WRITEBACK_H
#define WRITEBACK_H

#include <linux/types.h>

struct backing_dev_info;

enum writeback_sync_modes {
	WB_SYNC_NONE,	/* don't wait on anything */
	WB_SYNC_ALL,	/* wait on every mapping */
};

/* What a writeback pass should write, and what it did. */
struct writeback_control {
	struct backing_dev_info *bdi;
	enum writeback_sync_modes sync_mode;
	unsigned long *older_than_this;
	long nr_to_write;		/* pages left to write */
	long pages_skipped;		/* pages not written */
	loff_t range_start;
	loff_t range_end;
	unsigned nonblocking:1;
	unsigned encountered_congestion:1;
	unsigned for_kupdate:1;
	unsigned for_reclaim:1;
	unsigned for_writepages:1;
	unsigned range_cyclic:1;
	unsigned more_io:1;
	unsigned no_nrwrite_index_update:1;
};

#endif /* WRITEBACK_H */
