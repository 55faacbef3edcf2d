/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stages of event creation, included by include/trace/define_trace.h with
 * TRACE_INCLUDE() naming the events header.  Each stage redefines the event
 * macros and reads the header once more:
 *
 * 1. the record:		struct trace_event_raw_<class> {
 *				struct trace_entry ent; <fields>
 *				char __data[0]; };
 * 2. dynamic field offsets:	struct trace_event_data_offsets_<class>
 * 3. the size and assignment:	trace_event_get_offsets_<class>(),
 *				trace_event_assign_<class>()
 * 4. the text output:		trace_event_print_<event>()
 *
 * A dynamic field (__dynamic_array, __string, __bitmask) is stored in the
 * record as a u32 "data location": offset of its bytes from the start of
 * the record in the low 16 bits, their length in the high 16 bits.
 *
 * Read on its own (no events header being re-read) this file is empty.
 */
#ifdef TRACE_HEADER_MULTI_READ

#include <linux/ftrace_event.h>
#include <linux/string.h>
#include <linux/bitops.h>

/* Every stage maps the whole family onto DECLARE_EVENT_CLASS. */
#undef TRACE_EVENT
#define TRACE_EVENT(name, proto, args, tstruct, assign, print)	\
	DECLARE_EVENT_CLASS(name, PARAMS(proto), PARAMS(args),	\
			    PARAMS(tstruct), PARAMS(assign),	\
			    PARAMS(print))

#undef TRACE_EVENT_CONDITION
#define TRACE_EVENT_CONDITION(name, proto, args, cond, tstruct, assign, print) \
	TRACE_EVENT(name, PARAMS(proto), PARAMS(args),		\
		    PARAMS(tstruct), PARAMS(assign), PARAMS(print))

#undef TRACE_EVENT_FN
#define TRACE_EVENT_FN(name, proto, args, tstruct,		\
		assign, print, reg, unreg)			\
	TRACE_EVENT(name, PARAMS(proto), PARAMS(args),		\
		    PARAMS(tstruct), PARAMS(assign), PARAMS(print))

#undef TRACE_EVENT_FN_COND
#define TRACE_EVENT_FN_COND(name, proto, args, cond, tstruct,	\
		assign, print, reg, unreg)			\
	TRACE_EVENT(name, PARAMS(proto), PARAMS(args),		\
		    PARAMS(tstruct), PARAMS(assign), PARAMS(print))

#undef DEFINE_EVENT
#define DEFINE_EVENT(template, name, proto, args)
#undef DEFINE_EVENT_FN
#define DEFINE_EVENT_FN(template, name, proto, args, reg, unreg)
#undef DEFINE_EVENT_PRINT
#define DEFINE_EVENT_PRINT(template, name, proto, args, print)
#undef DEFINE_EVENT_CONDITION
#define DEFINE_EVENT_CONDITION(template, name, proto, args, cond)
#undef DECLARE_TRACE
#define DECLARE_TRACE(name, proto, args)
#undef DECLARE_TRACE_CONDITION
#define DECLARE_TRACE_CONDITION(name, proto, args, cond)

#undef TP_STRUCT__entry
#define TP_STRUCT__entry(args...)	args

/* Stage 1: the record. */

#undef __field
#define __field(type, item)			type	item;
#undef __field_ext
#define __field_ext(type, item, filter_type)	type	item;
#undef __field_struct
#define __field_struct(type, item)		type	item;
#undef __field_struct_ext
#define __field_struct_ext(type, item, filter_type) type item;
#undef __array
#define __array(type, item, len)		type	item[len];
#undef __dynamic_array
#define __dynamic_array(type, item, len)	u32	__data_loc_##item;
#undef __string
#define __string(item, src)			__dynamic_array(char, item, -1)
#undef __bitmask
#define __bitmask(item, nr_bits)		__dynamic_array(char, item, -1)

#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(name, proto, args, tstruct, assign, print)	\
	struct trace_event_raw_##name {					\
		struct trace_entry	ent;				\
		tstruct							\
		char			__data[0];			\
	};

#include TRACE_INCLUDE(TRACE_INCLUDE_FILE)

/* Stage 2: where each dynamic field of a record lives. */

#undef __field
#define __field(type, item)
#undef __field_ext
#define __field_ext(type, item, filter_type)
#undef __field_struct
#define __field_struct(type, item)
#undef __field_struct_ext
#define __field_struct_ext(type, item, filter_type)
#undef __array
#define __array(type, item, len)
#undef __dynamic_array
#define __dynamic_array(type, item, len)	u32 item;

#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(name, proto, args, tstruct, assign, print)	\
	struct trace_event_data_offsets_##name {			\
		tstruct							\
	};

#include TRACE_INCLUDE(TRACE_INCLUDE_FILE)

/* Stage 3: the size of a record, then filling it in. */

#undef __entry
#define __entry __tp_entry

