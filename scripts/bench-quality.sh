#!/usr/bin/env bash
# Regenerate the quality tables of docs/benchmarks.md ("Quality"):
#  1. DUC 2004 at 100 words, ROUGE-1.5.5 recall (-n 4 -m -l 100 -f A): precis and
#     the built-in baselines beside the 13 published systems, with the paired
#     bootstrap of precis against each;
#  2. multinews-val at 300 words, F1: precis and the built-ins, plus the Python
#     peers when their outputs exist (PEERS_OUT, default target/peers-mn300;
#     RUN_PEERS=1 runs them first, about ten minutes on 2 cores);
#  3. duc2006 at 250 words, question-focused, recall (the settings of NIST's
#     official table, R-1, R-2, R-SU4): precis with each cluster's topic.txt as
#     the question and without it (--no-query), the built-ins and the 35
#     published systems, sorted by R-2 with precis's rank among them, the
#     published scores checked against the README's official table, and the
#     paired bootstrap of precis against precis --no-query and system 24;
#  4. duc2007-update-dev at 100 words, recall: precis (question and earlier
#     documents), precis --no-since, precis --no-query --no-since, the built-ins
#     and the 24 published systems on all 15 clusters; then precis with and
#     without the earlier documents on the 10 update clusters (B and C: a
#     non-empty earlier.txt), with the paired bootstrap, on a dataset of
#     symlinks made under $TMPDIR (or /tmp) and removed on exit.
# Tables 3 and 4 each name the commands that made them, the date and the
# commit of the binary: BIN_COMMIT when set, else HEAD (-dirty with changes
# to tracked files) when this script built it, else unknown.
#
#   bash scripts/bench-quality.sh [OUT_DIR]       # default target/quality
#
# Needs: cargo, python3, the shared corpora at $SHARED or $PRECIS_SHARED or
# <repo>/../shared; for the peers, the venv of ../shared/peers/setup.sh
# ($PEERS_VENV). BIN: a precis binary to use instead of building one
# (BIN_COMMIT: the commit it was built from, for the tables' provenance).
# Writes OUT_DIR/quality.md (the tables) plus each run's text and JSON report
# (and each command, OUT_DIR/NAME.cmd, for tables 3 and 4).
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$(dirname "$0")/common.sh"

out="$(from_caller "${1:-$REPO/target/quality}")"
peers_out="$(from_caller "${PEERS_OUT:-$REPO/target/peers-mn300}")"
venv="${PEERS_VENV:-$HOME/.cache/precis-peers/venv}"
duc="$SHARED/corpora/duc2004"
mn="$SHARED/corpora/multinews-val"
duc06="$SHARED/corpora/duc2006"
duc07="$SHARED/corpora/duc2007-update-dev"
need_dir "$duc/_baselines" "set PRECIS_SHARED or SHARED"
need_dir "$duc06/_baselines" "set PRECIS_SHARED or SHARED"
need_dir "$duc07/_baselines" "set PRECIS_SHARED or SHARED"
mkdir -p "$out"

bin_given=${BIN:+1}
build_release
precis=$BIN
if [ -n "${BIN_COMMIT:-}" ]; then
    commit=$BIN_COMMIT
elif [ -z "$bin_given" ]; then
    commit=$(git rev-parse --short HEAD)
    git diff --quiet HEAD -- || commit="$commit-dirty"
else
    commit="unknown (BIN given without BIN_COMMIT)"
fi
table="python3 $REPO/scripts/quality_table.py"

if [ "${RUN_PEERS:-0}" = 1 ]; then
    "$venv/bin/python" "$SHARED/peers/run_peers.py" "$mn" --dataset -o "$peers_out" \
        --words 300 --timeout 60 \
        --methods sumy-lexrank,sumy-textrank,sumy-lsa,sumy-luhn,sumy-sumbasic,sumy-reduction,lexrank,summa
fi

echo "# DUC 2004" >&2
"$precis" eval "$duc" --words 100 --systems-dir "$duc/_baselines" --compare precis \
    --json "$out/duc2004.json" --force > "$out/duc2004.txt" 2> "$out/duc2004.err" || true

