/* SPDX-License-Identifier: GPL-2.0 */
#undef LTTNG_UST_TRACEPOINT_PROVIDER
#define LTTNG_UST_TRACEPOINT_PROVIDER ltt_bench

#undef LTTNG_UST_TRACEPOINT_INCLUDE
#define LTTNG_UST_TRACEPOINT_INCLUDE "./ltt_bench_tp.h"

#if !defined(LTT_BENCH_TP_H) || defined(LTTNG_UST_TRACEPOINT_HEADER_MULTI_READ)
#define LTT_BENCH_TP_H

#include <lttng/tracepoint.h>
#include <stdint.h>

/* The same shape as ltt-trace's built-in event: u64, s32, u32. */
LTTNG_UST_TRACEPOINT_EVENT(
	ltt_bench,
	three_ints,
	LTTNG_UST_TP_ARGS(uint64_t, a, int32_t, b, uint32_t, c),
	LTTNG_UST_TP_FIELDS(
		lttng_ust_field_integer(uint64_t, a, a)
		lttng_ust_field_integer(int32_t, b, b)
		lttng_ust_field_integer(uint32_t, c, c)
	)
)

#endif /* LTT_BENCH_TP_H */

#include <lttng/tracepoint-event.h>
