#!/usr/bin/env bash
# Issue 15's budgets on the UN General Debate, whole processes, side by side
# with the previous build in one run:
#
#   bash benches/agreed.sh PREVIOUS_BINARY     (from the crate root)
#
#   1. ingest of the whole corpus by the previous build and by this one,
#      alternating, RUNS times each (wall and user+sys CPU from GNU time), and
#      the size of each index;
#      (SKIP_INGEST=1 keeps the last run's index and goes on with 2.)
#   2. on this build's index: `precedent ID` for 40 paragraph ids spread over
#      the corpus (p50, p95), `diff` of two paragraphs, `compare` of two
#      speeches of about 40 paragraphs, `reuse` over everything; each a whole
#      process, each query 5 times (median).
# The corpus comes from DIPSEARCH_UNGDC (a .tar.zst or an unpacked folder;
# default ../shared/data/ungdc-1946-2024.tar.zst), unpacked once into
# <target>/bench-data/ungdc as for benches/compare.sh. Results on stdout.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
PREV=${1:?usage: benches/agreed.sh PREVIOUS_BINARY}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
source "$ROOT/benches/common/bin.sh"
NEW=$(dipsearch_bin release "$TARGET")
RUNS=${RUNS:-3}
SRC=${DIPSEARCH_UNGDC:-$ROOT/../shared/data/ungdc-1946-2024.tar.zst}
DATA=$TARGET/bench-data
WORK=$DATA/agreed
mkdir -p "$WORK"

if [ -d "$SRC" ]; then
  CORPUS=$SRC
else
  CORPUS=$DATA/ungdc/TXT
  if [ ! -f "$DATA/ungdc/.unpacked" ]; then
    mkdir -p "$DATA/ungdc"
    zstd -dc "$SRC" | tar -x -C "$DATA/ungdc"
    touch "$DATA/ungdc/.unpacked"
  fi
fi
[ -f "$CORPUS/dipsearch.toml" ] || cp "$ROOT/benches/ungd.dipsearch.toml" "$CORPUS/dipsearch.toml"
[ -x "$NEW" ] || { cargo build --release --quiet; NEW=$(dipsearch_bin release "$TARGET"); }

# seconds (wall) and CPU seconds of one command, from GNU time
timed() {
  /usr/bin/time -f '%e %U %S' -o "$WORK/time" "$@" >/dev/null 2>&1
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$WORK/time"
}

if [ "${SKIP_INGEST:-0}" = 1 ] && [ -d "$WORK/index-new" ]; then
  echo "== ingest skipped (SKIP_INGEST=1): the index of the last run"
else
echo "== ingest of the whole corpus, alternating ($RUNS runs each)"
for run in $(seq "$RUNS"); do
  for which in prev new; do
    bin=$PREV; [ "$which" = new ] && bin=$NEW
    rm -rf "$WORK/index-$which"
    read -r wall cpu < <(timed "$bin" --index "$WORK/index-$which" ingest -q "$CORPUS")
    echo "$which $wall $cpu" >>"$WORK/ingest.$$"
    echo "  run $run $which: ${wall}s wall, ${cpu}s CPU"
  done
done
med() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
pw=$(awk '$1 == "prev" { print $2 }' "$WORK/ingest.$$" | med); pc=$(awk '$1 == "prev" { print $3 }' "$WORK/ingest.$$" | med)
nw=$(awk '$1 == "new" { print $2 }' "$WORK/ingest.$$" | med); nc=$(awk '$1 == "new" { print $3 }' "$WORK/ingest.$$" | med)
awk -v pw="$pw" -v pc="$pc" -v nw="$nw" -v nc="$nc" 'BEGIN {
  printf "  prev: median %.2fs wall, %.2fs CPU\n  new: median %.2fs wall, %.2fs CPU\n", pw, pc, nw, nc
  printf "  new/prev: %.2fx wall, %.2fx CPU\n", nw / pw, nc / pc }'
rm -f "$WORK/ingest.$$"
ps=$(du -sb "$WORK/index-prev" | cut -f1); ns=$(du -sb "$WORK/index-new" | cut -f1)
awk -v p="$ps" -v n="$ns" 'BEGIN { printf "  index: prev %.0f MB, new %.0f MB (%+.1f%%)\n", p / 1e6, n / 1e6, 100 * (n - p) / p }'

fi
IDX=$WORK/index-new
# 40 paragraph ids spread over the export, and two speeches of ~40 paragraphs
"$NEW" --index "$IDX" export | python3 -c '
import json, sys, collections
ids, docs = [], collections.Counter()
rows = [json.loads(l) for l in sys.stdin]
for r in rows:
    docs[r["source"]] += 1
step = max(1, len(rows) // 40)
long = [r["id"] for r in rows if len(r["text"].split()) >= 40]
print("\n".join(long[:: max(1, len(long) // 40)][:40]), file=open(sys.argv[1], "w"))
forty = [s for s, n in sorted(docs.items()) if 38 <= n <= 42][:2]
print("\n".join(forty), file=open(sys.argv[2], "w"))
' "$WORK/ids" "$WORK/docs"

median_of() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
one() { # median wall ms of 5 runs of a command
  # perf stat times the command alone; timing it from bash also counts the
  # fork and exec of `date` (about 3 ms here, a third of diff's budget).
  if command -v perf >/dev/null 2>&1 && perf stat true >/dev/null 2>&1; then
    for _ in 1 2 3 4 5; do
      perf stat -o "$WORK/perf" "$@" >/dev/null 2>&1
      awk '/seconds time elapsed/ { printf "%.1f\n", $1 * 1000 }' "$WORK/perf"
    done | median_of
    return
  fi
  for _ in 1 2 3 4 5; do
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    echo $(( (t1 - t0) / 100000 )) | awk '{ printf "%.1f\n", $1 / 10 }'
  done | median_of
}
echo "== whole-process times on this build's index"
: >"$WORK/prec"
while read -r id; do one "$NEW" --index "$IDX" precedent "$id" >>"$WORK/prec"; done <"$WORK/ids"
sort -n "$WORK/prec" | awk '{ a[NR] = $1 } END {
  printf "  precedent ID (%d ids): p50 %.0f ms, p95 %.0f ms\n", NR, a[int(NR * 0.5 + 0.5)], a[int(NR * 0.95 + 0.5)] }'
a=$(sed -n 1p "$WORK/ids"); b=$(sed -n 2p "$WORK/ids")
echo "  diff of two paragraphs: $(one "$NEW" --index "$IDX" diff "$a" "$b") ms"
d1=$(sed -n 1p "$WORK/docs"); d2=$(sed -n 2p "$WORK/docs")
echo "  compare of two ~40-paragraph speeches: $(one "$NEW" --index "$IDX" compare "$d1" "$d2") ms"
read -r wall cpu < <(timed "$NEW" --index "$IDX" reuse)
echo "  reuse over everything: ${wall}s wall, ${cpu}s CPU"
