// SPDX-License-Identifier: GPL-2.0
/*
 * Module loading and unloading: symbol resolution, the module list, and
 * the markers and trace points a module brings with it.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/list.h>
#include <linux/string.h>
#include <linux/kallsyms.h>
#include <linux/marker.h>
#include <linux/tracepoint.h>

#define CREATE_TRACE_POINTS
#include <trace/events/module.h>

DEFINE_MUTEX(module_mutex);
static LIST_HEAD(modules);

extern void module_free(struct module *mod, void *module_region);

struct module *__module_text_address(unsigned long addr)
{
	struct module *mod;

	list_for_each_entry(mod, &modules, list) {
		unsigned long core = (unsigned long)mod->module_core;

		if (addr >= core && addr < core + mod->core_text_size)
			return mod;
	}
	return NULL;
}

struct module *module_text_address(unsigned long addr)
{
	return __module_text_address(addr);
}

#ifdef CONFIG_KALLSYMS
static const char *get_ksymbol(struct module *mod, unsigned long addr,
			       unsigned long *size, unsigned long *offset)
{
	unsigned int i, best = 0;
	unsigned long nextval;

	nextval = (unsigned long)mod->module_core + mod->core_text_size;
	for (i = 1; i < mod->num_symtab; i++) {
		if (mod->symtab[i].st_shndx == 0)
			continue;
		if (mod->symtab[i].st_value <= addr &&
		    mod->symtab[i].st_value > mod->symtab[best].st_value)
			best = i;
		if (mod->symtab[i].st_value > addr &&
		    mod->symtab[i].st_value < nextval)
			nextval = mod->symtab[i].st_value;
	}
	if (!best)
		return NULL;
	if (size)
		*size = nextval - mod->symtab[best].st_value;
	if (offset)
		*offset = addr - mod->symtab[best].st_value;
	return mod->strtab + mod->symtab[best].st_name;
}

const char *module_address_lookup(unsigned long addr,
				  unsigned long *size,
				  unsigned long *offset,
				  char **modname,
				  char *namebuf)
{
	struct module *mod = __module_text_address(addr);
	const char *ret = NULL;

	if (mod) {
		if (modname)
			*modname = mod->name;
		ret = get_ksymbol(mod, addr, size, offset);
	}
	if (ret) {
		strncpy(namebuf, ret, KSYM_NAME_LEN - 1);
		ret = namebuf;
	}
	return ret;
}
#endif /* CONFIG_KALLSYMS */

static void free_module(struct module *mod)
{
	trace_mark(kernel, module_free, "name %s", mod->name);
	trace_module_free(mod);
	list_del(&mod->list);
	module_free(mod, mod->module_core);
}

int load_module(struct module *mod)
{
	mutex_lock(&module_mutex);
	list_add(&mod->list, &modules);
	mod->state = MODULE_STATE_COMING;
	mutex_unlock(&module_mutex);

	trace_mark(kernel, module_load, "name %s", mod->name);
	trace_module_load(mod);

	if (mod->init && mod->init() < 0) {
		free_module(mod);
		return -ENODEV;
	}
	mod->state = MODULE_STATE_LIVE;
	return 0;
}

#ifdef CONFIG_MODULE_UNLOAD
void module_put(struct module *module)
{
	if (module) {
		module->ref[0].count--;
		trace_module_put(module,
				 (unsigned long)__builtin_return_address(0),
				 (int)module->ref[0].count);
	}
}
EXPORT_SYMBOL(module_put);
#endif /* CONFIG_MODULE_UNLOAD */

int __request_module(bool wait, const char *fmt, ...)
{
	char module_name[MODULE_NAME_LEN];
	va_list args;

	va_start(args, fmt);
	vsnprintf(module_name, MODULE_NAME_LEN, fmt, args);
	va_end(args);

	trace_module_request(module_name, wait,
			     (unsigned long)__builtin_return_address(0));
	return 0;
}

void print_modules(void)
{
	struct module *mod;

	printk(KERN_DEFAULT "Modules linked in:");
	list_for_each_entry(mod, &modules, list)
		printk(" %s", mod->name);
	printk("\n");
}

#ifdef CONFIG_MARKERS
void module_update_markers(void)
{
	struct module *mod;

	mutex_lock(&module_mutex);
	list_for_each_entry(mod, &modules, list)
		marker_update_probe_range(mod->markers,
					  mod->markers + mod->num_markers);
	mutex_unlock(&module_mutex);
}
#endif

#ifdef CONFIG_TRACEPOINTS
void module_update_tracepoints(void)
{
	struct module *mod;

	mutex_lock(&module_mutex);
	list_for_each_entry(mod, &modules, list)
		tracepoint_update_probe_range(mod->tracepoints,
			mod->tracepoints + mod->num_tracepoints);
	mutex_unlock(&module_mutex);
}
#endif
