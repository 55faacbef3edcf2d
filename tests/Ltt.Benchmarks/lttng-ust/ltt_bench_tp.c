// SPDX-License-Identifier: GPL-2.0
#define LTTNG_UST_TRACEPOINT_CREATE_PROBES
#define LTTNG_UST_TRACEPOINT_DEFINE
#include "ltt_bench_tp.h"
