#!/usr/bin/env bash
# The variants table of the README ("Benchmarking quality"): precis with one
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
# The settings were chosen on the three multinews columns, except the objective
# (MMR over coverage), chosen by the lead with DUC in view: docs/quality-log.md.
# The lead tier and the support rule (issue 15) were chosen on the multinews
# columns alone, before their DUC column was first run.
# Rows below the first three vary the coverage configuration multinews chose.
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
row 'precis defaults (MMR, lambda 0.6, lead tier 5, no support rule)'
row 'no lead tier (dangling sentences still held back)' --lead-sentences 0
row 'lead tier 4' --lead-sentences 4
row 'lead tier 6' --lead-sentences 6
row 'lead tier 9' --lead-sentences 9
row 'support 0.2' --min-support 0.2
row 'support 0.1' --min-support 0.1
row 'support 0.3' --min-support 0.3
row 'coverage (mu 0.5, r 0.4, unigrams 0.6), chosen on multinews' --objective coverage
row 'MMR, lambda 0.7' --lambda 0.7
row 'MMR, lambda 0.5' --lambda 0.5
row 'coverage, bigrams only' --unigram-weight 0 --objective coverage
row 'coverage, unigrams = bigrams' --unigram-weight 1 --objective coverage
row 'coverage, no centrality (mu 0)' --centrality 0 --objective coverage
row 'coverage, mu 1' --centrality 1 --objective coverage
row 'coverage, length ignored (r 0)' --length-exponent 0 --objective coverage
row 'coverage, gain per word (r 1)' --length-exponent 1 --objective coverage
row 'concepts in >= 1 document' --min-documents 1 --objective coverage
row 'concepts in >= 3 documents' --min-documents 3 --objective coverage
row 'concept weight documents^2' --document-exponent 2 --objective coverage
row 'IDF over documents' --idf documents --objective coverage
row 'TF damping (1 + ln tf)' --sublinear-tf --objective coverage
row 'similarity threshold 0.1' --similarity-threshold 0.1 --objective coverage
row 'PageRank damping 0.7' --damping 0.7 --objective coverage
row 'position bias 0.5' --position-bias 0.5 --objective coverage
row 'position bias 1' --position-bias 1 --objective coverage
row 'min words 10' --min-words 10 --objective coverage
row 'max words 60' --max-words 60 --objective coverage
row 'near-duplicate 0.5' --near-duplicate 0.5 --objective coverage
