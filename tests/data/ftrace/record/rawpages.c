// SPDX-License-Identifier: GPL-2.0
/*
 * Copies one ftrace per-CPU raw buffer (per_cpu/cpuN/trace_pipe_raw) to a
 * file without blocking: trace_pipe_raw blocks when it is empty and busybox
 * dd cannot open it non-blocking. Appends, so that several reads during a
 * workload build one file of pages.
 *
 * Usage: rawpages <trace_pipe_raw> <output file>
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	static char page[65536];
	int in, out;
	ssize_t n;

	if (argc != 3) {
		fprintf(stderr, "usage: rawpages <trace_pipe_raw> <output>\n");
		return 2;
	}
	in = open(argv[1], O_RDONLY | O_NONBLOCK);
	if (in < 0) {
		perror(argv[1]);
		return 2;
	}
	out = open(argv[2], O_WRONLY | O_CREAT | O_APPEND, 0644);
	if (out < 0) {
		perror(argv[2]);
		return 2;
	}
	for (;;) {
		n = read(in, page, sizeof(page));
		if (n == 0 || (n < 0 && errno == EAGAIN))
			break;
		if (n < 0) {
			perror(argv[1]);
			return 1;
		}
		if (write(out, page, n) != n) {
			perror(argv[2]);
			return 1;
		}
	}
	close(out);
	close(in);
	return 0;
}
