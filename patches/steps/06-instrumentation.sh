# Instrumentation: new trace points in ext4, jbd2, the scheduler, irqs,
# the block layer, mm and fs.

edit include/trace/ext4.h <<'EOF'
DECLARE_TRACE(ext4_da_writepages,
====
DECLARE_TRACE(ext4_journalled_write_end,
	TP_PROTO(struct inode *inode, loff_t pos, unsigned int len,
		 unsigned int copied),
	TP_ARGS(inode, pos, len, copied));

DECLARE_TRACE(ext4_da_write_begin,
	TP_PROTO(struct inode *inode, loff_t pos, unsigned int len,
		 unsigned int flags),
	TP_ARGS(inode, pos, len, flags));

DECLARE_TRACE(ext4_da_write_end,
	TP_PROTO(struct inode *inode, loff_t pos, unsigned int len,
		 unsigned int copied),
	TP_ARGS(inode, pos, len, copied));

DECLARE_TRACE(ext4_da_writepages,
EOF
edit fs/ext4/inode.c <<'EOF'
DEFINE_TRACE(ext4_writeback_write_end);
====
DEFINE_TRACE(ext4_writeback_write_end);
DEFINE_TRACE(ext4_journalled_write_end);
DEFINE_TRACE(ext4_da_write_begin);
DEFINE_TRACE(ext4_da_write_end);
EOF
edit fs/ext4/inode.c <<'EOF'
	if (pos + copied > inode->i_size)
		inode->i_size = pos + copied;
	return copied;
}
====
	if (pos + copied > inode->i_size)
		inode->i_size = pos + copied;
	return copied;
}

static int ext4_journalled_write_end(struct file *file,
				     struct address_space *mapping,
				     loff_t pos, unsigned len, unsigned copied,
				     struct page *page, void *fsdata)
{
	struct inode *inode = mapping->host;

	trace_ext4_journalled_write_end(inode, pos, len, copied);

	if (pos + copied > inode->i_size)
		inode->i_size = pos + copied;
	EXT4_I(inode)->i_disksize = inode->i_size;
	return copied;
}

static int ext4_da_write_begin(struct file *file,
			       struct address_space *mapping,
			       loff_t pos, unsigned len, unsigned flags,
			       struct page **pagep, void **fsdata)
{
	struct inode *inode = mapping->host;
	struct page *page;

	trace_ext4_da_write_begin(inode, pos, len, flags);

	page = grab_cache_page_write_begin(mapping, pos >> PAGE_SHIFT, flags);
	if (!page)
		return -ENOMEM;
	*pagep = page;
	return 0;
}

static int ext4_da_write_end(struct file *file,
			     struct address_space *mapping,
			     loff_t pos, unsigned len, unsigned copied,
			     struct page *page, void *fsdata)
{
	struct inode *inode = mapping->host;

	trace_ext4_da_write_end(inode, pos, len, copied);

	if (pos + copied > inode->i_size)
		inode->i_size = pos + copied;
	return copied;
}
EOF
commit frederic "ext4: trace points for the journalled and delayed allocation paths" <<'EOF'
The ordered and writeback write_end paths have trace points; the
journalled one and the delayed allocation write_begin/write_end pair
have none, so a trace of a data=journal or delalloc mount shows writes
that never begin or never end.  Add them, with the same arguments as
the existing ones so that one probe type serves all of them.
EOF

