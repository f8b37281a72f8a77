#!/usr/bin/env bash
# Regenerate the quality tables of the README ("Benchmarking quality"):
#  1. DUC 2004 at 100 words, ROUGE-1.5.5 recall (-n 4 -m -l 100 -f A): precis and
#     the built-in baselines beside the 13 published systems, with the paired
#     bootstrap of precis against each;
#  2. multinews-val at 300 words, F1: precis and the built-ins, plus the Python
#     peers when their outputs exist (PEERS_OUT, default target/peers-mn300;
#     RUN_PEERS=1 runs them first, about ten minutes on 2 cores).
#
#   bash scripts/bench-quality.sh [OUT_DIR]       # default target/quality
#
# Needs: cargo, python3, the shared corpora at $PRECIS_SHARED or <repo>/../shared;
# for the peers, the venv of ../shared/peers/setup.sh ($PEERS_VENV).
# Writes OUT_DIR/quality.md (the tables) plus each run's text and JSON report.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${PRECIS_SHARED:-$repo/../shared}"
out="${1:-$repo/target/quality}"
peers_out="${PEERS_OUT:-$repo/target/peers-mn300}"
venv="${PEERS_VENV:-$HOME/.cache/precis-peers/venv}"
duc="$shared/corpora/duc2004"
mn="$shared/corpora/multinews-val"
[ -d "$duc/_baselines" ] || { echo "no $duc/_baselines: set PRECIS_SHARED" >&2; exit 2; }
mkdir -p "$out"

cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
precis="${CARGO_TARGET_DIR:-$repo/target}/release/precis"
table="python3 $repo/scripts/quality_table.py"

if [ "${RUN_PEERS:-0}" = 1 ]; then
    "$venv/bin/python" "$shared/peers/run_peers.py" "$mn" --dataset -o "$peers_out" \
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
