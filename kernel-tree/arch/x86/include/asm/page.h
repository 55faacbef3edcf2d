/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

#define __PAGE_OFFSET	0xffff880000000000UL
#define PAGE_OFFSET	((unsigned long)__PAGE_OFFSET)

#define __va(x)		((void *)((unsigned long)(x) + PAGE_OFFSET))
#define __pa(x)		((unsigned long)(x) - PAGE_OFFSET)

#endif /* _ASM_X86_PAGE_H */
