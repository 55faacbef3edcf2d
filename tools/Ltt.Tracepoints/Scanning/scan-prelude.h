/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ltt-gen scan prelude: included (as a precompiled header) before every trace
 * header the scanner parses.  It takes the tree's own <linux/tracepoint.h>
 * first, then re-defines the tracepoint macros so that each site expands into
 * plain declarations whose types and layouts libclang computes:
 *
 *   - every site becomes a function prototype __ltt_tp_<pass>_<name>(proto)
 *     annotated with its macro, its name, its class and its TP_printk text;
 *   - every event class becomes struct __ltt_raw_<pass>_<class>, laid out as
 *     the kernel's struct trace_event_raw_<class> (trace_entry header, the
 *     TP_STRUCT__entry fields, __data[]); each field is annotated with the
 *     macro that declared it and its type as written.  A dynamic array's
 *     element type is kept in a tagged struct declared right after it.
 *
 * LTT_PASS names the pass a declaration belongs to, so a header re-read with
 * TRACE_HEADER_MULTI_READ never redefines a struct of an earlier pass.
 */
#ifndef __LTT_SCAN_PRELUDE_H
#define __LTT_SCAN_PRELUDE_H

#if __has_include(<linux/tracepoint.h>)
#include <linux/tracepoint.h>
#endif

#define __LTT_CAT2(a, b)	a##b
#define __LTT_CAT(a, b)		__LTT_CAT2(a, b)
#define __LTT_CAT3(a, b, c)	__LTT_CAT(__LTT_CAT(a, b), c)
#define __LTT_STR2(x...)	#x
#define __LTT_STR(x...)		__LTT_STR2(x)
#define __LTT_ANN(s)		__attribute__((annotate(s)))

#ifndef LTT_PASS
#define LTT_PASS pch
#endif

struct __ltt_trace_entry {
	unsigned short		type;
	unsigned char		flags;
	unsigned char		preempt_count;
	int			pid;
};

/*
 * One prototype per site: kind, name, class and print text as annotations.
 * The counter keeps a DEFINE_EVENT named like its class from redeclaring
 * (and inheriting the annotations of) the class's own prototype.
 */
