/* SPDX-License-Identifier: GPL-2.0 */
TRACE_EVENT(good_first,
	TP_PROTO(int a),
	TP_ARGS(a),
	TP_STRUCT__entry(__field(int, a)),
	TP_fast_assign(__entry->a = a;),
	TP_printk("a=%d", __entry->a));

TRACE_EVENT(bad_open,
	TP_PROTO(int a),
	TP_ARGS(a,
	TP_STRUCT__entry(__field(int, a)),
	TP_fast_assign(__entry->a = a;),
	TP_printk("a=%d", __entry->a));
