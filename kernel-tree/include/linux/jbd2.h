/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_JBD2_H
#define _LINUX_JBD2_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock_types.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/fs.h>

#define JBD2_DEFAULT_MAX_COMMIT_AGE	5
#define JBD2_MIN_JOURNAL_BLOCKS		1024

/* A transaction id; they wrap, compare with tid_gt(). */
typedef unsigned int tid_t;

typedef struct journal_s journal_t;
typedef struct transaction_s transaction_t;
typedef struct handle_s handle_t;

struct buffer_head;
struct journal_head;

/* Statistics of one transaction's run, kept for /proc. */
struct transaction_run_stats_s {
	unsigned long rs_wait;
	unsigned long rs_running;
	unsigned long rs_locked;
	unsigned long rs_flushing;
	unsigned long rs_logging;
	u32 rs_handle_count;
	u32 rs_blocks;
	u32 rs_blocks_logged;
};

/* One atomic update of the file system, as it goes to the journal. */
struct transaction_s {
	journal_t *t_journal;
	tid_t t_tid;

	/* Where the transaction is in its life. */
	enum {
		T_RUNNING,
		T_LOCKED,
		T_RUNDOWN,
		T_FLUSH,
		T_COMMIT,
		T_FINISHED
	} t_state;

	unsigned long t_log_start;
	int t_nr_buffers;
	struct journal_head *t_reserved_list;
	struct journal_head *t_buffers;
	struct journal_head *t_forget;
	struct journal_head *t_checkpoint_list;
	struct journal_head *t_iobuf_list;
	struct journal_head *t_shadow_list;
	struct journal_head *t_log_list;
	struct list_head t_inode_list;
	spinlock_t t_handle_lock;
	unsigned long t_max_wait;
	unsigned long t_start;
	int t_outstanding_credits;
	transaction_t *t_cpnext, *t_cpprev;
	unsigned long t_expires;
	int t_handle_count;
	unsigned int t_synchronous_commit:1;
	struct transaction_run_stats_s t_chp_stats;
};

/* A journal: a circular log on a block device, and its transactions. */
struct journal_s {
	unsigned long j_flags;
	int j_errno;
	struct buffer_head *j_sb_buffer;
	spinlock_t j_state_lock;
	int j_barrier_count;
	struct mutex j_barrier;
	transaction_t *j_running_transaction;
	transaction_t *j_committing_transaction;
	transaction_t *j_checkpoint_transactions;
	wait_queue_head_t j_wait_transaction_locked;
	wait_queue_head_t j_wait_logspace;
	wait_queue_head_t j_wait_done_commit;
	wait_queue_head_t j_wait_commit;
	struct mutex j_checkpoint_mutex;
	unsigned long j_head;
	unsigned long j_tail;
	unsigned long j_free;
	unsigned long j_first;
	unsigned long j_last;
	struct block_device *j_dev;
	int j_blocksize;
	unsigned long long j_blk_offset;
	char j_devname[BDEVNAME_SIZE + 24];
	struct block_device *j_fs_dev;
	unsigned int j_maxlen;
	tid_t j_tail_sequence;
	tid_t j_transaction_sequence;
	tid_t j_commit_sequence;
	tid_t j_commit_request;
	u8 j_uuid[16];
	struct task_struct *j_task;
	int j_max_transaction_buffers;
	unsigned long j_commit_interval;
	void *j_private;
};

/* A running update: the credits one file system operation holds. */
struct handle_s {
	transaction_t *h_transaction;
	int h_buffer_credits;
	int h_ref;
	int h_err;
	unsigned int h_sync:1;
	unsigned int h_jdata:1;
	unsigned int h_aborted:1;
};

static inline int tid_gt(tid_t x, tid_t y)
{
	int difference = (x - y);

	return (difference > 0);
}

extern int jbd2_log_do_checkpoint(journal_t *journal);
extern void jbd2_journal_commit_transaction(journal_t *journal);
extern int jbd2_journal_force_commit(journal_t *journal);
extern handle_t *jbd2_journal_start(journal_t *journal, int nblocks);
extern int jbd2_journal_stop(handle_t *handle);

#endif /* _LINUX_JBD2_H */
