// SPDX-License-Identifier: GPL-2.0
/*
 * Tight loop over one LTTng-UST tracepoint of three integers (u64, s32, u32),
 * the comparison point for ltt-trace's runtime. Usage:
 *	ltt_bench <threads> <events-per-thread>
 * Prints one line: "<threads> <events> <ns-per-event> <cpu-ns-per-event>":
 * the wall time of the loop divided by the events one thread wrote, and the
 * CPU time of the writer threads divided by all the events they wrote.
 * With LTT_BENCH_PIN set, thread t runs on CPU t (modulo the CPU count), so
 * each thread fills its own per-CPU stream (the reader benchmark's traces).
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include "ltt_bench_tp.h"

static long events_per_thread;
static double cpu_ns[64];

static double thread_cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static void *writer(void *arg)
{
	long id = (long)arg;
	double start = thread_cpu_ns();
	long i;

	if (getenv("LTT_BENCH_PIN")) {
		cpu_set_t set;

		CPU_ZERO(&set);
		CPU_SET(id % sysconf(_SC_NPROCESSORS_ONLN), &set);
		pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
	}
	for (i = 0; i < events_per_thread; i++)
		lttng_ust_tracepoint(ltt_bench, three_ints, (uint64_t)i,
				     (int32_t)-i, (uint32_t)id);
	cpu_ns[id] = thread_cpu_ns() - start;
	return NULL;
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	pthread_t threads[64];
	long nthreads, t;
	double start, end, cpu = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: %s <threads> <events-per-thread>\n",
			argv[0]);
		return 2;
	}
	nthreads = atol(argv[1]);
	events_per_thread = atol(argv[2]);
	if (nthreads < 1 || nthreads > 64 || events_per_thread < 1) {
		fprintf(stderr, "%s: bad arguments\n", argv[0]);
		return 2;
	}
	start = now_ns();
	for (t = 0; t < nthreads; t++)
		pthread_create(&threads[t], NULL, writer, (void *)t);
	for (t = 0; t < nthreads; t++)
		pthread_join(threads[t], NULL);
	end = now_ns();
	for (t = 0; t < nthreads; t++)
		cpu += cpu_ns[t];
	printf("%ld %ld %.2f %.2f\n", nthreads, events_per_thread,
	       (end - start) / events_per_thread,
	       cpu / (events_per_thread * nthreads));
	return 0;
}
