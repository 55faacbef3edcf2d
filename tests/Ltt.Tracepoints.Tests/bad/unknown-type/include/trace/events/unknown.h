/* SPDX-License-Identifier: GPL-2.0 */
struct gadget;

TRACE_EVENT(uses_widget,
	TP_PROTO(int a),
	TP_ARGS(a),
	TP_STRUCT__entry(__field(widget_t, w)),
	TP_fast_assign(),
	TP_printk("w"));

DECLARE_TRACE(takes_gizmo,
	TP_PROTO(struct gizmo g),
	TP_ARGS(g));

TRACE_EVENT(holds_gadget,
	TP_PROTO(struct gadget *g),
	TP_ARGS(g),
	TP_STRUCT__entry(__field_struct(struct gadget, copy)),
	TP_fast_assign(),
	TP_printk("g"));

TRACE_EVENT(fine,
	TP_PROTO(long v),
	TP_ARGS(v),
	TP_STRUCT__entry(__field(long, v)),
	TP_fast_assign(__entry->v = v;),
	TP_printk("v=%ld", __entry->v));
