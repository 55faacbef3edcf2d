/* SPDX-License-Identifier: GPL-2.0 */
#ifndef SPLICE_H
#define SPLICE_H

#include <linux/pipe_fs_i.h>

/* splice flags */
#define SPLICE_F_MOVE	(0x01)
#define SPLICE_F_NONBLOCK (0x02)
#define SPLICE_F_MORE	(0x04)
#define SPLICE_F_GIFT	(0x08)

struct file;
struct page;

/* The state of one splice between a pipe and a file. */
struct splice_desc {
	unsigned int len, total_len;
	unsigned int flags;
	union {
		void __user *userptr;
		struct file *file;
		void *data;
	} u;
	loff_t pos;
	size_t num_spliced;
	bool need_wakeup;
};

struct partial_page {
	unsigned int offset;
	unsigned int len;
	unsigned long private;
};

struct splice_pipe_desc {
	struct page **pages;
	struct partial_page *partial;
	int nr_pages;
	unsigned int flags;
	const struct pipe_buf_operations *ops;
	void (*spd_release)(struct splice_pipe_desc *, unsigned int);
};

typedef int (splice_actor)(struct pipe_inode_info *, struct pipe_buffer *,
			   struct splice_desc *);

extern ssize_t splice_from_pipe(struct pipe_inode_info *, struct file *,
				loff_t *, size_t, unsigned int,
				splice_actor *);
extern ssize_t splice_to_pipe(struct pipe_inode_info *,
			      struct splice_pipe_desc *);

#endif /* SPLICE_H */
