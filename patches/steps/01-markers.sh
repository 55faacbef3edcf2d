# Markers and immediate values: the infrastructure the tracer builds on.

edit kernel/marker.c <<'EOF'
EXPORT_SYMBOL_GPL(marker_probe_unregister);
====
EXPORT_SYMBOL_GPL(marker_probe_unregister);

/*
 * Unregister every probe registered with @probe and @probe_private, on
 * every marker; a tracer tearing down a trace does not know the names.
 */
int marker_probe_unregister_private_data(marker_probe_func *probe,
					 void *probe_private)
{
	struct marker_entry *e, *found;
	int ret = -ENOENT;

	mutex_lock(&markers_mutex);
	do {
		found = NULL;
		list_for_each_entry(e, &marker_entries, list)
			if (e->single.func == probe &&
			    e->single.probe_private == probe_private) {
				found = e;
				break;
			}
		if (found) {
			list_del(&found->list);
			ret = 0;
		}
	} while (found);
	mutex_unlock(&markers_mutex);

	marker_update_probe_range(__start___markers, __stop___markers);
	return ret;
}
EXPORT_SYMBOL_GPL(marker_probe_unregister_private_data);

/*
 * The private data of the @num-th probe of marker @channel.@name that is
 * @probe; NULL when there is none.
 */
void *marker_get_private_data(const char *channel, const char *name,
			      marker_probe_func *probe, int num)
{
	struct marker_entry *e;
	void *data = NULL;

	mutex_lock(&markers_mutex);
	e = get_marker(channel, name);
	if (e && num == 0 && e->single.func == probe)
		data = e->single.probe_private;
	mutex_unlock(&markers_mutex);
	return data;
}
EXPORT_SYMBOL_GPL(marker_get_private_data);
EOF
commit mathilde "markers: unregister probes by private data" <<'EOF'
marker.h has declared marker_probe_unregister_private_data() and
marker_get_private_data() since the markers went in, but kernel/marker.c
never defined them.  A tracer needs both: when a trace is destroyed it
knows the private data it registered its probes with, not the names of
every marker it connected to.
EOF

put include/linux/immediate.h <<'EOF'
/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_IMMEDIATE_H
#define _LINUX_IMMEDIATE_H

/*
 * Immediate values: variables read on fast paths and written rarely.
 *
 * An architecture that can patch the instruction loading the value keeps
 * it as an immediate operand of that instruction, so reading it costs no
 * data cache line.  This generic version is an ordinary memory read; it
 * keeps the interface so that callers need not care which one they get.
 *
 *	DEFINE_IMV(char, feature_enabled) = 0;
 *	if (unlikely(imv_read(feature_enabled)))
 *		...
 *	imv_set(feature_enabled, 1);
 */

#include <linux/compiler.h>

struct module;

/* One site reading an immediate value, recorded for the updater. */
struct __imv {
	unsigned long var;	/* address of the identifier */
	unsigned long imv;	/* address of the immediate operand */
	unsigned char size;	/* size of the value in bytes */
} __attribute__((packed));

#define DECLARE_IMV(type, name)		extern __typeof__(type) name##__imv
#define DEFINE_IMV(type, name)		__typeof__(type) name##__imv
#define EXPORT_IMV_SYMBOL(name)		EXPORT_SYMBOL(name##__imv)
#define EXPORT_IMV_SYMBOL_GPL(name)	EXPORT_SYMBOL_GPL(name##__imv)

/**
 * imv_read - read an immediate value
 * @name: the identifier given to DEFINE_IMV()
 */
#define imv_read(name)			ACCESS_ONCE(name##__imv)

/**
 * imv_set - change an immediate value
 * @name: the identifier given to DEFINE_IMV()
 * @i: the new value
 *
 * Sleeps: updates every site reading @name.
 */
#define imv_set(name, i)						\
	do {								\
		name##__imv = (i);					\
		core_imv_update();					\
	} while (0)

#ifdef CONFIG_IMMEDIATE
extern void core_imv_update(void);
extern void imv_update_range(struct __imv *begin, struct __imv *end);
extern void imv_unref_core_init(void);
#else
static inline void core_imv_update(void)
{
}

