#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Writes the crafted CTF 1.8 test traces: succeed/<case>/ (babeltrace2 2.0.4 reads them, and
ltt-trace dump must print what it prints) and fail/<case>/ (each damaged in one way its README
names). Deterministic: run it again and the files come out the same.

    python3 tests/data/ctf-traces/make-traces.py
"""
import math
import os
import shutil
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
UUID = bytes(range(0x10, 0x20))
UUID_TEXT = "10111213-1415-1617-1819-1a1b1c1d1e1f"


class Bits:
    """A bit writer: little-endian fields fill bytes from the least significant bit,
    big-endian ones from the most significant, as CTF says."""

    def __init__(self, be=False):
        self.buf = bytearray()
        self.pos = 0
        self.be = be

    def _room(self, bits):
        need = (bits + 7) // 8
        if len(self.buf) < need:
            self.buf.extend(b"\0" * (need - len(self.buf)))

    def align(self, bits):
        self.pos += (-self.pos) % bits
        self._room(self.pos)

    def put(self, value, size, align=1, be=None):
        be = self.be if be is None else be
        self.align(align)
        value &= (1 << size) - 1
        self._room(self.pos + size)
        for k in range(size):
            p = self.pos + k
            bit = (value >> (size - 1 - k)) & 1 if be else (value >> k) & 1
            if bit:
                self.buf[p // 8] |= (0x80 >> (p % 8)) if be else (1 << (p % 8))
        self.pos += size

    def raw(self, data):
        self.align(8)
        self._room(self.pos + 8 * len(data))
        self.buf[self.pos // 8:self.pos // 8 + len(data)] = data
        self.pos += 8 * len(data)

    def string(self, text):
        self.raw(text + b"\0")

    def f32(self, v, align):
        self.put(struct.unpack("<I", struct.pack("<f", v))[0], 32, align)

    def f64(self, v, align):
        self.put(struct.unpack("<Q", struct.pack("<d", v))[0], 64, align)


COMPACT_METADATA = """/* CTF 1.8 */

typealias integer { size = 8; align = 8; signed = false; } := uint8_t;
typealias integer { size = 16; align = 8; signed = false; } := uint16_t;
typealias integer { size = 32; align = 8; signed = false; } := uint32_t;
typealias integer { size = 64; align = 8; signed = false; } := uint64_t;
typealias integer { size = 5; align = 1; signed = false; } := uint5_t;
typealias string := name_t;

trace {
	major = 1;
	minor = 8;
	uuid = "%s";
	byte_order = le;
	packet.header := struct {
		uint32_t magic;
		uint8_t  uuid[16];
		uint32_t stream_id;
		uint64_t stream_instance_id;
	};
};

env {
	hostname = "crafted";
	domain = "ust";
	tracer_name = "make-traces.py";
	answer = 42;
};

clock {
	name = "monotonic";
	description = "crafted clock";
	freq = 1000000000;
	offset_s = 1600000000;
	offset = 2500;
};

typealias integer { size = 27; align = 1; signed = false; map = clock.monotonic.value; } := uint27_clock_t;
typealias integer { size = 64; align = 8; signed = false; map = clock.monotonic.value; } := uint64_clock_t;

struct packet_context {
	uint64_clock_t timestamp_begin;
	uint64_clock_t timestamp_end;
	uint64_t content_size;
	uint64_t packet_size;
	uint64_t packet_seq_num;
	uint64_t events_discarded;
	uint32_t cpu_id;
};

struct event_header_compact {
	enum : uint5_t { compact = 0 ... 30, extended = 31 } id;
	variant <id> {
		struct {
			uint27_clock_t timestamp;
		} compact;
		struct {
			uint32_t id;
			uint64_clock_t timestamp;
		} extended;
	} v;
} align(8);

stream {
	id = 0;
	event.header := struct event_header_compact;
	packet.context := struct packet_context;
	event.context := struct {
		uint16_t _tid;
	};
};

event {
	name = "crafted:bits";
	id = 0;
	stream_id = 0;
	fields := struct {
		integer { size = 3; align = 1; signed = false; } _b3;
		integer { size = 13; align = 1; signed = true; } _s13;
		integer { size = 7; align = 1; signed = false; base = 2; } _bin7;
		integer { size = 9; align = 1; signed = true; base = 8; } _oct9;
		integer { size = 12; align = 1; signed = true; base = 16; } _hex12;
		integer { size = 32; align = 8; signed = false; byte_order = be; } _be32;
		integer { size = 16; align = 16; signed = true; base = hex; } _shex16;
		integer { size = 64; align = 8; signed = true; } _s64;
		integer { size = 64; align = 8; signed = false; base = 8; } _u64oct;
	};
};

