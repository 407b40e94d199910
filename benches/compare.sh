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
#      (porter unicode61; the build and the 'optimize' step timed separately);
#      then both builds again pinned to one core (taskset -c 0), wall and CPU;
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
# Environment: ROUNDS (default 15), SCALE_ROUNDS (default 5), DIPSEARCH_UNGDC,
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
BIN=$TARGET/release/dipsearch

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

IDX=$WORK/index-full
rm -rf "$IDX" "$IDX.tmp" "$IDX.old"
say "compare: dipsearch ingest of the whole corpus"
timed "$BIN" --index "$IDX" ingest "$CORPUS" --quiet > "$WORK/ingest-full.out"
DS_BUILD=$T_WALL; DS_CPU=$T_CPU; DS_RSS=$T_RSS; DS_SIZE=$(dusb "$IDX")
DS_REPORT=$(tail -3 "$WORK/ingest-full.out" | tr '\n' ' ')

say "compare: export + FTS5 build"
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
FTS=$WORK/fts.db
rm -f "$FTS"
timed sqlite3 "$FTS" "ATTACH '$WORK/stage.db' AS s;
CREATE VIRTUAL TABLE t USING fts5(id UNINDEXED, text, countries, tokenize='porter unicode61');
INSERT INTO t(id, text, countries) SELECT id, text, countries FROM s.p;"
FTS_BUILD=$T_WALL; FTS_BUILD_CPU=$T_CPU; FTS_RSS=$T_RSS
timed sqlite3 "$FTS" "INSERT INTO t(t) VALUES('optimize'); VACUUM;"
FTS_OPT=$T_WALL; FTS_OPT_CPU=$T_CPU
FTS_SIZE=$(dusb "$FTS")
NFTS=$(sqlite3 "$FTS" "SELECT count(*) FROM t;")

out "## Build (whole corpus, $NPARA paragraphs exported, $NFTS rows in FTS5)"
outf '%-38s %8s %8s %10s %10s\n' "" "wall s" "cpu s" "size MiB" "peak MiB"
outf '%-38s %8s %8s %10s %10s\n' "dipsearch ingest (decode+segment+tag)" "$DS_BUILD" "$DS_CPU" "$(mib "$DS_SIZE")" "$DS_RSS"
outf '%-38s %8s %8s %10s %10s\n' "SQLite FTS5 insert" "$FTS_BUILD" "$FTS_BUILD_CPU" "" "$FTS_RSS"
outf '%-38s %8s %8s %10s %10s\n' "SQLite FTS5 optimize+vacuum" "$FTS_OPT" "$FTS_OPT_CPU" "$(mib "$FTS_SIZE")" ""
FTS_TOTAL=$(awk -v a="$FTS_BUILD" -v b="$FTS_OPT" 'BEGIN {printf "%.2f", a+b}')
FTS_TOTAL_CPU=$(awk -v a="$FTS_BUILD_CPU" -v b="$FTS_OPT_CPU" 'BEGIN {printf "%.2f", a+b}')
out "ratios: ingest/FTS5 build+optimize = $(ratio "$DS_BUILD" "$FTS_TOTAL") wall, $(ratio "$DS_CPU" "$FTS_TOTAL_CPU") cpu (target <= 0.75); index size/FTS5 db = $(ratio "$DS_SIZE" "$FTS_SIZE") (target <= 0.6); peak memory $DS_RSS MiB (target < 1024)"
out "dipsearch said: $DS_REPORT"

# The same two builds pinned to one core: the ingest may use every core it
# finds, FTS5 uses one, so on a machine whose second core is busy the ratio
# above moves; pinned, it compares the work alone (issue 18: <= 1.0).
if command -v taskset >/dev/null 2>&1; then
    say "compare: both builds pinned to one core"
    PIDX=$WORK/index-pinned
    rm -rf "$PIDX" "$PIDX.tmp" "$PIDX.old"
    timed taskset -c 0 "$BIN" --index "$PIDX" ingest "$CORPUS" --quiet > /dev/null
    P_DS=$T_WALL; P_DS_CPU=$T_CPU
    rm -rf "$PIDX"
    PFTS=$WORK/fts-pinned.db
    rm -f "$PFTS"
    timed taskset -c 0 sqlite3 "$PFTS" "ATTACH '$WORK/stage.db' AS s;
CREATE VIRTUAL TABLE t USING fts5(id UNINDEXED, text, countries, tokenize='porter unicode61');
INSERT INTO t(id, text, countries) SELECT id, text, countries FROM s.p;
INSERT INTO t(t) VALUES('optimize');"
    P_FTS=$T_WALL; P_FTS_CPU=$T_CPU
    timed taskset -c 0 sqlite3 "$PFTS" "VACUUM;"
    P_FTS=$(awk -v a="$P_FTS" -v b="$T_WALL" 'BEGIN {printf "%.2f", a+b}')
    P_FTS_CPU=$(awk -v a="$P_FTS_CPU" -v b="$T_CPU" 'BEGIN {printf "%.2f", a+b}')
    rm -f "$PFTS"
    outf '%-38s %8s %8s\n' "pinned (taskset -c 0): dipsearch ingest" "$P_DS" "$P_DS_CPU"
    outf '%-38s %8s %8s\n' "pinned (taskset -c 0): FTS5 build+opt" "$P_FTS" "$P_FTS_CPU"
    out "ratio pinned to one core: ingest/FTS5 = $(ratio "$P_DS" "$P_FTS") wall, $(ratio "$P_DS_CPU" "$P_FTS_CPU") cpu (target <= 1.0)"
else
    out "pinned run skipped: no taskset"
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
