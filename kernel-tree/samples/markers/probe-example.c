// SPDX-License-Identifier: GPL-2.0
/*
 * probe-example.c: connects a probe to each marker of marker-example.c
 * and counts how often the second one fires.
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/marker.h>

struct probe_data {
	const char *channel;
	const char *name;
	const char *format;
	marker_probe_func *probe_func;
};

static unsigned long events_count;

static void probe_subsystem_event(const struct marker *mdata,
				  void *probe_data, void *call_data,
				  const char *format, va_list *args)
{
	/* Read the arguments in the order the format gives them. */
	int value = va_arg(*args, int);
	const char *mystr = va_arg(*args, const char *);

	printk(KERN_INFO "subsystem_event: %d, \"%s\"\n", value, mystr);
}

static void probe_subsystem_eventb(const struct marker *mdata,
				   void *probe_data, void *call_data,
				   const char *format, va_list *args)
{
	events_count++;
}

static struct probe_data probe_array[] = {
	{	.channel = "samples",
		.name = "subsystem_event",
		.format = "integer %d string %s",
		.probe_func = probe_subsystem_event },
	{	.channel = "samples",
		.name = "subsystem_eventb",
		.format = MARK_NOARGS,
		.probe_func = probe_subsystem_eventb },
};

static int __init probe_init(void)
{
	int result;
	int i;

	for (i = 0; i < ARRAY_SIZE(probe_array); i++) {
		result = marker_probe_register(probe_array[i].channel,
					       probe_array[i].name,
					       probe_array[i].format,
					       probe_array[i].probe_func,
					       &probe_array[i]);
		if (result)
			printk(KERN_INFO "Unable to register probe %s.%s\n",
			       probe_array[i].channel, probe_array[i].name);
	}
	return 0;
}

static void __exit probe_fini(void)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(probe_array); i++)
		marker_probe_unregister(probe_array[i].channel,
					probe_array[i].name,
					probe_array[i].probe_func,
					&probe_array[i]);
	printk(KERN_INFO "subsystem_eventb fired %lu times\n", events_count);
}

module_init(probe_init);
module_exit(probe_fini);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The markers sample authors");
MODULE_DESCRIPTION("Probes for the markers sample");
