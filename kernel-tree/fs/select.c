// SPDX-License-Identifier: GPL-2.0
/*
 * select() and poll(): ask every file of a set whether it is ready, and
 * sleep on all their wait queues at once until one is.
 */

#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/time.h>
#include <trace/fs.h>

DEFINE_TRACE(fs_select);
DEFINE_TRACE(fs_pollfd);

#define POLLIN_SET	(POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define POLLOUT_SET	(POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define POLLEX_SET	(POLLPRI)

static void __pollwait(struct file *filp, wait_queue_head_t *wait_address,
		       poll_table *p)
{
	struct poll_wqueues *pwq = container_of(p, struct poll_wqueues, pt);

	if (pwq->inline_index < N_INLINE_POLL_ENTRIES) {
		struct poll_table_entry *entry =
			pwq->inline_entries + pwq->inline_index++;

		entry->filp = filp;
		entry->wait_address = wait_address;
		entry->key = p->key;
	}
}

void poll_initwait(struct poll_wqueues *pwq)
{
	pwq->pt.qproc = __pollwait;
	pwq->pt.key = ~0UL;
	pwq->polling_task = current;
	pwq->triggered = 0;
	pwq->error = 0;
	pwq->table = NULL;
	pwq->inline_index = 0;
}

static s64 timespec_to_ns_left(const struct timespec *end_time)
{
	if (!end_time)
		return -1;
	return (s64)end_time->tv_sec * NSEC_PER_SEC + end_time->tv_nsec;
}

int do_select(int n, fd_set_bits *fds, struct timespec *end_time)
{
	struct poll_wqueues table;
	int retval = 0, i;

	poll_initwait(&table);
	for (i = 0; i < n; ++i) {
		unsigned long bit = 1UL << (i % FDS_BITPERLONG);
		unsigned long in = fds->in[i / FDS_BITPERLONG];
		unsigned long out = fds->out[i / FDS_BITPERLONG];
		struct file *file;
		unsigned int mask;

		if (!((in | out) & bit))
			continue;
		file = fget(i);
		if (!file)
			return -EBADF;
		trace_fs_select(i, timespec_to_ns_left(end_time));
		mask = file->f_op->poll ? file->f_op->poll(file, &table.pt) :
			POLLIN_SET | POLLOUT_SET;
		if ((mask & POLLIN_SET) && (in & bit)) {
			fds->res_in[i / FDS_BITPERLONG] |= bit;
			retval++;
		}
		if ((mask & POLLOUT_SET) && (out & bit)) {
			fds->res_out[i / FDS_BITPERLONG] |= bit;
			retval++;
		}
		fput(file);
	}
	poll_freewait(&table);
	return retval;
}

static inline unsigned int do_pollfd(struct pollfd *pollfd, poll_table *pwait)
{
	unsigned int mask = 0;
	int fd = pollfd->fd;

	if (fd >= 0) {
		struct file *file = fget(fd);

		mask = POLLNVAL;
		if (file) {
			trace_fs_pollfd(fd);
			mask = file->f_op->poll ?
				file->f_op->poll(file, pwait) :
				POLLIN_SET | POLLOUT_SET;
			mask &= pollfd->events | POLLERR | POLLHUP;
			fput(file);
		}
	}
	pollfd->revents = mask;
	return mask;
}

int do_sys_poll(struct pollfd __user *ufds, unsigned int nfds,
		struct timespec *end_time)
{
	struct poll_wqueues table;
	unsigned int i;
	int count = 0;

	poll_initwait(&table);
	for (i = 0; i < nfds; i++)
		if (do_pollfd(&ufds[i], &table.pt))
			count++;
	poll_freewait(&table);
	return count;
}
