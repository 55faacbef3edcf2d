// SPDX-License-Identifier: GPL-2.0
/*
 * The page allocator: buddy lists per zone and order, with per-CPU lists
 * in front of them for single pages.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <trace/mm.h>
#include <trace/events/kmem.h>

DEFINE_TRACE(mm_page_alloc);
DEFINE_TRACE(mm_page_free);

#define MAX_ORDER	11

enum migratetype {
	MIGRATE_UNMOVABLE,
	MIGRATE_RECLAIMABLE,
	MIGRATE_MOVABLE,
	MIGRATE_TYPES
};

/* The free blocks of one order, by migrate type. */
struct free_area {
	struct list_head free_list[MIGRATE_TYPES];
	unsigned long nr_free;
};

struct zone {
	unsigned long pages_min, pages_low, pages_high;
	spinlock_t lock;
	struct free_area free_area[MAX_ORDER];
	unsigned long zone_start_pfn;
	unsigned long spanned_pages;
	const char *name;
};

static struct zone the_zone;
struct page *mem_map;

static int allocflags_to_migratetype(gfp_t gfp_flags)
{
	return (gfp_flags & __GFP_MOVABLE) ? MIGRATE_MOVABLE :
		MIGRATE_UNMOVABLE;
}

static struct page *__rmqueue(struct zone *zone, unsigned int order,
			      int migratetype)
{
	unsigned int current_order;

	for (current_order = order; current_order < MAX_ORDER;
	     ++current_order) {
		struct free_area *area = &zone->free_area[current_order];
		struct page *page;

		if (list_empty(&area->free_list[migratetype]))
			continue;
		page = list_entry(area->free_list[migratetype].next,
				  struct page, lru);
		list_del(&page->lru);
		area->nr_free--;
		trace_mm_page_alloc_zone_locked(page, order, migratetype);
		return page;
	}
	return NULL;
}

struct page *alloc_pages(gfp_t gfp_mask, unsigned int order)
{
	struct zone *zone = &the_zone;
	struct page *page;

	if (order >= MAX_ORDER)
		return NULL;
	spin_lock(&zone->lock);
	page = __rmqueue(zone, order, allocflags_to_migratetype(gfp_mask));
	spin_unlock(&zone->lock);
	if (page)
		trace_mm_page_alloc(page, order);
	return page;
}
EXPORT_SYMBOL(alloc_pages);

void __free_pages(struct page *page, unsigned int order)
{
	struct zone *zone = &the_zone;

	trace_mm_page_free(page, order);
	spin_lock(&zone->lock);
	list_add(&page->lru, &zone->free_area[order].free_list[0]);
	zone->free_area[order].nr_free++;
	spin_unlock(&zone->lock);
}
EXPORT_SYMBOL(__free_pages);

void drain_pages(struct list_head *pcp_list, int count)
{
	while (count-- && !list_empty(pcp_list)) {
		struct page *page = list_entry(pcp_list->next, struct page,
					       lru);

		list_del(&page->lru);
		trace_mm_page_pcpu_drain(page, 0, MIGRATE_UNMOVABLE);
		__free_pages(page, 0);
	}
}
