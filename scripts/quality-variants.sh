#!/usr/bin/env bash
# The variants table of docs/benchmarks.md ("Variants"): precis with one
# setting changed at a time, on the tuning views and on DUC 2004.
#
#   bash scripts/quality-variants.sh                 # every variant below
#   PRECIS=/path/to/precis bash scripts/quality-variants.sh 'label' [flags...]
#
# Columns (ROUGE-1 / ROUGE-2, percent, means over clusters):
#   mn 300 F1   multinews-val, 300 words, F1 (the issue's multinews measure)
#   mn 100 R    multinews-val, 100 words, recall (all 1,000 clusters)
#   mn4 100 R   multinews-val clusters with >= 4 documents (206), 100 words, recall
#   DUC 100 R   DUC 2004, 100 words, recall: REPORTED ONLY. No setting was ever
#               chosen on it (docs/quality-log.md lists every DUC run).
# The defaults (coverage objective, concepts weighed documents^2, a first tier
# of max(5, half of a long document), standalone weight 0.35) were chosen on
# multinews-val and on long English newswire (duc2006, duc2007-update-dev read
# generically: scripts/long-news-views.sh), before their DUC column was run:
# docs/quality-log.md ("Issue 24"). Earlier choices (the lead tier, the support
# rule) were made on the multinews columns alone.
# Environment: SHARED or PRECIS_SHARED (../shared), PRECIS or BIN (a precis
# binary to use instead of building one).
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$(dirname "$0")/common.sh"

duc="$SHARED/corpora/duc2004"
mn="$SHARED/corpora/multinews-val"
need_dir "$mn" "set PRECIS_SHARED or SHARED"
case ${PRECIS:-} in
    */*) BIN=$(from_caller "$PRECIS") ;; # a path, from where the caller stood
    ?*) BIN=$PRECIS ;;                    # a command on PATH
esac
build_release
PRECIS=$BIN

# The >= 4 documents view: links to the clusters, listed in clusters.tsv.
view="$(mktemp -d)"
trap 'rm -rf "$view"' EXIT
awk -F'\t' 'NR > 1 && $4 >= 4 { print $1 }' "$mn/clusters.tsv" | while read -r c; do
    ln -s "$mn/$c" "$view/$c"
done

score() { # DATASET ARGS... -> "R1 / R2" of precis
    local dataset=$1
    shift
    "$PRECIS" eval "$dataset" --systems precis --max-n 2 --resamples 1 --plain-means "$@" 2>/dev/null |
        awk '$1 == "precis" { printf "%s / %s", $2, $5 }'
}

row() { # LABEL FLAGS...
    local label=$1
    shift
    printf '| %s | %s | %s | %s | %s |\n' "$label" \
        "$(score "$mn" --words 300 --measure f1 "$@")" \
        "$(score "$mn" --words 100 "$@")" \
        "$(score "$view" --words 100 "$@")" \
        "$(score "$duc" --words 100 "$@")"
}

echo '| variant | mn 300 F1 | mn 100 R | mn4 100 R | DUC 100 R (report only) |'
echo '|---|---|---|---|---|'
if [ $# -gt 0 ]; then
    row "$@"
    exit 0
fi
row 'precis defaults (coverage, documents^2, first tier max(5, half), standalone 0.35)'
row 'no lead tier (dangling sentences still held back)' --lead-sentences 0
row 'first tier max(4, half)' --lead-sentences 4
row 'first tier max(6, half)' --lead-sentences 6
row 'first tier max(9, half)' --lead-sentences 9
row 'first tier 5 sentences for every document (lead fraction 0)' --lead-fraction 0
row 'support 0.2' --min-support 0.2
row 'support 0.1' --min-support 0.1
row 'support 0.3' --min-support 0.3
row 'standalone weight 0.65' --standalone-weight 0.65
row 'standalone weight 1 (no preference)' --standalone-weight 1
row 'the earlier default (MMR, lead fraction 0, standalone 0.65)' --objective mmr --lead-fraction 0 --standalone-weight 0.65
row 'MMR, lambda 0.6' --objective mmr
row 'MMR, lambda 0.7' --objective mmr --lambda 0.7
row 'MMR, lambda 0.5' --objective mmr --lambda 0.5
row 'bigrams only' --unigram-weight 0
row 'unigrams = bigrams' --unigram-weight 1
row 'no centrality (mu 0)' --centrality 0
row 'mu 1' --centrality 1
row 'length ignored (r 0)' --length-exponent 0
row 'gain per word (r 1)' --length-exponent 1
row 'concepts in >= 1 document' --min-documents 1
row 'concepts in >= 3 documents' --min-documents 3
row 'concept weight documents (exponent 1)' --document-exponent 1
row 'IDF over documents' --idf documents
row 'TF damping (1 + ln tf)' --sublinear-tf
row 'similarity threshold 0.1' --similarity-threshold 0.1
row 'PageRank damping 0.7' --damping 0.7
row 'position bias 0.5' --position-bias 0.5
row 'position bias 1' --position-bias 1
row 'min words 10' --min-words 10
row 'max words 60' --max-words 60
row 'near-duplicate 0.5' --near-duplicate 0.5
