#!/usr/bin/env python3
import sys
print("TRACE_EVENT(" + sys.argv[1] + ")")
TRACE_EVENT(this is, not : C, "at all" ]
