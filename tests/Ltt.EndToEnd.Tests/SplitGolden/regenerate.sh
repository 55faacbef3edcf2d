#!/usr/bin/env bash
# Regenerates the golden output of ltt-split on the repository's own patches/ against
# kernel-tree/: the route JSON, the dry-run plan and every file of the written series.
# Review the diff before committing: these files are what a maintainer would receive.
#   usage: tests/Ltt.EndToEnd.Tests/SplitGolden/regenerate.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
here=$root/tests/Ltt.EndToEnd.Tests/SplitGolden
cd "$root"
dotnet build -v q tools/ltt-split >/dev/null
split() { dotnet tools/ltt-split/bin/Debug/net10.0/ltt-split.dll "$@"; }
split route patches --tree kernel-tree --json > "$here/route.json"
split series patches --tree kernel-tree --dry-run > "$here/plan.txt"
rm -rf "$here/series"
split series patches --tree kernel-tree -o "$here/series" > /dev/null
rm -f "$here/series/.ltt-split-output"   # ltt-split's own marker, not part of the mail
echo "golden files written under $here"
