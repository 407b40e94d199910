#!/usr/bin/env bash
# Side-by-side benchmark of issue 6: dipsearch against SQLite FTS5 and ripgrep
# on the UN General Debate corpus, in one run so the ratios are comparable
# even on a busy machine.
#
#   bash benches/compare.sh            (from the crate root)
#
# What it does:
#   1. unpacks the corpus once into <target>/bench-data/ungdc (DIPSEARCH_UNGDC
#      = a .tar.zst or an unpacked folder; default ../shared/data/ungdc-1946-2024.tar.zst)
#      and writes the UNGD folder config (dipsearch.toml) into its root;
#   2. builds dipsearch in release mode, ingests the whole corpus (wall time and
#      peak RSS from /usr/bin/time -v);
#   3. exports dipsearch's paragraphs and builds SQLite FTS5 over exactly those
#      (porter unicode61; build, optimize and vacuum); the two builds
#      alternate BUILD_ROUNDS times, with both cores and pinned to one core
#      (taskset -c 0), wall and CPU, and the ratios are of the medians;
#   4. runs the 12 queries of benches/queries.txt as whole processes, the three
#      tools alternating (order rotated every round), ROUNDS rounds, and prints
#      medians and ratios dipsearch/peer;
#   5. scaling: ingest time, index size and query median on 1/8, 1/4, 1/2 and
#      all of the corpus (whole sessions, in session order);
#   6. incremental: re-ingest with nothing changed, one speech added, removed.
# Results go to benches/out/ (gitignored) and to stdout.
#
# Needs: cargo, zstd, tar, sqlite3 (with FTS5 and JSON), ripgrep, GNU time;
# the missing distribution packages are installed with apt-get when possible.
# Environment: ROUNDS (default 15), SCALE_ROUNDS (default 5), BUILD_ROUNDS
# (default 3), DIPSEARCH_UNGDC,
# CARGO_TARGET_DIR, SKIP_SCALING=1, SKIP_BUILD=1 (use the existing release binary).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
OUT=$ROOT/benches/out
ROUNDS=${ROUNDS:-15}
SCALE_ROUNDS=${SCALE_ROUNDS:-5}
SRC=${DIPSEARCH_UNGDC:-$ROOT/../shared/data/ungdc-1946-2024.tar.zst}
QUERIES=$ROOT/benches/queries.txt
DATA=$TARGET/bench-data
WORK=$DATA/compare

say() { printf '%s\n' "$*" >&2; }

# ---------------------------------------------------------------- corpus
if [[ -d $SRC ]]; then
    UNPACKED=$SRC
elif [[ -f $SRC ]]; then
    UNPACKED=$DATA/ungdc
    if [[ ! -f $UNPACKED/.unpacked ]]; then
        command -v zstd >/dev/null || { say "compare: zstd is needed to unpack $SRC (apt-get install zstd)"; exit 1; }
        say "compare: unpacking $SRC into $UNPACKED"
        mkdir -p "$UNPACKED"
        zstd -dc "$SRC" | tar -x -C "$UNPACKED"
        touch "$UNPACKED/.unpacked"
    fi
else
    say "compare: skipped: no UNGD corpus at $SRC (set DIPSEARCH_UNGDC to the .tar.zst or an unpacked folder)"
    exit 0
fi
CORPUS=$UNPACKED
[[ -d $UNPACKED/TXT ]] && CORPUS=$UNPACKED/TXT
UNGD_CONFIG=$(cat "$ROOT/benches/ungd.dipsearch.toml")
[[ -f $CORPUS/dipsearch.toml ]] || printf '%s\n' "$UNGD_CONFIG" > "$CORPUS/dipsearch.toml"

# ---------------------------------------------------------------- tools
need_pkg() { # command package
    command -v "$1" >/dev/null && return 0
    say "compare: $1 missing; installing the '$2' package"
    if command -v apt-get >/dev/null; then
        { apt-get install -y "$2" || { apt-get update && apt-get install -y "$2"; }; } >/dev/null 2>&1 || true
    fi
    command -v "$1" >/dev/null || { say "compare: please install $2"; exit 1; }
}
need_pkg sqlite3 sqlite3
need_pkg rg ripgrep
[[ -x /usr/bin/time ]] || need_pkg /usr/bin/time time
sqlite3 :memory: "CREATE VIRTUAL TABLE x USING fts5(a, tokenize='porter unicode61'); SELECT json('{}');" >/dev/null \
    || { say "compare: this sqlite3 lacks FTS5 or JSON"; exit 1; }

