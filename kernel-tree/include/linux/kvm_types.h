/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __KVM_TYPES_H__
#define __KVM_TYPES_H__

#include <asm/types.h>

typedef unsigned long gva_t;
typedef u64 gpa_t;
typedef unsigned long gfn_t;

typedef unsigned long hva_t;
typedef u64 hpa_t;
typedef unsigned long hfn_t;

typedef hfn_t pfn_t;

#endif /* __KVM_TYPES_H__ */
