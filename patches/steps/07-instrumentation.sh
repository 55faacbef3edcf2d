# Scheduler, irq, block, mm and fs instrumentation.

edit include/trace/sched.h <<'EOF'
/* Only sleeps long enough to matter are worth a record. */
====
DECLARE_TRACE(sched_set_comm,
	TP_PROTO(struct task_struct *p, const char *newcomm),
	TP_ARGS(p, newcomm));

/* Only sleeps long enough to matter are worth a record. */
EOF
edit kernel/sched.c <<'EOF'
DEFINE_TRACE(sched_process_hang_check);
====
DEFINE_TRACE(sched_process_hang_check);
DEFINE_TRACE(sched_set_comm);
EOF
edit kernel/sched.c <<'EOF'
void set_task_comm(struct task_struct *tsk, char *buf)
{
====
void set_task_comm(struct task_struct *tsk, char *buf)
{
	trace_sched_set_comm(tsk, buf);
EOF
edit include/trace/irq.h <<'EOF'
DECLARE_TRACE(tasklet_high_entry,
====
DECLARE_TRACE(tasklet_schedule,
	TP_PROTO(struct tasklet_struct *t, int high),
	TP_ARGS(t, high));

DECLARE_TRACE(tasklet_high_entry,
EOF
edit kernel/softirq.c <<'EOF'
DEFINE_TRACE(tasklet_high_entry);
====
DEFINE_TRACE(tasklet_schedule);
DEFINE_TRACE(tasklet_high_entry);
EOF
edit kernel/softirq.c <<'EOF'
void __tasklet_schedule(struct tasklet_struct *t)
{
====
void __tasklet_schedule(struct tasklet_struct *t)
{
	trace_tasklet_schedule(t, 0);
EOF
commit mathilde "LTTng instrumentation: task renames and tasklet scheduling" <<'EOF'
Two events a trace viewer needs to follow tasks and deferred work:

- sched_set_comm, when a task changes its name (a thread naming
  itself after clone(), or exec); without it the viewer shows the
  name the task had when the trace started;
- tasklet_schedule, so that the delay between scheduling a tasklet
  and running it (tasklet_low_entry) can be measured.
EOF

edit include/trace/block.h <<'EOF'
DECLARE_TRACE(block_split,
====
DECLARE_TRACE(block_rq_end,
	TPPROTO(struct request_queue *q, struct request *rq, int error),
		TPARGS(q, rq, error));

DECLARE_TRACE(block_split,
EOF
edit block/blk-core.c <<'EOF'
DEFINE_TRACE(block_split);
====
DEFINE_TRACE(block_split);
DEFINE_TRACE(block_rq_end);
EOF
edit block/blk-core.c <<'EOF'
		trace_block_bio_complete(rq->q, bio);
		bio_endio(bio, error);
	}
====
		trace_block_bio_complete(rq->q, bio);
		bio_endio(bio, error);
	}
	trace_block_rq_end(rq->q, rq, error);
EOF
commit jan "block: trace the end of a request with its error" <<'EOF'
block_rq_complete fires before the bios of the request are ended, and
does not carry the error.  Add block_rq_end after the last bio, with
the error code, so that the time spent in the bios' end_io callbacks
and the failed requests both show in a trace.
EOF

edit include/trace/mm.h <<'EOF'
#ifdef CONFIG_SWAP
====
DECLARE_TRACE(mm_page_drain,
	TP_PROTO(struct list_head *pcp_list, int count),
	TP_ARGS(pcp_list, count));

#ifdef CONFIG_SWAP
EOF
edit mm/page_alloc.c <<'EOF'
DEFINE_TRACE(mm_page_free);
====
DEFINE_TRACE(mm_page_free);
DEFINE_TRACE(mm_page_drain);
EOF
edit mm/page_alloc.c <<'EOF'
void drain_pages(struct list_head *pcp_list, int count)
{
====
void drain_pages(struct list_head *pcp_list, int count)
{
	trace_mm_page_drain(pcp_list, count);
EOF
commit zhaolei "mm: trace the draining of per-cpu page lists" <<'EOF'
Draining a per-cpu page list frees its pages one by one, which traces
as a burst of mm_page_free events with no cause.  Trace the drain
itself first, with the number of pages asked for.
EOF

edit include/trace/fs.h <<'EOF'
DECLARE_TRACE(fs_pipe_read,
====
DECLARE_TRACE(fs_select_done,
	TPPROTO(int n, int retval),
		TPARGS(n, retval));

DECLARE_TRACE(fs_poll_done,
	TPPROTO(unsigned int nfds, int count),
		TPARGS(nfds, count));

DECLARE_TRACE(fs_pipe_read,
EOF
edit include/linux/poll.h <<'EOF'
extern int do_select(int n, fd_set_bits *fds, struct timespec *end_time);
====
extern int poll_select_set_timeout(struct timespec *to, long sec,
				   long nsec);
extern int do_select(int n, fd_set_bits *fds, struct timespec *end_time);
EOF
edit fs/select.c <<'EOF'
DEFINE_TRACE(fs_pollfd);
====
DEFINE_TRACE(fs_pollfd);
DEFINE_TRACE(fs_select_done);
DEFINE_TRACE(fs_poll_done);
EOF
edit fs/select.c <<'EOF'
int do_select(int n, fd_set_bits *fds, struct timespec *end_time)
====
/*
 * Sets @to to @sec seconds and @nsec nanoseconds; both zero means "do
 * not sleep".  Returns -EINVAL on a negative or malformed time.
 */
int poll_select_set_timeout(struct timespec *to, long sec, long nsec)
{
	if (sec < 0 || nsec < 0 || nsec >= NSEC_PER_SEC)
		return -EINVAL;
	to->tv_sec = sec;
	to->tv_nsec = nsec;
	return 0;
}

int do_select(int n, fd_set_bits *fds, struct timespec *end_time)
EOF
edit fs/select.c <<'EOF'
		fput(file);
	}
	poll_freewait(&table);
	return retval;
====
		fput(file);
	}
	poll_freewait(&table);
	trace_fs_select_done(n, retval);
	return retval;
EOF
edit fs/select.c <<'EOF'
			count++;
	poll_freewait(&table);
====
			count++;
	poll_freewait(&table);
	trace_fs_poll_done(nfds, count);
EOF
commit lai "fs: trace the result of select() and poll()" <<'EOF'
fs_select and fs_pollfd fire for each file descriptor tested, but
nothing says how many were ready, so a trace cannot tell a select()
that returned at once from one that slept.  Add fs_select_done and
fs_poll_done with the count.

Also add poll_select_set_timeout() to poll.h, which the compat and the
native system calls will share.
EOF

edit include/trace/fs.h <<'EOF'
DECLARE_TRACE(fs_poll_done,
	TPPROTO(unsigned int nfds, int count),
		TPARGS(nfds, count));
====
DECLARE_TRACE(fs_poll_done,
	TPPROTO(unsigned int nfds, int count),
		TPARGS(nfds, count));

DECLARE_TRACE(fs_pipe_create,
	TPPROTO(struct pipe_inode_info *pipe),
		TPARGS(pipe));

DECLARE_TRACE(fs_splice_from_pipe,
	TPPROTO(struct pipe_inode_info *pipe, struct file *out, size_t len,
		ssize_t ret),
		TPARGS(pipe, out, len, ret));
EOF
edit fs/pipe.c <<'EOF'
DEFINE_TRACE(fs_pipe_wait);
====
DEFINE_TRACE(fs_pipe_wait);
DEFINE_TRACE(fs_pipe_create);
EOF
cat >>fs/pipe.c <<'EOF'

extern void *kzalloc(size_t size, gfp_t flags);

struct pipe_inode_info *alloc_pipe_info(struct inode *inode)
{
	struct pipe_inode_info *pipe;

	pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);
	if (pipe) {
		pipe->readers = pipe->writers = 1;
		pipe->inode = inode;
		trace_fs_pipe_create(pipe);
	}
	return pipe;
}
EOF
edit fs/splice.c <<'EOF'
DEFINE_TRACE(fs_splice_to_pipe);
====
DEFINE_TRACE(fs_splice_to_pipe);
DEFINE_TRACE(fs_splice_from_pipe);
EOF
edit fs/splice.c <<'EOF'
	*ppos = sd.pos;
	return sd.num_spliced ? (ssize_t)sd.num_spliced : ret;
====
	*ppos = sd.pos;
	if (sd.num_spliced)
		ret = sd.num_spliced;
	trace_fs_splice_from_pipe(pipe, out, len, ret);
	return ret;
EOF
commit lai "fs: trace pipe creation and splice from a pipe" <<'EOF'
The tracer's own buffers are read with splice(), so the splice path is
where a trace of the tracer starts.  Trace the creation of a pipe (so
that the pipe_inode_info pointers of the other pipe events can be
named) and the result of splice_from_pipe().
EOF