if [[ -z ${SKIP_BUILD:-} ]]; then
    say "compare: cargo build --release"
    CARGO_TARGET_DIR=$TARGET cargo build --release --quiet --bin dipsearch
fi
source "$ROOT/benches/common/bin.sh"
BIN=$(dipsearch_bin release "$TARGET")
[[ -x $BIN ]] || { say "compare: no binary at $BIN"; exit 1; }

mkdir -p "$OUT" "$WORK"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
REPORT=$OUT/compare-$STAMP.txt
TIMES=$OUT/compare-$STAMP-times.tsv
: > "$REPORT"
out() { printf '%s\n' "$*" | tee -a "$REPORT"; }
outf() { printf "$@" | tee -a "$REPORT"; }

# ---------------------------------------------------------------- helpers
# median of numbers on stdin (empty -> nan)
median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) {print "nan"; exit} if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# timed CMD... : runs under /usr/bin/time -v; sets T_WALL (s), T_CPU (user+sys s)
# and T_RSS (MiB). CPU time says more than wall time on a shared machine.
timed() {
    local tf=$WORK/time.$$
    /usr/bin/time -v -o "$tf" "$@"
    T_WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$tf")
    T_RSS=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$tf")
    T_CPU=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.2f", s}' "$tf")
    rm -f "$tf"
}

