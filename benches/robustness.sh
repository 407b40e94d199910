#!/usr/bin/env bash
# Issue 14: tries to lose, break or corrupt an index the way a hostile or
# unlucky user would, and counts what happened.
#
#   1. SIGKILL at random moments of fresh, incremental, --full and
#      version-change ingests, and (every fifth kill) between the two
#      renames of a swap, held open by the test hook
#      DIPSEARCH_TEST_SWAP_PAUSE_MS (src/index/layout.rs); after each kill,
#      a search must answer (old or new content; a fresh build killed
#      before its first commit has nothing to answer from and must say so
#      cleanly), and the next plain ingest must end with exactly the export
#      of a clean build.
#   2. Pairs of concurrent writers of every kind: the second must exit 1
#      within a second with the lock message (or, for a search that would
#      build the index, "being built").
#   3. The tampering matrix: truncate, empty, delete or flip bytes of each
#      kind of index file and of meta.json: no panic, no silently different
#      export, and `ingest --full` repairs every case.
#   4. Out of space: the index on a small tmpfs, a fresh, an incremental and
#      a --full ingest of the UN General Debate overflow it; each must fail
#      with one line (exit 1, no panic), leave the old index as it was and
#      nothing half-written; after the tmpfs is enlarged, a plain ingest must
#      end with exactly the export of a clean build. Needs root (mount) and
#      the unpacked corpus (README, "Adding the UN General Debate speeches");
#      skipped with a message otherwise.
#
# Usage (from the crate root; builds nothing itself):
#   cargo build && bash benches/robustness.sh
# Options through the environment: DIPSEARCH_BIN (default the debug build
# under target/ or $CARGO_TARGET_DIR), KILLS (100), PAIRS (50),
# SEED (random), DISK_MB (16: the small tmpfs of part 4), PARTS (default
# "kills pairs tamper disk": the parts to run), DIPSEARCH_UNGDC (the
# unpacked General Debate TXT folder, default /tmp/ungdc/TXT, with
# benches/ungd.dipsearch.toml as its dipsearch.toml; parts 1 and 2 take 34
# speeches from it), KEEP=1 to keep the work folder.
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/benches/common/bin.sh"
bin=${DIPSEARCH_BIN:-$(dipsearch_bin debug "${CARGO_TARGET_DIR:-$root/target}")}
kills=${KILLS:-100}
pairs=${PAIRS:-50}
parts=${PARTS:-kills pairs tamper disk}
RANDOM=${SEED:-$$}
[ -x "$bin" ] || { echo "no binary at $bin; run cargo build first" >&2; exit 1; }

work=$(mktemp -d)
# The tmpfs of part 4 is unmounted whatever happens.
trap 'umount "$work/disk" 2>/dev/null || umount -l "$work/disk" 2>/dev/null; [ "${KEEP:-0}" = 1 ] || rm -rf "$work"' EXIT
cd "$work" || exit 1
export NO_COLOR=1
unset DIPSEARCH_INDEX

# Two states of a corpus: A is the shipped sample and 34 UN General Debate
# speeches of 2003 and 2004 (so that a debug build ingests it in seconds),
# B changes, adds and removes files; their clean exports are the references.
gd=${DIPSEARCH_UNGDC:-/tmp/ungdc/TXT}
mkdir -p A/ungd
cp "$root/corpus/astop-2003-tokyo.txt" A/
if [ -f "$gd/dipsearch.toml" ]; then
    cp "$gd/dipsearch.toml" A/ungd/
    for session in "Session 58 - 2003" "Session 59 - 2004"; do
        mkdir -p "A/ungd/$session"
        (cd "$gd/$session" && cp $(ls | head -15) JPN_* KOR_* "$OLDPWD/A/ungd/$session/")
    done
else
    echo "no General Debate corpus at $gd: corpus A is the sample alone (fewer moments to kill)"
    printf 'JOINT STATEMENT\nSeoul, 2 May 2006\n\n1. Export controls.\n' >A/ungd/JPN_59_2004.txt
fi
cp -r A B
for f in B/ungd/*JPN_* B/ungd/*/JPN_*; do
    [ -f "$f" ] && printf '\nAn added closing paragraph about export controls.\n' >>"$f"
