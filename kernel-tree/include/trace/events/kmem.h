/* SPDX-License-Identifier: GPL-2.0 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM kmem

#if !defined(_TRACE_EVENTS_KMEM_H) || defined(TRACE_HEADER_MULTI_READ)
#define _TRACE_EVENTS_KMEM_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/tracepoint.h>

/* Composite masks first, so that they win over their bits. */
#define show_gfp_flags(flags)						\
	(flags) ? __print_flags(flags, "|",				\
		{(unsigned long)GFP_HIGHUSER,	"GFP_HIGHUSER"},	\
		{(unsigned long)GFP_KERNEL,	"GFP_KERNEL"},		\
		{(unsigned long)GFP_NOFS,	"GFP_NOFS"},		\
		{(unsigned long)GFP_ATOMIC,	"GFP_ATOMIC"},		\
		{(unsigned long)GFP_NOIO,	"GFP_NOIO"},		\
		{(unsigned long)__GFP_HIGH,	"GFP_HIGH"},		\
		{(unsigned long)__GFP_WAIT,	"GFP_WAIT"},		\
		{(unsigned long)__GFP_IO,	"GFP_IO"},		\
		{(unsigned long)__GFP_COLD,	"GFP_COLD"},		\
		{(unsigned long)__GFP_NOWARN,	"GFP_NOWARN"},		\
		{(unsigned long)__GFP_REPEAT,	"GFP_REPEAT"},		\
		{(unsigned long)__GFP_NOFAIL,	"GFP_NOFAIL"},		\
		{(unsigned long)__GFP_ZERO,	"GFP_ZERO"},		\
		{(unsigned long)__GFP_MOVABLE,	"GFP_MOVABLE"}		\
		) : "GFP_NOWAIT"

DECLARE_EVENT_CLASS(kmem_alloc,

	TP_PROTO(unsigned long call_site,
		 const void *ptr,
		 size_t bytes_req,
		 size_t bytes_alloc,
		 gfp_t gfp_flags),

	TP_ARGS(call_site, ptr, bytes_req, bytes_alloc, gfp_flags),

	TP_STRUCT__entry(
		__field(	unsigned long,	call_site	)
		__field(	const void *,	ptr		)
		__field(	size_t,		bytes_req	)
		__field(	size_t,		bytes_alloc	)
		__field_ext(	gfp_t,		gfp_flags, FILTER_OTHER	)
	),

	TP_fast_assign(
		__entry->call_site	= call_site;
		__entry->ptr		= ptr;
		__entry->bytes_req	= bytes_req;
		__entry->bytes_alloc	= bytes_alloc;
		__entry->gfp_flags	= gfp_flags;
	),

	TP_printk("call_site=%lx ptr=%p bytes_req=%zu bytes_alloc=%zu "
		  "gfp_flags=%s",
		__entry->call_site,
		__entry->ptr,
		__entry->bytes_req,
		__entry->bytes_alloc,
		show_gfp_flags(__entry->gfp_flags))
);

DEFINE_EVENT(kmem_alloc, kmalloc,

	TP_PROTO(unsigned long call_site, const void *ptr,
		 size_t bytes_req, size_t bytes_alloc, gfp_t gfp_flags),

	TP_ARGS(call_site, ptr, bytes_req, bytes_alloc, gfp_flags)
);

DEFINE_EVENT(kmem_alloc, kmem_cache_alloc,

	TP_PROTO(unsigned long call_site, const void *ptr,
		 size_t bytes_req, size_t bytes_alloc, gfp_t gfp_flags),

	TP_ARGS(call_site, ptr, bytes_req, bytes_alloc, gfp_flags)
);

DECLARE_EVENT_CLASS(kmem_free,

	TP_PROTO(unsigned long call_site, const void *ptr),

	TP_ARGS(call_site, ptr),

	TP_STRUCT__entry(
		__field(	unsigned long,	call_site	)
		__field(	const void *,	ptr		)
	),

	TP_fast_assign(
		__entry->call_site	= call_site;
		__entry->ptr		= ptr;
	),

	TP_printk("call_site=%lx ptr=%p", __entry->call_site, __entry->ptr)
);

DEFINE_EVENT(kmem_free, kfree,

	TP_PROTO(unsigned long call_site, const void *ptr),

	TP_ARGS(call_site, ptr)
);

DEFINE_EVENT(kmem_free, kmem_cache_free,

	TP_PROTO(unsigned long call_site, const void *ptr),

	TP_ARGS(call_site, ptr)
);

DECLARE_EVENT_CLASS(mm_page,

	TP_PROTO(struct page *page, unsigned int order, int migratetype),

	TP_ARGS(page, order, migratetype),

	TP_STRUCT__entry(
		__field(	struct page *,	page		)
		__field(	unsigned int,	order		)
		__field(	int,		migratetype	)
	),

	TP_fast_assign(
		__entry->page		= page;
		__entry->order		= order;
		__entry->migratetype	= migratetype;
	),

	TP_printk("page=%p pfn=%lu order=%u migratetype=%d",
		__entry->page,
		page_to_pfn(__entry->page),
		__entry->order,
		__entry->migratetype)
);

DEFINE_EVENT(mm_page, mm_page_alloc_zone_locked,

	TP_PROTO(struct page *page, unsigned int order, int migratetype),

	TP_ARGS(page, order, migratetype)
);

/* A drain of the per-cpu lists prints the order only as a batch size. */
DEFINE_EVENT_PRINT(mm_page, mm_page_pcpu_drain,

	TP_PROTO(struct page *page, unsigned int order, int migratetype),

	TP_ARGS(page, order, migratetype),

	TP_printk("page=%p pfn=%lu order=%d migratetype=%d",
		__entry->page, page_to_pfn(__entry->page),
		__entry->order, __entry->migratetype)
);

#endif /* _TRACE_EVENTS_KMEM_H */

/* Outside the guard: creates the events when asked to. */
#include <trace/define_trace.h>
