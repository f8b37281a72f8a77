#!/usr/bin/env bash
# Regenerate the quality tables of docs/benchmarks.md ("Quality"):
#  1. DUC 2004 at 100 words, ROUGE-1.5.5 recall (-n 4 -m -l 100 -f A): precis and
#     the built-in baselines beside the 13 published systems, with the paired
#     bootstrap of precis against each;
#  2. multinews-val at 300 words, F1: precis and the built-ins, plus the Python
#     peers when their outputs exist (PEERS_OUT, default target/peers-mn300;
#     RUN_PEERS=1 runs them first, about ten minutes on 2 cores).
#
#   bash scripts/bench-quality.sh [OUT_DIR]       # default target/quality
#
# Needs: cargo, python3, the shared corpora at $SHARED or $PRECIS_SHARED or
# <repo>/../shared; for the peers, the venv of ../shared/peers/setup.sh
# ($PEERS_VENV). BIN: a precis binary to use instead of building one.
# Writes OUT_DIR/quality.md (the tables) plus each run's text and JSON report.
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$(dirname "$0")/common.sh"

out="$(from_caller "${1:-$REPO/target/quality}")"
peers_out="$(from_caller "${PEERS_OUT:-$REPO/target/peers-mn300}")"
venv="${PEERS_VENV:-$HOME/.cache/precis-peers/venv}"
duc="$SHARED/corpora/duc2004"
mn="$SHARED/corpora/multinews-val"
need_dir "$duc/_baselines" "set PRECIS_SHARED or SHARED"
mkdir -p "$out"

build_release
precis=$BIN
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

{
    echo "### DUC 2004, 100 words, recall (ROUGE-1.5.5 -n 4 -m -l 100 -f A)"
    echo
    $table "$out/duc2004.json" recall ROUGE-1 ROUGE-2 ROUGE-4 --compare "$out/duc2004.txt"
    echo
    echo "### multinews-val, 300 words, F1 (-n 2 -m -l 300 -f A)"
    echo
    $table "$out/multinews.json" f ROUGE-1 ROUGE-2 ROUGE-SU4 --compare "$out/multinews.txt"
} > "$out/quality.md"
cat "$out/quality.md"