echo "# multinews-val, 300 words, F1" >&2
mn_args=(--words 300 --measure f1 --max-n 2 --json "$out/multinews.json" --force)
if [ -d "$peers_out" ]; then
    # The PyPI `lexrank` peer would share its name with the built-in lexrank.
    staged="$out/peers"
    rm -rf "$staged"
    mkdir -p "$staged"
    for dir in "$peers_out"/*/; do
        name="$(basename "$dir")"
        [ "$name" = lexrank ] && name=lexrank-pypi
        ln -s "$dir" "$staged/$name"
    done
    mn_args+=(--systems-dir "$staged")
fi
"$precis" eval "$mn" "${mn_args[@]}" > "$out/multinews.txt" 2> "$out/multinews.err" || true

# run_eval NAME ARGS...: precis eval ARGS, its text report in OUT_DIR/NAME.txt,
# its stderr in NAME.err and the command, shell-quoted, in NAME.cmd.
run_eval() {
    local name=$1
    shift
    printf '%q ' "$precis" eval "$@" | sed 's/ $//' > "$out/$name.cmd"
    echo >> "$out/$name.cmd"
    "$precis" eval "$@" > "$out/$name.txt" 2> "$out/$name.err" || true
}

# stage DIR NAME=SUMMARIES...: DIR holds a symlink NAME to each SUMMARIES
# folder (<cluster>.txt files), for --systems-dir.
stage() {
    local dir=$1 pair
    shift
    rm -rf "$dir"
    mkdir -p "$dir"
    for pair in "$@"; do
        ln -s "${pair#*=}" "$dir/${pair%%=*}"
    done
}

# provenance NAME...: the date, the binary's commit and the commands of runs NAME.
provenance() {
    local name
    echo "Made $(date -u '+%Y-%m-%d %H:%M UTC') by scripts/bench-quality.sh with \`$precis\` (commit $commit):"
    echo
    echo '```sh'
    for name in "$@"; do
        cat "$out/$name.cmd"
    done
    echo '```'
}

echo "# duc2006, 250 words, question-focused" >&2
# NIST's settings (README.txt): -n 4 -m -2 4 -u -f A -p 0.5, peers cut to 250
# words; the built-ins answer each cluster's topic.txt. precis --no-query is
# scored as a system folder so that the paired bootstrap can set it against
# precis with the question.
rm -rf "$out/duc2006-noquery"
run_eval duc2006-noquery "$duc06" --words 250 --systems precis --no-query \
    --write-summaries "$out/duc2006-noquery" --json "$out/duc2006-noquery.json" --force
stage "$out/duc2006-variants" "precis-noquery=$out/duc2006-noquery/precis"
run_eval duc2006 "$duc06" --words 250 --systems-dir "$duc06/_baselines" \
    --systems-dir "$out/duc2006-variants" --compare precis --json "$out/duc2006.json" --force

echo "# duc2007-update-dev, 100 words" >&2
rm -rf "$out/duc2007-nosince" "$out/duc2007-noquery-nosince"
run_eval duc2007-nosince "$duc07" --words 100 --systems precis --no-since \
    --write-summaries "$out/duc2007-nosince" --json "$out/duc2007-nosince.json" --force
run_eval duc2007-noquery-nosince "$duc07" --words 100 --systems precis --no-query --no-since \
    --write-summaries "$out/duc2007-noquery-nosince" --json "$out/duc2007-noquery-nosince.json" --force
stage "$out/duc2007-variants" "precis-nosince=$out/duc2007-nosince/precis" \
    "precis-noquery-nosince=$out/duc2007-noquery-nosince/precis"
run_eval duc2007 "$duc07" --words 100 --systems-dir "$duc07/_baselines" \
    --systems-dir "$out/duc2007-variants" --compare precis --json "$out/duc2007.json" --force

# The update clusters alone (B and C: a non-empty earlier.txt). precis eval
# takes every cluster of a dataset and finds the clusters an earlier.txt names
# beside it, so the subset is a dataset of its own: each update cluster a
# folder of symlinks to its docs, refs and topic.txt, with an earlier.txt
# naming the clusters it read as _<id>, symlinks to those clusters (a folder
# starting with _ is not a cluster). Nothing is copied from the corpus.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-quality.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
bc="$tmp/duc2007-update-bc"
mkdir -p "$bc"
for cluster in "$duc07"/*/; do
    cluster=${cluster%/}
    id=$(basename "$cluster")
    case $id in _*) continue ;; esac
    [ -s "$cluster/earlier.txt" ] || continue
    mkdir "$bc/$id"
    for part in docs refs topic.txt; do
        ln -s "$cluster/$part" "$bc/$id/$part"
    done
    while read -r seen; do
        [ -n "$seen" ] || continue
        echo "_$seen"
        [ -e "$bc/_$seen" ] || ln -s "$duc07/$seen" "$bc/_$seen"
    done < "$cluster/earlier.txt" > "$bc/$id/earlier.txt"
