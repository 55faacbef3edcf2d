/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_GFP_H
#define __LINUX_GFP_H

#include <linux/types.h>

struct page;

#define __GFP_DMA	((__force gfp_t)0x01u)
#define __GFP_HIGHMEM	((__force gfp_t)0x02u)
#define __GFP_DMA32	((__force gfp_t)0x04u)
#define __GFP_MOVABLE	((__force gfp_t)0x08u)
#define __GFP_WAIT	((__force gfp_t)0x10u)
#define __GFP_HIGH	((__force gfp_t)0x20u)
#define __GFP_IO	((__force gfp_t)0x40u)
#define __GFP_FS	((__force gfp_t)0x80u)
#define __GFP_COLD	((__force gfp_t)0x100u)
#define __GFP_NOWARN	((__force gfp_t)0x200u)
#define __GFP_REPEAT	((__force gfp_t)0x400u)
#define __GFP_NOFAIL	((__force gfp_t)0x800u)
#define __GFP_ZERO	((__force gfp_t)0x8000u)

#define GFP_ATOMIC	(__GFP_HIGH)
#define GFP_NOIO	(__GFP_WAIT)
#define GFP_NOFS	(__GFP_WAIT | __GFP_IO)
#define GFP_KERNEL	(__GFP_WAIT | __GFP_IO | __GFP_FS)
#define GFP_USER	(__GFP_WAIT | __GFP_IO | __GFP_FS)
#define GFP_HIGHUSER	(GFP_USER | __GFP_HIGHMEM)

extern struct page *alloc_pages(gfp_t gfp_mask, unsigned int order);
extern unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order);
extern void __free_pages(struct page *page, unsigned int order);
extern void free_pages(unsigned long addr, unsigned int order);

#define alloc_page(gfp_mask)	alloc_pages(gfp_mask, 0)
#define __free_page(page)	__free_pages((page), 0)

#endif /* __LINUX_GFP_H */
