#!/usr/bin/env bash
# Issue 14: tries to lose, break or corrupt an index the way a hostile or
# unlucky user would, and counts what happened.
#
#   1. SIGKILL at random moments of fresh, incremental, --full and
#      version-change ingests; after each kill, a search must answer (old or
#      new content; a fresh build killed before its first commit has nothing
#      to answer from and must say so cleanly), and the next plain ingest
#      must end with exactly the export of a clean build.
#   2. Pairs of concurrent writers of every kind: the second must exit 1
#      within a second with the lock message (or, for a search that would
#      build the index, "being built").
#   3. The tampering matrix: truncate, empty, delete or flip bytes of each
#      kind of index file and of meta.json: no panic, no silently different
#      export, and `ingest --full` repairs every case.
#
# Usage (from the crate root; builds nothing itself):
#   cargo build && bash benches/robustness.sh
# Options through the environment: DIPSEARCH_BIN (default target/debug/
# dipsearch, or $CARGO_TARGET_DIR/debug/dipsearch), KILLS (100), PAIRS (50),
# SEED (random), KEEP=1 to keep the work folder.
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${DIPSEARCH_BIN:-${CARGO_TARGET_DIR:-$root/target}/debug/dipsearch}
kills=${KILLS:-100}
pairs=${PAIRS:-50}
RANDOM=${SEED:-$$}
[ -x "$bin" ] || { echo "no binary at $bin; run cargo build first" >&2; exit 1; }

work=$(mktemp -d)
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export NO_COLOR=1
unset DIPSEARCH_INDEX

# Two states of a corpus: A is the shipped sample and the UN speeches of
# 2003 and 2004 (31 files, so that a debug build ingests it in seconds), B
# changes, adds and removes files; their clean exports are the references.
mkdir -p A/ungd
cp "$root/corpus/astop-2003-tokyo.txt" A/
cp -r "$root/corpus/ungd/dipsearch.toml" "$root/corpus/ungd/Session 58 - 2003" \
    "$root/corpus/ungd/Session 59 - 2004" A/ungd/
cp -r A B
for f in B/ungd/*/JPN_*; do printf '\nAn added closing paragraph about export controls.\n' >>"$f"; done
rm -f B/ungd/*/KOR_59_*
printf 'JOINT STATEMENT\nTokyo, 1 May 2005\n\n1. An added statement on export controls.\n' >B/added.txt
for s in A B; do
    "$bin" --index "ref-$s" ingest -q "$s" >/dev/null || exit 1
    "$bin" --index "ref-$s" export >"ref-$s.jsonl" || exit 1
done
echo "references: A $(wc -l <ref-A.jsonl) paragraphs, B $(wc -l <ref-B.jsonl) paragraphs"

# The working corpus is a folder whose content switches between A and B.
use_corpus() { rm -rf corpus; cp -r "$1" corpus; }
set_version() { # rewrite a version (schema or pipeline) in the commit payload
    sed -i "s/\\\\\"$1\\\\\":[0-9]*/\\\\\"$1\\\\\":$2/" index/meta.json
}
panicked() { grep -qE 'panicked|RUST_BACKTRACE|stack backtrace' "$1"; }

# Milliseconds one full ingest of the corpus takes here, to spread kills.
use_corpus A
start=$(date +%s%N); "$bin" ingest -q >/dev/null; stop=$(date +%s%N)
full_ms=$(( (stop - start) / 1000000 ))
echo "a full ingest takes ${full_ms} ms; kills fall in 0..$((full_ms * 12 / 10)) ms"

