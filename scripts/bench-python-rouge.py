#!/usr/bin/env python3
"""precis.rouge against Google's rouge-score on DUC 2004's 13 published systems, in one run.

Needs a Python with both `precis` (pip install ./python) and `rouge-score` (0.1.2, as in
../shared/peers/requirements.txt). Reads ../shared/corpora/duc2004 (or --duc):
50 clusters, 4 references each, _baselines/<System>/<cluster>.txt.

Speed: each library scores the 650 summaries (13 systems x 50 clusters) against their
4 references each, as a user would call it:
  precis.rouge(summaries, references)            one call per system; ROUGE-1.5.5's default
                                                 -n 4 -m -l 100 -f A: R-1..4, R-L, R-SU4,
                                                 truncation done inside, clusters in parallel
  rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True).score(ref, summary)
                                                 once per (summary, reference) pair, on texts
                                                 already cut to 100 words (less work for it)
Best of --repeat runs each, wall time. RAYON_NUM_THREADS=1 measures precis on one core.

Numbers: R-1 and R-2 recall in percent per system: ROUGE-1.5.5 as published; precis.rouge's
bootstrap mean (resamples=1000, what ROUGE-1.5.5 prints) and plain mean; rouge-score with
counts pooled over the 4 references as ROUGE -f A pools them (hits recovered from its
precision, as ../shared/peers/rouge_eval.py does), its mean over references, and its best
reference (score_multi's choice, by F). Then the same without stemming on both sides.

    python scripts/bench-python-rouge.py [--duc DIR] [--repeat 3] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PUBLISHED = {  # ROUGE-1.5.5 -n 4 -x -m -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a; Hong et al. 2014
    "Lead": (31.46, 6.13), "LexRank": (36.00, 7.51), "Centroid": (36.42, 7.98),
    "FreqSum": (35.31, 8.12), "TsSum": (35.93, 8.16), "GreedyKL": (38.03, 8.56),
    "CLASSY04": (37.71, 9.02), "CLASSY11": (37.21, 9.21), "Submodular": (39.23, 9.37),
    "DPP": (39.84, 9.62), "OCCAMS_V": (38.50, 9.75), "RegSum": (38.60, 9.78),
    "ICSISumm": (38.44, 9.81),
}  # fmt: skip


def cut_words(text: str, limit: int = 100) -> str:
    """ROUGE-1.5.5's -l: whole lines while the running count of whitespace words stays
    below the limit, then the first words of the next line."""
    out, used = [], 0
    for line in (ln.strip() for ln in text.splitlines() if ln.strip()):
        words = line.split()
        if used + len(words) < limit:
            out.append(line)
            used += len(words)
        else:
            if limit - used > 0:
                out.append(" ".join(words[: limit - used]))
            break
    return "\n".join(out)


def load(duc: Path) -> tuple[list[str], list[list[str]], dict[str, list[str]]]:
    clusters = sorted(p.name for p in duc.iterdir() if p.is_dir() and not p.name.startswith("_"))
    refs = [
        [f.read_text(encoding="utf-8") for f in sorted((duc / c / "refs").glob("*.txt"))]
        for c in clusters
    ]
    systems = {
        s: [(duc / "_baselines" / s / f"{c}.txt").read_text(encoding="utf-8") for c in clusters]
        for s in PUBLISHED
    }
    return clusters, refs, systems


def best_time(repeat: int, run) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def rouge_score_numbers(scorer, tokenizer, summaries, refs) -> dict[str, dict[str, float]]:  # type: ignore[no-untyped-def]
    """R-1 and R-2 recall means over clusters, in percent, three ways of using several
    references with rouge-score."""
    modes: dict[str, dict[str, list[float]]] = {
        m: {"rouge1": [], "rouge2": []} for m in ("pooled", "mean", "best")
    }
    for summary, cluster_refs in zip(summaries, refs):
        n_sys = len(tokenizer.tokenize(summary))
        rows = []
        for ref in cluster_refs:
            n_ref = len(tokenizer.tokenize(ref))
            s = scorer.score(ref, summary)
            row = {}
            for m, units in (("rouge1", (n_sys, n_ref)), ("rouge2", (n_sys - 1, n_ref - 1))):
                hits = round(s[m].precision * max(units[0], 0))
                row[m] = (s[m].recall, s[m].fmeasure, hits, max(units[1], 0))
            rows.append(row)
        for m in ("rouge1", "rouge2"):
            modes["pooled"][m].append(sum(r[m][2] for r in rows) / max(sum(r[m][3] for r in rows), 1))
            modes["mean"][m].append(sum(r[m][0] for r in rows) / len(rows))
            modes["best"][m].append(max(rows, key=lambda r: r[m][1])[m][0])
    return {
        mode: {m: 100 * sum(v) / len(v) for m, v in d.items()} for mode, d in modes.items()
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--duc", type=Path, default=REPO.parent / "shared" / "corpora" / "duc2004")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    import precis
    from rouge_score import rouge_scorer, tokenizers

    clusters, refs, systems = load(args.duc)
    cut_refs = [[cut_words(r) for r in rs] for rs in refs]
    cut_systems = {s: [cut_words(t) for t in texts] for s, texts in systems.items()}
    pairs = sum(len(rs) for rs in refs) * len(systems)
    print(f"DUC 2004: {len(clusters)} clusters, {len(systems)} systems, {pairs} summary-reference pairs")

    # Speed.
    def run_precis() -> None:
        for texts in systems.values():
            precis.rouge(texts, refs)

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)

    def run_rouge_score() -> None:
        for texts in cut_systems.values():
            for summary, cluster_refs in zip(texts, cut_refs):
                for ref in cluster_refs:
                    scorer.score(ref, summary)

    run_precis()  # warm up (the WordNet exception table, rayon's threads)
    t_precis = best_time(args.repeat, run_precis)
    t_rs = best_time(args.repeat, run_rouge_score)
    threads = os.environ.get("RAYON_NUM_THREADS", str(os.cpu_count()))
    print(f"\nspeed, best of {args.repeat} (precis on {threads} threads):")
    print(f"  precis.rouge (R-1..4, L, SU4; truncating)  {t_precis:8.3f} s")
    print(f"  rouge-score  (R-1, R-2, Lsum; pre-cut)     {t_rs:8.3f} s")
    print(f"  ratio                                      {t_rs / t_precis:8.1f}x")

    # Numbers.
    tokenizer = tokenizers.DefaultTokenizer(use_stemmer=True)
    plain_scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=False)
    plain_tokenizer = tokenizers.DefaultTokenizer(use_stemmer=False)
    rows = []
    print("\nR-1 / R-2 recall, percent, 100 words, 4 references (pooled = ROUGE -f A):")
    print(f"{'system':<11} {'published':>13} {'precis boot':>13} {'precis plain':>13} "
          f"{'rs pooled':>13} {'rs mean':>13} {'rs best':>13} | {'unstemmed: precis':>17} {'rs pooled':>13}")
    for name, texts in systems.items():
        s = precis.rouge(texts, refs, resamples=1000)
        boot = [100 * s[m]["bootstrap"]["recall"]["mean"] for m in ("rouge-1", "rouge-2")]
        plain = [100 * s[m]["recall"] for m in ("rouge-1", "rouge-2")]
        rs = rouge_score_numbers(scorer, tokenizer, cut_systems[name], cut_refs)
        u = precis.rouge(texts, refs, stem=False, max_n=2)
        unstemmed = [100 * u[m]["recall"] for m in ("rouge-1", "rouge-2")]
        rs_u = rouge_score_numbers(plain_scorer, plain_tokenizer, cut_systems[name], cut_refs)["pooled"]
        row = {
            "system": name,
            "published": PUBLISHED[name],
            "precis_bootstrap": boot,
            "precis_plain": plain,
            "rouge_score": {k: [v["rouge1"], v["rouge2"]] for k, v in rs.items()},
            "unstemmed_precis": unstemmed,
            "unstemmed_rouge_score_pooled": [rs_u["rouge1"], rs_u["rouge2"]],
        }
        rows.append(row)
        pair = lambda v: f"{v[0]:6.2f} {v[1]:5.2f}"  # noqa: E731
        print(f"{name:<11} {pair(PUBLISHED[name]):>13} {pair(boot):>13} {pair(plain):>13} "
              f"{pair(row['rouge_score']['pooled']):>13} {pair(row['rouge_score']['mean']):>13} "
              f"{pair(row['rouge_score']['best']):>13} | {pair(unstemmed):>17} "
              f"{pair(row['unstemmed_rouge_score_pooled']):>13}")

    def worst(key, sub=None) -> tuple[float, float]:  # type: ignore[no-untyped-def]
        diffs = [[], []]
        for r in rows:
            v = r[key] if sub is None else r[key][sub]
            for i in (0, 1):
                diffs[i].append(abs(v[i] - r["published"][i]))
        return max(diffs[0]), max(diffs[1])

    print("\nlargest difference from the published figures (R-1, R-2 points):")
    print("  precis bootstrap  %.3f %.3f" % worst("precis_bootstrap"))
    print("  precis plain      %.3f %.3f" % worst("precis_plain"))
    for mode in ("pooled", "mean", "best"):
        print(f"  rouge-score {mode:<6}" + " %.3f %.3f" % worst("rouge_score", mode))
    d = [max(abs(r["unstemmed_precis"][i] - r["unstemmed_rouge_score_pooled"][i]) for r in rows) for i in (0, 1)]
    print(f"  unstemmed, precis vs rouge-score pooled: {d[0]:.3f} {d[1]:.3f}")

    if args.json:
        args.json.write_text(json.dumps({
            "seconds": {"precis": t_precis, "rouge_score": t_rs}, "threads": threads,
            "ratio": t_rs / t_precis, "systems": rows}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
