/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TRACEPOINT_H
#define _LINUX_TRACEPOINT_H

/*
 * Static instrumentation points.
 *
 * A subsystem declares a tracepoint in its include/trace/ header:
 *
 *	DECLARE_TRACE(subsys_event,
 *		TPPROTO(int firstarg, struct task_struct *p),
 *		TPARGS(firstarg, p));
 *
 * defines it once in a .c file with DEFINE_TRACE(subsys_event), and calls
 * trace_subsys_event(arg, task) where the event happens.  A probe is a
 * function with the same prototype, connected with
 * register_trace_subsys_event(probe) and disconnected with
 * unregister_trace_subsys_event(probe).
 *
 * TPPROTO/TPARGS is the original spelling; TP_PROTO/TP_ARGS is the one the
 * TRACE_EVENT family uses.  Both mean the same thing.
 */

#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/compiler.h>
#include <linux/errno.h>

struct module;
struct tracepoint;

struct tracepoint {
	const char *name;
	int state;			/* nonzero when a probe is connected */
	int (*regfunc)(void);		/* run before the first probe */
	void (*unregfunc)(void);	/* run after the last probe goes */
	void **funcs;			/* probes, NULL-terminated */
} __attribute__((aligned(32)));	/* the __tracepoints section is an array */

#define TPPROTO(args...)	args
#define TPARGS(args...)		args
#define TP_PROTO(args...)	args
#define TP_ARGS(args...)	args
#define TP_CONDITION(args...)	args

#define PARAMS(args...)		args

#ifdef CONFIG_TRACEPOINTS

/*
 * Calls every connected probe.  The probe array is read once; a probe
 * removed meanwhile is freed only after a grace period.
 */
#define __DO_TRACE(tp, proto, args, cond)				\
	do {								\
		void **it_func;						\
									\
		if (!(cond))						\
			return;						\
		it_func = ACCESS_ONCE((tp)->funcs);			\
		if (it_func) {						\
			do {						\
				((void (*)(proto))(*it_func))(args);	\
			} while (*(++it_func));				\
		}							\
	} while (0)

