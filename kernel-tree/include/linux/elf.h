/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_ELF_H
#define _LINUX_ELF_H

#include <linux/types.h>

typedef __u64 Elf64_Addr;
typedef __u16 Elf64_Half;
typedef __u32 Elf64_Word;
typedef __u64 Elf64_Xword;

typedef struct elf64_sym {
	Elf64_Word st_name;		/* Symbol name, index in string tbl */
	unsigned char st_info;		/* Type and binding attributes */
	unsigned char st_other;		/* No defined meaning, 0 */
	Elf64_Half st_shndx;		/* Associated section index */
	Elf64_Addr st_value;		/* Value of the symbol */
	Elf64_Xword st_size;		/* Associated symbol size */
} Elf64_Sym;

#define Elf_Sym		Elf64_Sym

#define ELF_ST_TYPE(x)	((x) & 0xf)
#define STT_FUNC	2

#endif /* _LINUX_ELF_H */
