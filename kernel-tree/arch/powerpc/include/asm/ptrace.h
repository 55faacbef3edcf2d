/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_POWERPC_PTRACE_H
#define _ASM_POWERPC_PTRACE_H

#include <linux/types.h>

/* The registers saved at an exception, in the order the entry code stores them. */
struct pt_regs {
	unsigned long gpr[32];
	unsigned long nip;
	unsigned long msr;
	unsigned long orig_gpr3;	/* Used for restarting system calls */
	unsigned long ctr;
	unsigned long link;
	unsigned long xer;
	unsigned long ccr;
	unsigned long softe;		/* Soft enabled/disabled */
	unsigned long trap;		/* Reason for being here */
	unsigned long dar;		/* Fault registers */
	unsigned long dsisr;
	unsigned long result;		/* Result of a system call */
};

#define MSR_PR_LG	14
#define MSR_PR		(1UL << MSR_PR_LG)

#define user_mode(regs)			(((regs)->msr & MSR_PR) != 0)
#define instruction_pointer(regs)	((regs)->nip)
#define user_stack_pointer(regs)	((regs)->gpr[1])
#define TRAP(regs)			((regs)->trap & ~0xF)

#endif /* _ASM_POWERPC_PTRACE_H */
