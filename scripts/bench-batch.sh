#!/usr/bin/env bash
# Batch throughput: every cluster of a dataset in one `precis batch` run, at
# --jobs 1 and 2; clusters per second (median of REPEAT runs), peak RSS, and a
# check that the output is byte-identical for both.
#
#   scripts/bench-batch.sh                        # ../shared/corpora/multinews-val
#   DATASET=../shared/corpora/duc2004 REPEAT=5 scripts/bench-batch.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DATASET=${DATASET:-../shared/corpora/multinews-val}
REPEAT=${REPEAT:-3}
JOBS=${JOBS:-"1 2"}
WORK=${WORK:-/tmp/precis-bench}
TARGET=${CARGO_TARGET_DIR:-target}
[ -d "$DATASET" ] || { echo "bench-batch: $DATASET is absent" >&2; exit 2; }
cargo build --release --quiet
BIN=$TARGET/release/precis
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
  wall=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
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