echo "== 1. SIGKILL during ingests ($kills)"
declare -A killed=() searchable=() nothing_yet=() other_format=() settled=() bad=()
for i in $(seq 1 "$kills"); do
    kind=$(( i % 4 ))
    case $kind in
    0) scenario=fresh; rm -rf index index.*; use_corpus A; target=A; args=(ingest -q) ;;
    1) scenario=incremental
       # Start from a settled index of one state, then switch the corpus.
       if [ "$(( i / 4 % 2 ))" = 0 ]; then from=A; target=B; else from=B; target=A; fi
       use_corpus "$from"; "$bin" ingest -q >/dev/null 2>&1
       use_corpus "$target"; args=(ingest -q) ;;
    2) scenario=full; use_corpus A; target=A; "$bin" ingest -q >/dev/null 2>&1; args=(ingest -q --full) ;;
    3) scenario=version; use_corpus A; target=A; "$bin" ingest -q >/dev/null 2>&1
       # Alternately a pipeline change (the old index stays readable) and a
       # schema change (the old index is intact but this build cannot read it).
       if [ "$(( i / 4 % 2 ))" = 0 ]; then set_version pipeline 1; else set_version schema 1; fi
       args=(ingest -q) ;;
    esac
    "$bin" "${args[@]}" >/dev/null 2>&1 &
    pid=$!
    sleep "$(awk -v ms=$(( RANDOM % (full_ms * 12 / 10 + 1) )) 'BEGIN { printf "%.3f", ms / 1000 }')"
    kill -9 "$pid" 2>/dev/null && killed[$scenario]=$(( ${killed[$scenario]:-0} + 1 ))
    wait "$pid" 2>/dev/null
    # Right after the kill: does the index answer? (stats reads without
    # ever building, unlike search on a missing index.)
    if "$bin" stats >/dev/null 2>err.txt; then
        searchable[$scenario]=$(( ${searchable[$scenario]:-0} + 1 ))
    elif [ "$scenario" = fresh ] && grep -q 'no index in' err.txt && ! panicked err.txt; then
        nothing_yet[$scenario]=$(( ${nothing_yet[$scenario]:-0} + 1 ))
    elif [ "$scenario" = version ] && grep -q 'has format v1 but' err.txt && ! panicked err.txt; then
        other_format[$scenario]=$(( ${other_format[$scenario]:-0} + 1 ))
    else
        bad[$scenario]=$(( ${bad[$scenario]:-0} + 1 ))
        echo "  kill $i ($scenario): no usable index: $(head -c 300 err.txt)"
    fi
    # The next plain ingest finishes the work: exactly a clean build.
    if "$bin" ingest -q >/dev/null 2>err.txt && "$bin" export >out.jsonl 2>>err.txt \
        && cmp -s out.jsonl "ref-$target.jsonl" && [ -z "$(ls -d index.tmp index.old 2>/dev/null)" ]; then
        settled[$scenario]=$(( ${settled[$scenario]:-0} + 1 ))
    else
        bad[$scenario]=$(( ${bad[$scenario]:-0} + 1 ))
        echo "  kill $i ($scenario): next ingest did not settle: $(head -c 300 err.txt)"
    fi
done
for s in fresh incremental full version; do
    echo "  $s: killed ${killed[$s]:-0}, index answered ${searchable[$s]:-0}, no index yet (first build) ${nothing_yet[$s]:-0}, old index of the other format intact ${other_format[$s]:-0}, next ingest = clean build ${settled[$s]:-0}, failures ${bad[$s]:-0}"
done

echo "== 2. Concurrent writers ($pairs pairs)"
refused=0; slow=0; wrong=0
for i in $(seq 1 "$pairs"); do
    use_corpus A
    case $(( i % 3 )) in
    0) first=fresh; rm -rf index index.*; a=(ingest -q) ;;
    1) first=full; "$bin" ingest -q >/dev/null 2>&1; a=(ingest -q --full) ;;
    2) first=version; "$bin" ingest -q >/dev/null 2>&1; set_version schema 1; a=(ingest -q) ;;
    esac
    case $(( i % 5 )) in
    0|1) b=(ingest -q); second=ingest ;;
    2) b=(ingest -q --full); second=full ;;
    3) b=(ingest -q --strict); second=strict ;;
    4) b=(search "export control"); second=search ;;
    esac
    "$bin" "${a[@]}" >/dev/null 2>&1 &
    pid=$!
    sleep 0.3
    start=$(date +%s%N)
    "$bin" "${b[@]}" >/dev/null 2>err.txt
    code=$?
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    alive=0; kill -0 "$pid" 2>/dev/null && alive=1
    wait "$pid"
    if [ "$alive" = 0 ]; then
        echo "  pair $i: the first writer ($first) had finished already; not counted"
        continue
    fi
    if [ "$second" = search ] && [ "$code" = 0 ]; then
        # A search answers from the last commit while a rebuild runs.
        refused=$((refused + 1))
    elif [ "$code" = 1 ] && grep -qE 'another ingest holds the index|is being built' err.txt; then
        refused=$((refused + 1))
        [ "$ms" -lt 1000 ] || { slow=$((slow + 1)); echo "  pair $i: refused after $ms ms"; }
    else
        wrong=$((wrong + 1))
        echo "  pair $i ($first, then $second): exit $code: $(head -c 300 err.txt)"
    fi
    "$bin" check >/dev/null 2>&1 || { wrong=$((wrong + 1)); echo "  pair $i: index damaged after the pair"; }
