/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TRACE_KVM_H
#define _TRACE_KVM_H

#include <linux/kvm_host.h>
#include <linux/tracepoint.h>

/* Guest entries and exits; defined in virt/kvm/kvm_main.c. */

DECLARE_TRACE(kvm_entry,
	TP_PROTO(struct kvm_vcpu *vcpu),
	TP_ARGS(vcpu));

DECLARE_TRACE(kvm_exit,
	TP_PROTO(unsigned int exit_reason, struct kvm_vcpu *vcpu),
	TP_ARGS(exit_reason, vcpu));

DECLARE_TRACE(kvm_vcpu_create,
	TP_PROTO(struct kvm *kvm, unsigned int id),
	TP_ARGS(kvm, id));

DECLARE_TRACE(kvm_halt,
	TP_PROTO(struct kvm_vcpu *vcpu),
	TP_ARGS(vcpu));

DECLARE_TRACE(kvm_hypercall,
	TP_PROTO(unsigned long nr, unsigned long a0, unsigned long a1,
		 unsigned long a2, unsigned long a3),
	TP_ARGS(nr, a0, a1, a2, a3));

DECLARE_TRACE(kvm_pio,
	TP_PROTO(int rw, unsigned int port, unsigned int size,
		 unsigned int count),
	TP_ARGS(rw, port, size, count));

#ifdef CONFIG_KVM_MMU_TRACE
DECLARE_TRACE(kvm_page_fault,
	TP_PROTO(gva_t fault_address, u32 error_code),
	TP_ARGS(fault_address, error_code));
#endif /* CONFIG_KVM_MMU_TRACE */

#endif /* _TRACE_KVM_H */
