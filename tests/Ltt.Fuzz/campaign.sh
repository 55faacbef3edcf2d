#!/usr/bin/env bash
# A bounded fuzzing campaign: SharpFuzz-instrumented parsers under AFL++, per target.
# usage: tests/Ltt.Fuzz/campaign.sh <target|"target target..."|all> <seconds> [executions]
# Needs afl++ (Debian package) and the SharpFuzz.CommandLine dotnet tool
# (dotnet tool install -g SharpFuzz.CommandLine). Output in ${LTT_FUZZ_OUT:-/tmp/ltt-fuzz}/<target>:
# AFL++'s queue, crashes and hangs; findings go to tests/Ltt.Fuzz/regressions/<target>/ once fixed.
# A crash is an exception (or a target's own check failing); a hang an input running over 1 s;
# the target runs with a 256 MiB managed heap, so a reader allocating what an input claims
# (a packet of 4 GiB) fails with OutOfMemoryException, a crash. LTT_FUZZ_BUILD=0 reuses the
# instrumented build already in the output folder. AFL++ refuses to start when
# /proc/sys/kernel/core_pattern pipes cores to a program; AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES
# below lets it run anyway (crashes are exceptions caught in-process, not core dumps).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
target=${1:?target or all}
seconds=${2:?seconds}
execs=${3:-}
out=${LTT_FUZZ_OUT:-/tmp/ltt-fuzz}
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 2; }
sharpfuzz=$(command -v sharpfuzz || echo "$HOME/.dotnet/tools/sharpfuzz")
[ -x "$sharpfuzz" ] || { echo "sharpfuzz not found: dotnet tool install -g SharpFuzz.CommandLine" >&2; exit 2; }

if [ "${LTT_FUZZ_BUILD:-1}" != 0 ] || [ ! -f "$out/bin/Ltt.Fuzz.dll" ]; then
	# A fresh folder: sharpfuzz refuses to instrument an assembly twice.
	rm -rf "$out/bin"
	dotnet publish "$here/Ltt.Fuzz.csproj" -c Release -o "$out/bin" -v q --nologo >/dev/null
	for dll in "$out"/bin/Ltt.*.dll; do
		case $(basename "$dll") in Ltt.Fuzz.dll) continue ;; esac
		"$sharpfuzz" "$dll" >/dev/null
	done
fi

targets=$target
[ "$target" = all ] && targets=$(dotnet "$out/bin/Ltt.Fuzz.dll" list | cut -f1)
printf '%-20s %12s %8s %8s %8s %6s %8s\n' target executions seconds exec/s paths crashes hangs
for t in $targets; do
	in="$out/$t-in"
	rm -rf "$in" "$out/$t"
	mkdir -p "$in"
	# Seeds keep their path in their name: many share a file name (format, metadata, ch0_0).
	while read -r f; do if [ -n "$f" ]; then cp "$root/$f" "$in/${f//\//_}"; fi; done < "$here/seeds/$t.txt"
	cp "$here"/corpus/"$t"/* "$here"/regressions/"$t"/* "$in/" 2>/dev/null || true
	dict=()
	[ -f "$here/dict/$t.dict" ] && dict=(-x "$here/dict/$t.dict")
	limit=()
	[ -n "$execs" ] && limit=(-E "$execs")
	# -t 1000, not 1000+: with '+' AFL++ scales the time-out down to a few times the usual
	# execution (40 ms here); a slower input then kills the .NET child, whose successor is slower
	# still while it JIT-compiles, and the target spirals into restarts (mbox fell from 1,800 to
	# 23 executions a second). A hang is an input over 1 s, as the issue defines it.
	DOTNET_GCHeapHardLimit=0x10000000 AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 \
		AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_QUIET=1 \
		afl-fuzz -i "$in" -o "$out/$t" -t 1000 -m none -V "$seconds" "${limit[@]}" "${dict[@]}" \
		-- dotnet "$out/bin/Ltt.Fuzz.dll" "$t" >"$out/$t.log" 2>&1 || true
	stats="$out/$t/default/fuzzer_stats"
	if [ ! -f "$stats" ]; then
		printf '%-20s afl-fuzz did not start: see %s\n' "$t" "$out/$t.log"
		continue
	fi
	get() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
	printf '%-20s %12s %8s %8s %8s %6s %8s\n' "$t" "$(get execs_done)" "$(get run_time)" "$(get execs_per_sec)" \
		"$(get corpus_count)" "$(get saved_crashes)" "$(get saved_hangs)"
done
