/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/spinlock_types.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/time.h>

#define BDEVNAME_SIZE	32

#define MAY_EXEC	1
#define MAY_WRITE	2
#define MAY_READ	4

#define FMODE_READ	((fmode_t)1)
#define FMODE_WRITE	((fmode_t)2)
#define FMODE_LSEEK	((fmode_t)4)
#define FMODE_PREAD	((fmode_t)8)

#define READ		0
#define WRITE		1

#define S_IFMT		00170000
#define S_IFREG		0100000
#define S_IFDIR		0040000
#define S_IFIFO		0010000
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)

struct page;
struct dentry;
struct vfsmount;
struct file;
struct inode;
struct super_block;
struct block_device;
struct pipe_inode_info;
struct poll_table_struct;
struct seq_file;
struct writeback_control;
struct kstatfs;
struct file_system_type;

struct address_space {
	struct inode *host;
	spinlock_t tree_lock;
	unsigned int i_mmap_writable;
	unsigned long nrpages;
	pgoff_t writeback_index;
	const struct address_space_operations *a_ops;
	unsigned long flags;
	struct list_head private_list;
};

struct address_space_operations {
	int (*writepage)(struct page *page, struct writeback_control *wbc);
	int (*readpage)(struct file *, struct page *);
	int (*writepages)(struct address_space *, struct writeback_control *);
	int (*write_begin)(struct file *, struct address_space *mapping,
			   loff_t pos, unsigned len, unsigned flags,
			   struct page **pagep, void **fsdata);
	int (*write_end)(struct file *, struct address_space *mapping,
			 loff_t pos, unsigned len, unsigned copied,
			 struct page *page, void *fsdata);
	sector_t (*bmap)(struct address_space *, sector_t);
};

/* A file system object, with its attributes and its page cache. */
struct inode {
	struct hlist_node i_hash;
	struct list_head i_list;
	struct list_head i_sb_list;
	unsigned long i_ino;
	atomic_t i_count;
	unsigned int i_nlink;
	uid_t i_uid;
	gid_t i_gid;
	dev_t i_rdev;
	u64 i_version;
	loff_t i_size;
	struct timespec i_atime;
	struct timespec i_mtime;
	struct timespec i_ctime;
	unsigned int i_blkbits;
	blkcnt_t i_blocks;
	unsigned short i_bytes;
	umode_t i_mode;
	spinlock_t i_lock;
	struct mutex i_mutex;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct super_block *i_sb;
	struct address_space *i_mapping;
	struct address_space i_data;
	union {
		struct pipe_inode_info *i_pipe;
		struct block_device *i_bdev;
		char *i_link;
	};
	unsigned long i_state;
	unsigned int i_flags;
	u32 i_generation;
	void *i_private;
};

struct inode_operations {
	int (*create)(struct inode *, struct dentry *, int, void *);
	int (*unlink)(struct inode *, struct dentry *);
	int (*mkdir)(struct inode *, struct dentry *, int);
	void (*truncate)(struct inode *);
	int (*permission)(struct inode *, int);
};

/* A mounted file system instance. */
struct super_block {
	struct list_head s_list;
	dev_t s_dev;
	unsigned long s_blocksize;
	unsigned char s_blocksize_bits;
	unsigned char s_dirt;
	unsigned long long s_maxbytes;
	struct file_system_type *s_type;
	const struct super_operations *s_op;
	unsigned long s_flags;
	unsigned long s_magic;
	struct dentry *s_root;
	int s_count;
	atomic_t s_active;
	struct list_head s_inodes;
	struct block_device *s_bdev;
	char s_id[32];
	void *s_fs_info;
	u32 s_time_gran;
};

struct super_operations {
	struct inode *(*alloc_inode)(struct super_block *sb);
	void (*destroy_inode)(struct inode *);
	int (*write_inode)(struct inode *, int);
	void (*put_super)(struct super_block *);
	int (*sync_fs)(struct super_block *sb, int wait);
	int (*statfs)(struct dentry *, struct kstatfs *);
	int (*remount_fs)(struct super_block *, int *, char *);
};

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

struct fown_struct {
	rwlock_t lock;
	pid_t pid;
	uid_t uid, euid;
	int signum;
};

/* An open file: a position and a mode over an inode. */
struct file {
	struct list_head fu_list;
	struct path f_path;
#define f_dentry	f_path.dentry
#define f_vfsmnt	f_path.mnt
	const struct file_operations *f_op;
	atomic_long_t f_count;
	unsigned int f_flags;
	fmode_t f_mode;
	loff_t f_pos;
	struct fown_struct f_owner;
	u64 f_version;
	void *private_data;
	struct address_space *f_mapping;
};

typedef int (*filldir_t)(void *, const char *, int, loff_t, u64, unsigned);

struct file_operations {
	struct module *owner;
	loff_t (*llseek)(struct file *, loff_t, int);
	ssize_t (*read)(struct file *, char __user *, size_t, loff_t *);
	ssize_t (*write)(struct file *, const char __user *, size_t,
			 loff_t *);
	int (*readdir)(struct file *, void *, filldir_t);
	unsigned int (*poll)(struct file *, struct poll_table_struct *);
	long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
	int (*open)(struct inode *, struct file *);
	int (*release)(struct inode *, struct file *);
	int (*fsync)(struct file *, struct dentry *, int datasync);
	int (*fasync)(int, struct file *, int);
	ssize_t (*splice_write)(struct pipe_inode_info *, struct file *,
				loff_t *, size_t, unsigned int);
	ssize_t (*splice_read)(struct file *, loff_t *,
			       struct pipe_inode_info *, size_t,
			       unsigned int);
};

struct file_system_type {
	const char *name;
	int fs_flags;
	int (*get_sb)(struct file_system_type *, int, const char *, void *,
		      struct vfsmount *);
	void (*kill_sb)(struct super_block *);
	struct module *owner;
	struct file_system_type *next;
};

extern loff_t generic_file_llseek(struct file *file, loff_t offset,
				  int origin);
extern loff_t no_llseek(struct file *file, loff_t offset, int origin);
extern int generic_file_fsync(struct file *, struct dentry *, int);
extern struct file *fget(unsigned int fd);
extern void fput(struct file *);
extern int register_filesystem(struct file_system_type *);
extern void mark_inode_dirty(struct inode *inode);
extern const char *bdevname(struct block_device *bdev, char *buffer);

#endif /* _LINUX_FS_H */
