// SPDX-License-Identifier: GPL-2.0
/*
 * x86 page faults: find the vma, let the core handle the fault, or send
 * the task a signal.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/ptrace.h>
#include <trace/trap.h>

DEFINE_TRACE(page_fault_entry);
DEFINE_TRACE(page_fault_exit);

#define PF_PROT		(1 << 0)
#define PF_WRITE	(1 << 1)
#define PF_USER		(1 << 2)
#define PF_RSVD		(1 << 3)
#define PF_INSTR	(1 << 4)

#define X86_TRAP_PF	14

extern unsigned long read_cr2(void);

static void bad_area(struct pt_regs *regs, unsigned long error_code,
		     unsigned long address)
{
	if (user_mode(regs))
		send_sig(11, current, 0);
	else
		printk(KERN_ALERT "BUG: unable to handle kernel paging request"
		       " at %016lx, ip %016lx\n", address, regs->ip);
}

void do_page_fault(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long address = read_cr2();
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	int write = error_code & PF_WRITE;
	int fault;

	vma = find_vma(mm, address);
	if (!vma || vma->vm_start > address) {
		bad_area(regs, error_code, address);
		return;
	}

	trace_page_fault_entry(regs, X86_TRAP_PF, address, write);
	fault = handle_mm_fault(mm, vma, address, write);
	trace_page_fault_exit(fault);

	if (fault & (VM_FAULT_OOM | VM_FAULT_SIGBUS))
		bad_area(regs, error_code, address);
	else if (fault & VM_FAULT_MAJOR)
		current->nvcsw++;
	else
		current->nivcsw++;
}