#undef __get_dynamic_array
#define __get_dynamic_array(field)					\
	((void *)__entry + (__entry->__data_loc_##field & 0xffff))
#undef __get_dynamic_array_len
#define __get_dynamic_array_len(field)					\
	((__entry->__data_loc_##field >> 16) & 0xffff)
#undef __get_str
#define __get_str(field)	((char *)__get_dynamic_array(field))
#undef __get_bitmask
#define __get_bitmask(field)	((unsigned long *)__get_dynamic_array(field))

#undef __assign_str
#define __assign_str(dst, src)						\
	strcpy(__get_str(dst), (src) ? (const char *)(src) : "(null)")
#undef __assign_bitmask
#define __assign_bitmask(dst, src, nr_bits)				\
	memcpy(__get_bitmask(dst), (src),				\
	       BITS_TO_LONGS(nr_bits) * sizeof(unsigned long))

#undef TP_fast_assign
#define TP_fast_assign(args...)	args

#undef __dynamic_array
#define __dynamic_array(type, item, len)				\
	__item_length = (len) * sizeof(type);				\
	__data_offsets->item = __data_size +				\
		offsetof(typeof(*__tp_entry), __data);			\
	__data_offsets->item |= __item_length << 16;			\
	__data_size += __item_length;
#undef __string
#define __string(item, src)						\
	__dynamic_array(char, item,					\
		strlen((src) ? (const char *)(src) : "(null)") + 1)
#undef __bitmask
#define __bitmask(item, nr_bits)					\
	__dynamic_array(unsigned long, item, BITS_TO_LONGS(nr_bits))

#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(name, proto, args, tstruct, assign, print)	\
static inline notrace int trace_event_get_offsets_##name(		\
	struct trace_event_data_offsets_##name *__data_offsets, proto)	\
{									\
	int __data_size = 0;						\
	int __maybe_unused __item_length;				\
	struct trace_event_raw_##name __maybe_unused *__tp_entry;	\
									\
	tstruct								\
									\
	return __data_size;						\
}

#include TRACE_INCLUDE(TRACE_INCLUDE_FILE)

#undef __dynamic_array
#define __dynamic_array(type, item, len)				\
	__tp_entry->__data_loc_##item = __data_offsets.item;
#undef __string
#define __string(item, src)	__dynamic_array(char, item, -1)
#undef __bitmask
#define __bitmask(item, nr_bits) __dynamic_array(unsigned long, item, -1)

#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(name, proto, args, tstruct, assign, print)	\
static inline notrace int trace_event_assign_##name(void *__tp_buf,	\
		unsigned int __tp_buf_size, proto)			\
{									\
	struct trace_event_data_offsets_##name __data_offsets;		\
	struct trace_event_raw_##name *__tp_entry = __tp_buf;		\
	int __tp_len = sizeof(*__tp_entry) +				\
		trace_event_get_offsets_##name(&__data_offsets, args);	\
									\
	if (__tp_len > (int)__tp_buf_size)				\
		return -ENOSPC;						\
	tstruct								\
	{ assign; }							\
	return __tp_len;						\
}

#include TRACE_INCLUDE(TRACE_INCLUDE_FILE)

/* Stage 4: the text form, one function per event. */

#undef __field
#define __field(type, item)
#undef __dynamic_array
#define __dynamic_array(type, item, len)
#undef __string
#define __string(item, src)
#undef __bitmask
#define __bitmask(item, nr_bits)

#undef __get_bitmask
#define __get_bitmask(field)						\
	trace_print_bitmask_seq(__tp_seq, __get_dynamic_array(field),	\
				__get_dynamic_array_len(field))

#undef __print_flags
#define __print_flags(flag, delim, flag_array...)			\
	({								\
		static const struct trace_print_flags __flags[] =	\
			{ flag_array, { -1, NULL } };			\
		trace_print_flags_seq(__tp_seq, delim, flag, __flags);	\
	})

#undef __print_symbolic
#define __print_symbolic(value, symbol_array...)			\
	({								\
		static const struct trace_print_flags __symbols[] =	\
			{ symbol_array, { -1, NULL } };			\
		trace_print_symbols_seq(__tp_seq, value, __symbols);	\
	})

#undef TP_printk
#define TP_printk(fmt, args...)	fmt "\n", ##args

#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(name, proto, args, tstruct, assign, print)	\
static inline notrace int trace_event_print_##name(			\
	struct trace_seq *__tp_seq,					\
	struct trace_event_raw_##name *__tp_entry)			\
{									\
	return trace_seq_printf(__tp_seq, print);			\
}

#undef DEFINE_EVENT_PRINT
#define DEFINE_EVENT_PRINT(template, name, proto, args, print)		\
static inline notrace int trace_event_print_##name(			\
	struct trace_seq *__tp_seq,					\
	struct trace_event_raw_##template *__tp_entry)			\
{									\
	return trace_seq_printf(__tp_seq, print);			\
}

#include TRACE_INCLUDE(TRACE_INCLUDE_FILE)

#undef __field
#undef __field_ext
#undef __field_struct
#undef __field_struct_ext
#undef __array
#undef __dynamic_array
#undef __string
#undef __bitmask
#undef __entry
#undef __get_dynamic_array
#undef __get_dynamic_array_len
#undef __get_str
#undef __get_bitmask
#undef __assign_str
#undef __assign_bitmask
#undef __print_flags
#undef __print_symbolic
#undef TP_STRUCT__entry
#undef TP_fast_assign
#undef TP_printk

#endif /* TRACE_HEADER_MULTI_READ */
