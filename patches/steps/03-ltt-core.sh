# The tracer core, as new files under ltt/ and include/linux/.

put include/linux/ltt-core.h <<'EOF'
/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_LTT_CORE_H
#define _LINUX_LTT_CORE_H

/*
 * The part of the Linux Trace Toolkit that stays in the kernel image when
 * the tracer itself is a module: the list of traces, and the hooks the
 * tracer module fills in when it loads.
 */

#include <linux/types.h>
#include <linux/list.h>
#include <linux/module.h>

/* Traces currently allocated, and the mutex protecting the list. */
struct ltt_traces {
	struct list_head setup_head;	/* being set up, not armed */
	struct list_head head;		/* allocated traces */
	unsigned int num_active_traces;	/* traces recording now */
};

extern struct ltt_traces ltt_traces;

extern void ltt_lock_traces(void);
extern void ltt_unlock_traces(void);

/* Where the tracer module tells the core about its entry points. */
extern void ltt_module_register(void (*statedump)(void *trace),
				struct module *owner);
extern void ltt_module_unregister(void);

/* The state dump: written at trace start so a reader knows the system. */
extern void ltt_statedump_functor(void *trace);

#endif /* _LINUX_LTT_CORE_H */
EOF
put ltt/ltt-core.c <<'EOF'
// SPDX-License-Identifier: GPL-2.0
/*
 * ltt-core.c: the list of traces and the tracer module's hooks, built
 * into the kernel so that the tracer itself can be a module.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/list.h>
#include <linux/ltt-core.h>

/* Traces list writer locking */
static DEFINE_MUTEX(ltt_traces_mutex);

struct ltt_traces ltt_traces = {
	.setup_head = LIST_HEAD_INIT(ltt_traces.setup_head),
	.head = LIST_HEAD_INIT(ltt_traces.head),
};
EXPORT_SYMBOL(ltt_traces);

static void (*statedump_fn)(void *trace);
static struct module *statedump_owner;

void ltt_lock_traces(void)
{
	mutex_lock(&ltt_traces_mutex);
}
EXPORT_SYMBOL_GPL(ltt_lock_traces);

void ltt_unlock_traces(void)
{
	mutex_unlock(&ltt_traces_mutex);
}
EXPORT_SYMBOL_GPL(ltt_unlock_traces);

void ltt_module_register(void (*statedump)(void *trace),
			 struct module *owner)
{
	ltt_lock_traces();
	statedump_fn = statedump;
	statedump_owner = owner;
	ltt_unlock_traces();
}
EXPORT_SYMBOL_GPL(ltt_module_register);

void ltt_module_unregister(void)
{
	ltt_lock_traces();
	statedump_fn = NULL;
	statedump_owner = NULL;
	ltt_unlock_traces();
}
EXPORT_SYMBOL_GPL(ltt_module_unregister);

/* Called with the traces lock held, when a trace starts. */
void ltt_statedump_functor(void *trace)
{
	if (statedump_fn)
		statedump_fn(trace);
}
EXPORT_SYMBOL_GPL(ltt_statedump_functor);
EOF
commit mathilde "LTTng core: the list of traces" <<'EOF'
The part of the tracer that is always built in: the list of traces,
its lock, and the hooks the tracer module registers when it loads.
Keeping them in the kernel image lets the tracer itself be a module
that can be unloaded while the kernel keeps its instrumentation.
EOF

put include/linux/ltt-relay.h <<'EOF'
/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_LTT_RELAY_H
#define _LINUX_LTT_RELAY_H

/*
 * Trace buffers: per-cpu arrays of pages written by the tracer and read
 * by a daemon through splice().  A buffer is made of sub-buffers; the
 * writer fills one while the reader consumes the others.
 */

#include <linux/types.h>
#include <linux/list.h>
#include <linux/cpumask.h>
#include <linux/mm.h>

struct dentry;
struct rchan;

/* A buffer's pages, kept in an array and in a list for the reader. */
struct rchan_page {
	struct list_head list;		/* list of pages of the buffer */
	struct page *page;
	size_t offset;			/* offset of the page in the buffer */
};

struct rchan_buf {
	struct rchan *chan;		/* the channel of this buffer */
	struct list_head pages;		/* its pages, in order */
	struct rchan_page *wpage;	/* page being written */
	struct rchan_page *rpage;	/* page being read */
	unsigned int page_count;
	unsigned int cpu;
	unsigned int finalized;		/* no more writes will come */
};

struct rchan {
	size_t subbuf_size;		/* bytes, a power of 2 */
	size_t n_subbufs;		/* sub-buffers per buffer, power of 2 */
	size_t alloc_size;		/* subbuf_size * n_subbufs */
	struct rchan_buf *buf[NR_CPUS];
	struct list_head list;		/* channels of the system */
	char base_filename[64];
};

extern struct rchan *ltt_relay_open(const char *base_filename,
				    struct dentry *parent,
				    size_t subbuf_size, size_t n_subbufs);
extern void ltt_relay_close(struct rchan *chan);

extern void ltt_relay_write(struct rchan_buf *buf, size_t offset,
			    const void *src, size_t len);
extern int ltt_relay_read(struct rchan_buf *buf, size_t offset,
			  void *dest, size_t len);

/* The page holding byte @offset of @buf, walking from the last one used. */
extern struct rchan_page *ltt_relay_find_page(struct rchan_buf *buf,
					      struct rchan_page *page,
					      size_t offset);

static inline size_t ltt_relay_page_offset(size_t offset)
{
	return offset & (PAGE_SIZE - 1);
}

