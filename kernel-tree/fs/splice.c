// SPDX-License-Identifier: GPL-2.0
/*
 * splice(): moving pages between a pipe and a file without copying them
 * through user space.
 */

#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pipe_fs_i.h>
#include <linux/splice.h>
#include <linux/module.h>
#include <trace/fs.h>

DEFINE_TRACE(fs_splice_to_pipe);

ssize_t splice_to_pipe(struct pipe_inode_info *pipe,
		       struct splice_pipe_desc *spd)
{
	unsigned int spd_pages = spd->nr_pages;
	ssize_t ret = 0;
	int page_nr = 0;

	while (spd->nr_pages && pipe->readers) {
		if (pipe->nrbufs < PIPE_BUFFERS) {
			int newbuf = (pipe->curbuf + pipe->nrbufs) &
				     (PIPE_BUFFERS - 1);
			struct pipe_buffer *buf = pipe->bufs + newbuf;

			buf->page = spd->pages[page_nr];
			buf->offset = spd->partial[page_nr].offset;
			buf->len = spd->partial[page_nr].len;
			buf->private = spd->partial[page_nr].private;
			buf->ops = spd->ops;
			pipe->nrbufs++;
			page_nr++;
			ret += buf->len;
			spd->nr_pages--;
			continue;
		}
		if (spd->flags & SPLICE_F_NONBLOCK) {
			if (!ret)
				ret = -EAGAIN;
			break;
		}
		pipe_wait(pipe);
	}
	if (!pipe->readers && !ret)
		ret = -EPIPE;

	trace_fs_splice_to_pipe(pipe, spd_pages, ret);

	while (page_nr < spd_pages)
		spd->spd_release(spd, page_nr++);
	return ret;
}

ssize_t splice_from_pipe(struct pipe_inode_info *pipe, struct file *out,
			 loff_t *ppos, size_t len, unsigned int flags,
			 splice_actor *actor)
{
	struct splice_desc sd = {
		.total_len = len,
		.flags = flags,
		.pos = *ppos,
		.u.file = out,
	};
	ssize_t ret = 0;

	while (pipe->nrbufs && sd.total_len) {
		struct pipe_buffer *buf = pipe->bufs + pipe->curbuf;

		sd.len = min((unsigned int)buf->len, sd.total_len);
		ret = actor(pipe, buf, &sd);
		if (ret <= 0)
			break;
		sd.num_spliced += ret;
		sd.total_len -= ret;
		pipe->curbuf = (pipe->curbuf + 1) & (PIPE_BUFFERS - 1);
		pipe->nrbufs--;
	}
	*ppos = sd.pos;
	return sd.num_spliced ? (ssize_t)sd.num_spliced : ret;
}
EXPORT_SYMBOL(splice_from_pipe);
