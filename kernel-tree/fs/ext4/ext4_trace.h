/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Events of ext4's block allocator.  They record fields of structures that
 * are private to fs/ext4, so this header does not stand alone: include
 * "ext4.h" and "mballoc.h" first.  fs/ext4/super.c creates the events.
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM ext4

#if !defined(_EXT4_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _EXT4_TRACE_H

#include <linux/tracepoint.h>

TRACE_EVENT(ext4_mballoc_alloc,

	TP_PROTO(struct ext4_allocation_context *ac),

	TP_ARGS(ac),

	TP_STRUCT__entry(
		__field(	dev_t,		dev		)
		__field(	ino_t,		ino		)
		__field(	ext4_lblk_t,	orig_logical	)
		__field(	int,		orig_start	)
		__field(	ext4_group_t,	orig_group	)
		__field(	int,		orig_len	)
		__field(	ext4_lblk_t,	result_logical	)
		__field(	int,		result_start	)
		__field(	ext4_group_t,	result_group	)
		__field(	int,		result_len	)
		__field(	__u16,		found		)
		__field(	__u16,		groups		)
		__field(	__u16,		buddy		)
		__field(	__u16,		flags		)
		__field(	__u8,		cr		)
	),

	TP_fast_assign(
		__entry->dev		= ac->ac_sb->s_dev;
		__entry->ino		= ac->ac_inode->i_ino;
		__entry->orig_logical	= ac->ac_o_ex.fe_logical;
		__entry->orig_start	= ac->ac_o_ex.fe_start;
		__entry->orig_group	= ac->ac_o_ex.fe_group;
		__entry->orig_len	= ac->ac_o_ex.fe_len;
		__entry->result_logical	= ac->ac_b_ex.fe_logical;
		__entry->result_start	= ac->ac_b_ex.fe_start;
		__entry->result_group	= ac->ac_b_ex.fe_group;
		__entry->result_len	= ac->ac_b_ex.fe_len;
		__entry->found		= ac->ac_found;
		__entry->groups		= ac->ac_groups_scanned;
		__entry->buddy		= ac->ac_buddy;
		__entry->flags		= ac->ac_flags;
		__entry->cr		= ac->ac_criteria;
	),

	TP_printk("dev %d,%d inode %lu orig %u/%d/%u@%u result %u/%d/%u@%u "
		  "found %u groups %u buddy %u flags 0x%04x cr %u",
		  (int)(__entry->dev >> 20), (int)(__entry->dev & 0xfffff),
		  (unsigned long)__entry->ino,
		  __entry->orig_group, __entry->orig_start,
		  __entry->orig_len, __entry->orig_logical,
		  __entry->result_group, __entry->result_start,
		  __entry->result_len, __entry->result_logical,
		  __entry->found, __entry->groups, __entry->buddy,
		  __entry->flags, __entry->cr)
);

DECLARE_EVENT_CLASS(ext4__mb_new_pa,

	TP_PROTO(struct ext4_allocation_context *ac,
		 struct ext4_prealloc_space *pa),

	TP_ARGS(ac, pa),

	TP_STRUCT__entry(
		__field(	dev_t,		dev		)
		__field(	ino_t,		ino		)
		__field(	ext4_fsblk_t,	pa_pstart	)
		__field(	__u32,		pa_len		)
		__field(	ext4_lblk_t,	pa_lstart	)
	),

	TP_fast_assign(
		__entry->dev		= ac->ac_sb->s_dev;
		__entry->ino		= ac->ac_inode->i_ino;
		__entry->pa_pstart	= pa->pa_pstart;
		__entry->pa_len		= pa->pa_len;
		__entry->pa_lstart	= pa->pa_lstart;
	),

	TP_printk("dev %d,%d ino %lu pstart %llu len %u lstart %u",
		  (int)(__entry->dev >> 20), (int)(__entry->dev & 0xfffff),
		  (unsigned long)__entry->ino, __entry->pa_pstart,
		  __entry->pa_len, __entry->pa_lstart)
);

DEFINE_EVENT(ext4__mb_new_pa, ext4_mb_new_group_pa,

	TP_PROTO(struct ext4_allocation_context *ac,
		 struct ext4_prealloc_space *pa),

	TP_ARGS(ac, pa)
);

DEFINE_EVENT(ext4__mb_new_pa, ext4_mb_use_inode_pa,

	TP_PROTO(struct ext4_allocation_context *ac,
		 struct ext4_prealloc_space *pa),

	TP_ARGS(ac, pa)
);

TRACE_EVENT(ext4_da_reserve_space,

	TP_PROTO(struct inode *inode, int md_needed),

	TP_ARGS(inode, md_needed),

	TP_STRUCT__entry(
		__field(	dev_t,	dev			)
		__field(	ino_t,	ino			)
		__field(	umode_t, mode			)
		__field(	__u64,	i_blocks		)
		__field(	int,	md_needed		)
		__field(	int,	reserved_data_blocks	)
		__field(	int,	reserved_meta_blocks	)
	),

	TP_fast_assign(
		__entry->dev	= inode->i_sb->s_dev;
		__entry->ino	= inode->i_ino;
		__entry->mode	= inode->i_mode;
		__entry->i_blocks = inode->i_blocks;
		__entry->md_needed = md_needed;
		__entry->reserved_data_blocks =
			EXT4_I(inode)->i_reserved_data_blocks;
		__entry->reserved_meta_blocks =
			EXT4_I(inode)->i_reserved_meta_blocks;
	),

	TP_printk("dev %d,%d ino %lu mode 0%o i_blocks %llu md_needed %d "
		  "reserved_data_blocks %d reserved_meta_blocks %d",
		  (int)(__entry->dev >> 20), (int)(__entry->dev & 0xfffff),
		  (unsigned long)__entry->ino, __entry->mode,
		  (unsigned long long)__entry->i_blocks, __entry->md_needed,
		  __entry->reserved_data_blocks,
		  __entry->reserved_meta_blocks)
);

#endif /* _EXT4_TRACE_H */

/* Kept next to its subsystem: tell define_trace.h where this file is. */
#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH ../../fs/ext4
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE ext4_trace
#include <trace/define_trace.h>
