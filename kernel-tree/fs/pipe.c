// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes: a ring of page buffers between a writer and a reader.
 */

#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pipe_fs_i.h>
#include <linux/poll.h>
#include <trace/fs.h>

DEFINE_TRACE(fs_pipe_read);
DEFINE_TRACE(fs_pipe_write);
DEFINE_TRACE(fs_pipe_wait);

void pipe_wait(struct pipe_inode_info *pipe)
{
	trace_fs_pipe_wait(pipe, pipe->nrbufs == PIPE_BUFFERS);
	schedule();
}

static ssize_t pipe_read(struct file *filp, char __user *buf, size_t total_len,
			 loff_t *ppos)
{
	struct pipe_inode_info *pipe = filp->private_data;
	ssize_t ret = 0;

	trace_fs_pipe_read(pipe, total_len);

	while (total_len && pipe->nrbufs) {
		struct pipe_buffer *b = pipe->bufs + pipe->curbuf;
		size_t chars = min((size_t)b->len, total_len);

		b->offset += chars;
		b->len -= chars;
		ret += chars;
		total_len -= chars;
		if (!b->len) {
			pipe->curbuf = (pipe->curbuf + 1) & (PIPE_BUFFERS - 1);
			pipe->nrbufs--;
		}
	}
	if (ret > 0)
		wake_up_interruptible(&pipe->wait);
	return ret;
}

static ssize_t pipe_write(struct file *filp, const char __user *buf,
			  size_t total_len, loff_t *ppos)
{
	struct pipe_inode_info *pipe = filp->private_data;

	trace_fs_pipe_write(pipe, total_len);

	if (!pipe->readers)
		return -EPIPE;
	while (pipe->nrbufs == PIPE_BUFFERS)
		pipe_wait(pipe);
	pipe->bufs[(pipe->curbuf + pipe->nrbufs) & (PIPE_BUFFERS - 1)].len =
		min(total_len, (size_t)PAGE_SIZE);
	pipe->nrbufs++;
	wake_up_interruptible(&pipe->wait);
	return min(total_len, (size_t)PAGE_SIZE);
}

static unsigned int pipe_poll(struct file *filp, poll_table *wait)
{
	struct pipe_inode_info *pipe = filp->private_data;
	unsigned int mask = 0;

	poll_wait(filp, &pipe->wait, wait);
	if (filp->f_mode & FMODE_READ)
		mask = pipe->nrbufs ? POLLIN | POLLRDNORM : 0;
	if (filp->f_mode & FMODE_WRITE)
		mask |= pipe->nrbufs < PIPE_BUFFERS ? POLLOUT | POLLWRNORM : 0;
	return mask;
}

const struct file_operations rdwr_pipefifo_fops = {
	.llseek		= no_llseek,
	.read		= pipe_read,
	.write		= pipe_write,
	.poll		= pipe_poll,
};
