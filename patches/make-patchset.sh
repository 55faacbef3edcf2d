#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Regenerates the sample patchset of patches/ from kernel-tree/.
#
# Builds a throw-away git repository whose first commit is kernel-tree/,
# makes one commit per patch (fixed identities and dates, so the output is
# the same on every run), then writes the series with git format-patch.
#
#	patches/make-patchset.sh [output-dir]	(default: patches/)
#
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out=${1:-$here}
work=$(mktemp -d "${TMPDIR:-/tmp}/ltt-patchset.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Isolate git from the user's and the system's configuration.
export HOME=$work/home GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export LC_ALL=C TZ=UTC
mkdir -p "$HOME"

repo=$work/tree
cp -a "$root/kernel-tree" "$repo"
cd "$repo"
git init -q -b master
git config core.fileMode true
git config core.autocrlf false
git config user.name "Mathilde Desrosiers"
git config user.email "mathilde.desrosiers@example.org"

declare -A who=(
	[mathilde]="Mathilde Desrosiers <mathilde.desrosiers@example.org>"
	[frederic]="Frédéric Weißhaupt <frederic.weisshaupt@example.org>"
	[lai]="Lai Jiangwen <laijw@example.org>"
	[zhaolei]="Zhao Leiming <zhaolei@example.org>"
	[masami]="Masami Hirayama <mhirayama@example.org>"
	[jan]="Jan Blunck-Ostrowski <jblunck@example.org>"
)

# 2009-03-05 18:00:00 UTC; each commit lands 17 minutes after the last.
stamp=1236276000
serial=0

# commit AUTHOR SUBJECT < body: commits every change of the work tree.
commit() {
	local author=${who[$1]} subject=$2
	serial=$((serial + 1))
	local date="@$((stamp + serial * 1020)) -0500"
	git add -A
	{
		printf '%s\n\n' "$subject"
		cat
		printf '\nSigned-off-by: %s\n' "$author"
		if [ "$1" != mathilde ]; then
			printf 'Signed-off-by: %s\n' "${who[mathilde]}"
		fi
	} | GIT_AUTHOR_NAME=${author% <*} \
	    GIT_AUTHOR_EMAIL=$(sed 's/.*<\(.*\)>/\1/' <<<"$author") \
	    GIT_AUTHOR_DATE=$date GIT_COMMITTER_DATE=$date \
	    git commit -q -F -
}

# put PATH < text: writes a whole file.
put() {
	mkdir -p "$(dirname "$1")"
	cat >"$1"
}

# edit PATH < "old\n====\nnew": replaces the one occurrence of old by new.
edit() {
	python3 -c '
import sys
path = sys.argv[1]
old, new = sys.stdin.read().split("\n====\n", 1)
if new.endswith("\n"):
	new = new[:-1]
text = open(path, encoding="utf-8").read()
n = text.count(old)
if n != 1:
	sys.exit("%s: the text to replace occurs %d times:\n%s" % (path, n, old))
open(path, "w", encoding="utf-8").write(text.replace(old, new, 1))
' "$1"
}

git add -A
GIT_AUTHOR_DATE="@$stamp -0500" GIT_COMMITTER_DATE="@$stamp -0500" \
	git commit -q -m "Linux 2.6.29 (LTT Toolkit sample tree)"
base=$(git rev-parse HEAD)

for step in "$here"/steps/*.sh; do
	# shellcheck source=/dev/null
	. "$step"
done

rm -rf "$work/out"
git -c diff.renames=true -c format.thread=false format-patch -q -M \
	--numbered -o "$work/out" "$base"..HEAD
mkdir -p "$out"
rm -f "$out"/[0-9][0-9][0-9][0-9]-*.patch
cp "$work/out"/*.patch "$out"/
echo "$(ls "$work/out" | wc -l) patches written to $out"
