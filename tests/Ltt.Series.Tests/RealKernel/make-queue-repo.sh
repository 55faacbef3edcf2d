#!/usr/bin/env bash
# Builds a real kernel branch: upstream Linux 6.1.N (Debian's orig tarball) as the base
# commit, then Debian's own patch queue for that version (debian/patches/series, then the
# RT queue debian/patches-rt/series), one commit per patch with the patch's author, date
# and message. The queue spans many subsystems, renames and moves headers (the Microsoft
# MANA driver's backport, ~50 patches), and edits MAINTAINERS half-way.
# The repository is bare: nothing is checked out, every file lives in git objects.
#   usage: make-queue-repo.sh ORIG.tar.xz DEBIAN.tar.xz OUT.git
# Writes OUT.git/queue-range ("BASE..TIP") last, so a half-built repository is never used.
set -euo pipefail
orig=$(realpath "$1"); debian=$(realpath "$2"); out=$3
[ -f "$orig" ] && [ -f "$debian" ] || { echo "make-queue-repo.sh: missing $orig or $debian" >&2; exit 2; }
importer=/usr/share/doc/git/contrib/fast-import/import-tars.perl
[ -f "$importer" ] || { echo "make-queue-repo.sh: $importer not found (package git)" >&2; exit 2; }
work=$(mktemp -d); trap 'rm -rf "$work" "$out.partial"' EXIT
export HOME=$work GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null LC_ALL=C TZ=UTC
export GIT_COMMITTER_NAME="Queue Builder" GIT_COMMITTER_EMAIL="builder@example.org"
export GIT_COMMITTER_DATE="2026-11-20T10:00:00Z"
rm -rf "$out.partial" && git init -q --bare "$out.partial"
export GIT_DIR=$out.partial
# Level 1: the import is zlib-bound and the repository only lives in .cache.
git config core.compression 1
(cd "$work" && perl "$importer" "$orig" >/dev/null)
base=$(git rev-parse refs/heads/import-tars)
git update-ref -d refs/heads/import-tars
git update-ref refs/heads/upstream "$base"

tar -C "$work" -xJf "$debian" debian/patches debian/patches-rt
export GIT_INDEX_FILE=$work/index
git read-tree "$base"
tip=$base; n=0
while read -r dir patch; do
  file=$work/debian/$dir/$patch
  git apply --cached -p1 "$file" || { echo "make-queue-repo.sh: $dir/$patch does not apply" >&2; exit 1; }
  git mailinfo -b "$work/msg" "$work/diff" < "$file" > "$work/info"
  author=$(sed -n 's/^Author: //p' "$work/info"); email=$(sed -n 's/^Email: //p' "$work/info")
  date=$(sed -n 's/^Date: //p' "$work/info"); subject=$(sed -n 's/^Subject: //p' "$work/info")
  [ -n "$email" ] || { author="Debian Kernel Team"; email="debian-kernel@lists.debian.org"; }
  [ -n "$author" ] || author=${email%@*}
  [ -n "$date" ] || date=$GIT_COMMITTER_DATE
  [ -n "$subject" ] || subject=${patch%.patch}
  { printf '%s\n\n' "$subject"; cat "$work/msg"; printf '\n[debian/%s/%s]\n' "$dir" "$patch"; } > "$work/message"
  tip=$(GIT_AUTHOR_NAME=$author GIT_AUTHOR_EMAIL=$email GIT_AUTHOR_DATE=$date \
        git commit-tree "$(git write-tree)" -p "$tip" -F "$work/message")
  n=$((n + 1))
done < <(for dir in patches patches-rt; do
           sed -e 's/#.*//' -e 's/[[:space:]]*$//' "$work/debian/$dir/series" | grep . | sed "s|^|$dir |"
         done)
git update-ref refs/heads/queue "$tip"
git symbolic-ref HEAD refs/heads/queue
echo "$base..$tip" > "$out.partial/queue-range"
rm -rf "$out" && mv "$out.partial" "$out"
echo "$n patches on $(basename "$orig" .orig.tar.xz): $base..$tip"