# The wall clock of /usr/bin/time has 10 ms resolution; short runs are timed here.
wall() { # CMD... -> T_MS (ms, 0.01 resolution)
    local t0 t1
    t0=${EPOCHREALTIME//[.,]/}; "$@"; t1=${EPOCHREALTIME//[.,]/}
    T_MS=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", (b-a)/1000}')
}

dusb() { du -sb "$1" | cut -f1; }
mib() { awk -v b="$1" 'BEGIN {printf "%.1f", b/1048576}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b>0) printf "%.2f", a/b; else print "-"}'; }

# The query set: arrays Q_NAME Q_TEXT Q_COUNTRY Q_FTS Q_RG
Q_NAME=(); Q_TEXT=(); Q_COUNTRY=(); Q_FTS=(); Q_RG=()
while IFS=$'\t' read -r name text country fts rgp; do
    [[ -z $name || $name == \#* ]] && continue
    Q_NAME+=("$name"); Q_TEXT+=("$text"); Q_COUNTRY+=("$country"); Q_FTS+=("$fts"); Q_RG+=("$rgp")
done < "$QUERIES"
NQ=${#Q_NAME[@]}

ds_query() { # index i
    local args=(--index "$1" search "${Q_TEXT[$2]}" --format json --limit 10)
    [[ ${Q_COUNTRY[$2]} != - ]] && args+=(--country "${Q_COUNTRY[$2]}")
    "$BIN" "${args[@]}"
}
sql_of() { # i -> the SELECT run by the sqlite3 CLI
    local m=${Q_FTS[$1]//\'/\'\'}
    printf "SELECT id, snippet(t, 1, '[', ']', '…', 32) FROM t WHERE t MATCH '%s' ORDER BY bm25(t) LIMIT 10;" "$m"
}
sq_query() { sqlite3 "$1" "$(sql_of "$2")"; }
rg_query() { # corpus i
    local pats=() p
    IFS='|' read -r -a pats <<< "${Q_RG[$2]}"
    local args=()
    for p in "${pats[@]}"; do args+=(-e "$p"); done
    rg -i -c -F "${args[@]}" "$1" || true   # exit 1 = no match
}

machine() {
    out "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM; load average $(cut -d' ' -f1-3 /proc/loadavg)"
    out "tools: $("$BIN" --version), sqlite3 $(sqlite3 --version | cut -d' ' -f1), $(rg --version | sed -n 1p)"
    out "corpus: $CORPUS: $(find "$CORPUS" -name '*.txt' ! -name '.*' | wc -l) files, $(mib "$(dusb "$CORPUS")") MiB"
}

# ---------------------------------------------------------------- 1. builds
out "# dipsearch vs SQLite FTS5 vs ripgrep — issue 6 — $STAMP"
machine
out "rounds: $ROUNDS (whole-process queries, tools alternating), scaling rounds: $SCALE_ROUNDS"
out ""

# The builds alternate, BUILD_ROUNDS times each (default 3), with both
# cores and then pinned to one (taskset -c 0): the host's speed moves
# within minutes (the same ingest took 18 CPU-s and 45 CPU-s an hour
# apart), so one build of each could land in different weather. Every
# round is printed; the ratios are of the medians.
IDX=$WORK/index-full
FTS=$WORK/fts.db
ds_build() { # [taskset args...]
    rm -rf "$IDX" "$IDX.tmp" "$IDX.old"
    timed "$@" "$BIN" --index "$IDX" ingest "$CORPUS" --quiet > "$WORK/ingest-full.out"
}
fts_build() { # db [taskset args...] : insert, then optimize and vacuum; sets F_WALL F_CPU F_RSS
    local db=$1
    shift
    rm -f "$db"
    timed "$@" sqlite3 "$db" "ATTACH '$WORK/stage.db' AS s;
CREATE VIRTUAL TABLE t USING fts5(id UNINDEXED, text, countries, tokenize='porter unicode61');
INSERT INTO t(id, text, countries) SELECT id, text, countries FROM s.p;"
    local w=$T_WALL c=$T_CPU
    F_RSS=$T_RSS
    timed "$@" sqlite3 "$db" "INSERT INTO t(t) VALUES('optimize'); VACUUM;"
    F_WALL=$(awk -v a="$w" -v b="$T_WALL" 'BEGIN {printf "%.2f", a+b}')
    F_CPU=$(awk -v a="$c" -v b="$T_CPU" 'BEGIN {printf "%.2f", a+b}')
}
stage() { # the exported paragraphs as a table for FTS5
    "$BIN" --index "$IDX" export > "$WORK/export.jsonl"
    NPARA=$(wc -l < "$WORK/export.jsonl")
    rm -f "$WORK/stage.db"
    sqlite3 "$WORK/stage.db" <<EOF
CREATE TABLE raw(line TEXT);
.mode ascii
.separator "\\037" "\\n"
.import '$WORK/export.jsonl' raw
.mode list
CREATE TABLE p(id TEXT, text TEXT, countries TEXT);
INSERT INTO p SELECT json_extract(line, '\$.id'), json_extract(line, '\$.text'),
    (SELECT group_concat(value, ' ') FROM json_each(line, '\$.countries')) FROM raw;
DROP TABLE raw;
VACUUM;
EOF
}
BUILD_ROUNDS=${BUILD_ROUNDS:-3}
PINNED=()
command -v taskset >/dev/null 2>&1 && PINNED=(taskset -c 0)
out "## Build (whole corpus; $BUILD_ROUNDS rounds, the two builds alternating)"
outf '%-34s %9s %9s %9s %9s %9s\n' "" "ds wall s" "ds cpu s" "fts wall" "fts cpu" "wall ratio"
DS_WS=(); DS_CS=(); F_WS=(); F_CS=(); P_DS_WS=(); P_DS_CS=(); P_F_WS=(); P_F_CS=()
DS_RSS=0
for r in $(seq "$BUILD_ROUNDS"); do
    say "compare: build round $r of $BUILD_ROUNDS"
    ds_build
    DS_WS+=("$T_WALL"); DS_CS+=("$T_CPU")
    (( T_RSS > DS_RSS )) && DS_RSS=$T_RSS
    [[ $r == 1 ]] && stage
    fts_build "$FTS"
    F_WS+=("$F_WALL"); F_CS+=("$F_CPU")
    outf '%-34s %9s %9s %9s %9s %9s\n' "round $r, both cores" "${DS_WS[-1]}" "${DS_CS[-1]}" "$F_WALL" "$F_CPU" "$(ratio "${DS_WS[-1]}" "$F_WALL")"
    if (( ${#PINNED[@]} )); then
        ds_build "${PINNED[@]}"
        P_DS_WS+=("$T_WALL"); P_DS_CS+=("$T_CPU")
        fts_build "$WORK/fts-pinned.db" "${PINNED[@]}"
        P_F_WS+=("$F_WALL"); P_F_CS+=("$F_CPU")
        outf '%-34s %9s %9s %9s %9s %9s\n' "round $r, pinned (taskset -c 0)" "${P_DS_WS[-1]}" "${P_DS_CS[-1]}" "$F_WALL" "$F_CPU" "$(ratio "${P_DS_WS[-1]}" "$F_WALL")"
        rm -f "$WORK/fts-pinned.db"
    fi
done
# The index the queries below read: built with both cores, as users run it.
ds_build
DS_SIZE=$(dusb "$IDX")
DS_REPORT=$(tail -3 "$WORK/ingest-full.out" | tr '\n' ' ')
FTS_SIZE=$(dusb "$FTS")
NFTS=$(sqlite3 "$FTS" "SELECT count(*) FROM t;")
med() { printf '%s\n' "$@" | median; }
DS_BUILD=$(med "${DS_WS[@]}"); DS_CPU=$(med "${DS_CS[@]}")
FTS_TOTAL=$(med "${F_WS[@]}"); FTS_TOTAL_CPU=$(med "${F_CS[@]}")
outf '%-34s %9s %9s %9s %9s %9s\n' "median, both cores" "$DS_BUILD" "$DS_CPU" "$FTS_TOTAL" "$FTS_TOTAL_CPU" "$(ratio "$DS_BUILD" "$FTS_TOTAL")"
out "$NPARA paragraphs exported, $NFTS rows in FTS5; index $(mib "$DS_SIZE") MiB, FTS5 db $(mib "$FTS_SIZE") MiB; dipsearch peak memory $DS_RSS MiB, FTS5 $F_RSS MiB"
out "ratios: ingest/FTS5 build+optimize = $(ratio "$DS_BUILD" "$FTS_TOTAL") wall, $(ratio "$DS_CPU" "$FTS_TOTAL_CPU") cpu (target <= 0.75); index size/FTS5 db = $(ratio "$DS_SIZE" "$FTS_SIZE") (target <= 0.6); peak memory $DS_RSS MiB (target < 400)"
out "dipsearch said: $DS_REPORT"
if (( ${#PINNED[@]} )); then
    P_DS=$(med "${P_DS_WS[@]}"); P_DS_CPU=$(med "${P_DS_CS[@]}")
    P_FTS=$(med "${P_F_WS[@]}"); P_FTS_CPU=$(med "${P_F_CS[@]}")
    outf '%-34s %9s %9s %9s %9s %9s\n' "median, pinned (taskset -c 0)" "$P_DS" "$P_DS_CPU" "$P_FTS" "$P_FTS_CPU" "$(ratio "$P_DS" "$P_FTS")"
    out "ratio pinned to one core: ingest/FTS5 = $(ratio "$P_DS" "$P_FTS") wall, $(ratio "$P_DS_CPU" "$P_FTS_CPU") cpu (target <= 1.0)"
else
    out "pinned runs skipped: no taskset"
fi
out ""

# ---------------------------------------------------------------- 2. queries
say "compare: $NQ queries x $ROUNDS rounds x 3 tools"
TMP=$WORK/query.out
printf 'round\tquery\ttool\tms\n' > "$TIMES"
TOOLS=(dipsearch sqlite rg)
run_tool() { # tool i
    case $1 in
        dipsearch) wall ds_query "$IDX" "$2" > "$TMP" ;;
        sqlite) wall sq_query "$FTS" "$2" > "$TMP" ;;
        rg) wall rg_query "$CORPUS" "$2" > "$TMP" ;;
        start) wall "$BIN" --version > "$TMP" ;;
    esac
}
# warm the page cache once
for ((i = 0; i < NQ; i++)); do for t in "${TOOLS[@]}"; do run_tool "$t" "$i"; done; done
for ((r = 1; r <= ROUNDS; r++)); do
    for ((i = 0; i < NQ; i++)); do
        for ((k = 0; k < 3; k++)); do
            t=${TOOLS[$(((k + r + i) % 3))]}
            run_tool "$t" "$i"
            printf '%s\t%s\t%s\t%s\n' "$r" "${Q_NAME[$i]}" "$t" "$T_MS" >> "$TIMES"
        done
    done
    run_tool start 0
    printf '%s\t%s\t%s\t%s\n' "$r" "-" "start" "$T_MS" >> "$TIMES"
done

med_of() { awk -F'\t' -v q="$1" -v t="$2" '$2==q && $3==t {print $4}' "$TIMES" | median; }
out "## Queries as whole processes (ms, median of $ROUNDS; 10 hits; dipsearch: --format json with snippets; sqlite3: id+snippet ORDER BY bm25; rg -i -c -F)"
outf '%-26s %8s %8s %8s %8s %8s   %9s %9s %9s\n' query dipsearch sqlite3 rg ds/sql ds/rg "ds hits" "fts hits" "rg lines"
DS_MEDS=(); SQ_MEDS=(); RG_MEDS=()
for ((i = 0; i < NQ; i++)); do
    n=${Q_NAME[$i]}
    d=$(med_of "$n" dipsearch); s=$(med_of "$n" sqlite); g=$(med_of "$n" rg)
    DS_MEDS+=("$d"); SQ_MEDS+=("$s"); RG_MEDS+=("$g")
    dh=$(ds_query "$IDX" "$i" | jq -r '.total' 2>/dev/null || echo '?')
    m=${Q_FTS[$i]//\'/\'\'}
    sh=$(sqlite3 "$FTS" "SELECT count(*) FROM t WHERE t MATCH '$m';" 2>/dev/null || echo '?')
    gh=$(rg_query "$CORPUS" "$i" | awk -F: '{s+=$NF} END {print s+0}')
    outf '%-26s %8s %8s %8s %8s %8s   %9s %9s %9s\n' "$n" "$d" "$s" "$g" "$(ratio "$d" "$s")" "$(ratio "$d" "$g")" "$dh" "$sh" "$gh"
done
DM=$(printf '%s\n' "${DS_MEDS[@]}" | median)
SM=$(printf '%s\n' "${SQ_MEDS[@]}" | median)
GM=$(printf '%s\n' "${RG_MEDS[@]}" | median)
outf '%-26s %8s %8s %8s %8s %8s\n' "MEDIAN of the $NQ" "$DM" "$SM" "$GM" "$(ratio "$DM" "$SM")" "$(ratio "$DM" "$GM")"
outf '%-26s %8s\n' "dipsearch --version" "$(med_of - start)"
out "targets: ds/sqlite <= 0.7, ds/rg <= 0.1, \"United Nations\" < 30 ms"
out ""

# ---------------------------------------------------------------- 3. incremental
say "compare: incremental ingests"
timed "$BIN" --index "$IDX" ingest "$CORPUS" --quiet > /dev/null
RE_NOOP=$T_WALL
wall "$BIN" --index "$IDX" ingest "$CORPUS" --quiet > /dev/null
RE_NOOP_MS=$T_MS
# One new speech: a speaker of session 1 that did not speak in the last
# session, copied into the last session under its name there.
LAST=$(find "$CORPUS" -mindepth 1 -maxdepth 1 -type d -name 'Session *' | sort | tail -1)
FIRST=$(find "$CORPUS" -mindepth 1 -maxdepth 1 -type d -name 'Session *' | sort | sed -n 1p)
LAST_SUFFIX=$(basename "$(find "$LAST" -name '*.txt' ! -name '.*' -print -quit)" | cut -d_ -f2-)
NEW=""
for f in "$FIRST"/*.txt; do
    code=$(basename "$f" | cut -d_ -f1)
    if [[ ! -e $LAST/${code}_$LAST_SUFFIX ]]; then NEW=$LAST/${code}_$LAST_SUFFIX; cp "$f" "$NEW"; break; fi
done
if [[ -n $NEW ]]; then
    wall "$BIN" --index "$IDX" ingest "$CORPUS" --quiet > /dev/null
    ADD_MS=$T_MS
    rm -f "$NEW"
    wall "$BIN" --index "$IDX" ingest "$CORPUS" --quiet > /dev/null
    DEL_MS=$T_MS
else
    ADD_MS=-; DEL_MS=-
fi
out "## Incremental ingest of the whole-corpus index"
outf '%-46s %10s\n' "re-ingest, nothing changed (ms)" "$RE_NOOP_MS"
outf '%-46s %10s\n' "add one speech ($(basename "${NEW:-none}")) (ms)" "$ADD_MS"
outf '%-46s %10s\n' "remove it again (ms)" "$DEL_MS"
out "targets: nothing changed < 300 ms, one speech added < 500 ms"
out ""

# ---------------------------------------------------------------- 4. scaling
if [[ -z ${SKIP_SCALING:-} ]]; then
    say "compare: scaling"
    query_median() { # index -> median over the queries of the median of SCALE_ROUNDS runs
        : > "$WORK/scale.tsv"
        local r i
        for ((r = 1; r <= SCALE_ROUNDS; r++)); do
            for ((i = 0; i < NQ; i++)); do
                wall ds_query "$1" "$i" > "$TMP"
                printf '%s\t%s\n' "$i" "$T_MS" >> "$WORK/scale.tsv"
            done
        done
        for ((i = 0; i < NQ; i++)); do awk -F'\t' -v q="$i" '$1==q {print $2}' "$WORK/scale.tsv" | median; done | median
    }
    mapfile -t SESSIONS < <(find "$CORPUS" -mindepth 1 -maxdepth 1 -type d -name 'Session *' | sort)
    TOTAL=$(dusb "$CORPUS")
    out "## Scaling (whole sessions in session order; query = median over the $NQ queries of the median of $SCALE_ROUNDS whole-process runs)"
    outf '%-6s %9s %8s %10s %10s %9s %9s %9s %10s %9s\n' part sessions files "MiB text" paragraphs "ingest s" "cpu s" "peak MiB" "index MiB" "query ms"
    for part in 8 4 2; do
        dir=$WORK/scale-$part/TXT
        rm -rf "$WORK/scale-$part"
        mkdir -p "$dir"
        printf '%s\n' "$UNGD_CONFIG" > "$dir/dipsearch.toml"
        acc=0; ns=0
        for s in "${SESSIONS[@]}"; do
            (( acc * part >= TOTAL )) && break
            cp -al "$s" "$dir/" 2>/dev/null || cp -a "$s" "$dir/"
            acc=$((acc + $(dusb "$s"))); ns=$((ns + 1))
        done
        sidx=$WORK/scale-$part/index
        timed "$BIN" --index "$sidx" ingest "$dir" --quiet > /dev/null
        w=$T_WALL; cpu=$T_CPU; rss=$T_RSS
        np=$("$BIN" --index "$sidx" export | wc -l)
        qm=$(query_median "$sidx")
        nf=$(find "$dir" -name '*.txt' ! -name '.*' | wc -l)
        outf '%-6s %9s %8s %10s %10s %9s %9s %9s %10s %9s\n' "1/$part" "$ns" "$nf" "$(mib "$acc")" "$np" "$w" "$cpu" "$rss" "$(mib "$(dusb "$sidx")")" "$qm"
    done
    nf=$(find "$CORPUS" -name '*.txt' ! -name '.*' | wc -l)
    outf '%-6s %9s %8s %10s %10s %9s %9s %9s %10s %9s\n' "all" "${#SESSIONS[@]}" "$nf" "$(mib "$TOTAL")" "$NPARA" "$DS_BUILD" "$DS_CPU" "$DS_RSS" "$(mib "$DS_SIZE")" "$(query_median "$IDX")"
    out ""
fi

out "raw timings: $TIMES"
cp "$REPORT" "$OUT/latest.txt"
say "compare: report in $REPORT (and benches/out/latest.txt)"
