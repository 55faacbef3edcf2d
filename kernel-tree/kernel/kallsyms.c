// SPDX-License-Identifier: GPL-2.0
/*
 * kallsyms.c: in-kernel symbol table lookups.  The tables are generated
 * at link time; names are stored compressed against a token table.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/kallsyms.h>
#include <linux/string.h>

/* Filled in by the link; weak so that a first link without them works. */
extern const unsigned long kallsyms_addresses[] __attribute__((weak));
extern const u8 kallsyms_names[] __attribute__((weak));
extern const unsigned long kallsyms_num_syms
	__attribute__((weak, section(".rodata")));
extern const u8 kallsyms_token_table[] __attribute__((weak));
extern const u16 kallsyms_token_index[] __attribute__((weak));

static inline int is_kernel_text(unsigned long addr)
{
	extern char _stext[], _etext[];

	return addr >= (unsigned long)_stext && addr <= (unsigned long)_etext;
}

/*
 * Expand the compressed symbol at offset @off into @result, returning
 * the offset of the next one.
 */
static unsigned int kallsyms_expand_symbol(unsigned int off, char *result)
{
	int len, skipped_first = 0;
	const u8 *tptr, *data;

	data = &kallsyms_names[off];
	len = *data;
	data++;
	off += len + 1;

	while (len) {
		tptr = &kallsyms_token_table[kallsyms_token_index[*data]];
		data++;
		len--;
		while (*tptr) {
			if (skipped_first) {
				*result = *tptr;
				result++;
			} else
				skipped_first = 1;
			tptr++;
		}
	}
	*result = '\0';
	return off;
}

#ifdef CONFIG_KALLSYMS
unsigned long kallsyms_lookup_name(const char *name)
{
	char namebuf[KSYM_NAME_LEN];
	unsigned long i;
	unsigned int off;

	for (i = 0, off = 0; i < kallsyms_num_syms; i++) {
		off = kallsyms_expand_symbol(off, namebuf);
		if (strcmp(namebuf, name) == 0)
			return kallsyms_addresses[i];
	}
	return module_kallsyms_lookup_name(name);
}
EXPORT_SYMBOL_GPL(kallsyms_lookup_name);

const char *kallsyms_lookup(unsigned long addr,
			    unsigned long *symbolsize,
			    unsigned long *offset,
			    char **modname, char *namebuf)
{
	namebuf[KSYM_NAME_LEN - 1] = 0;
	namebuf[0] = 0;
	if (is_kernel_text(addr)) {
		if (modname)
			*modname = NULL;
		kallsyms_expand_symbol(0, namebuf);
		return namebuf;
	}
	return module_address_lookup(addr, symbolsize, offset, modname,
				     namebuf);
}

int sprint_symbol(char *buffer, unsigned long address)
{
	char *modname;
	const char *name;
	unsigned long offset, size;
	char namebuf[KSYM_NAME_LEN];

	name = kallsyms_lookup(address, &size, &offset, &modname, namebuf);
	if (!name)
		return sprintf(buffer, "0x%lx", address);
	if (modname)
		return sprintf(buffer, "%s+%#lx/%#lx [%s]", name, offset,
			       size, modname);
	return sprintf(buffer, "%s+%#lx/%#lx", name, offset, size);
}
EXPORT_SYMBOL_GPL(sprint_symbol);
#endif /* CONFIG_KALLSYMS */
