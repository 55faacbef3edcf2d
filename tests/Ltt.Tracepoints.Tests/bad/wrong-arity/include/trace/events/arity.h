/* SPDX-License-Identifier: GPL-2.0 */
DECLARE_EVENT_CLASS(ok_class,
	TP_PROTO(int a),
	TP_ARGS(a),
	TP_STRUCT__entry(__field(int, a)),
	TP_fast_assign(__entry->a = a;),
	TP_printk("a=%d", __entry->a));

DEFINE_EVENT(ok_class, short_event,
	TP_PROTO(int a));
