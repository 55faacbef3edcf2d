/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __KVM_HOST_H
#define __KVM_HOST_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock_types.h>
#include <linux/wait.h>
#include <linux/mm_types.h>
#include <linux/marker.h>

#include <linux/kvm.h>
#include <linux/kvm_types.h>

#include <asm/kvm_host.h>

#define KVM_REQ_TLB_FLUSH	0
#define KVM_REQ_MIGRATE_TIMER	1
#define KVM_REQ_REPORT_TPR_ACCESS 2
#define KVM_REQ_MMU_RELOAD	3
#define KVM_REQ_TRIPLE_FAULT	4
#define KVM_REQ_PENDING_TIMER	5
#define KVM_REQ_UNHALT		6

struct kvm;
struct kvm_vcpu;
extern struct kmem_cache *kvm_vcpu_cache;

struct kvm_mmio_fragment {
	gpa_t gpa;
	void *data;
	unsigned len;
};

struct kvm_vcpu {
	struct kvm *kvm;
	int vcpu_id;
	struct mutex mutex;
	int cpu;
	struct kvm_run *run;
	unsigned long requests;
	unsigned long guest_debug;
	int fpu_active;
	int guest_fpu_loaded;
	wait_queue_head_t wq;
	int sigset_active;
	struct kvm_vcpu_stat stat;

#ifdef CONFIG_HAS_IOMEM
	int mmio_needed;
	int mmio_read_completed;
	int mmio_is_write;
	int mmio_size;
	unsigned char mmio_data[8];
	gpa_t mmio_phys_addr;
#endif

	struct kvm_vcpu_arch arch;
};

struct kvm_memory_slot {
	gfn_t base_gfn;
	unsigned long npages;
	unsigned long flags;
	unsigned long *rmap;
	unsigned long *dirty_bitmap;
	unsigned long userspace_addr;
	int user_alloc;
};

struct kvm {
	struct mutex lock;
	spinlock_t mmu_lock;
	struct mm_struct *mm;
	int nmemslots;
	struct kvm_memory_slot memslots[KVM_MEMORY_SLOTS +
					KVM_PRIVATE_MEM_SLOTS];
	struct kvm_vcpu *vcpus[KVM_MAX_VCPUS];
	struct list_head vm_list;
	struct kvm_vm_stat stat;
	struct kvm_arch arch;
	atomic_t users_count;
};

#ifdef CONFIG_KVM_TRACE
#define KVMTRACE_1D(evt, vcpu, d1, name)				\
	trace_mark(kvm, trace_##name,					\
		   "evt #4u%u vcpu %p d1 #4u%u",			\
		   KVM_TRC_##evt, vcpu, (u32)(d1))
#define KVMTRACE_2D(evt, vcpu, d1, d2, name)				\
	trace_mark(kvm, trace_##name,					\
		   "evt #4u%u vcpu %p d1 #4u%u d2 #4u%u",		\
		   KVM_TRC_##evt, vcpu, (u32)(d1), (u32)(d2))
#else
#define KVMTRACE_1D(evt, vcpu, d1, name)		do { } while (0)
#define KVMTRACE_2D(evt, vcpu, d1, d2, name)		do { } while (0)
#endif

#define KVM_TRC_ENTRYEXIT	(1 << 16)
#define KVM_TRC_HANDLER		(1 << 17)
#define KVM_TRC_VMENTRY		(KVM_TRC_ENTRYEXIT + 0x01)
#define KVM_TRC_VMEXIT		(KVM_TRC_ENTRYEXIT + 0x02)
#define KVM_TRC_PAGE_FAULT	(KVM_TRC_HANDLER + 0x01)
#define KVM_TRC_IO_READ		(KVM_TRC_HANDLER + 0x04)
#define KVM_TRC_IO_WRITE	(KVM_TRC_HANDLER + 0x05)
#define KVM_TRC_CR_READ		(KVM_TRC_HANDLER + 0x06)
#define KVM_TRC_CR_WRITE	(KVM_TRC_HANDLER + 0x07)
#define KVM_TRC_HLT		(KVM_TRC_HANDLER + 0x0e)

int kvm_init(void *opaque, unsigned int vcpu_size, struct module *module);
void kvm_exit(void);

int kvm_vcpu_init(struct kvm_vcpu *vcpu, struct kvm *kvm, unsigned id);
void kvm_vcpu_uninit(struct kvm_vcpu *vcpu);
void vcpu_load(struct kvm_vcpu *vcpu);
void vcpu_put(struct kvm_vcpu *vcpu);
void kvm_vcpu_block(struct kvm_vcpu *vcpu);
void kvm_resched(struct kvm_vcpu *vcpu);

struct kvm_vcpu *kvm_arch_vcpu_create(struct kvm *kvm, unsigned int id);
int kvm_arch_vcpu_setup(struct kvm_vcpu *vcpu);
void kvm_arch_vcpu_destroy(struct kvm_vcpu *vcpu);
int kvm_arch_vcpu_ioctl_run(struct kvm_vcpu *vcpu, struct kvm_run *kvm_run);
int kvm_emulate_halt(struct kvm_vcpu *vcpu);
int kvm_emulate_hypercall(struct kvm_vcpu *vcpu);

struct page *gfn_to_page(struct kvm *kvm, gfn_t gfn);
int kvm_is_visible_gfn(struct kvm *kvm, gfn_t gfn);

#endif /* __KVM_HOST_H */