event {
	name = "crafted:floats";
	id = 1;
	stream_id = 0;
	fields := struct {
		floating_point { exp_dig = 8; mant_dig = 24; align = 32; } _f;
		floating_point { exp_dig = 11; mant_dig = 53; align = 64; } _d;
	};
};

enum state_e : uint8_t { IDLE = 0, BUSY = 1 ... 3, WAITING = 2, "TWO WORDS", IDLE = 10 ... 11 };

event {
	name = "crafted:enum";
	id = 2;
	stream_id = 0;
	context := struct {
		uint8_t _ctx;
	};
	fields := struct {
		enum state_e _e;
		enum : integer { size = 8; align = 8; signed = true; } { NEG = -5 ... -1, ZERO = 0 } _signed_e;
	};
};

event {
	name = "crafted:variant";
	id = 3;
	stream_id = 0;
	fields := struct {
		enum : uint8_t { num = 0, text = 1, pair = 2 } _tag;
		variant <_tag> {
			uint32_t num;
			name_t text;
			struct { uint16_t a; uint16_t b; } pair;
		} _value;
	};
};

event {
	name = "crafted:nested";
	id = 4;
	stream_id = 0;
	fields := struct {
		struct {
			uint8_t _x;
			struct { uint16_t _y; string _s; } _inner;
		} _outer;
		struct { uint8_t _a; uint8_t _b; } _pairs[2];
		uint8_t _n;
		string _names[_n];
		uint8_t _grid[2][3];
		uint8_t _zero;
		uint32_t _none[_zero];
		integer { size = 8; align = 8; signed = false; encoding = UTF8; } _text[6];
	};
};
""" % UUID_TEXT

for i in range(5, 40):
    COMPACT_METADATA += """
event {
	name = "crafted:many_%d";
	id = %d;
	stream_id = 0;
	fields := struct {
		uint32_t _value;
	};
};
""" % (i, i)

COMPACT_METADATA += """
event {
	name = "crafted:empty";
	id = 40;
	stream_id = 0;
};
"""

FLOATS = [0.1, -2.5e-5, 1e6, 123456789.0, math.inf, -math.inf, math.nan, 1.5, -0.0, 3e-300, 0.000123456, 99999.95]
NAMES = [b"alpha", b"tab\there", b"quote\"'?\\", b"\x1b[0m", b"\x7fdel", b"caf\xc3\xa9"]


def payload(w, ev, n):
    """Writes event class ev's context and payload for the n-th event."""
    if ev == 2:
        w.put(n * 3 % 256, 8, 8)  # event context
    # A structure is aligned on its most aligned member: the payload of crafted:bits on 16 bits, of crafted:floats on 64.
    w.align({0: 16, 1: 64}.get(ev, 8))
    if ev == 0:
        w.put(n % 8, 3)
        w.put(-n * 37, 13)
        w.put(n * 5, 7)
        w.put(-n * 11, 9)
        w.put(-n * 101, 12)
        w.put(0xDEADBEEF ^ n, 32, 8, be=True)
        w.put(-n * 1000, 16, 16)
        w.put(-(n << 40) - n, 64, 8)
        w.put(0xFFFFFFFFFFFFFFFF - n, 64, 8)
    elif ev == 1:
        w.f32(FLOATS[n % len(FLOATS)] / 3, 32)
        w.f64(FLOATS[(n + 5) % len(FLOATS)], 64)
    elif ev == 2:
        w.put(n % 13, 8, 8)
        w.put((n % 7) - 5, 8, 8)
    elif ev == 3:
        tag = n % 3
        w.put(tag, 8, 8)
        if tag == 0:
            w.put(n * 1000003, 32, 8)
        elif tag == 1:
            w.string(NAMES[n % len(NAMES)])
        else:
            w.put(n, 16, 8)
            w.put(65535 - n, 16, 8)
    elif ev == 4:
        w.put(n, 8, 8)
        w.put(n * 7, 16, 8)
        w.string(NAMES[(n + 1) % len(NAMES)])
        for k in range(2):
            w.put(k + n, 8, 8)
            w.put(k * n, 8, 8)
        count = 1 + n % 3
        w.put(count, 8, 8)
        for k in range(count):
            w.string(NAMES[(n + k) % len(NAMES)])
        for k in range(6):
            w.put(n + k, 8, 8)
        w.put(0, 8, 8)
        w.raw(b"ab\0cd!" if n % 2 else b"sixchr")
    elif 5 <= ev < 40:
        w.put(n * 2654435761, 32, 8)