done
echo "  second writer refused (or search answered): $refused, refused later than 1 s: $slow, wrong: $wrong"

echo "== 3. Tampering matrix"
# A small corpus (the sample plus one more statement), two segments and a
# delete bitset, so every kind of file exists.
rm -rf corpus index index.*
mkdir corpus
cp "$root/corpus/astop-2003-tokyo.txt" corpus/
printf 'JOINT STATEMENT\nSeoul, 2 May 2006\n\n1. Export controls.\n\n2. Nuclear security.\n' >corpus/b.txt
"$bin" ingest -q >/dev/null
printf '\n3. Also this.\n' >>corpus/b.txt
"$bin" ingest -q >/dev/null
"$bin" export >clean.jsonl
cp -r index clean-index
cases=0; panics=0; silent=0; repaired=0; unrepaired=0; detected=0
for file in $(cd clean-index && ls -A | grep -v '^\.tantivy'); do
    for op in truncate empty delete flip-start flip-middle flip-end; do
        cases=$((cases + 1))
        rm -rf index index.*; cp -r clean-index index
        p=index/$file
        size=$(stat -c %s "$p")
        case $op in
        truncate) truncate -s $(( size / 2 )) "$p" ;;
        empty) : >"$p" ;;
        delete) rm -f "$p" ;;
        flip-*)
            case $op in flip-start) at=0 ;; flip-middle) at=$(( size / 2 )) ;; *) at=$(( size > 1 ? size - 2 : 0 )) ;; esac
            byte=$(od -An -tu1 -j "$at" -N1 "$p" | tr -d ' ')
            printf "$(printf '\\%03o' $(( (byte ^ 255) )))" | dd of="$p" bs=1 seek="$at" conv=notrunc 2>/dev/null ;;
        esac
        tag="$file $op"
        caught=0
        for cmd in "check" "stats" "search export" "show astop-2003-tokyo.txt#4(d)" "facets --by country" "export"; do
            # shellcheck disable=SC2086
            "$bin" $cmd >out.txt 2>err.txt
            code=$?
            if panicked err.txt || [ "$code" -gt 2 ]; then
                panics=$((panics + 1)); echo "  $tag: $cmd exited $code: $(head -c 200 err.txt)"
            fi
            [ "$cmd" = check ] && [ "$code" = 1 ] && caught=1
            if [ "$cmd" = export ] && [ "$code" = 0 ] && ! cmp -s out.txt clean.jsonl; then
                silent=$((silent + 1)); echo "  $tag: export gave different data with exit 0"
            fi
        done
        if [ "$caught" = 1 ]; then detected=$((detected + 1)); else echo "  $tag: check reports no damage"; fi
        # A plain ingest must not crash either; then --full repairs.
        "$bin" ingest -q >/dev/null 2>err.txt
        code=$?
        if panicked err.txt || [ "$code" -gt 2 ]; then
            panics=$((panics + 1)); echo "  $tag: ingest exited $code: $(head -c 200 err.txt)"
        fi
        if "$bin" ingest -q --full >/dev/null 2>err.txt && "$bin" check >/dev/null 2>&1 \
            && "$bin" export >out.txt 2>/dev/null && cmp -s out.txt clean.jsonl; then
            repaired=$((repaired + 1))
        else
            unrepaired=$((unrepaired + 1)); echo "  $tag: not repaired by ingest --full: $(head -c 200 err.txt)"
        fi
    done
done
echo "  cases: $cases, reported by check: $detected, panics: $panics, silent different exports: $silent, repaired by --full: $repaired, not repaired: $unrepaired"