edit include/trace/ext4.h <<'EOF'
DECLARE_TRACE(ext4_discard_blocks,
====
DECLARE_TRACE(ext4_mb_release_inode_pa,
	TP_PROTO(struct ext4_allocation_context *ac,
		 struct ext4_prealloc_space *pa,
		 unsigned long long block, unsigned int count),
	TP_ARGS(ac, pa, block, count));

DECLARE_TRACE(ext4_mb_release_group_pa,
	TP_PROTO(struct ext4_allocation_context *ac,
		 struct ext4_prealloc_space *pa),
	TP_ARGS(ac, pa));

DECLARE_TRACE(ext4_discard_blocks,
EOF
edit fs/ext4/mballoc.h <<'EOF'
#define AC_STATUS_BREAK		3
====
#define AC_STATUS_BREAK		3

/* Why a preallocation was released, for the trace. */
#define EXT4_PA_RELEASE_DISCARD	0
#define EXT4_PA_RELEASE_USED	1
EOF
edit fs/ext4/mballoc.c <<'EOF'
DEFINE_TRACE(ext4_discard_blocks);
====
DEFINE_TRACE(ext4_discard_blocks);
DEFINE_TRACE(ext4_mb_release_inode_pa);
DEFINE_TRACE(ext4_mb_release_group_pa);
EOF
edit fs/ext4/mballoc.c <<'EOF'
void ext4_discard_preallocations(struct inode *inode)
{
	struct ext4_inode_info *ei = EXT4_I(inode);
	struct ext4_prealloc_space *pa;
	unsigned int nr = 0;

	list_for_each_entry(pa, &ei->i_prealloc_list, pa_inode_list)
		nr++;
====
/* Gives the unused blocks of @pa back; returns how many there were. */
static unsigned int ext4_mb_release_pa(struct ext4_allocation_context *ac,
				       struct ext4_prealloc_space *pa,
				       int why)
{
	unsigned int count = why == EXT4_PA_RELEASE_DISCARD ?
		pa->pa_free : 0;

	if (pa->pa_inode)
		trace_ext4_mb_release_inode_pa(ac, pa, pa->pa_pstart, count);
	else
		trace_ext4_mb_release_group_pa(ac, pa);
	pa->pa_free -= count;
	return count;
}

void ext4_discard_preallocations(struct inode *inode)
{
	struct ext4_inode_info *ei = EXT4_I(inode);
	struct ext4_allocation_context ac = {
		.ac_inode = inode,
		.ac_sb = inode->i_sb,
	};
	struct ext4_prealloc_space *pa;
	unsigned int nr = 0;

	list_for_each_entry(pa, &ei->i_prealloc_list, pa_inode_list) {
		ext4_mb_release_pa(&ac, pa, EXT4_PA_RELEASE_DISCARD);
		nr++;
	}
EOF
commit frederic "ext4: trace the release of preallocated space" <<'EOF'
The creation of inode and group preallocations is traced, their
release is not, so a trace cannot tell how many preallocated blocks
were given back unused.  Trace the release, with the number of blocks
freed for inode preallocations.
EOF

edit include/trace/ext4.h <<'EOF'
DECLARE_TRACE(ext4_journalled_write_end,
	TP_PROTO(struct inode *inode, loff_t pos, unsigned int len,
		 unsigned int copied),
	TP_ARGS(inode, pos, len, copied));
====
DECLARE_TRACE(ext4_journalled_write_end,
	TP_PROTO(struct inode *inode, loff_t pos, unsigned int len,
		 unsigned int copied, int partial),
	TP_ARGS(inode, pos, len, copied, partial));
EOF
edit fs/ext4/inode.c <<'EOF'
	trace_ext4_journalled_write_end(inode, pos, len, copied);
====
	trace_ext4_journalled_write_end(inode, pos, len, copied,
					copied < len);
EOF
commit frederic "ext4: say when a journalled write was short" <<'EOF'
A journalled write that copies less than it asked for leaves a page
partly up to date, which is the case worth seeing in a trace.  Add a
partial flag to the ext4_journalled_write_end trace point.
EOF

edit include/trace/jbd2.h <<'EOF'
DECLARE_TRACE(jbd2_start_commit,
====
DECLARE_TRACE(jbd2_cleanup_journal_tail,
	TP_PROTO(journal_t *journal, tid_t first_tid, unsigned long blocknr,
		 unsigned long freed),
	TP_ARGS(journal, first_tid, blocknr, freed));

DECLARE_TRACE(jbd2_start_commit,
EOF
edit include/trace/jbd2.h <<'EOF'
DECLARE_TRACE(jbd2_end_commit,
====
DECLARE_TRACE(jbd2_commit_write_record,
	TP_PROTO(journal_t *journal, transaction_t *commit_transaction,
		 int barrier),
	TP_ARGS(journal, commit_transaction, barrier));

DECLARE_TRACE(jbd2_end_commit,
EOF
edit fs/jbd2/checkpoint.c <<'EOF'
DEFINE_TRACE(jbd2_checkpoint);
====
DEFINE_TRACE(jbd2_checkpoint);
DEFINE_TRACE(jbd2_cleanup_journal_tail);
EOF
cat >>fs/jbd2/checkpoint.c <<'EOF'

/*
 * Moves the tail of the log past the transactions that no longer need
 * it.  Returns the number of log blocks freed.
 */
unsigned long jbd2_cleanup_journal_tail(journal_t *journal)
{
	transaction_t *transaction;
	tid_t first_tid;
	unsigned long blocknr, freed;

	spin_lock(&journal->j_state_lock);
	transaction = journal->j_checkpoint_transactions;
	if (!transaction) {
		spin_unlock(&journal->j_state_lock);
		return 0;
	}
	first_tid = transaction->t_tid;
	blocknr = transaction->t_log_start;
	freed = blocknr > journal->j_tail ? blocknr - journal->j_tail :
		blocknr + journal->j_last - journal->j_tail;
	journal->j_tail_sequence = first_tid;
	journal->j_tail = blocknr;
	spin_unlock(&journal->j_state_lock);

	trace_jbd2_cleanup_journal_tail(journal, first_tid, blocknr, freed);
	return freed;
}
EOF
edit include/linux/jbd2.h <<'EOF'
#define JBD2_MIN_JOURNAL_BLOCKS		1024
====
#define JBD2_MIN_JOURNAL_BLOCKS		1024

/* j_flags */
#define JBD2_BARRIER	0x020	/* write the commit record with a barrier */
EOF
edit fs/jbd2/commit.c <<'EOF'
DEFINE_TRACE(jbd2_end_commit);
====
DEFINE_TRACE(jbd2_commit_write_record);
DEFINE_TRACE(jbd2_end_commit);
EOF
edit fs/jbd2/commit.c <<'EOF'
	stats.rs_blocks_logged = commit_transaction->t_nr_buffers;
====
	stats.rs_blocks_logged = commit_transaction->t_nr_buffers;

	trace_jbd2_commit_write_record(journal, commit_transaction,
				       !!(journal->j_flags & JBD2_BARRIER));
EOF
commit masami "jbd2: trace the commit record and the log tail" <<'EOF'
Add two trace points to jbd2: one when the commit record is written
(with whether a barrier is used, the usual suspect of slow fsync()s),
and one when the log tail moves, with the number of blocks it frees.
EOF
