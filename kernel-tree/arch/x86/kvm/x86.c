// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel-based Virtual Machine driver: the x86 part shared by the Intel
 * and AMD back ends.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/kvm_host.h>
#include <linux/sched.h>
#include <trace/kvm.h>

DEFINE_TRACE(kvm_hypercall);
DEFINE_TRACE(kvm_pio);
#ifdef CONFIG_KVM_MMU_TRACE
DEFINE_TRACE(kvm_page_fault);
#endif

static unsigned long kvm_register_read(struct kvm_vcpu *vcpu,
				       enum kvm_reg reg)
{
	return vcpu->arch.regs[reg];
}

int kvm_emulate_halt(struct kvm_vcpu *vcpu)
{
	++vcpu->stat.halt_exits;
	KVMTRACE_1D(HLT, vcpu, 0, entryexit);
	vcpu->arch.mp_state = 3;
	kvm_vcpu_block(vcpu);
	return 1;
}
EXPORT_SYMBOL_GPL(kvm_emulate_halt);

int kvm_emulate_hypercall(struct kvm_vcpu *vcpu)
{
	unsigned long nr, a0, a1, a2, a3;

	nr = kvm_register_read(vcpu, VCPU_REGS_RAX);
	a0 = kvm_register_read(vcpu, VCPU_REGS_RBX);
	a1 = kvm_register_read(vcpu, VCPU_REGS_RCX);
	a2 = kvm_register_read(vcpu, VCPU_REGS_RDX);
	a3 = kvm_register_read(vcpu, VCPU_REGS_RSI);

	trace_kvm_hypercall(nr, a0, a1, a2, a3);
	++vcpu->stat.hypercalls;
	vcpu->arch.regs[VCPU_REGS_RAX] = -ENOSYS;
	return 1;
}
EXPORT_SYMBOL_GPL(kvm_emulate_hypercall);

int kvm_emulate_pio(struct kvm_vcpu *vcpu, struct kvm_run *run, int in,
		    int size, unsigned port)
{
	run->exit_reason = KVM_EXIT_IO;
	run->io.direction = in ? KVM_EXIT_IO_IN : KVM_EXIT_IO_OUT;
	run->io.size = size;
	run->io.port = port;
	run->io.count = 1;

	trace_kvm_pio(!in, port, size, 1);
	if (in)
		KVMTRACE_2D(IO_READ, vcpu, port, size, handler);
	else
		KVMTRACE_2D(IO_WRITE, vcpu, port, size, handler);
	return 0;
}
EXPORT_SYMBOL_GPL(kvm_emulate_pio);

unsigned long kvm_get_cr(struct kvm_vcpu *vcpu, int cr)
{
	unsigned long value = cr == 0 ? vcpu->arch.cr0 :
			      cr == 3 ? vcpu->arch.cr3 : vcpu->arch.cr4;

	KVMTRACE_2D(CR_READ, vcpu, cr, value, handler);
	return value;
}

int kvm_mmu_page_fault(struct kvm_vcpu *vcpu, gva_t cr2, u32 error_code)
{
#ifdef CONFIG_KVM_MMU_TRACE
	trace_kvm_page_fault(cr2, error_code);
#endif
	KVMTRACE_2D(PAGE_FAULT, vcpu, error_code, cr2, handler);
	vcpu->arch.cr2 = cr2;
	return 0;
}

int kvm_arch_vcpu_ioctl_run(struct kvm_vcpu *vcpu, struct kvm_run *kvm_run)
{
	KVMTRACE_1D(VMENTRY, vcpu, kvm_register_read(vcpu, VCPU_REGS_RIP),
		    entryexit);
	vcpu->arch.exit_reason_cache = kvm_run->exit_reason;
	KVMTRACE_1D(VMEXIT, vcpu, kvm_run->exit_reason, entryexit);
	return 1;
}
