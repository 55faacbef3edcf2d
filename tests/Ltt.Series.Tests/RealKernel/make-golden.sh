#!/usr/bin/env bash
# Regenerates the golden recipients of the real-kernel parity test: builds the series with
# make-patches.sh, then runs the kernel's own scripts/get_maintainer.pl on every patch from
# the top of the tree, with an empty HOME (a ~/.get_maintainer.conf would change its options).
# The script orders sections that match a file equally well by Perl's hash order, which
# changes with the hash seed, so it is run with eight fixed seeds (PERL_PERTURB_KEYS=2) and every distinct answer is
# kept (separated by a line "~~ or ~~").
#   usage: make-golden.sh [TREE]   (default: .cache/linux-source-6.1-full after .ci/install)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tree=$(cd "${1:-$here/../../../.cache/linux-source-6.1-full}" && pwd)
count=60
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$here/make-patches.sh" "$tree" "$work/patches" "$count"
mkdir -p "$work/home"
rm -rf "$here/golden" && mkdir -p "$here/golden"
cd "$tree"
for patch in "$work"/patches/*.patch; do
  name=$(basename "$patch" .patch)
  for seed in 0 1 2 3 4 5 6 7; do
    PERL_HASH_SEED=$seed PERL_PERTURB_KEYS=2 HOME="$work/home" perl scripts/get_maintainer.pl \
      --no-tree --nogit --nogit-fallback --nogit-blame --nofixes --norolestats "$patch" \
      > "$work/out.$seed" 2>/dev/null
  done
  : > "$here/golden/$name.expected"
  for seed in 0 1 2 3 4 5 6 7; do
    seen=0
    for prev in $(seq 0 $(( seed - 1 ))); do cmp -s "$work/out.$seed" "$work/out.$prev" && seen=1 && break; done
    [ "$seen" = 1 ] && continue
    [ -s "$here/golden/$name.expected" ] && echo "~~ or ~~" >> "$here/golden/$name.expected"
    cat "$work/out.$seed" >> "$here/golden/$name.expected"
  done
done
echo "wrote $(ls "$here/golden" | wc -l) golden files to $here/golden"
