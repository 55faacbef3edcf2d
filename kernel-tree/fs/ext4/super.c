// SPDX-License-Identifier: GPL-2.0
/*
 * ext4 superblock operations, and the definition of ext4's events.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/jbd2.h>
#include <linux/string.h>
#include <trace/ext4.h>

#include "ext4.h"
#include "mballoc.h"

#define CREATE_TRACE_POINTS
#include "ext4_trace.h"

DEFINE_TRACE(ext4_sync_fs);

void ext4_error(struct super_block *sb, const char *function,
		const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	printk(KERN_CRIT "EXT4-fs error (device %s): %s: ", sb->s_id, function);
	vprintk(fmt, args);
	printk("\n");
	va_end(args);
}

int ext4_sync_fs(struct super_block *sb, int wait)
{
	struct ext4_sb_info *sbi = EXT4_SB(sb);
	int ret = 0;

	trace_ext4_sync_fs(sb, wait);
	sb->s_dirt = 0;
	if (wait)
		ret = jbd2_journal_force_commit(sbi->s_journal);
	return ret;
}

static void ext4_put_super(struct super_block *sb)
{
	struct ext4_sb_info *sbi = EXT4_SB(sb);

	if (!list_empty(&sbi->s_orphan))
		ext4_error(sb, __func__, "orphan list not empty: %lu blocks",
			   sbi->s_blocks_last);
	sb->s_fs_info = NULL;
}

static const struct super_operations ext4_sops = {
	.put_super	= ext4_put_super,
	.sync_fs	= ext4_sync_fs,
};

static int ext4_fill_super(struct super_block *sb, struct ext4_sb_info *sbi)
{
	if (sbi->s_es->s_magic != EXT4_SUPER_MAGIC)
		return -EINVAL;
	sb->s_op = &ext4_sops;
	sb->s_fs_info = sbi;
	sbi->s_mb_max_to_scan = MB_DEFAULT_MAX_TO_SCAN;
	sbi->s_mb_min_to_scan = MB_DEFAULT_MIN_TO_SCAN;
	sbi->s_mb_stream_request = MB_DEFAULT_STREAM_THRESHOLD;
	sbi->s_mb_group_prealloc = MB_DEFAULT_GROUP_PREALLOC;
	memcpy(sb->s_id, sbi->s_es->s_volume_name,
	       sizeof(sbi->s_es->s_volume_name));
	return 0;
}

static struct file_system_type ext4_fs_type = {
	.name		= "ext4",
	.owner		= THIS_MODULE,
};

int __init init_ext4_fs(struct ext4_sb_info *sbi, struct super_block *sb)
{
	int err = ext4_fill_super(sb, sbi);

	if (err)
		return err;
	return register_filesystem(&ext4_fs_type);
}

MODULE_AUTHOR("The ext4 developers");
MODULE_DESCRIPTION("Fourth Extended Filesystem");
MODULE_LICENSE("GPL");
