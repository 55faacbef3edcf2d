/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __POWERPC_KVM_HOST_H__
#define __POWERPC_KVM_HOST_H__

#include <linux/types.h>
#include <linux/kvm_types.h>

#define KVM_MAX_VCPUS 1
#define KVM_MEMORY_SLOTS 32
#define KVM_PRIVATE_MEM_SLOTS 4

#define KVM_PAGES_PER_HPAGE (1<<31)

struct kvm_vm_stat {
	u32 remote_tlb_flush;
};

struct kvm_vcpu_stat {
	u32 sum_exits;
	u32 mmio_exits;
	u32 dcr_exits;
	u32 signal_exits;
	u32 light_exits;
	u32 itlb_real_miss_exits;
	u32 itlb_virt_miss_exits;
	u32 dtlb_real_miss_exits;
	u32 dtlb_virt_miss_exits;
	u32 syscall_exits;
	u32 isi_exits;
	u32 dsi_exits;
	u32 emulated_inst_exits;
	u32 dec_exits;
	u32 ext_intr_exits;
	u32 halt_wakeup;
};

struct tlbe {
	u32 tid;
	u32 word0;
	u32 word1;
	u32 word2;
};

struct kvm_arch {
};

struct kvm_vcpu_arch {
	struct tlbe guest_tlb[64];
	struct tlbe shadow_tlb[64];

	u32 host_stack;
	u32 host_pid;

	u64 fpr[32];
	ulong gpr[32];

	ulong pc;
	u32 cr;
	ulong ctr;
	ulong lr;
	ulong xer;

	ulong msr;
	u32 mmucr;
	ulong sprg0;
	ulong sprg1;
	ulong sprg2;
	ulong sprg3;

	u32 last_inst;
	ulong fault_dear;
	ulong fault_esr;
	gpa_t paddr_accessed;

	u8 io_gpr;
	u8 mmio_is_bigendian;
	u8 dcr_needed;
	u8 dcr_is_write;

	unsigned long pending_exceptions;
};

#endif /* __POWERPC_KVM_HOST_H__ */
