/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ext4's private declarations: the on-disk and in-memory structures that
 * nothing outside fs/ext4 sees.
 */
#ifndef _EXT4_H
#define _EXT4_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/spinlock_types.h>
#include <linux/fs.h>
#include <linux/jbd2.h>

/* A physical block number, a block within a file, a block group. */
typedef unsigned long long ext4_fsblk_t;
typedef __u32 ext4_lblk_t;
typedef unsigned int ext4_group_t;
typedef int ext4_grpblk_t;

#define EXT4_SUPER_MAGIC	0xEF53
#define EXT4_N_BLOCKS		15

/* Inode dynamic state flags. */
#define EXT4_STATE_JDATA		0x00000001
#define EXT4_STATE_NEW			0x00000002
#define EXT4_STATE_XATTR		0x00000004
#define EXT4_STATE_NO_EXPAND		0x00000008
#define EXT4_STATE_DA_ALLOC_CLOSE	0x00000010

/* The superblock as it is on disk (the part this tree uses). */
struct ext4_super_block {
	__le32 s_inodes_count;
	__le32 s_blocks_count_lo;
	__le32 s_r_blocks_count_lo;
	__le32 s_free_blocks_count_lo;
	__le32 s_free_inodes_count;
	__le32 s_first_data_block;
	__le32 s_log_block_size;
	__le32 s_log_frags_size;
	__le32 s_blocks_per_group;
	__le32 s_frags_per_group;
	__le32 s_inodes_per_group;
	__le32 s_mtime;
	__le32 s_wtime;
	__le16 s_mnt_count;
	__le16 s_max_mnt_count;
	__le16 s_magic;
	__le16 s_state;
	__u8 s_uuid[16];
	char s_volume_name[16];
} __packed;

/* The in-memory superblock, hung from super_block->s_fs_info. */
struct ext4_sb_info {
	unsigned long s_desc_size;
	unsigned long s_inodes_per_block;
	unsigned long s_blocks_per_group;
	unsigned long s_inodes_per_group;
	unsigned long s_itb_per_group;
	unsigned long s_gdb_count;
	unsigned long s_desc_per_block;
	ext4_group_t s_groups_count;
	unsigned long s_overhead_last;
	unsigned long s_blocks_last;
	struct ext4_super_block *s_es;
	unsigned long s_mount_opt;
	ext4_fsblk_t s_sb_block;
	uid_t s_resuid;
	gid_t s_resgid;
	unsigned short s_mount_state;
	unsigned short s_pad;
	int s_addr_per_block_bits;
	int s_desc_per_block_bits;
	int s_inode_size;
	int s_first_ino;
	unsigned int s_inode_readahead_blks;
	spinlock_t s_next_gen_lock;
	u32 s_next_generation;
	journal_t *s_journal;
	struct list_head s_orphan;
	unsigned long s_commit_interval;
	struct block_device *journal_bdev;

	/* The block allocator (mballoc) */
	spinlock_t s_md_lock;
	unsigned short *s_mb_offsets;
	unsigned int *s_mb_maxs;
	unsigned long s_stripe;
	unsigned int s_mb_stream_request;
	unsigned int s_mb_max_to_scan;
	unsigned int s_mb_min_to_scan;
	unsigned int s_mb_stats;
	unsigned int s_mb_order2_reqs;
	unsigned int s_mb_group_prealloc;
	atomic_t s_bal_reqs;
	atomic_t s_bal_success;
	atomic_t s_bal_allocated;
	atomic_t s_mb_discarded;
};

/* The in-memory inode: the VFS inode is embedded at the end. */
struct ext4_inode_info {
	__le32 i_data[EXT4_N_BLOCKS];
	__u32 i_flags;
	ext4_fsblk_t i_file_acl;
	__u32 i_dtime;
	ext4_group_t i_block_group;
	__u32 i_state;
	ext4_lblk_t i_dir_start_lookup;
	struct list_head i_orphan;
	loff_t i_disksize;
	struct list_head i_prealloc_list;
	spinlock_t i_prealloc_lock;
	unsigned int i_reserved_data_blocks;
	unsigned int i_reserved_meta_blocks;
	unsigned int i_allocated_meta_blocks;
	unsigned short i_delalloc_reserved_flag;
	spinlock_t i_block_reservation_lock;
	struct inode vfs_inode;
	tid_t i_sync_tid;
	tid_t i_datasync_tid;
};

static inline struct ext4_sb_info *EXT4_SB(struct super_block *sb)
{
	return sb->s_fs_info;
}

static inline struct ext4_inode_info *EXT4_I(struct inode *inode)
{
	return container_of(inode, struct ext4_inode_info, vfs_inode);
}

#define EXT4_BLOCK_SIZE(s)	((s)->s_blocksize)
#define EXT4_INODES_PER_GROUP(s) (EXT4_SB(s)->s_inodes_per_group)

/* ialloc.c */
extern struct inode *ext4_new_inode(handle_t *handle, struct inode *dir,
				    int mode);
extern void ext4_free_inode(handle_t *handle, struct inode *inode);

/* inode.c */
extern int ext4_write_begin(struct file *file, struct address_space *mapping,
			    loff_t pos, unsigned len, unsigned flags,
			    struct page **pagep, void **fsdata);
extern int ext4_da_writepages(struct address_space *mapping,
			      struct writeback_control *wbc);
extern int ext4_da_reserve_space(struct inode *inode, int nrblocks);

/* mballoc.c */
extern ext4_fsblk_t ext4_mb_new_blocks(handle_t *handle,
				       struct inode *inode,
				       ext4_lblk_t goal, int *errp);
extern void ext4_discard_preallocations(struct inode *inode);
extern int ext4_mb_discard_blocks(struct super_block *sb,
				  ext4_fsblk_t block, unsigned long count);

/* fsync.c */
extern int ext4_sync_file(struct file *file, struct dentry *dentry,
			  int datasync);

/* super.c */
extern int ext4_sync_fs(struct super_block *sb, int wait);
extern void ext4_error(struct super_block *sb, const char *function,
		       const char *fmt, ...) __printf(3, 4);

#endif /* _EXT4_H */
