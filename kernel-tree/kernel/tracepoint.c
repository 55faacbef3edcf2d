// SPDX-License-Identifier: GPL-2.0
/*
 * Tracepoints: connecting probes to the trace points of the kernel and
 * of its modules, by name.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/list.h>
#include <linux/string.h>
#include <linux/tracepoint.h>

extern struct tracepoint __start___tracepoints[];
extern struct tracepoint __stop___tracepoints[];

static DEFINE_MUTEX(tracepoints_mutex);

#define TRACEPOINT_MAX_PROBES	8

/* The probes of one trace point name, shared by all its definitions. */
struct tracepoint_entry {
	struct list_head list;
	const char *name;
	int refcount;
	void *funcs[TRACEPOINT_MAX_PROBES + 1];
};

static LIST_HEAD(tracepoint_entries);
static struct tracepoint_entry entry_pool[32];
static int nr_entries;

static struct tracepoint_entry *get_tracepoint(const char *name)
{
	struct tracepoint_entry *e;

	list_for_each_entry(e, &tracepoint_entries, list)
		if (!strcmp(name, e->name))
			return e;
	return NULL;
}

static void set_tracepoint(struct tracepoint_entry *entry,
			   struct tracepoint *elem, int active)
{
	if (active && !elem->state && elem->regfunc)
		elem->regfunc();
	else if (!active && elem->state && elem->unregfunc)
		elem->unregfunc();
	elem->funcs = active ? entry->funcs : NULL;
	elem->state = active;
}

void tracepoint_update_probe_range(struct tracepoint *begin,
				   struct tracepoint *end)
{
	struct tracepoint *iter;
	struct tracepoint_entry *e;

	mutex_lock(&tracepoints_mutex);
	for (iter = begin; iter < end; iter++) {
		e = get_tracepoint(iter->name);
		set_tracepoint(e, iter, e && e->refcount);
	}
	mutex_unlock(&tracepoints_mutex);
}

void tracepoint_probe_update_all(void)
{
	tracepoint_update_probe_range(__start___tracepoints,
				      __stop___tracepoints);
	module_update_tracepoints();
}

int tracepoint_probe_register(const char *name, void *probe)
{
	struct tracepoint_entry *e;
	int ret = 0;

	mutex_lock(&tracepoints_mutex);
	e = get_tracepoint(name);
	if (!e) {
		if (nr_entries == ARRAY_SIZE(entry_pool)) {
			ret = -ENOMEM;
			goto out;
		}
		e = &entry_pool[nr_entries++];
		e->name = name;
		list_add(&e->list, &tracepoint_entries);
	}
	if (e->refcount == TRACEPOINT_MAX_PROBES) {
		ret = -ENOSPC;
		goto out;
	}
	e->funcs[e->refcount++] = probe;
	e->funcs[e->refcount] = NULL;
out:
	mutex_unlock(&tracepoints_mutex);
	if (!ret)
		tracepoint_probe_update_all();
	return ret;
}
EXPORT_SYMBOL_GPL(tracepoint_probe_register);

int tracepoint_probe_unregister(const char *name, void *probe)
{
	struct tracepoint_entry *e;
	int i, ret = -ENOENT;

	mutex_lock(&tracepoints_mutex);
	e = get_tracepoint(name);
	for (i = 0; e && i < e->refcount; i++) {
		if (e->funcs[i] != probe)
			continue;
		e->funcs[i] = e->funcs[--e->refcount];
		e->funcs[e->refcount] = NULL;
		ret = 0;
		break;
	}
	mutex_unlock(&tracepoints_mutex);
	if (!ret)
		tracepoint_probe_update_all();
	return ret;
}
EXPORT_SYMBOL_GPL(tracepoint_probe_unregister);
