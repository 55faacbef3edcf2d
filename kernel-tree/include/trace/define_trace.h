/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Creates the trace points of an events header.
 *
 * Every include/trace/events/<system>.h ends by including this file, outside
 * its include guard.  Normally that does nothing.  In the one .c file that
 * defines the events, the header is included after
 *
 *	#define CREATE_TRACE_POINTS
 *
 * and then this file reads the header again (TRACE_HEADER_MULTI_READ lets
 * it past its guard) with the event macros redefined, once to define each
 * struct tracepoint and once per stage of include/trace/trace_events.h.
 *
 * The header is found as <trace/events/TRACE_SYSTEM.h> unless it says
 * otherwise: a header kept next to its subsystem sets TRACE_INCLUDE_PATH (a
 * path relative to this directory, or to a -I directory) and
 * TRACE_INCLUDE_FILE (the file name without ".h") before including us.
 */
#ifdef CREATE_TRACE_POINTS

/* The header includes this file again; do not recurse. */
#undef CREATE_TRACE_POINTS

#include <linux/stringify.h>

#undef TRACE_EVENT
#define TRACE_EVENT(name, proto, args, tstruct, assign, print)	\
	DEFINE_TRACE(name);

#undef TRACE_EVENT_CONDITION
#define TRACE_EVENT_CONDITION(name, proto, args, cond, tstruct, assign, print) \
	DEFINE_TRACE(name);

#undef TRACE_EVENT_FN
#define TRACE_EVENT_FN(name, proto, args, tstruct,		\
		assign, print, reg, unreg)			\
	DEFINE_TRACE_FN(name, reg, unreg);

#undef TRACE_EVENT_FN_COND
#define TRACE_EVENT_FN_COND(name, proto, args, cond, tstruct,	\
		assign, print, reg, unreg)			\
	DEFINE_TRACE_FN(name, reg, unreg);

#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(name, proto, args, tstruct, assign, print)

#undef DEFINE_EVENT
#define DEFINE_EVENT(template, name, proto, args)		\
	DEFINE_TRACE(name);

#undef DEFINE_EVENT_FN
#define DEFINE_EVENT_FN(template, name, proto, args, reg, unreg) \
	DEFINE_TRACE_FN(name, reg, unreg);

#undef DEFINE_EVENT_PRINT
#define DEFINE_EVENT_PRINT(template, name, proto, args, print)	\
	DEFINE_TRACE(name);

#undef DEFINE_EVENT_CONDITION
#define DEFINE_EVENT_CONDITION(template, name, proto, args, cond) \
	DEFINE_TRACE(name);

#undef DECLARE_TRACE
#define DECLARE_TRACE(name, proto, args)			\
	DEFINE_TRACE(name);

#undef DECLARE_TRACE_CONDITION
#define DECLARE_TRACE_CONDITION(name, proto, args, cond)	\
	DEFINE_TRACE(name);

#undef TRACE_INCLUDE
#undef __TRACE_INCLUDE

#ifndef TRACE_INCLUDE_FILE
# define TRACE_INCLUDE_FILE TRACE_SYSTEM
#endif

#ifndef TRACE_INCLUDE_PATH
# define __TRACE_INCLUDE(system) <trace/events/system.h>
#else
# define __TRACE_INCLUDE(system) __stringify(TRACE_INCLUDE_PATH/system.h)
#endif

# define TRACE_INCLUDE(system) __TRACE_INCLUDE(system)

/* Let the header be read again past its guard. */
#define TRACE_HEADER_MULTI_READ

#include TRACE_INCLUDE(TRACE_INCLUDE_FILE)

/* The record layouts, the assignment and the printing of each event. */
#include <trace/trace_events.h>

#undef TRACE_EVENT
#undef TRACE_EVENT_CONDITION
#undef TRACE_EVENT_FN
#undef TRACE_EVENT_FN_COND
#undef DECLARE_EVENT_CLASS
#undef DEFINE_EVENT
#undef DEFINE_EVENT_FN
#undef DEFINE_EVENT_PRINT
#undef DEFINE_EVENT_CONDITION
#undef DECLARE_TRACE
#undef DECLARE_TRACE_CONDITION
#undef TRACE_HEADER_MULTI_READ

/* Each events header names its own location; forget this one's. */
#undef TRACE_INCLUDE_FILE
#undef TRACE_INCLUDE_PATH
#undef TRACE_INCLUDE
#undef __TRACE_INCLUDE

/* Put back the "uses only" definitions of the event macros. */
#include <linux/tracepoint.h>

/* The .c file may create the events of more headers after this one. */
#define CREATE_TRACE_POINTS

#endif /* CREATE_TRACE_POINTS */
