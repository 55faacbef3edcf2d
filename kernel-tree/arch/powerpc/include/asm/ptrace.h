/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_POWERPC_PTRACE_H
#define _ASM_POWERPC_PTRACE_H

#include <linux/types.h>

struct pt_regs {
	unsigned long gpr[32];
	unsigned long nip;
	unsigned long msr;
	unsigned long orig_gpr3;
	unsigned long ctr;
	unsigned long link;
	unsigned long xer;
	unsigned long ccr;
	unsigned long softe;
	unsigned long trap;
	unsigned long dar;
	unsigned long dsisr;
	unsigned long result;
};

#define MSR_PR_LG	14
#define MSR_PR		(1UL << MSR_PR_LG)

#define user_mode(regs)			(((regs)->msr & MSR_PR) != 0)
#define instruction_pointer(regs)	((regs)->nip)
#define user_stack_pointer(regs)	((regs)->gpr[1])
#define TRAP(regs)			((regs)->trap & ~0xF)

#endif /* _ASM_POWERPC_PTRACE_H */