done
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

[[ " $parts " == *" kills "* ]] || kills=0
[[ " $parts " == *" pairs "* ]] || pairs=0
echo "== 1. SIGKILL during ingests ($kills)"
declare -A killed=() searchable=() nothing_yet=() other_format=() settled=() bad=()
# Waits (up to 60 s) until a paused swap is between its renames: the old
# index moved aside (a rebuild), or the new one committed (a first build,
# whose one rename is still to come).
in_swap() {
    local n
    for n in $(seq 1 3000); do
        if [ "$1" = fresh ]; then
            grep -qs '"payload"' index.tmp/meta.json && return 0
        elif [ -d index.old ] && [ ! -e index ]; then
            return 0
        fi
        kill -0 "$2" 2>/dev/null || return 1
        sleep 0.02
    done
    return 1
}
for i in $(seq 1 "$kills"); do
    kind=$(( i % 5 ))
    swap=
    if [ "$kind" = 4 ]; then
        # Between the renames of the swap of a first build, a --full or a
        # version rebuild, in turn.
        swap=$(( i / 5 % 3 ))
        kind=$(( swap == 0 ? 0 : swap + 1 ))
    fi
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
    if [ -n "$swap" ]; then
        scenario=swap-$scenario
        DIPSEARCH_TEST_SWAP_PAUSE_MS=60000 "$bin" "${args[@]}" >/dev/null 2>&1 &
        pid=$!
        if ! in_swap "${scenario#swap-}" "$pid"; then
            bad[$scenario]=$(( ${bad[$scenario]:-0} + 1 ))
            echo "  kill $i ($scenario): the swap was never reached"
        fi
    else
        "$bin" "${args[@]}" >/dev/null 2>&1 &
        pid=$!
        sleep "$(awk -v ms=$(( RANDOM % (full_ms * 12 / 10 + 1) )) 'BEGIN { printf "%.3f", ms / 1000 }')"
    fi
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
for s in fresh incremental full version swap-fresh swap-full swap-version; do
    echo "  $s: killed ${killed[$s]:-0}, index answered ${searchable[$s]:-0}, no index yet (first build) ${nothing_yet[$s]:-0}, old index of the other format intact ${other_format[$s]:-0}, next ingest = clean build ${settled[$s]:-0}, failures ${bad[$s]:-0}"
done

echo "== 2. Concurrent writers ($pairs pairs)"
refused=0; answered=0; building=0; slow=0; wrong=0
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
        answered=$((answered + 1))
    elif [ "$second" = search ] && [ "$code" = 1 ] && grep -q 'is being built' err.txt; then
        building=$((building + 1))
    elif [ "$code" = 1 ] && grep -q 'another ingest holds the index' err.txt; then
        refused=$((refused + 1))
        [ "$ms" -lt 1000 ] || { slow=$((slow + 1)); echo "  pair $i: refused after $ms ms"; }
    else
        wrong=$((wrong + 1))
        echo "  pair $i ($first, then $second): exit $code: $(head -c 300 err.txt)"
    fi
    "$bin" check >/dev/null 2>&1 || { wrong=$((wrong + 1)); echo "  pair $i: index damaged after the pair"; }
done
echo "  second writer refused with the lock message: $refused (later than 1 s: $slow); a search meanwhile answered from the last commit: $answered, said the index is being built: $building; wrong: $wrong"

tamper_part() {
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
}
[[ " $parts " != *" tamper "* ]] || tamper_part

disk_part() {
echo "== 4. Out of space mid-ingest"
if [ "$(id -u)" != 0 ]; then
    echo "  skipped: mounting a tmpfs needs root"; return
fi
if [ ! -f "$gd/dipsearch.toml" ]; then
    echo "  skipped: no General Debate corpus at $gd (README: Adding the UN General Debate speeches)"; return
fi
mkdir -p disk
if ! mount -t tmpfs -o size=${DISK_MB:-16}m tmpfs disk 2>err.txt; then
    echo "  skipped: cannot mount a tmpfs: $(head -c 200 err.txt)"; return
fi
umount disk
# One corpus folder (the index remembers its root): the first five sessions
# (about 3 MB of text, an index that fits in 16 MB), or all 79 (212 MB).
rm -rf gd rest; mkdir gd rest
cp -r "$gd"/. gd/
for d in gd/Session*; do
    case $d in gd/Session\ 0[1-5]\ *) ;; *) mv "$d" rest/ ;; esac
