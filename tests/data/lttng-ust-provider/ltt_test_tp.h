/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small LTTng-UST tracepoint provider whose events cover the CTF types the
 * ltt-trace reader must decode: integers of every size and base, strings with
 * escapes, fixed arrays, sequences, floats and enumerations.
 */
#undef LTTNG_UST_TRACEPOINT_PROVIDER
#define LTTNG_UST_TRACEPOINT_PROVIDER ltt_test

#undef LTTNG_UST_TRACEPOINT_INCLUDE
#define LTTNG_UST_TRACEPOINT_INCLUDE "./ltt_test_tp.h"

#if !defined(LTT_TEST_TP_H) || defined(LTTNG_UST_TRACEPOINT_HEADER_MULTI_READ)
#define LTT_TEST_TP_H

#include <stdint.h>
#include <lttng/tracepoint.h>

LTTNG_UST_TRACEPOINT_ENUM(ltt_test, state,
	LTTNG_UST_TP_ENUM_VALUES(
		lttng_ust_field_enum_value("RUNNING", 0)
		lttng_ust_field_enum_value("SLEEPING", 1)
		lttng_ust_field_enum_range("BLOCKED", 2, 5)
		lttng_ust_field_enum_auto("ZOMBIE")
	)
)

LTTNG_UST_TRACEPOINT_EVENT(ltt_test, ints,
	LTTNG_UST_TP_ARGS(int8_t, s8, uint16_t, u16, int32_t, s32,
			  uint64_t, u64, int64_t, s64),
	LTTNG_UST_TP_FIELDS(
		lttng_ust_field_integer(int8_t, s8, s8)
		lttng_ust_field_integer(uint16_t, u16, u16)
		lttng_ust_field_integer(int32_t, s32, s32)
		lttng_ust_field_integer(uint64_t, u64, u64)
		lttng_ust_field_integer(int64_t, s64, s64)
		lttng_ust_field_integer_hex(uint32_t, hex32, (uint32_t)u64)
		lttng_ust_field_integer_network(uint32_t, net32, (uint32_t)s32)
		lttng_ust_field_integer_network_hex(uint16_t, nethex16, u16)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(ltt_test, strings,
	LTTNG_UST_TP_ARGS(const char *, name, const char *, other),
	LTTNG_UST_TP_FIELDS(
		lttng_ust_field_string(name, name)
		lttng_ust_field_string(other, other)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(ltt_test, arrays,
	LTTNG_UST_TP_ARGS(const int32_t *, values, const char *, text,
			  unsigned int, n, size_t, tn),
	LTTNG_UST_TP_FIELDS(
		lttng_ust_field_array(int32_t, arr4, values, 4)
		lttng_ust_field_array_hex(int32_t, arrhex3, values, 3)
		lttng_ust_field_array_text(char, text8, text, 8)
		lttng_ust_field_sequence(int32_t, seq, values, unsigned int, n)
		lttng_ust_field_sequence_hex(int32_t, seqhex, values,
					     unsigned int, n)
		lttng_ust_field_sequence_text(char, seqtext, text, size_t, tn)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(ltt_test, floats,
	LTTNG_UST_TP_ARGS(float, f, double, d),
	LTTNG_UST_TP_FIELDS(
		lttng_ust_field_float(float, f, f)
		lttng_ust_field_float(double, d, d)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(ltt_test, enums,
	LTTNG_UST_TP_ARGS(int, state, int, pid),
	LTTNG_UST_TP_FIELDS(
		lttng_ust_field_enum(ltt_test, state, int, state, state)
		lttng_ust_field_integer(int, pid, pid)
	)
)

LTTNG_UST_TRACEPOINT_EVENT(ltt_test, small,
	LTTNG_UST_TP_ARGS(uint32_t, seq),
	LTTNG_UST_TP_FIELDS(
		lttng_ust_field_integer(uint32_t, seq, seq)
	)
)

#endif /* LTT_TEST_TP_H */

#include <lttng/tracepoint-event.h>
