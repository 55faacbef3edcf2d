#!/usr/bin/env bash
# Builds a realistic patch series against a real kernel source tree (linux-source-6.1):
# COUNT patches spread evenly over the tree's files, written by `git format-patch` from a
# throw-away repository. Kinds cycle: one-line edits, removals, two files of one driver,
# a patch mixing two subsystems, a new file, a binary file, a rename, a mode change with a
# keyword (K:) in the diff, a deletion, keywords in the commit message. Same input, same
# bytes (fixed authors and dates), so golden files can be kept for the output.
#   usage: make-patches.sh TREE OUT COUNT
set -euo pipefail
tree=$(cd "$1" && pwd); out=$2; count=$3
mkdir -p "$out"; out=$(cd "$out" && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export HOME=$work GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null LC_ALL=C TZ=UTC
export GIT_COMMITTER_NAME="Series Builder" GIT_COMMITTER_EMAIL="builder@example.org"
cd "$tree"
find . -type f \( -name '*.c' -o -name '*.h' -o -name '*.yaml' -o -name 'Kconfig' \
  -o -name '*.rst' -o -name '*.S' -o -name '*.sh' \) ! -path './.git/*' ! -name '* *' \
  | sed 's|^\./||' | sort > "$work/all"
total=$(wc -l < "$work/all")
stride=$(( total / count )); [ "$stride" -ge 1 ] || stride=1
authors=("Jörg Rödel <joro@example.org>" "Ada Lovelace <ada@example.org>"
         "José María García <jmg@example.org>" "Linus Example <linus@example.org>"
         "Zhang Wei (张伟) <zw@example.org>")
keywords=('of_overlay_fdt_apply(fdt, size, &ovcs_id, NULL);' 'struct phylink *pl;'
          'hwmon_device_register_with_info(dev, name, data, chip, NULL);'
          'ret = clone3(&args, sizeof(args));' 'pidfd_poll(file, pts);' 'printk_index_subsys_emit("%s", "", fmt);'
          'dma_fence_put(fence);' 'reset_control_assert(rst);' 'pwm_apply_state(pwm, &state);')
git init -q "$work/repo"
repo=$work/repo
line() { sed -n "$(( $1 + 1 ))p" "$work/all"; }
comment_for() {
  case $1 in
    *.yaml|*/Kconfig|Kconfig|*.sh) printf '# %s\n' "$2" ;;
    *.rst) printf '.. %s\n' "$2" ;;
    *) printf '/* %s */\n' "$2" ;;
  esac
}
# Every file a patch will touch, copied as the base commit first.
picked=()
for ((i = 0; i < count; i++)); do
  a=$(( i * stride )); f=$(line $a); picked+=("$f")
  case $(( i % 10 )) in
    3) n=$(line $(( a + 1 ))); [ "$(dirname "$n")" = "$(dirname "$f")" ] && picked+=("$n") ;;
    5) picked+=("$(line $(( (a + total / 2) % total )))") ;;
  esac
done
for f in "${picked[@]}"; do mkdir -p "$repo/$(dirname "$f")"; cp -p "$tree/$f" "$repo/$f"; done
cd "$repo"
export GIT_AUTHOR_DATE="2026-11-20T10:00:00Z" GIT_COMMITTER_DATE="2026-11-20T10:00:00Z"
git add -A && git -c user.name=Base -c user.email=base@example.org commit -qm "base: files touched by the series"
base=$(git rev-parse HEAD)
for ((i = 0; i < count; i++)); do
  a=$(( i * stride )); f=$(line $a); dir=$(dirname "$f"); name=$(basename "$f")
  tag=${dir#*/}; [ "$dir" = "." ] && tag=${name%.*}; tag=${tag//\//: }
  n=$(wc -l < "$f"); at=$(( n / 2 )); [ "$at" -ge 1 ] || at=1
  body="Noticed while reading the code."
  case $(( i % 10 )) in
    0|1) comment_for "$f" "ltt: keep this in sync with the tracer (change $i)" > "$work/ins"
         sed -i "${at}r $work/ins" "$f"; subject="$tag: document a tracing constraint" ;;
    2) comment_for "$f" "ltt: annotated for change $i" > "$work/ins"; sed -i "${at}r $work/ins" "$f"
       subject="$tag: annotate for the tracer"; body="Found with clang-16 while building the tracer." ;;
    3) n2=$(line $(( a + 1 )))
       for g in "$f" "$n2"; do [ -f "$g" ] || continue; comment_for "$g" "ltt: shared note $i" >> "$g"; done
       subject="$tag: add shared notes" ;;
    4) sed -i "${at}d" "$f"; subject="$tag: drop a stray line" ;;
    5) g=$(line $(( (a + total / 2) % total )))
       comment_for "$f" "ltt: cross-tree note $i" >> "$f"; comment_for "$g" "ltt: cross-tree note $i" >> "$g"
       subject="treewide: add cross-tree notes ($i)" ;;
    6) if (( i % 20 == 6 )); then
         head -c 96 /dev/zero | tr '\0' '\1' > "$dir/ltt-fw-$i.bin"; printf '\0\2\3' >> "$dir/ltt-fw-$i.bin"
         subject="$tag: add firmware blob $i"
       else
         comment_for "$name" "ltt: helpers for change $i" > "$dir/ltt-helper-$i.${name##*.}"
         subject="$tag: add tracer helpers"
       fi ;;
    7) ext=${name##*.}; [ "$ext" = "$name" ] && ext=txt
       git mv "$f" "$dir/${name%.*}-renamed.$ext"; comment_for "$f" "ltt: renamed $i" >> "$dir/${name%.*}-renamed.$ext"
       subject="$tag: rename ${name}" ;;
    8) chmod +x "$f"; printf '%s\n' "${keywords[$(( (i / 10) % ${#keywords[@]} ))]}" | sed 's|^|// |' >> "$f"
       subject="$tag: make executable, note the API in use" ;;
    9) if [ "$(stat -c %s "$f")" -lt 4000 ]; then git rm -q "$f"; subject="$tag: remove ${name}"
       else comment_for "$f" "ltt: see riscv notes $i" > "$work/ins"; sed -i "1r $work/ins" "$f"; subject="$tag: note for the tracer"; fi
       body="Also relevant to the mediatek and riscv ports." ;;
  esac
  author=${authors[$(( i % ${#authors[@]} ))]}
  git add -A
  GIT_AUTHOR_DATE="2026-11-20T10:$(printf %02d $(( i % 60 ))):00Z" \
    git -c user.name="Series Builder" -c user.email=builder@example.org \
    commit -q --author="$author" -m "$subject" -m "$body" -m "Signed-off-by: ${author}"
done
git -c core.quotepath=false format-patch -q -M --base="$base" -o "$out" "$base..HEAD"
