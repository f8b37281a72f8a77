#!/usr/bin/env bash
# The tuning views of issue 24 (docs/quality-log.md), plain means, R-1 R-2:
#   d6-250  ../shared/corpora/duc2006, 250 words, recall (read generically: topic.txt ignored)
#           (every view runs with --no-query --no-since: generic summaries, nothing read before)
#   d6-100  the same at 100 words (references cut to 100 words too)
#   d6s10   two random 10-document subsets of each duc2006 cluster (seed 2024), 100 words
#   d7-100  ../shared/corpora/duc2007-update-dev, all 15 clusters, 100 words
#   mn300F  ../shared/corpora/multinews-val, 300 words, F1
#   mn100R  the same at 100 words, recall
# LN = mean of R-1 + R-2 over the four long-news views (the rule used to choose).
#
#   scripts/long-news-views.sh LABEL [precis eval flags...]      e.g. LABEL=mmr --objective mmr
#   scripts/long-news-views.sh --compare LABEL REFERENCE          paired per-cluster differences
# Per-cluster JSON is kept in target/views/LABEL/; PRECIS=path/to/precis picks the binary.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared/corpora}
OUT=target/views
if [ "${1:-}" = "--compare" ]; then
  exec python3 scripts/long_news_views.py "$OUT" "$2" "$3"
fi
label=$1; shift
PRECIS=${PRECIS:-target/release/precis}
python3 scripts/long_news_views.py --make-subsets "$SHARED/duc2006" "$OUT/d6s10-data"
mkdir -p "$OUT/$label"
run() { # view dataset words measure flags...
  "$PRECIS" eval "$2" --words "$3" --measure "$4" --max-n 2 --plain-means -j 2 -q --resamples 1 \
     --no-query --no-since \
    --systems precis --json "$OUT/$label/$1.json" --force "${@:5}" >/dev/null || [ $? -eq 1 ]
  # (exit 1: done, but some inputs failed: three multinews-val clusters are all page junk)
}
run d6-250 "$SHARED/duc2006" 250 recall "$@"
run d6-100 "$SHARED/duc2006" 100 recall "$@"
run d6s10 "$OUT/d6s10-data" 100 recall "$@"
run d7-100 "$SHARED/duc2007-update-dev" 100 recall "$@"
run mn300F "$SHARED/multinews-val" 300 f1 "$@"
run mn100R "$SHARED/multinews-val" 100 recall "$@"
python3 scripts/long_news_views.py "$OUT" "$label"
