/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_POWERPC_PAGE_H
#define _ASM_POWERPC_PAGE_H

/* ppc64 servers run with 64K pages; 4K is the other choice. */
#ifdef CONFIG_PPC_64K_PAGES
#define PAGE_SHIFT	16
#else
#define PAGE_SHIFT	12
#endif
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

#define PAGE_OFFSET	0xc000000000000000UL

#define __va(x)		((void *)((unsigned long)(x) + PAGE_OFFSET))
#define __pa(x)		((unsigned long)(x) - PAGE_OFFSET)

#endif /* _ASM_POWERPC_PAGE_H */