static inline void imv_unref_core_init(void)
{
}
#endif /* CONFIG_IMMEDIATE */

#endif /* _LINUX_IMMEDIATE_H */
EOF
commit mathilde "immediate values: generic interface" <<'EOF'
Immediate values are variables read on fast paths and written rarely,
like the state of a marker.  An architecture that can patch the
instruction loading the value keeps it as an immediate operand, so a
disabled marker costs no data cache miss.

This adds the generic interface only: imv_read() is a plain memory
read and imv_set() a store.  The markers use it in the next patch; the
x86 and powerpc implementations will follow separately.
EOF

edit include/linux/marker.h <<'EOF'
#include <stdarg.h>
====
#include <stdarg.h>
#include <linux/immediate.h>
EOF
edit include/linux/marker.h <<'EOF'
	char state;		/* nonzero when armed */
====
	DEFINE_IMV(char, state); /* nonzero when armed, read as immediate */
EOF
edit include/linux/marker.h <<'EOF'
		if (__builtin_expect(!!__mark_##channel##_##name.state, 0)) \
====
		if (__builtin_expect(!!imv_read(			\
				__mark_##channel##_##name.state), 0))	\
EOF
edit kernel/marker.c <<'EOF'
			iter->state = 1;
		} else {
			iter->state = 0;
		}
====
			iter->state__imv = 1;
		} else {
			iter->state__imv = 0;
		}
EOF
commit mathilde "markers: read the marker state as an immediate value" <<'EOF'
A disabled marker still loads its state byte on every pass, which costs
a data cache line in the hottest paths (the scheduler, the page
allocator).  Read the state through imv_read(), so that architectures
with immediate values turn the test into a patched instruction.

kernel/marker.c writes the variable directly: it updates the whole
range of sites under markers_mutex and needs no per-site update.
EOF

edit include/linux/marker.h <<'EOF'
extern int marker_probe_register(const char *channel, const char *name,
====
/*
 * Called by a multi-probe marker: walks the closures in mdata->multi,
 * which ends with a NULL func.
 */
extern void marker_probe_cb_multi(const struct marker *mdata,
		void *call_private, ...);

extern int marker_probe_register(const char *channel, const char *name,
EOF
edit kernel/marker.c <<'EOF'
EXPORT_SYMBOL_GPL(marker_probe_cb);
====
EXPORT_SYMBOL_GPL(marker_probe_cb);

void marker_probe_cb_multi(const struct marker *mdata, void *call_private,
			   ...)
{
	struct marker_probe_closure *multi = mdata->multi;
	va_list args;
	int i;

	if (!multi)
		return;
	for (i = 0; multi[i].func; i++) {
		va_start(args, call_private);
		multi[i].func(mdata, multi[i].probe_private, call_private,
			      mdata->format, &args);
		va_end(args);
	}
}
EXPORT_SYMBOL_GPL(marker_probe_cb_multi);
EOF
edit kernel/marker.c <<'EOF'
	struct marker_probe_closure single;
	char ptype;
====
	struct marker_probe_closure single;
	struct marker_probe_closure *multi;
	char ptype;
EOF
edit kernel/marker.c <<'EOF'
			iter->single = e->single;
			iter->ptype = e->ptype;
====
			iter->single = e->single;
			iter->multi = e->multi;
			iter->ptype = e->ptype;
			iter->call = e->ptype ? marker_probe_cb_multi :
				marker_probe_cb;
EOF
edit kernel/marker.c <<'EOF'
	e->ptype = 0;
	list_add(&e->list, &marker_entries);
====
	e->multi = NULL;
	e->ptype = 0;
	list_add(&e->list, &marker_entries);
EOF
commit lai "markers: call several probes from one site" <<'EOF'
Two tracers, or a tracer and a debugging probe, may want the same
marker.  Add marker_probe_cb_multi(), which walks a NULL-terminated
array of closures, and let marker_update_probe_range() pick the call
function from the entry's probe type, so the single-probe case keeps
its direct call.
EOF
