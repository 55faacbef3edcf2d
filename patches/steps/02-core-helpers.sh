# Helpers the tracer needs from module.c, seq_file and kallsyms.

edit include/linux/module.h <<'EOF'
extern void module_update_markers(void);
====
struct marker_iter;

extern void module_update_markers(void);
extern int module_get_iter_markers(struct marker_iter *iter);
EOF
edit kernel/module.c <<'EOF'
					  mod->markers + mod->num_markers);
	mutex_unlock(&module_mutex);
}
#endif
====
					  mod->markers + mod->num_markers);
	mutex_unlock(&module_mutex);
}

/*
 * Moves @iter to the first marker at or after its position, walking the
 * modules in list order.  Returns nonzero when one was found.
 */
int module_get_iter_markers(struct marker_iter *iter)
{
	struct module *iter_mod;
	int found = 0;

	mutex_lock(&module_mutex);
	list_for_each_entry(iter_mod, &modules, list) {
		/* Sorted by address: skip the modules before the iterator. */
		if (iter->module && iter_mod < iter->module)
			continue;
		if (!iter_mod->num_markers)
			continue;
		if (iter_mod != iter->module) {
			iter->module = iter_mod;
			iter->marker = iter_mod->markers;
		}
		if (iter->marker < iter_mod->markers + iter_mod->num_markers) {
			found = 1;
			break;
		}
	}
	mutex_unlock(&module_mutex);
	return found;
}
#endif
EOF
edit kernel/marker.c <<'EOF'
EXPORT_SYMBOL_GPL(marker_get_private_data);
====
EXPORT_SYMBOL_GPL(marker_get_private_data);

#ifdef CONFIG_MODULES
/*
 * The core kernel's markers first, then each module's: the module part
 * of the iterator is NULL while it walks the core range.
 */
void marker_iter_start(struct marker_iter *iter)
{
	if (!iter->module) {
		if (!iter->marker)
			iter->marker = __start___markers;
		if (iter->marker < __stop___markers)
			return;
	}
	if (!module_get_iter_markers(iter))
		marker_iter_reset(iter);
}
EXPORT_SYMBOL_GPL(marker_iter_start);

/* The caller sees the end of the iteration as a NULL marker. */
void marker_iter_next(struct marker_iter *iter)
{
	iter->marker++;
	marker_iter_start(iter);
}
EXPORT_SYMBOL_GPL(marker_iter_next);

void marker_iter_stop(struct marker_iter *iter)
{
}
EXPORT_SYMBOL_GPL(marker_iter_stop);

void marker_iter_reset(struct marker_iter *iter)
{
	iter->module = NULL;
	iter->marker = NULL;
}
EXPORT_SYMBOL_GPL(marker_iter_reset);
#endif /* CONFIG_MODULES */
EOF
commit mathilde "markers: iterate on the core kernel's and the modules' markers" <<'EOF'
A tracer lists the markers it can connect to (and writes them to the
trace so that a reader can decode the events).  Add module.c's half of
an iterator over the markers of every loaded module, and the marker
iterator functions marker.h declared, which walk the core kernel's
markers first and then hand over to the modules.

module_get_iter_markers() takes module_mutex, so the iterator can be
used from a seq_file without holding it across reads.
EOF

edit include/linux/module.h <<'EOF'
extern void print_modules(void);
====
extern void print_modules(void);
extern void list_modules(void (*fn)(struct module *mod, void *data),
			 void *data);
EOF
edit kernel/module.c <<'EOF'
#ifdef CONFIG_MARKERS
void module_update_markers(void)
====
/*
 * Calls @fn on each loaded module under module_mutex: the tracer writes
 * the module list at the start of a trace.
 */
void list_modules(void (*fn)(struct module *mod, void *data), void *data)
{
	struct module *mod;

	mutex_lock(&module_mutex);
	list_for_each_entry(mod, &modules, list)
		fn(mod, data);
	mutex_unlock(&module_mutex);
}
EXPORT_SYMBOL_GPL(list_modules);

