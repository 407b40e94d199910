#!/usr/bin/env bash
# Issue 13's speed check: whole-process queries read by subject (the
# default) against the same queries with --literal, on one index, the two
# alternating in every round (order swapped each round) so the ratio holds
# on a busy machine.
#
#   bash benches/expansion.sh INDEX [QUERY_FILE...]
#
# INDEX is an index of the UN General Debate corpus (see the README:
# `dipsearch --index INDEX ingest ungdc/TXT`); the query files default to
# benches/queries.txt (the 12 of issue 6) and benches/subjects.txt (12
# subject queries). Each query runs as `dipsearch --index INDEX search Q
# --format json --limit 10 [--country C] [--literal]`, output to a file.
# Prints per query the medians of ROUNDS runs (default 21) and their ratio,
# then per file the median of the per-query medians and its ratio.
# Environment: ROUNDS, BIN (default the release build under <target>).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
IDX=${1:?usage: bash benches/expansion.sh INDEX [QUERY_FILE...]}
shift
FILES=("$@")
[[ ${#FILES[@]} -gt 0 ]] || FILES=(benches/queries.txt benches/subjects.txt)
ROUNDS=${ROUNDS:-21}
source "$(dirname "${BASH_SOURCE[0]}")/common/bin.sh"
BIN=${BIN:-$(dipsearch_bin release "${CARGO_TARGET_DIR:-target}")}
[[ -x $BIN ]] || { echo "expansion: no binary at $BIN (cargo build --release)" >&2; exit 1; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) {print "nan"; exit} if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b>0) printf "%.2f", a/b; else print "-"}'; }

# query MODE TEXT COUNTRY -> T_MS, the wall time of one whole process
query() {
    local args=(--index "$IDX" search "$2" --format json --limit 10) t0 t1
    [[ $3 != - ]] && args+=(--country "$3")
    [[ $1 == literal ]] && args+=(--literal)
    t0=${EPOCHREALTIME//[.,]/}
    "$BIN" "${args[@]}" > "$OUT/out.json"
    t1=${EPOCHREALTIME//[.,]/}
    T_MS=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", (b-a)/1000}')
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "binary: $BIN ($("$BIN" --version)); index: $IDX; rounds: $ROUNDS"
for file in "${FILES[@]}"; do
    NAMES=(); TEXTS=(); COUNTRIES=()
    while IFS=$'\t' read -r name text country _; do
        [[ -z $name || $name == \#* ]] && continue
        NAMES+=("$name"); TEXTS+=("$text"); COUNTRIES+=("${country:--}")
    done < "$file"
    : > "$OUT/times"
    for ((i = 0; i < ${#NAMES[@]}; i++)); do # warm the page cache
        query default "${TEXTS[$i]}" "${COUNTRIES[$i]}"; query literal "${TEXTS[$i]}" "${COUNTRIES[$i]}"
    done
    for ((r = 0; r < ROUNDS; r++)); do
        for ((i = 0; i < ${#NAMES[@]}; i++)); do
            modes=(default literal)
            (((r + i) % 2)) && modes=(literal default)
            for m in "${modes[@]}"; do
                query "$m" "${TEXTS[$i]}" "${COUNTRIES[$i]}"
                printf '%s\t%s\t%s\n' "${NAMES[$i]}" "$m" "$T_MS" >> "$OUT/times"
            done
        done
    done
    echo
    echo "## $file: whole-process ms, median of $ROUNDS"
    printf '%-22s %9s %9s %7s %9s %9s\n' query default literal ratio "hits" "literal"
    D=(); L=()
    for ((i = 0; i < ${#NAMES[@]}; i++)); do
        n=${NAMES[$i]}
        d=$(awk -F'\t' -v q="$n" '$1==q && $2=="default" {print $3}' "$OUT/times" | median)
        l=$(awk -F'\t' -v q="$n" '$1==q && $2=="literal" {print $3}' "$OUT/times" | median)
        D+=("$d"); L+=("$l")
        query default "${TEXTS[$i]}" "${COUNTRIES[$i]}"
        dh=$(grep -o '"total":[0-9]*' "$OUT/out.json" | head -1 | cut -d: -f2)
        query literal "${TEXTS[$i]}" "${COUNTRIES[$i]}"
        lh=$(grep -o '"total":[0-9]*' "$OUT/out.json" | head -1 | cut -d: -f2)
        printf '%-22s %9s %9s %7s %9s %9s\n' "$n" "$d" "$l" "$(ratio "$d" "$l")" "$dh" "$lh"
    done
    DM=$(printf '%s\n' "${D[@]}" | median); LM=$(printf '%s\n' "${L[@]}" | median)
    printf '%-22s %9s %9s %7s\n' "MEDIAN" "$DM" "$LM" "$(ratio "$DM" "$LM")"
done
