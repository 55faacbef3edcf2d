/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FTRACE_EVENT_H
#define _LINUX_FTRACE_EVENT_H

#include <linux/types.h>
#include <linux/compiler.h>

/* The header every event record starts with. */
struct trace_entry {
	unsigned short type;
	unsigned char flags;
	unsigned char preempt_count;
	int pid;
};

#define TRACE_SEQ_SIZE	4096

/* A page of text an event is printed into. */
struct trace_seq {
	unsigned char buffer[TRACE_SEQ_SIZE];
	unsigned int len;
	unsigned int readpos;
	int full;
};

/* One {value, name} pair of __print_flags() and __print_symbolic(). */
struct trace_print_flags {
	unsigned long mask;
	const char *name;
};

/* How the event filter compares a field (the third __field_ext argument). */
enum {
	FILTER_OTHER = 0,
	FILTER_STATIC_STRING,
	FILTER_DYN_STRING,
	FILTER_PTR_STRING,
};

extern int trace_seq_printf(struct trace_seq *s, const char *fmt, ...)
	__printf(2, 3);
extern const char *trace_print_flags_seq(struct trace_seq *p,
		const char *delim, unsigned long flags,
		const struct trace_print_flags *flag_array);
extern const char *trace_print_symbols_seq(struct trace_seq *p,
		unsigned long val,
		const struct trace_print_flags *symbol_array);
extern const char *trace_print_bitmask_seq(struct trace_seq *p,
		void *bitmask_ptr, unsigned int bitmask_size);

#endif /* _LINUX_FTRACE_EVENT_H */
