/* SPDX-License-Identifier: GPL-2.0 */
#include <linux/not_in_this_tree.h>

TRACE_EVENT(needs_it,
	TP_PROTO(struct from_missing *m),
	TP_ARGS(m),
	TP_STRUCT__entry(__field(missing_t, value)),
	TP_fast_assign(),
	TP_printk("v"));