done
run_eval duc2007-bc "$bc" --words 100 --systems precis --systems-dir "$out/duc2007-variants" \
    --compare precis --json "$out/duc2007-bc.json" --force
bc_clusters=$(find "$bc" -mindepth 1 -maxdepth 1 -name 'D*' -printf '%f\n' | sort | paste -sd ' ')

{
    echo "### DUC 2004, 100 words, recall (ROUGE-1.5.5 -n 4 -m -l 100 -f A)"
    echo
    $table "$out/duc2004.json" recall ROUGE-1 ROUGE-2 ROUGE-4 --compare "$out/duc2004.txt"
    echo
    echo "### multinews-val, 300 words, F1 (-n 2 -m -l 300 -f A)"
    echo
    $table "$out/multinews.json" f ROUGE-1 ROUGE-2 ROUGE-SU4 --compare "$out/multinews.txt"
    echo
    echo "### duc2006, 250 words, question-focused, recall (ROUGE-1.5.5 -n 4 -m -2 4 -u -l 250 -f A)"
    echo
    provenance duc2006-noquery duc2006
    echo
    echo "precis answers each cluster's topic.txt (title and narrative), as the other built-ins do;"
    echo "precis-noquery is precis --no-query. Sorted by R-2."
    echo
    $table "$out/duc2006.json" recall ROUGE-1 ROUGE-2 ROUGE-SU4 --sort ROUGE-2 \
        --rank-among "$duc06/_baselines" --official "$duc06/README.txt" \
        --official-source "$duc06/_baselines" \
        --compare "$out/duc2006.txt" --compare-only precis-noquery,24
    echo
    echo "### duc2007-update-dev, 100 words, recall (ROUGE-1.5.5 -n 4 -m -2 4 -u -l 100 -f A)"
    echo
    provenance duc2007-nosince duc2007-noquery-nosince duc2007
    echo
    echo "All 15 clusters. precis answers topic.txt with the documents of the clusters earlier.txt"
    echo "names as read (the default); precis-nosince is precis --no-since, precis-noquery-nosince"
    echo "precis --no-query --no-since. Sorted by R-2."
    echo
    $table "$out/duc2007.json" recall ROUGE-1 ROUGE-2 ROUGE-SU4 --sort ROUGE-2 \
        --rank-among "$duc07/_baselines" \
        --compare "$out/duc2007.txt" --compare-only precis-nosince,precis-noquery-nosince
    echo
    echo "#### The $(echo "$bc_clusters" | wc -w) update clusters ($bc_clusters): precis with and without the earlier documents"
    echo
    provenance duc2007-bc
    echo
    echo "The dataset is made of symlinks (see the script); the precis-* rows are the summaries of the"
    echo "all-15 runs above."
    echo
    $table "$out/duc2007-bc.json" recall ROUGE-1 ROUGE-2 ROUGE-SU4 \
        --compare "$out/duc2007-bc.txt" --compare-only precis-nosince,precis-noquery-nosince
} > "$out/quality.md"
cat "$out/quality.md"