#define __DECLARE_TRACE(name, proto, args, cond)			\
	extern struct tracepoint __tracepoint_##name;			\
	static inline void trace_##name(proto)				\
	{								\
		if (unlikely(__tracepoint_##name.state))		\
			__DO_TRACE(&__tracepoint_##name,		\
				TP_PROTO(proto), TP_ARGS(args),		\
				TP_CONDITION(cond));			\
	}								\
	static inline int register_trace_##name(void (*probe)(proto))	\
	{								\
		return tracepoint_probe_register(#name, (void *)probe);	\
	}								\
	static inline int unregister_trace_##name(void (*probe)(proto))	\
	{								\
		return tracepoint_probe_unregister(#name, (void *)probe);\
	}

#define DEFINE_TRACE_FN(name, reg, unreg)				\
	static const char __tpstrtab_##name[]				\
	__section(__tracepoints_strings) = #name;			\
	struct tracepoint __tracepoint_##name				\
	__section(__tracepoints) __aligned(32) =			\
		{ __tpstrtab_##name, 0, reg, unreg, NULL }

#define DEFINE_TRACE(name)	DEFINE_TRACE_FN(name, NULL, NULL)

#define EXPORT_TRACEPOINT_SYMBOL_GPL(name)				\
	EXPORT_SYMBOL_GPL(__tracepoint_##name)
#define EXPORT_TRACEPOINT_SYMBOL(name)					\
	EXPORT_SYMBOL(__tracepoint_##name)

#else /* !CONFIG_TRACEPOINTS */

#define __DECLARE_TRACE(name, proto, args, cond)			\
	static inline void trace_##name(proto)				\
	{								\
	}								\
	static inline int register_trace_##name(void (*probe)(proto))	\
	{								\
		return -ENOSYS;						\
	}								\
	static inline int unregister_trace_##name(void (*probe)(proto))	\
	{								\
		return -ENOSYS;						\
	}

#define DEFINE_TRACE_FN(name, reg, unreg)
#define DEFINE_TRACE(name)
#define EXPORT_TRACEPOINT_SYMBOL_GPL(name)
#define EXPORT_TRACEPOINT_SYMBOL(name)

#endif /* CONFIG_TRACEPOINTS */

/* Connects the trace points of [begin, end) to their registered probes. */
extern void tracepoint_update_probe_range(struct tracepoint *begin,
					  struct tracepoint *end);

/* Connects probes by name; the name is the one given to DECLARE_TRACE. */
extern int tracepoint_probe_register(const char *name, void *probe);
extern int tracepoint_probe_unregister(const char *name, void *probe);
extern int tracepoint_probe_register_noupdate(const char *name, void *probe);
extern int tracepoint_probe_unregister_noupdate(const char *name,
						void *probe);
extern void tracepoint_probe_update_all(void);

struct tracepoint_iter {
	struct module *module;
	struct tracepoint *tracepoint;
};

extern void tracepoint_iter_start(struct tracepoint_iter *iter);
extern void tracepoint_iter_next(struct tracepoint_iter *iter);
extern void tracepoint_iter_stop(struct tracepoint_iter *iter);
extern void tracepoint_iter_reset(struct tracepoint_iter *iter);

#endif /* _LINUX_TRACEPOINT_H */

/*
 * DECLARE_TRACE and the TRACE_EVENT family, for a file that only uses the
 * trace points: each event is a tracepoint and nothing more.
 * include/trace/define_trace.h redefines these while it creates the
 * events, then includes this file again to restore them, which is why
 * this part sits outside the guard.
 */
#ifndef DECLARE_TRACE
#define DECLARE_TRACE(name, proto, args)				\
	__DECLARE_TRACE(name, PARAMS(proto), PARAMS(args), 1)
#define DECLARE_TRACE_CONDITION(name, proto, args, cond)		\
	__DECLARE_TRACE(name, PARAMS(proto), PARAMS(args), PARAMS(cond))
#endif /* DECLARE_TRACE */

#ifndef TRACE_EVENT

#define DECLARE_EVENT_CLASS(name, proto, args, tstruct, assign, print)
#define DEFINE_EVENT(template, name, proto, args)			\
	DECLARE_TRACE(name, PARAMS(proto), PARAMS(args))
#define DEFINE_EVENT_FN(template, name, proto, args, reg, unreg)	\
	DECLARE_TRACE(name, PARAMS(proto), PARAMS(args))
#define DEFINE_EVENT_PRINT(template, name, proto, args, print)		\
	DECLARE_TRACE(name, PARAMS(proto), PARAMS(args))
#define DEFINE_EVENT_CONDITION(template, name, proto, args, cond)	\
	DECLARE_TRACE_CONDITION(name, PARAMS(proto),			\
				PARAMS(args), PARAMS(cond))

#define TRACE_EVENT(name, proto, args, struct, assign, print)		\
	DECLARE_TRACE(name, PARAMS(proto), PARAMS(args))
#define TRACE_EVENT_FN(name, proto, args, struct,			\
		assign, print, reg, unreg)				\
	DECLARE_TRACE(name, PARAMS(proto), PARAMS(args))
#define TRACE_EVENT_FN_COND(name, proto, args, cond, struct,		\
		assign, print, reg, unreg)				\
	DECLARE_TRACE_CONDITION(name, PARAMS(proto),			\
			PARAMS(args), PARAMS(cond))
#define TRACE_EVENT_CONDITION(name, proto, args, cond,			\
			      struct, assign, print)			\
	DECLARE_TRACE_CONDITION(name, PARAMS(proto),			\
				PARAMS(args), PARAMS(cond))

#define TRACE_EVENT_FLAGS(event, flag)

#endif /* TRACE_EVENT */
