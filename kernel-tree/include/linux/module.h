/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/stringify.h>
#include <linux/elf.h>
#include <linux/cpumask.h>
#include <linux/marker.h>
#include <linux/tracepoint.h>

struct task_struct;
struct mutex;

#define MODULE_NAME_LEN (64 - sizeof(unsigned long))

struct kernel_symbol {
	unsigned long value;
	const char *name;
};

#define __EXPORT_SYMBOL(sym, sec)					\
	extern typeof(sym) sym;						\
	static const char __kstrtab_##sym[]				\
	__attribute__((section("__ksymtab_strings"), aligned(1)))	\
	= #sym;								\
	static const struct kernel_symbol __ksymtab_##sym		\
	__used __attribute__((section("__ksymtab" sec), unused))	\
	= { (unsigned long)&sym, __kstrtab_##sym }

#define EXPORT_SYMBOL(sym)	__EXPORT_SYMBOL(sym, "")
#define EXPORT_SYMBOL_GPL(sym)	__EXPORT_SYMBOL(sym, "_gpl")

#define MODULE_INFO(tag, info)						\
	static const char __mod_##tag[] __used				\
	__attribute__((section(".modinfo"), unused)) =			\
	__stringify(tag) "=" info
#define MODULE_LICENSE(_license)	MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author)		MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_desc)	MODULE_INFO(description, _desc)

#define module_init(initfn)						\
	static inline int (*__inittest(void))(void)			\
	{ return initfn; }						\
	int init_module(void) __attribute__((alias(#initfn)));
#define module_exit(exitfn)						\
	static inline void (*__exittest(void))(void)			\
	{ return exitfn; }						\
	void cleanup_module(void) __attribute__((alias(#exitfn)));

#define THIS_MODULE ((struct module *)0)

enum module_state {
	MODULE_STATE_LIVE,
	MODULE_STATE_COMING,
	MODULE_STATE_GOING,
};

struct module_ref {
	long count;
} __attribute__((aligned(64)));

/* A loaded module: its code, exports, markers and trace points. */
struct module {
	enum module_state state;

	struct list_head list;

	char name[MODULE_NAME_LEN];

	const struct kernel_symbol *syms;
	const unsigned long *crcs;
	unsigned int num_syms;

	unsigned int num_gpl_syms;
	const struct kernel_symbol *gpl_syms;

	int (*init)(void);

	void *module_init;

	void *module_core;

	unsigned int init_size, core_size;

	unsigned int init_text_size, core_text_size;

	unsigned int license_gplok:1;
	unsigned int taints;

#ifdef CONFIG_KALLSYMS
	Elf_Sym *symtab;
	unsigned int num_symtab;
	char *strtab;
#endif

	void *percpu;

	char *args;
#ifdef CONFIG_MARKERS
	struct marker *markers;
	unsigned int num_markers;
#endif
#ifdef CONFIG_TRACEPOINTS
	struct tracepoint *tracepoints;
	unsigned int num_tracepoints;
#endif

#ifdef CONFIG_MODULE_UNLOAD
	struct list_head modules_which_use_me;

	struct task_struct *waiter;

	void (*exit)(void);

	struct module_ref ref[NR_CPUS];
#endif
};

extern struct mutex module_mutex;

struct module *__module_text_address(unsigned long addr);
struct module *module_text_address(unsigned long addr);
int is_module_address(unsigned long addr);

const char *module_address_lookup(unsigned long addr,
			    unsigned long *symbolsize,
			    unsigned long *offset,
			    char **modname,
			    char *namebuf);
int lookup_module_symbol_name(unsigned long addr, char *symname);
unsigned long module_kallsyms_lookup_name(const char *name);

extern void print_modules(void);
extern void module_update_markers(void);
extern void module_update_tracepoints(void);
extern int module_get_iter_tracepoints(struct tracepoint_iter *iter);

#endif /* _LINUX_MODULE_H */
