// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel-based Virtual Machine driver: the architecture independent part
 * (VMs, vcpus, memory slots), and the definition of the kvm events.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/kvm_host.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <trace/kvm.h>

#define CREATE_TRACE_POINTS
#include <trace/events/kvm.h>

DEFINE_TRACE(kvm_entry);
DEFINE_TRACE(kvm_exit);
DEFINE_TRACE(kvm_vcpu_create);
DEFINE_TRACE(kvm_halt);

int kvm_vcpu_init(struct kvm_vcpu *vcpu, struct kvm *kvm, unsigned id)
{
	mutex_lock(&kvm->lock);
	vcpu->kvm = kvm;
	vcpu->vcpu_id = id;
	vcpu->cpu = -1;
	mutex_unlock(&kvm->lock);

	trace_kvm_vcpu_create(kvm, id);
	trace_mark(kvm, vcpu_init, "vcpu_id %u", id);
	return 0;
}
EXPORT_SYMBOL_GPL(kvm_vcpu_init);

/* Sleep until the vcpu has an interrupt to take, or a signal. */
void kvm_vcpu_block(struct kvm_vcpu *vcpu)
{
	trace_kvm_halt(vcpu);
	while (!vcpu->requests)
		schedule();
}
EXPORT_SYMBOL_GPL(kvm_vcpu_block);

int kvm_vcpu_ioctl_run(struct kvm_vcpu *vcpu, struct kvm_run *run)
{
	int r;

	trace_kvm_entry(vcpu);
	r = kvm_arch_vcpu_ioctl_run(vcpu, run);
	trace_kvm_exit(run->exit_reason, vcpu);
	if (r <= 0)
		trace_kvm_userspace_exit(run->exit_reason, r);
	return r;
}

void kvm_set_irq(struct kvm *kvm, int irq_source_id, unsigned int gsi,
		 int level)
{
	trace_kvm_set_irq(gsi, level, irq_source_id);
}

int kvm_mmio_access(struct kvm_vcpu *vcpu, gpa_t gpa, int len, u64 val,
		    int is_write)
{
	struct kvm_mmio_fragment frag = {
		.gpa = gpa,
		.data = &val,
		.len = len,
	};

	trace_kvm_mmio(is_write ? KVM_TRACE_MMIO_WRITE : KVM_TRACE_MMIO_READ,
		       len, gpa, val);
	trace_kvm_mmio_fragment(vcpu, &frag);
	return 0;
}