#define __LTT_SITE(kind, name, class, print, proto...)			\
	void __LTT_CAT3(__LTT_CAT3(__ltt_tp_, LTT_PASS, _), __COUNTER__, _##name)(proto) \
		__LTT_ANN("ltt:site:" kind) __LTT_ANN("ltt:name:" #name)	\
		__LTT_ANN("ltt:class:" #class) __LTT_ANN("ltt:print:" print);

/* One record per event class, as struct trace_event_raw_<class>. */
#define __LTT_CLASS(name, print, tstruct...)				\
	struct __LTT_CAT3(__ltt_raw_, LTT_PASS, _##name) {		\
		struct __ltt_trace_entry ent;				\
		tstruct							\
		char __data[];						\
	} __LTT_ANN("ltt:record:" #name) __LTT_ANN("ltt:print:" print);

#define __LTT_FIELD(macro, type, item)					\
	type item __LTT_ANN("ltt:field:" macro) __LTT_ANN("ltt:type:" #type);
#define __LTT_DATA_LOC(loc, macro, type, item)				\
	unsigned int loc##item __LTT_ANN("ltt:field:" macro)		\
		__LTT_ANN("ltt:type:" #type) __LTT_ANN("ltt:item:" #item);	\
	struct __LTT_CAT(__ltt_elem_, __COUNTER__) { type __ltt_v; };

#undef TPPROTO
#define TPPROTO(args...)	args
#undef TPARGS
#define TPARGS(args...)		args
#undef TP_PROTO
#define TP_PROTO(args...)	args
#undef TP_ARGS
#define TP_ARGS(args...)	args
#undef TP_CONDITION
#define TP_CONDITION(args...)	args
#undef PARAMS
#define PARAMS(args...)		args
#undef TP_STRUCT__entry
#define TP_STRUCT__entry(args...) args
#undef TP_fast_assign
#define TP_fast_assign(args...)
#undef TP_perf_assign
#define TP_perf_assign(args...)
#undef TP_printk
#define TP_printk(fmt, args...) fmt, args

#undef __field
#define __field(type, item)		__LTT_FIELD("__field", type, item)
#undef __field_ext
#define __field_ext(type, item, f)	__LTT_FIELD("__field_ext", type, item)
#undef __field_struct
#define __field_struct(type, item)	__LTT_FIELD("__field_struct", type, item)
#undef __field_struct_ext
#define __field_struct_ext(type, item, f) __LTT_FIELD("__field_struct_ext", type, item)
#undef __field_packed
#define __field_packed(type, container, item) __LTT_FIELD("__field_packed", type, item)
#undef __array
#define __array(type, item, len)					\
	type item[len] __LTT_ANN("ltt:field:__array") __LTT_ANN("ltt:type:" #type);
#undef __dynamic_array
#define __dynamic_array(type, item, len) __LTT_DATA_LOC(__data_loc_, "__dynamic_array", type, item)
#undef __string
#define __string(item, src)	__LTT_DATA_LOC(__data_loc_, "__string", char, item)
#undef __string_len
#define __string_len(item, src, len) __LTT_DATA_LOC(__data_loc_, "__string_len", char, item)
#undef __vstring
#define __vstring(item, fmt, ap) __LTT_DATA_LOC(__data_loc_, "__vstring", char, item)
#undef __bitmask
#define __bitmask(item, nr_bits) __LTT_DATA_LOC(__data_loc_, "__bitmask", unsigned long, item)
#undef __cpumask
#define __cpumask(item)		__LTT_DATA_LOC(__data_loc_, "__cpumask", cpumask_t, item)
#undef __sockaddr
#define __sockaddr(item, len)	__LTT_DATA_LOC(__data_loc_, "__sockaddr", u8, item)
#undef __rel_dynamic_array
#define __rel_dynamic_array(type, item, len) __LTT_DATA_LOC(__rel_loc_, "__rel_dynamic_array", type, item)
#undef __rel_string
#define __rel_string(item, src)	__LTT_DATA_LOC(__rel_loc_, "__rel_string", char, item)
#undef __rel_string_len
#define __rel_string_len(item, src, len) __LTT_DATA_LOC(__rel_loc_, "__rel_string_len", char, item)
#undef __rel_bitmask
#define __rel_bitmask(item, nr_bits) __LTT_DATA_LOC(__rel_loc_, "__rel_bitmask", unsigned long, item)
#undef __rel_cpumask
#define __rel_cpumask(item)	__LTT_DATA_LOC(__rel_loc_, "__rel_cpumask", cpumask_t, item)
#undef __rel_sockaddr
#define __rel_sockaddr(item, len) __LTT_DATA_LOC(__rel_loc_, "__rel_sockaddr", u8, item)

#undef DECLARE_TRACE
#define DECLARE_TRACE(name, proto, args)				\
	__LTT_SITE("DECLARE_TRACE", name, , "", proto)
#undef DECLARE_TRACE_CONDITION
#define DECLARE_TRACE_CONDITION(name, proto, args, cond)		\
	__LTT_SITE("DECLARE_TRACE_CONDITION", name, , "", proto)
#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(name, proto, args, tstruct, assign, print)	\
	__LTT_CLASS(name, #print, tstruct)				\
	__LTT_SITE("DECLARE_EVENT_CLASS", name, name, #print, proto)
#undef DEFINE_EVENT
#define DEFINE_EVENT(template, name, proto, args)			\
	__LTT_SITE("DEFINE_EVENT", name, template, "", proto)
#undef DEFINE_EVENT_FN
#define DEFINE_EVENT_FN(template, name, proto, args, reg, unreg)	\
	__LTT_SITE("DEFINE_EVENT_FN", name, template, "", proto)
#undef DEFINE_EVENT_PRINT
#define DEFINE_EVENT_PRINT(template, name, proto, args, print)		\
	__LTT_SITE("DEFINE_EVENT_PRINT", name, template, #print, proto)
#undef DEFINE_EVENT_CONDITION
#define DEFINE_EVENT_CONDITION(template, name, proto, args, cond)	\
	__LTT_SITE("DEFINE_EVENT_CONDITION", name, template, "", proto)
#undef TRACE_EVENT
#define TRACE_EVENT(name, proto, args, tstruct, assign, print)		\
	__LTT_CLASS(name, #print, tstruct)				\
	__LTT_SITE("TRACE_EVENT", name, name, #print, proto)
#undef TRACE_EVENT_FN
#define TRACE_EVENT_FN(name, proto, args, tstruct, assign, print, reg, unreg) \
	__LTT_CLASS(name, #print, tstruct)				\
	__LTT_SITE("TRACE_EVENT_FN", name, name, #print, proto)
#undef TRACE_EVENT_FN_COND
#define TRACE_EVENT_FN_COND(name, proto, args, cond, tstruct, assign, print, reg, unreg) \
	__LTT_CLASS(name, #print, tstruct)				\
	__LTT_SITE("TRACE_EVENT_FN_COND", name, name, #print, proto)
#undef TRACE_EVENT_CONDITION
#define TRACE_EVENT_CONDITION(name, proto, args, cond, tstruct, assign, print) \
	__LTT_CLASS(name, #print, tstruct)				\
	__LTT_SITE("TRACE_EVENT_CONDITION", name, name, #print, proto)

#undef DECLARE_EVENT_NOP
#define DECLARE_EVENT_NOP(name, proto, args)
#undef DECLARE_EVENT_CLASS_NOP
#define DECLARE_EVENT_CLASS_NOP(name, proto, args, tstruct, assign, print)
#undef DEFINE_EVENT_NOP
#define DEFINE_EVENT_NOP(template, name, proto, args)
#undef TRACE_EVENT_NOP
#define TRACE_EVENT_NOP(name, proto, args, tstruct, assign, print)
#undef TRACE_EVENT_FLAGS
#define TRACE_EVENT_FLAGS(event, flag)
#undef TRACE_EVENT_PERF_PERM
#define TRACE_EVENT_PERF_PERM(event, expr...)
#undef TRACE_DEFINE_ENUM
#define TRACE_DEFINE_ENUM(a)
#undef TRACE_DEFINE_SIZEOF
#define TRACE_DEFINE_SIZEOF(a)

#endif /* __LTT_SCAN_PRELUDE_H */
