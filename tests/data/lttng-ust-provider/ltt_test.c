// SPDX-License-Identifier: GPL-2.0
/*
 * Fires the ltt_test tracepoints.
 *
 * No string or text sequence is empty: babeltrace2 2.0.4 prints a stale
 * value for an empty string field, so traces meant for comparing text
 * output with it avoid them.
 *
 *   ltt_test [rounds [small]]
 *
 * Each round fires every event once with values derived from the round
 * number; with "small", each round fires only ltt_test:small (the benchmark
 * trace).
 */
#define LTTNG_UST_TRACEPOINT_CREATE_PROBES
#define LTTNG_UST_TRACEPOINT_DEFINE
#include "ltt_test_tp.h"

#include <stdlib.h>
#include <string.h>

static const char *const names[] = {
	"hello", "what?'s up", "tab\there", "quote\"back\\slash", "new\nline",
	"caf\xc3\xa9", "bell\a", "ctrl\x01" "x",
};

int main(int argc, char **argv)
{
	long rounds = argc > 1 ? strtol(argv[1], NULL, 10) : 16;
	int small = argc > 2 && strcmp(argv[2], "small") == 0;
	long i;

	for (i = 0; i < rounds; i++) {
		int32_t values[4] = { (int32_t)i, -(int32_t)i, 0x7fffffff, -1 };
		const char *name = names[i % 8];

		if (small) {
			lttng_ust_tracepoint(ltt_test, small, (uint32_t)i);
			continue;
		}
		lttng_ust_tracepoint(ltt_test, ints, (int8_t)(i - 128),
				     (uint16_t)(i * 4099), (int32_t)(-i * 65537),
				     (uint64_t)i * 0x9e3779b97f4a7c15ULL,
				     (int64_t)(i - 8) * 1000000007LL);
		lttng_ust_tracepoint(ltt_test, strings, name, names[(i + 3) % 8]);
		lttng_ust_tracepoint(ltt_test, arrays, values, "abcdefgh",
				     (unsigned int)(i % 5), (size_t)(1 + i % 4));
		lttng_ust_tracepoint(ltt_test, floats, (float)i / 3.0f,
				     (double)-i * 1.5e-7);
		lttng_ust_tracepoint(ltt_test, enums, (int)(i % 8), (int)i);
	}
	return 0;
}
