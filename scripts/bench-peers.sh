#!/usr/bin/env bash
# precis against the Python peers (sumy, lexrank, summa) on the same synthetic
# clusters, in the same run: process wall time, peak RSS, and the ratios.
#
#   scripts/bench-peers.sh                         # sizes 2000 20000 100000 1000000
#   SIZES="2000 20000" PEER_TIMEOUT=60 scripts/bench-peers.sh
#
# Needs ../shared/peers (make_synth.py, bench.py) and the peers' venv
# (bash ../shared/peers/setup.sh). Environment:
#   SIZES         sentence counts (default "2000 20000 100000 1000000")
#   REPEAT        precis runs per size; the median is reported (default 5)
#   PEER_MAX_N    run the peers only up to this size (default 20000: they
#                 all fail or time out there already)
#   PEER_TIMEOUT  seconds per peer run (default 120)
#   METHODS       peers (default: all but sumy-kl, which is cubic)
#   WORK          where clusters and results go (default /tmp/precis-bench)
#   SHARED        the shared folder (default $PRECIS_SHARED, else ../shared)
#   PEERS_VENV    the peers' venv (default ~/.cache/precis-peers/venv)
#   REUSE_PEERS   1: take the peers' results of an earlier run in $WORK
#                 (their bench.json) instead of running them again
#   BIN           a precis binary to time instead of building one
# Prints one Markdown table; results also in $WORK/results.tsv.
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$(dirname "$0")/common.sh"
SIZES=${SIZES:-"2000 20000 100000 1000000"}
REPEAT=${REPEAT:-5}
PEER_MAX_N=${PEER_MAX_N:-20000}
PEER_TIMEOUT=${PEER_TIMEOUT:-120}
METHODS=${METHODS:-sumy-lexrank,sumy-textrank,sumy-lsa,sumy-luhn,sumy-sumbasic,sumy-reduction,lexrank,summa}
WORK=${WORK:-/tmp/precis-bench}
PY=${PEERS_VENV:-$HOME/.cache/precis-peers/venv}/bin/python

[ -f "$SHARED/peers/make_synth.py" ] || die "$SHARED/peers is absent"
build_release
mkdir -p "$WORK"
RESULTS=$WORK/results.tsv
: > "$RESULTS"

for n in $SIZES; do
  cluster=$WORK/synth-$n
  if [ ! -d "$cluster/docs" ]; then
    echo "== making a cluster of $n sentences" >&2
    python3 "$SHARED/peers/make_synth.py" -n "$n" -o "$cluster" >&2
  fi
  echo "== precis on $n sentences ($REPEAT runs)" >&2
  walls=(); cpus=()
  for _ in $(seq "$REPEAT"); do
    # Wall time around the process alone (perf_counter around posix_spawn and
    # wait4; no shell, `time` or `date` process inside the interval), and the
    # child's CPU time (user + system) from wait4's rusage.
    out=$(python3 - "$BIN" "$cluster/docs" <<'PY'
import os, sys, time
argv = [sys.argv[1], "brief", sys.argv[2], "--words", "100", "--format", "text", "-q"]
start = time.perf_counter()
pid = os.posix_spawn(argv[0], argv, os.environ,
                     file_actions=[(os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0)])
_, _, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
print(f"{wall:.4f} {usage.ru_utime + usage.ru_stime:.3f}")
PY
)
    read -r w c <<< "$out"
    walls+=("$w"); cpus+=("$c")
  done
  wall=$(printf '%s\n' "${walls[@]}" | median)
  cpu=$(printf '%s\n' "${cpus[@]}" | median)
  # One more run: the stage split (how much is preprocessing?) and the peak
  # RSS, under /usr/bin/time as the peers are measured (a Python parent would
  # add its own RSS: Linux counts the parent's high-water mark into a spawned
  # child's maxrss).
  /usr/bin/time -f '%M' -o "$WORK/rss-$n" "$BIN" brief "$cluster/docs" --words 100 --format text -q --timings \
    2> "$WORK/timings-$n" > /dev/null
  peak=$(tail -1 "$WORK/rss-$n")
  stages=$(sed -n 's/^precis: timings: //p' "$WORK/timings-$n")
  sentences=$("$BIN" brief "$cluster/docs" --format json -q | python3 -c 'import json,sys; print(json.load(sys.stdin)["stats"]["sentences"])')
  load=$(cut -d' ' -f1 /proc/loadavg)
  printf 'precis\t%s\t%s\tok\t%s\t%s\t%s; median CPU time %ss; load average %s\n' "$n" "$sentences" "$wall" "$((peak / 1024))" "$stages" "$cpu" "$load" >> "$RESULTS"
  echo "precis: median wall ${wall}s of ${walls[*]}, CPU ${cpu}s, peak RSS $((peak / 1024)) MB, load $load; $stages" >&2
  if [ "$n" -le "$PEER_MAX_N" ]; then
    if [ ! -x "$PY" ]; then
      echo "bench-peers: no peers venv at $PY (bash $SHARED/peers/setup.sh); peers skipped" >&2
      continue
    fi
    if [ "${REUSE_PEERS:-0}" = 1 ] && [ -f "$WORK/peers-$n/bench.json" ]; then
      echo "== peers on $n sentences: results of an earlier run ($WORK/peers-$n)" >&2
    else
      echo "== peers on $n sentences (timeout ${PEER_TIMEOUT}s each)" >&2
      "$PY" "$SHARED/peers/bench.py" "$cluster" -o "$WORK/peers-$n" --timeout "$PEER_TIMEOUT" --methods "$METHODS" >&2
    fi
    python3 - "$WORK/peers-$n/bench.json" "$n" >> "$RESULTS" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))["rows"]
for r in rows:
    if r["method"] == "parse-only":
        continue
    print("\t".join(map(str, [r["method"], sys.argv[2], r.get("n_sentences", "?"), r.get("status", "?"),
                               r.get("process_wall_s", "?"), int(r.get("peak_rss_mb", 0)), ""])))
PY
  fi
done

python3 - "$RESULTS" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
precis = {r[1]: r for r in rows if r[0] == "precis"}
print("| sentences | system | status | wall (s) | peak RSS (MB) | precis/peer time | peer/precis |")
print("|---:|---|---|---:|---:|---:|---:|")
for n in sorted(precis, key=int):
    p = precis[n]
    print(f"| {int(n):,} ({p[2]} kept) | **precis** (median of runs) | ok | {float(p[4]):.3f} | {p[5]} | 1 | 1 |")
    peers = sorted((r for r in rows if r[0] != "precis" and r[1] == n),
                   key=lambda r: (r[3] != "ok", float(r[4]) if r[4] not in ("?", "") else 1e9))
    for r in peers:
        ok = r[3] == "ok"
        wall = float(r[4]) if r[4] not in ("?", "") else None
        ratio = f"{float(p[4]) / wall:.5f}" if ok and wall else "-"
        speed = f"{wall / float(p[4]):,.0f}x" if ok and wall else (f"> {wall / float(p[4]):,.0f}x" if wall else "-")
        print(f"| {int(n):,} | {r[0]} | {r[3]} | {r[4]} | {r[5]} | {ratio} | {speed} |")
print()
print("precis stage split (one more run each; 'read' is ingest, segment+group+analyze+tfidf is preprocessing), CPU time, machine load:")
for n in sorted(precis, key=int):
    print(f"- {int(n):,}: {precis[n][6]}")
PY