done
all() { mv rest/* gd/ 2>/dev/null; true; }
some() { for d in gd/Session*; do case $d in gd/Session\ 0[1-5]\ *) ;; *) mv "$d" rest/ ;; esac; done; }
all
"$bin" --index ref-gd ingest -q gd >/dev/null || { echo "  reference build failed"; return; }
"$bin" --index ref-gd export >ref-gd.jsonl
echo "  reference: $(ls gd/Session*/ | grep -c '\.txt$') files, $(wc -l <ref-gd.jsonl) paragraphs, index $(du -sm ref-gd | cut -f1) MB"
local cases=0 clear=0 intact=0 clean=0 resumed=0 variant code before
for variant in fresh incremental full; do
    cases=$((cases + 1))
    mount -t tmpfs -o size=${DISK_MB:-16}m tmpfs disk || return
    local ix=disk/index
    : >before.jsonl
    if [ "$variant" != fresh ]; then
        some
        "$bin" --index "$ix" ingest -q gd >/dev/null || echo "  $variant: the small index did not fit"
        "$bin" --index "$ix" export >before.jsonl
        all
    fi
    local extra=(); [ "$variant" = full ] && extra=(--full)
    "$bin" --index "$ix" ingest -q "${extra[@]}" gd >/dev/null 2>err.txt
    code=$?
    if [ "$code" = 1 ] && [ "$(wc -l <err.txt)" = 1 ] && ! panicked err.txt; then
        clear=$((clear + 1))
    else
        echo "  $variant: exit $code, $(wc -l <err.txt) line(s): $(head -c 300 err.txt)"
    fi
    echo "  $variant: $(cat err.txt)"
    # The old index as it was (none for a fresh build: a clean "no index").
    if [ "$variant" = fresh ]; then
        "$bin" --index "$ix" stats >/dev/null 2>out.txt; code=$?
        [ "$code" = 1 ] && grep -q 'no index in' out.txt && intact=$((intact + 1)) \
            || echo "  fresh: after the failure: exit $code: $(head -c 200 out.txt)"
    elif "$bin" --index "$ix" check >/dev/null 2>&1 && "$bin" --index "$ix" export >out.jsonl \
        && cmp -s out.jsonl before.jsonl; then
        intact=$((intact + 1))
    else
        echo "  $variant: the old index changed"
    fi
    # Nothing half-written: no folder beside the index, no file in it that
    # its meta.json does not list.
    local stray=() f
    for f in disk/*; do
        case $f in disk/index|disk/index.lock) ;; *) stray+=("$f") ;; esac
    done
    if [ -f "$ix/meta.json" ]; then
        for f in "$ix"/*; do
            f=${f##*/}
            [[ $f =~ ^[0-9a-f]{32}\. ]] || continue
            grep -q "\"${f:0:8}-" "$ix/meta.json" || stray+=("$f")
        done
    fi
    if [ "${#stray[@]}" = 0 ]; then
        clean=$((clean + 1))
    else
        echo "  $variant: left behind: ${stray[*]:0:5} ($(du -sh disk | cut -f1) used)"
    fi
    # Room again: the next plain ingest finishes the work.
    mount -o remount,size=1g disk
    if "$bin" --index "$ix" ingest -q gd >/dev/null 2>err.txt && "$bin" --index "$ix" export >out.jsonl \
        && cmp -s out.jsonl ref-gd.jsonl; then
        resumed=$((resumed + 1))
    else
        echo "  $variant: the ingest after enlarging did not give a clean build: $(head -c 300 err.txt)"
    fi
    umount disk
done
echo "  full-disk cases: $cases, failed with one clear line: $clear, old index intact: $intact, nothing left behind: $clean, next ingest = clean build: $resumed"
}
[[ " $parts " != *" disk "* ]] || disk_part
