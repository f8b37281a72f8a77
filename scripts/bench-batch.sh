#!/usr/bin/env bash
# Batch throughput: every cluster of a dataset in one `precis batch` run, at
# --jobs 1 and 2; clusters per second (median of REPEAT runs), peak RSS, and a
# check that the output is byte-identical for both.
#
#   scripts/bench-batch.sh                        # $SHARED/corpora/multinews-val
#   DATASET=../shared/corpora/duc2004 REPEAT=5 scripts/bench-batch.sh
#
# Environment: DATASET (relative to the repository root), REPEAT (3), JOBS
# ("1 2"), WORK (/tmp/precis-bench), SHARED or PRECIS_SHARED (../shared), BIN
# (a precis binary to time instead of building one).
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$(dirname "$0")/common.sh"
DATASET=${DATASET:-$SHARED/corpora/multinews-val}
REPEAT=${REPEAT:-3}
JOBS=${JOBS:-"1 2"}
WORK=${WORK:-/tmp/precis-bench}
need_dir "$DATASET"
build_release
mkdir -p "$WORK"
INPUT=$WORK/$(basename "$DATASET").jsonl
python3 scripts/corpus-to-jsonl.py "$DATASET" > "$INPUT"
records=$(wc -l < "$INPUT")
bytes=$(wc -c < "$INPUT")
echo "| jobs | clusters | input MB | median wall (s) | clusters/s | peak RSS (MB) | failed lines |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
first=""
for jobs in $JOBS; do
  walls=(); peak=0
  for _ in $(seq "$REPEAT"); do
    start=$(date +%s%N)
    rss=$( { /usr/bin/time -f "%M" "$BIN" batch "$INPUT" --jobs "$jobs" -q > "$WORK/batch-$jobs.jsonl" || true; } 2>&1 | tail -1)
    end=$(date +%s%N)
    walls+=("$(awk -v d=$((end - start)) 'BEGIN {printf "%.3f", d / 1e9}')")
    [ "$rss" -gt "$peak" ] && peak=$rss
  done
  wall=$(printf '%s\n' "${walls[@]}" | median)
  failed=$(grep -c '"error":' "$WORK/batch-$jobs.jsonl" || true)
  awk -v j="$jobs" -v r="$records" -v b="$bytes" -v w="$wall" -v p="$peak" -v f="$failed" \
    'BEGIN {printf "| %s | %d | %.1f | %.2f | %.0f | %d | %d |\n", j, r, b / 1e6, w, r / w, p / 1024, f}'
  if [ -z "$first" ]; then first=$WORK/batch-$jobs.jsonl
  elif ! cmp -s "$first" "$WORK/batch-$jobs.jsonl"; then
    echo "bench-batch: output differs between --jobs values" >&2; exit 1
  fi
done
echo
echo "Output byte-identical across --jobs $JOBS: yes ($(wc -l < "$first") lines)."
