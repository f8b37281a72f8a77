#!/usr/bin/env bash
# Scaling with threads: wall time of the same release binary on the same
# inputs at --jobs 1..nproc, the median of REPEAT runs each, as a Markdown
# table with the speed-up at the most threads; then a check that the output is
# byte-identical at every --jobs, and the 1M cluster's stage times (--timings)
# at 1 thread and at the most.
#
#   scripts/bench-scaling.sh                      # jobs 1..nproc, REPEAT=3
#   JOBS="1 2" REPEAT=5 scripts/bench-scaling.sh
#   WORKS="batch 100k" scripts/bench-scaling.sh   # a subset of the rows
#
# Inputs (made once, kept in $WORK): multinews-val as JSON Lines
# (scripts/corpus-to-jsonl.py) 20 times over, 20,000 clusters; one cluster of
# 1M and one of 100k synthetic sentences (../shared/peers/make_synth.py).
# Environment: JOBS, REPEAT, WORKS (batch 1m 100k), WORK (/tmp/precis-scaling),
# SHARED or PRECIS_SHARED (../shared), BIN (a precis binary to time instead of
# building one).
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$(dirname "$0")/common.sh"
WORK=${WORK:-/tmp/precis-scaling}
REPEAT=${REPEAT:-3}
JOBS=${JOBS:-$(seq -s ' ' 1 "$(nproc)")}
WORKS=${WORKS:-"batch 1m 100k"}
build_release
mkdir -p "$WORK"

batch_input=$WORK/multinews-val-x20.jsonl
if [[ " $WORKS " == *" batch "* ]] && [ ! -s "$batch_input" ]; then
  need_dir "$SHARED/corpora/multinews-val"
  python3 scripts/corpus-to-jsonl.py "$SHARED/corpora/multinews-val" > "$WORK/multinews-val.jsonl" 2>/dev/null
  for _ in $(seq 20); do cat "$WORK/multinews-val.jsonl"; done > "$batch_input"
fi
synth() { # sentences -> cluster folder, made once
  local dir=$WORK/synth-$1
  if [ ! -d "$dir/docs" ]; then
    [ -f "$SHARED/peers/make_synth.py" ] || die "$SHARED/peers is absent"
    python3 "$SHARED/peers/make_synth.py" -n "$1" -o "$dir" > /dev/null
  fi
  echo "$dir/docs"
}

# work -> label, and the command (less --jobs) whose stdout is compared.
label() {
  case $1 in
    batch) echo "\`precis batch\`, 20,000 clusters (multinews-val x 20, $(( $(wc -c < "$batch_input") / 1000000 )) MB)" ;;
    1m) echo "\`precis brief\`, one cluster of 1M synthetic sentences ($(du -sm "$(synth 1000000)" | cut -f1) MB)" ;;
    100k) echo "\`precis brief\`, 100k sentences" ;;
  esac
}
command_of() {
  case $1 in
    batch) echo "batch $batch_input -q" ;;
    1m) echo "brief $(synth 1000000) --format json" ;;
    100k) echo "brief $(synth 100000) --format json" ;;
  esac
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; REPEAT=$REPEAT"
echo
header="| work |"; rule="|---|"
for j in $JOBS; do
  if [ "$j" = 1 ]; then header+=" 1 thread |"; else header+=" $j |"; fi
  rule+="---:|"
done
last=${JOBS##* }
echo "$header speed-up at $last |"
echo "$rule---:|"
identical=()
for work in $WORKS; do
  row="| $(label "$work") |"; first=""; base=""; wall=""
  read -r -a cmd <<< "$(command_of "$work")"
  for j in $JOBS; do
    walls=()
    for _ in $(seq "$REPEAT"); do
      start=$(date +%s%N)
      "$BIN" "${cmd[@]}" --jobs "$j" > "$WORK/out-$work-$j" 2>/dev/null || [ "$work" = batch ]
      end=$(date +%s%N)
      walls+=("$(( (end - start) / 1000000 ))")
    done
    wall=$(printf '%s\n' "${walls[@]}" | median | awk '{printf "%.2f", $1 / 1000}')
    [ -n "$base" ] || base=$wall
    if [ "$j" = 1 ]; then row+=" $wall s |"; else row+=" $wall |"; fi
    if [ -z "$first" ]; then first=$WORK/out-$work-$j
    elif ! cmp -s "$first" "$WORK/out-$work-$j"; then
      echo "bench-scaling: $work output differs at --jobs $j" >&2; exit 1
    fi
  done
  echo "$row $(awk -v b="$base" -v w="$wall" 'BEGIN {printf "%.2fx", b / w}') |"
  identical+=("$work")
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Output byte-identical at every --jobs ($JOBS): ${identical[*]}."
if [[ " $WORKS " == *" 1m "* ]]; then
  read -r -a cmd <<< "$(command_of 1m)"
  for j in 1 "$last"; do
    echo
    echo "1M cluster, --jobs $j, --timings:"
    "$BIN" "${cmd[@]}" --jobs "$j" --timings 2>&1 >/dev/null | grep -v '^precis: warning' || true
  done
fi
