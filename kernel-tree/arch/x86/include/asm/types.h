/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_TYPES_H
#define _ASM_X86_TYPES_H

#include <asm-generic/int-ll64.h>

#ifdef __x86_64__
# define BITS_PER_LONG 64
#else
# define BITS_PER_LONG 32
#endif

#ifndef __ASSEMBLY__
typedef u64 dma64_addr_t;
typedef u64 dma_addr_t;
#endif

#endif /* _ASM_X86_TYPES_H */