#ifdef CONFIG_MARKERS
void module_update_markers(void)
EOF
commit masami "module: walk the module list with a callback" <<'EOF'
The module list is static to kernel/module.c.  A tracer that records
which modules were loaded when the trace started (so that addresses in
the trace can be turned into symbols later) has no way to walk it.
Add list_modules(), which calls a function on each module under
module_mutex.
EOF

edit include/linux/seq_file.h <<'EOF'
extern struct list_head *seq_list_next(void *v, struct list_head *head,
		loff_t *ppos);
====
extern struct list_head *seq_list_next(void *v, struct list_head *head,
		loff_t *ppos);

/*
 * Helpers for lists kept sorted by address, which stay valid when
 * entries are added or removed between two reads: the position is the
 * address of the entry, not its index.
 */
extern struct list_head *seq_sorted_list_start(struct list_head *head,
		loff_t *ppos);
#define seq_sorted_list_start_head(head, ppos)				\
	(!*(ppos) ? (head)->next : seq_sorted_list_start(head, ppos))
extern struct list_head *seq_sorted_list_next(void *p,
		struct list_head *head, loff_t *ppos);
EOF
edit fs/seq_file.c <<'EOF'
struct list_head *seq_list_next(void *v, struct list_head *head,
				loff_t *ppos)
{
	struct list_head *lh = ((struct list_head *)v)->next;

	++*ppos;
	return lh == head ? NULL : lh;
}
====
struct list_head *seq_list_next(void *v, struct list_head *head,
				loff_t *ppos)
{
	struct list_head *lh = ((struct list_head *)v)->next;

	++*ppos;
	return lh == head ? NULL : lh;
}

/*
 * The first entry of the address-sorted list @head at or after the
 * address *@ppos.  *@ppos is updated to the entry's address.
 */
struct list_head *seq_sorted_list_start(struct list_head *head,
					loff_t *ppos)
{
	struct list_head *lh;

	for (lh = head->next; lh != head; lh = lh->next) {
		if ((unsigned long)*ppos <= (unsigned long)lh) {
			*ppos = (unsigned long)lh;
			return lh;
		}
	}
	return NULL;
}

struct list_head *seq_sorted_list_next(void *p, struct list_head *head,
				       loff_t *ppos)
{
	struct list_head *lh = ((struct list_head *)p)->next;

	*ppos = (unsigned long)lh + 1;
	return lh == head ? NULL : lh;
}
EOF
commit lai "seq_file: helpers for lists sorted by address" <<'EOF'
seq_list_start() finds its position by counting entries, so an entry
added or removed between two read() calls makes the reader skip or
repeat one.  The tracer's lists (channels, traces, markers) change
while they are read.  Keep them sorted by address and use the address
as the file position: seq_sorted_list_start() and
seq_sorted_list_next().
EOF

edit include/linux/seq_file.h <<'EOF'
int seq_puts(struct seq_file *m, const char *s);
====
int seq_puts(struct seq_file *m, const char *s);
int seq_write(struct seq_file *m, const void *data, size_t len);
EOF
edit fs/seq_file.c <<'EOF'
struct list_head *seq_list_start(struct list_head *head, loff_t pos)
====
/* Appends @len bytes of @data, which need not be a string. */
int seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (m->count + len < m->size) {
		memcpy(m->buf + m->count, data, len);
		m->count += len;
		return 0;
	}
	m->count = m->size;
	return -1;
}

struct list_head *seq_list_start(struct list_head *head, loff_t pos)
EOF
commit zhaolei "seq_file: add seq_write()" <<'EOF'
seq_puts() stops at the first NUL byte.  The tracer's control files
show binary headers, so add seq_write(), which copies a given number
of bytes.
EOF

edit kernel/kallsyms.c <<'EOF'
	return module_address_lookup(addr, symbolsize, offset, modname,
				     namebuf);
}
====
	return module_address_lookup(addr, symbolsize, offset, modname,
				     namebuf);
}
EXPORT_SYMBOL_GPL(kallsyms_lookup);
EOF
commit mathilde "kallsyms: export kallsyms_lookup()" <<'EOF'
The tracer turns the addresses it records (interrupt handlers, the
callers of a trap) into names when it dumps its state; a tracer built
as a module needs kallsyms_lookup() exported for that.
EOF