def compact_stream(stream_index, events, packet_bytes=1024, damage=None):
    """events: list of (event class id, timestamp, n) per packet, list of packets.
    damage: dict of optional tweaks used by the fail cases."""
    damage = damage or {}
    out = bytearray()
    discarded = 0
    for seq, packet in enumerate(events):
        w = Bits()
        magic = damage.get("magic", {}).get(seq, 0xC1FC1FC1)
        w.put(magic, 32, 8)
        w.raw(UUID)
        stream_id = damage.get("stream_id", {}).get(seq, 0)
        w.put(stream_id, 32, 8)
        w.put(stream_index, 64, 8)
        begin = packet[0][1] - 10
        end = packet[-1][1] + 10
        w.put(begin, 64, 8)
        w.put(end, 64, 8)
        content_at = w.pos
        w.put(0, 64, 8)  # content_size, patched below
        w.put(0, 64, 8)  # packet_size, patched below
        w.put(seq, 64, 8)
        discarded += 3 if seq == 2 else 0
        w.put(discarded, 64, 8)
        w.put(stream_index, 32, 8)
        last = begin
        for ev, ts, n in packet:
            w.align(8)
            extended = ev >= 31 or ts - last >= (1 << 27) or ts < last or ("extended" in damage and (seq, n) in damage["extended"])
            if not extended:
                w.put(ev, 5)
                w.put(ts & ((1 << 27) - 1), 27)
            else:
                w.put(31, 5)
                w.put(damage.get("event_id", {}).get((seq, n), ev), 32, 8)
                w.put(ts, 64, 8)
            w.put(1000 + stream_index * 100 + n % 4, 16, 8)  # stream event context
            payload(w, ev, n)
            last = ts
        content = w.pos
        size = packet_bytes * 8
        while size < content:
            size += packet_bytes * 8
        real_size = size
        content = damage.get("content_size", {}).get(seq, content)
        if seq in damage.get("packet_size_below_content", ()):
            size = content - 64
        patch = Bits()
        patch.put(content, 64, 8)
        patch.put(size, 64, 8)
        w.buf[content_at // 8:content_at // 8 + 16] = patch.buf
        w._room(real_size)
        out += w.buf[:real_size // 8]
    return bytes(out)


def compact_events(stream_index, packets=3, per_packet=14):
    ts = 1_000_000 + stream_index * 7_777_777
    n = stream_index * 1000
    result = []
    classes = [0, 1, 2, 3, 4, 5, 17, 30, 31, 39, 40, 3, 4, 2]
    for p in range(packets):
        packet = []
        for k in range(per_packet):
            # Mostly steps under 2^27 ns, so compact timestamps wrap around; now and then a longer gap.
            ts += 48_000_000 + (n * 7919) % 1_000_000 if (k + p) % 9 else 150_000_000
            packet.append((classes[(k + p * 5 + stream_index) % len(classes)], ts, n))
            n += 1
        result.append(packet)
    return result


TSC_FREQ = 2_300_000_038
TSC_OFFSET = 4_130_074_762_970_646_477


def exact_ns(cycles):
    return cycles * 1_000_000_000 // TSC_FREQ


def double_ns(cycles):
    return int(1e9 * float(cycles) / float(TSC_FREQ))


def tsc_events(stream_index):
    """compact_events' shape at about 2^50 cycles (5.7 days of uptime), each timestamp nudged
    (by at most 4096 cycles) to one where the exact and the double-precision conversions
    disagree, when there is one."""
    result = []
    for packet in compact_events(stream_index):
        moved = []
        last = 0
        for ev, ts, n in packet:
            t = (1 << 50) + ts
            for nudge in range(4096):
                if exact_ns(t + nudge) != double_ns(t + nudge) and t + nudge > last:
                    t += nudge
                    break
            moved.append((ev, t, n))
            last = t
        result.append(moved)
    return result


def tsc_rounding_cases():
    stamps = [t for s in (0, 1) for p in tsc_events(s) for _, t, _ in p]
    return sum(exact_ns(t) != double_ns(t) for t in stamps), len(stamps)


def write_trace(folder, metadata, streams, readme):
    """<case>/README says what the case is; the trace itself is <case>/trace/."""
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    trace = os.path.join(folder, "trace")
    os.makedirs(trace)
    with open(os.path.join(trace, "metadata"), "w") as f:
        f.write(metadata)
    for name, data in streams.items():
        with open(os.path.join(trace, name), "wb") as f:
            f.write(data)
    with open(os.path.join(folder, "README"), "w") as f:
        f.write(readme.strip() + "\n")


BE_METADATA = """/* CTF 1.8 */

typealias integer { size = 8; align = 8; signed = false; } := uint8_t;
typealias integer { size = 32; align = 8; signed = false; } := uint32_t;

trace {
	major = 1;
	minor = 8;
	byte_order = be;
	packet.header := struct {
		uint32_t magic;
		uint32_t stream_id;
	};
};

stream {
	packet.context := struct {
		uint32_t packet_size;
		uint32_t content_size;
		uint8_t flags;
	};
	event.header := struct {
		uint8_t id;
	};
};

event {
	name = "be:ints";
	id = 0;
	fields := struct {
		integer { size = 16; align = 8; signed = true; } _s16;
		integer { size = 32; align = 32; signed = false; base = x; } _x32;
		integer { size = 64; align = 8; signed = true; } _s64;
		integer { size = 5; align = 1; signed = false; } _hi5;
		integer { size = 3; align = 1; signed = true; } _lo3;
		floating_point { exp_dig = 11; mant_dig = 53; align = 8; } _d;
		integer { size = 16; align = 8; signed = false; byte_order = le; } _le16;
	};
};

event {
	name = "be:text";
	id = 1;
	fields := struct {
		integer { size = 8; align = 8; signed = false; encoding = ASCII; } _chars[6];
		string _s;
	};
};
"""


def be_stream():
    out = bytearray()
    for p in range(2):
        w = Bits(be=True)
        w.put(0xC1FC1FC1, 32, 8)
        w.put(0, 32, 8)
        at = w.pos
        w.put(0, 32, 8)
        w.put(0, 32, 8)
        w.put(p, 8, 8)
        for n in range(p * 10, p * 10 + 10):
            w.align(8)
            ev = n % 2
            w.put(ev, 8, 8)
            if ev == 0:
                w.align(32)  # the payload structure is aligned like its x32 member
                w.put(-n * 300, 16, 8)
                w.put(0xCAFE0000 + n, 32, 32)
                w.put(-(n << 33), 64, 8)
                w.put(n % 32, 5)
                w.put(-(n % 4), 3)
                w.f64(-n * 0.125, 8)
                w.put(0x1234 + n, 16, 8, be=False)
            else:
                w.raw(b"ab\0cd!" if n % 4 == 1 else b"BEtext")
                w.string(NAMES[n % len(NAMES)])
        content = w.pos
        size = 512 * 8
        patch = Bits(be=True)
        patch.put(size, 32, 8)
        patch.put(content, 32, 8)
        w.buf[at // 8:at // 8 + 8] = patch.buf
        w._room(size)
        out += w.buf[:size // 8]
    return bytes(out)


def main():
    succeed = os.path.join(HERE, "succeed")
    fail = os.path.join(HERE, "fail")
    streams = {"stream_0": compact_stream(0, compact_events(0)), "stream_1": compact_stream(1, compact_events(1))}
    write_trace(os.path.join(succeed, "compact-header"), COMPACT_METADATA, streams, """
Two streams (CPUs 0 and 1) of three 1 KiB packets, plain-text metadata, LTTng's compact event
header: a 5-bit id and a 27-bit timestamp that wraps around between events (steps of about
48 ms; 2^27 ns is 134 ms), the extended header (32-bit id, 64-bit timestamp) for ids 31 and
up and after longer gaps. Payloads: bit fields, a big-endian field in a little-endian trace,
bases 2, 8 and 16 (signed hex and octal masked as babeltrace2 does), floats (inf, nan, -0,
denormal-range), enumerations with overlapping and unknown values, a variant, nested
structures, arrays of structures, a sequence of strings, a 2-D array, an empty sequence, a
text array with a NUL inside, an event with no payload, a per-event-class context and a
stream event context. Packet 2 of each stream adds 3 discarded events.
""")
    write_trace(os.path.join(succeed, "big-endian-no-clock"), BE_METADATA, {"stream": be_stream()}, """
A big-endian trace with no clock (so no timestamps are printed) and no hostname, no uuid, a
packet context with 32-bit sizes and an extra field, one-byte event ids, big-endian bit
fields, a little-endian field in a big-endian trace, an ASCII text array.
""")

    # A TSC-like clock as ltt-trace record writes it: not 1 GHz, the offset all in cycles. Big
    # timestamps where truncating the exact quotient and babeltrace2's double-precision one differ.
    tsc_metadata = COMPACT_METADATA.replace(
        "\tfreq = 1000000000;\n\toffset_s = 1600000000;\n\toffset = 2500;",
        "\tfreq = %d;\n\toffset = %d;" % (TSC_FREQ, TSC_OFFSET), 1)
    assert tsc_metadata != COMPACT_METADATA
    write_trace(os.path.join(succeed, "tsc-clock"), tsc_metadata,
                {"stream_0": compact_stream(0, tsc_events(0)), "stream_1": compact_stream(1, tsc_events(1))}, """
The compact-header trace with a 2300000038 Hz clock whose offset is given in cycles only, as
ltt-trace record writes it, and timestamps near 2^50 cycles (5.7 days of uptime): %d of its
%d timestamps convert to a nanosecond count that differs by one when computed exactly and
when computed the way babeltrace2 does (1e9 * cycles / freq in double precision, truncated).
A reader that prints what babeltrace2 prints must convert the same way.
""" % tsc_rounding_cases())

    base = compact_events(0)
    cases = {
        "truncated-packet": ({"stream_0": compact_stream(0, base)[:2500], "stream_1": streams["stream_1"]}, COMPACT_METADATA,
                             "stream_0 is cut at byte 2500, in the middle of its third 1 KiB packet: the packet "
                             "context says 1024 bytes but only 452 remain."),
        "packet-size-smaller-than-content": ({"stream_0": compact_stream(0, base, damage={"packet_size_below_content": {1}}),
                                              "stream_1": streams["stream_1"]}, COMPACT_METADATA,
                                             "Packet 1 of stream_0 says its packet size is 64 bits less than its content size; the "
                                             "packet really is 1024 bytes."),
        "unknown-event-id": ({"stream_0": compact_stream(0, base, damage={"event_id": {(1, 22): 99}}),
                              "stream_1": streams["stream_1"]}, COMPACT_METADATA,
                             "Event 8 of packet 1 of stream_0 has an extended header whose 32-bit id is 99; the metadata "
                             "declares ids 0 to 40."),
        "bad-magic": ({"stream_0": compact_stream(0, base, damage={"magic": {1: 0xC1FC1FC0}}),
                       "stream_1": streams["stream_1"]}, COMPACT_METADATA,
                      "Packet 1 of stream_0 starts with magic 0xC1FC1FC0 instead of 0xC1FC1FC1."),
        "timestamp-backwards": ({"stream_0": compact_stream(0, [base[0], [(e, t if k != 5 else base[1][3][1] - 1000, n) for k, (e, t, n) in enumerate(base[1])], base[2]],
                                                           damage={"extended": {(1, 19)}}),
                                 "stream_1": streams["stream_1"]}, COMPACT_METADATA,
                                "Event 5 of packet 1 of stream_0 carries a 64-bit timestamp 1000 ns before event 3's: time "
                                "goes backwards in the stream."),
        "bit-flip-in-header": ({"stream_0": streams["stream_0"],
                                "stream_1": compact_stream(1, compact_events(1), damage={"stream_id": {1: 8}})}, COMPACT_METADATA,
                               "One bit (bit 3 of the stream_id field) is flipped in packet 1's header in stream_1: the "
                               "stream id reads 8, and the metadata only declares stream 0."),
        "metadata-syntax-error": (streams, COMPACT_METADATA.replace("\tuint64_t packet_seq_num;", "\tuint64_t packet_seq_num", 1),
                                  "The metadata lacks the ';' after 'uint64_t packet_seq_num' in struct packet_context."),
    }
    # A string that runs to the end of the packet content: the last event is crafted:variant with
    # its text option, and the content size stops one byte short of the string's NUL.
    last = [list(p) for p in base]
    last[2][-1] = (3, last[2][-1][1], 1)
    clean = compact_stream(0, last)
    content = int.from_bytes(clean[2048 + 48:2048 + 56], "little")
    cases["string-without-nul"] = ({"stream_0": compact_stream(0, last, damage={"content_size": {2: content - 8}}),
                                    "stream_1": streams["stream_1"]}, COMPACT_METADATA,
                                   "The last event of packet 2 of stream_0 ends with a string, and the packet's content size "
                                   "stops one byte before the string's NUL: the string has no terminator inside the packet.")
    for name, (files, metadata, readme) in cases.items():
        folder = os.path.join(fail, name)
        # The finding ltt-trace validate must report, checked by the tests; kept across runs.
        expected = os.path.join(folder, "expected")
        kept = open(expected).read() if os.path.exists(expected) else None
        write_trace(folder, metadata, files, readme)
        if kept is not None:
            with open(expected, "w") as f:
                f.write(kept)


if __name__ == "__main__":
    main()
