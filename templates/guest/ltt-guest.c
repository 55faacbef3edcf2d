// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel run's helper inside the guest, built with gcc -static: what
 * busybox cannot do.
 *
 *   ltt-guest drain SRC DST   copy SRC to DST reading with O_NONBLOCK until
 *                             end of file or EAGAIN (ftrace's trace_pipe_raw
 *                             blocks when empty; the recorder's streams end)
 *   ltt-guest memhog PERCENT  touch PERCENT of MemAvailable, then free it
 *   ltt-guest timers N        N interval-timer expirations of 1 ms (SIGALRM)
 *   ltt-guest signals N       N SIGUSR1 to a child that counts them
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t caught;

static void count_signal(int sig)
{
	(void)sig;
	caught++;
}

static int drain(const char *src, const char *dst)
{
	static char buf[1 << 16];
	long long total = 0;
	int in = open(src, O_RDONLY | O_NONBLOCK);
	int out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (in < 0 || out < 0) {
		fprintf(stderr, "ltt-guest: drain %s -> %s: %s\n", src, dst,
			strerror(errno));
		return 1;
	}
	for (;;) {
		ssize_t n = read(in, buf, sizeof(buf)), done = 0;

		if (n == 0 || (n < 0 && errno == EAGAIN))
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "ltt-guest: read %s: %s\n", src,
				strerror(errno));
			return 1;
		}
		while (done < n) {
			ssize_t w = write(out, buf + done, n - done);

			if (w < 0) {
				fprintf(stderr, "ltt-guest: write %s: %s\n",
					dst, strerror(errno));
				return 1;
			}
			done += w;
		}
		total += n;
	}
	close(in);
	if (close(out)) {
		fprintf(stderr, "ltt-guest: close %s: %s\n", dst,
			strerror(errno));
		return 1;
	}
	printf("%s: %lld bytes\n", src, total);
	return 0;
}

static long mem_available_kib(void)
{
	char line[256];
	long kib = -1;
	FILE *f = fopen("/proc/meminfo", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "MemAvailable: %ld kB", &kib) == 1)
			break;
	}
	fclose(f);
	return kib;
}

static int memhog(int percent)
{
	/*
	 * Large aligned mappings, so transparent huge pages take the faults
	 * (one per 2 MiB, not one per page): memory pressure without a
	 * million page-fault events drowning the trace.
	 */
	const size_t chunk = 64 << 20, huge = 2 << 20;
	long kib = mem_available_kib();
	size_t n, i;
	char **chunks;

	if (kib < 0)
		return 1;
	n = (size_t)kib * 1024 / 100 * percent / chunk;
	chunks = calloc(n ? n : 1, sizeof(*chunks));
	if (!chunks)
		return 1;
	for (i = 0; i < n; i++) {
		/* 6.1 does not align anonymous mappings to 2 MiB: align here. */
		char *p = mmap(NULL, chunk + huge, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		char *at;

		if (p == MAP_FAILED)
			break;
		at = (char *)(((unsigned long)p + huge - 1) & ~(huge - 1));
		madvise(at, chunk, MADV_HUGEPAGE);
		memset(at, (int)i + 1, chunk);
		chunks[i] = p;
	}
	printf("memhog: touched %zu MiB of %ld MiB available\n", i * 64,
	       kib / 1024);
	while (i > 0)
		munmap(chunks[--i], chunk + huge);
	free(chunks);
	return 0;
}

static int timers(int n)
{
	struct itimerval every = { { 0, 1000 }, { 0, 1000 } };
	struct itimerval off = { { 0, 0 }, { 0, 0 } };

	signal(SIGALRM, count_signal);
	setitimer(ITIMER_REAL, &every, NULL);
	while (caught < n)
		pause();
	setitimer(ITIMER_REAL, &off, NULL);
	printf("timers: %d expirations\n", (int)caught);
	return 0;
}

static int signals(int n)
{
	int status, i;
	pid_t child;

	signal(SIGUSR1, count_signal);
	child = fork();
	if (child == 0) {
		while (caught < n)
			pause();
		_exit(0);
	}
	for (i = 0; i < n; i++) {
		kill(child, SIGUSR1);
		usleep(1000);
	}
	/* Signals of one kind merge while pending: top up until it leaves. */
	while (waitpid(child, &status, WNOHANG) == 0) {
		kill(child, SIGUSR1);
		usleep(1000);
	}
	printf("signals: %d sent\n", n);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "drain"))
		return drain(argv[2], argv[3]);
	if (argc == 3 && !strcmp(argv[1], "memhog"))
		return memhog(atoi(argv[2]));
	if (argc == 3 && !strcmp(argv[1], "timers"))
		return timers(atoi(argv[2]));
	if (argc == 3 && !strcmp(argv[1], "signals"))
		return signals(atoi(argv[2]));
	fprintf(stderr, "usage: ltt-guest drain SRC DST | memhog PERCENT | timers N | signals N\n");
	return 2;
}
