/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MARKER_H
#define _LINUX_MARKER_H

/*
 * Code markers: a named point in the code with a format string describing
 * its arguments, which probes connect to at run time.
 *
 *	trace_mark(kernel, module_load, "name %s", mod->name);
 *
 * The format is both printf-like (gcc checks the arguments against it) and
 * the trace metadata: each field is "name %ctype" or "name #tracetype
 * %ctype", where #tracetype (#1u #2d #4u #8d ...) fixes the size and the
 * signedness the field is recorded with, e.g. "prev_state #2d%ld".
 *
 * A marker lives in the __markers section as a struct marker named
 * __mark_<channel>_<name>; its strings live in __markers_strings.  A probe
 * module that serves a tracepoint declares its marker with
 * DEFINE_MARKER_TP() and finds it again with GET_MARKER().
 *
 * This header uses only the compiler and <stdarg.h> so that probe code built
 * outside the kernel (the userspace backend of ltt/) can include it too.
 */

#include <stdarg.h>

struct module;
struct marker;

/**
 * marker_probe_func - type of a marker probe
 * @mdata: the marker that fired
 * @probe_private: the data given when the probe was registered
 * @call_private: the data given by the call site
 * @fmt: the marker's format string
 * @args: the arguments of the call site, to read according to @fmt
 */
typedef void marker_probe_func(const struct marker *mdata,
		void *probe_private, void *call_private,
		const char *fmt, va_list *args);

struct marker_probe_closure {
	marker_probe_func *func;
	void *probe_private;		/* given back to func */
};

struct marker {
	const char *channel;	/* channel the events are written to */
	const char *name;	/* unique within the channel */
	const char *format;	/* describes the call site's arguments */
	const char *tp_name;	/* tracepoint this marker serves, or NULL */
	void *tp_cb;		/* probe to connect to that tracepoint */
	char state;		/* nonzero when armed */
	char ptype;		/* 0: one probe in single, 1: multi */
	unsigned short event_id; /* id of the event in its channel */
	/* Called by the site when armed; dispatches to the probes. */
	void (*call)(const struct marker *mdata, void *call_private, ...);
	struct marker_probe_closure single;
	struct marker_probe_closure *multi;
} __attribute__((aligned(8)));

#define MARK_NOARGS " "

/* Defined by kernel/marker.c, or by the userspace backend. */
extern void marker_probe_cb(const struct marker *mdata,
		void *call_private, ...);
extern void __mark_empty_function(const struct marker *mdata,
		void *probe_private, void *call_private,
		const char *fmt, va_list *args);

#define __MARKER_STRINGS(channel, name, format)				\
	static const char __mstrtab_##channel##_##name[]		\
	__attribute__((__section__("__markers_strings")))		\
	= #channel "\0" #name "\0" format

#define __MARKER_DEFINE(channel, name, tp_name_str, tp_cb, format)	\
	__MARKER_STRINGS(channel, name, format);			\
	static struct marker __mark_##channel##_##name			\
	__attribute__((__section__("__markers"), __aligned__(8),	\
		       __used__)) =					\
	{ __mstrtab_##channel##_##name,					\
	  &__mstrtab_##channel##_##name[sizeof(#channel)],		\
	  &__mstrtab_##channel##_##name[sizeof(#channel) +		\
					sizeof(#name)],			\
	  tp_name_str, (void *)(tp_cb), 0, 0, 0, marker_probe_cb,	\
	  { __mark_empty_function, (void *)0 }, (void *)0 }

/* A marker with no tracepoint behind it. */
#define DEFINE_MARKER(channel, name, format)				\
	__MARKER_DEFINE(channel, name, (const char *)0, (void *)0, format)

/*
 * A marker fed by a tracepoint: @tp_cb is the probe a tracer connects to
 * tracepoint @tp_name when the marker is armed.  The probe must be declared
 * before this line.
 */
#define DEFINE_MARKER_TP(channel, name, tp_name, tp_cb, format)		\
	__MARKER_DEFINE(channel, name, #tp_name, &tp_cb, format)

#define GET_MARKER(channel, name)	(__mark_##channel##_##name)

/*
 * Never called: lets gcc check the arguments of trace_mark() against the
 * format string with -Wformat.
 */
static inline void __attribute__((__format__(printf, 1, 2)))
___mark_check_format(const char *fmt, ...)
{
}

#define __mark_check_format(format, args...)				\
	do {								\
		if (0)							\
			___mark_check_format(format, ## args);		\
	} while (0)

#ifdef CONFIG_MARKERS

#define __trace_mark(generic, channel, name, call_private, format, args...) \
	do {								\
		__MARKER_DEFINE(channel, name, (const char *)0,		\
				(void *)0, format);			\
		__mark_check_format(format, ## args);			\
		if (__builtin_expect(!!__mark_##channel##_##name.state, 0)) \
			(*__mark_##channel##_##name.call)		\
				(&__mark_##channel##_##name,		\
				 call_private, ## args);		\
	} while (0)

#else /* !CONFIG_MARKERS */

#define __trace_mark(generic, channel, name, call_private, format, args...) \
	__mark_check_format(format, ## args)

#endif /* CONFIG_MARKERS */

/* Arms the sites of [begin, end) that have a probe registered. */
extern void marker_update_probe_range(struct marker *begin,
				      struct marker *end);

/**
 * trace_mark - a marker site
 * @channel: the channel the event is written to (an identifier)
 * @name: marker name (an identifier, unique in its channel)
 * @format: format string
 * @args...: arguments, as described by @format
 */
#define trace_mark(channel, name, format, args...)			\
	__trace_mark(0, channel, name, (void *)0, format, ## args)

/* Same, for code the tracer itself runs: never recursed into. */
#define _trace_mark(channel, name, format, args...)			\
	__trace_mark(1, channel, name, (void *)0, format, ## args)

extern int marker_probe_register(const char *channel, const char *name,
		const char *format, marker_probe_func *probe,
		void *probe_private);
extern int marker_probe_unregister(const char *channel, const char *name,
		marker_probe_func *probe, void *probe_private);
extern int marker_probe_unregister_private_data(marker_probe_func *probe,
		void *probe_private);
extern void *marker_get_private_data(const char *channel, const char *name,
		marker_probe_func *probe, int num);

struct marker_iter {
	struct module *module;
	struct marker *marker;
};

extern void marker_iter_start(struct marker_iter *iter);
extern void marker_iter_next(struct marker_iter *iter);
extern void marker_iter_stop(struct marker_iter *iter);
extern void marker_iter_reset(struct marker_iter *iter);

#endif /* _LINUX_MARKER_H */
