/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TRACE_FS_H
#define _TRACE_FS_H

#include <linux/fs.h>
#include <linux/pipe_fs_i.h>
#include <linux/tracepoint.h>

/*
 * exec, select(), poll(), pipes, splice and seq_file reads; each is
 * defined in the fs/ file that fires it.
 */

DECLARE_TRACE(fs_exec,
	TPPROTO(const char *filename),
		TPARGS(filename));

DECLARE_TRACE(fs_select,
	TPPROTO(int fd, s64 timeout),
		TPARGS(fd, timeout));

DECLARE_TRACE(fs_pollfd,
	TPPROTO(int fd),
		TPARGS(fd));

DECLARE_TRACE(fs_pipe_read,
	TPPROTO(struct pipe_inode_info *pipe, size_t count),
		TPARGS(pipe, count));

DECLARE_TRACE(fs_pipe_write,
	TPPROTO(struct pipe_inode_info *pipe, size_t count),
		TPARGS(pipe, count));

DECLARE_TRACE(fs_pipe_wait,
	TPPROTO(struct pipe_inode_info *pipe, bool for_write),
		TPARGS(pipe, for_write));

DECLARE_TRACE(fs_splice_to_pipe,
	TPPROTO(struct pipe_inode_info *pipe, unsigned int nr_pages,
		ssize_t ret),
		TPARGS(pipe, nr_pages, ret));

DECLARE_TRACE(fs_seq_read,
	TPPROTO(struct file *file, size_t size, loff_t pos),
		TPARGS(file, size, pos));

#endif /* _TRACE_FS_H */