#endif /* _LINUX_LTT_RELAY_H */
EOF
put ltt/ltt-relay-alloc.c <<'EOF'
// SPDX-License-Identifier: GPL-2.0
/*
 * ltt-relay-alloc.c: allocation of the trace buffers, and the copy of
 * event payloads into them across page boundaries.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/ltt-relay.h>

extern void *kzalloc(size_t size, gfp_t flags);
extern void kfree(const void *objp);
extern void *page_address(const struct page *page);

static void ltt_relay_free_buf(struct rchan_buf *buf)
{
	struct rchan_page *rpage, *next;

	for (rpage = list_entry(buf->pages.next, struct rchan_page, list);
	     &rpage->list != &buf->pages; rpage = next) {
		next = list_entry(rpage->list.next, struct rchan_page, list);
		__free_page(rpage->page);
		kfree(rpage);
	}
	kfree(buf);
}

static struct rchan_buf *ltt_relay_alloc_buf(struct rchan *chan,
					     unsigned int cpu)
{
	struct rchan_buf *buf;
	unsigned int i, n_pages = chan->alloc_size >> PAGE_SHIFT;

	buf = kzalloc(sizeof(*buf), GFP_KERNEL);
	if (!buf)
		return NULL;
	INIT_LIST_HEAD(&buf->pages);
	buf->chan = chan;
	buf->cpu = cpu;
	for (i = 0; i < n_pages; i++) {
		struct rchan_page *rpage = kzalloc(sizeof(*rpage), GFP_KERNEL);

		if (!rpage)
			goto depopulate;
		rpage->page = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!rpage->page) {
			kfree(rpage);
			goto depopulate;
		}
		rpage->offset = (size_t)i << PAGE_SHIFT;
		list_add_tail(&rpage->list, &buf->pages);
		buf->page_count++;
	}
	buf->wpage = list_entry(buf->pages.next, struct rchan_page, list);
	buf->rpage = buf->wpage;
	return buf;

depopulate:
	ltt_relay_free_buf(buf);
	return NULL;
}

struct rchan *ltt_relay_open(const char *base_filename,
			     struct dentry *parent,
			     size_t subbuf_size, size_t n_subbufs)
{
	struct rchan *chan;
	unsigned int cpu;

	if (!subbuf_size || !n_subbufs || subbuf_size < PAGE_SIZE)
		return NULL;
	chan = kzalloc(sizeof(*chan), GFP_KERNEL);
	if (!chan)
		return NULL;
	chan->subbuf_size = subbuf_size;
	chan->n_subbufs = n_subbufs;
	chan->alloc_size = subbuf_size * n_subbufs;
	strlcpy(chan->base_filename, base_filename,
		sizeof(chan->base_filename));
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		chan->buf[cpu] = ltt_relay_alloc_buf(chan, cpu);
		if (!chan->buf[cpu]) {
			ltt_relay_close(chan);
			return NULL;
		}
	}
	return chan;
}
EXPORT_SYMBOL_GPL(ltt_relay_open);

void ltt_relay_close(struct rchan *chan)
{
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (chan->buf[cpu])
			ltt_relay_free_buf(chan->buf[cpu]);
	kfree(chan);
}
EXPORT_SYMBOL_GPL(ltt_relay_close);

struct rchan_page *ltt_relay_find_page(struct rchan_buf *buf,
				       struct rchan_page *page,
				       size_t offset)
{
	offset &= ~(PAGE_SIZE - 1);
	while (page->offset != offset) {
		page = list_entry(page->list.next, struct rchan_page, list);
		if (&page->list == &buf->pages)
			page = list_entry(page->list.next, struct rchan_page,
					  list);
	}
	return page;
}
EXPORT_SYMBOL_GPL(ltt_relay_find_page);

void ltt_relay_write(struct rchan_buf *buf, size_t offset,
		     const void *src, size_t len)
{
	struct rchan_page *page;
	size_t pagecpy;

	offset &= buf->chan->alloc_size - 1;
	page = ltt_relay_find_page(buf, buf->wpage, offset);
	do {
		pagecpy = min(len, PAGE_SIZE -
			      ltt_relay_page_offset(offset));
		memcpy(page_address(page->page) +
		       ltt_relay_page_offset(offset), src, pagecpy);
		len -= pagecpy;
		src += pagecpy;
		offset += pagecpy;
		if (len)
			page = ltt_relay_find_page(buf, page, offset);
	} while (len);
	buf->wpage = page;
}
EXPORT_SYMBOL_GPL(ltt_relay_write);

int ltt_relay_read(struct rchan_buf *buf, size_t offset, void *dest,
		   size_t len)
{
	struct rchan_page *page;
	size_t pagecpy;

	if (len > buf->chan->alloc_size)
		return -EINVAL;
	offset &= buf->chan->alloc_size - 1;
	page = ltt_relay_find_page(buf, buf->rpage, offset);
	while (len) {
		pagecpy = min(len, PAGE_SIZE -
			      ltt_relay_page_offset(offset));
		memcpy(dest, page_address(page->page) +
		       ltt_relay_page_offset(offset), pagecpy);
		len -= pagecpy;
		dest += pagecpy;
		offset += pagecpy;
		page = ltt_relay_find_page(buf, page, offset);
	}
	buf->rpage = page;
	return 0;
}
EXPORT_SYMBOL_GPL(ltt_relay_read);
EOF
commit mathilde "LTTng relay: buffer allocation with a page list" <<'EOF'
The trace buffers are arrays of pages, not vmap()ed areas: the vmalloc
space is small on 32-bit machines and a buffer per cpu per channel
would exhaust it.  Each buffer keeps its pages in a list, and the
writer and the reader each remember the page they used last, so that
finding the page of the next offset is usually one step.

Writes and reads cross page boundaries with one memcpy() per page.
EOF
