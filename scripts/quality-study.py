#!/usr/bin/env python3
"""Issue 24 study: a learned sentence quality in place of PageRank centrality in
the coverage objective (the quality half of DPP's quality x diversity), with
cross-fitting so that each cluster is summarized by a model that never saw its
topic.

    python3 scripts/quality-study.py OUT_ROOT DUMP.jsonl... [--mu=0.5]

Features of a candidate sentence (all from precis's own analysis): ln(1 +
position), relative position, first sentence, ln(words), PageRank score over
the cluster's best, its concept weight (documents^2, words x 0.6) over the
best, mean document share of its terms, documents holding it over N, a
quotation mark. Target: the share of its distinct content words and pairs
found in some reference. Least squares, five folds by topic over all dumps
given (duc2006, duc2007-update-dev; d6s10 folds follow its duc2006 topic).
Summaries as scripts/ilp-study.py's greedy, with the predicted quality in
place of the score; OUT_ROOT/<dump name>/quality/<cluster>.txt.
"""
import json
import math
import os
import sys

import numpy as np

NAMES = ["ln_pos", "rel_pos", "first", "ln_words", "score", "concepts",
         "term_share", "doc_share", "quote", "bias"]


def keys(terms):
    k = set(zip(terms, terms[1:]))
    k |= {(t,) for t in terms}
    return k


def candidates(c):
    groups = c["groups"]
    doc_len = {}
    for g in groups:
        for d in g["docs"]:
            doc_len[d] = max(doc_len.get(d, 0), g["pos"] + 1)
    df, tdf = {}, {}
    for g in groups:
        for k in keys(g["terms"]):
            df.setdefault(k, set()).update(g["docs"])
    n = c["documents"]
    cands = []
    for i, g in enumerate(groups):
        if not (g["candidate"] and g["alone"] and 6 <= g["words"] <= 80):
            continue
        nd = min(doc_len[d] for d in g["docs"])
        if g["pos"] >= max(5, math.ceil(0.5 * nd)):
            continue
        cands.append(i)
    min_df = min(2, n)
    weight, of = {}, []
    for i in cands:
        ks = []
        for k in keys(groups[i]["terms"]):
            d = len(df[k])
            if d >= min_df:
                weight[k] = d ** 2 * (0.6 if len(k) == 1 else 1.0)
                ks.append(k)
        of.append(ks)
    best_s = max((groups[i]["score"] for i in cands), default=0) or 1
    best_c = max((sum(weight[k] for k in ks) for ks in of), default=0) or 1
    refs = set()
    for r in c["references"]:
        for line in r:
            refs |= keys(line)
    x, y = [], []
    for j, i in enumerate(cands):
        g = groups[i]
        nd = min(doc_len[d] for d in g["docs"])
        terms = g["terms"]
        share = (sum(len(df[(t,)]) for t in terms) / len(terms) / n) if terms else 0
        x.append([
            math.log(1 + g["pos"]), g["pos"] / nd, 1.0 if g["pos"] == 0 else 0.0,
            math.log(g["words"]), g["score"] / best_s,
            sum(weight[k] for k in of[j]) / best_c, share, len(g["docs"]) / n,
            1.0 if any(q in g["text"] for q in ('"', "``", "''", "“", "”")) else 0.0, 1.0,
        ])
        ks = keys(terms)
        y.append(len(ks & refs) / len(ks) if ks else 0.0)
    return cands, of, weight, np.array(x), np.array(y)


def summarize(c, cands, of, weight, quality, mu, budget=100):
    groups = c["groups"]
    best_c = max((sum(weight[k] for k in ks) for ks in of), default=0) or 1
    qmin = min(quality) if len(quality) else 0
    q = [v - qmin for v in quality]
    best_q = max(q, default=0) or 1
    covered = set()

    def value(j):
        gain = sum(weight[k] for k in of[j] if k not in covered) / best_c
        return (gain + mu * q[j] / best_q) / max(1, groups[cands[j]]["words"]) ** 0.4

    chosen, used, open_ = [], 0, set(range(len(cands)))
    while open_ and used < budget:
        j = max(open_, key=lambda j: (value(j), -j))
        open_.discard(j)
        chosen.append(j)
        used += groups[cands[j]]["words"]
        covered.update(of[j])
    out = [cands[j] for j in chosen]
    out.sort(key=lambda i: (groups[i]["docs"][0], groups[i]["pos"]))
    return [groups[i]["text"] for i in out]


def topic(cid):
    return cid.split("-")[0][:5]


def main():
    out = sys.argv[1]
    mu = 0.5
    dumps = []
    for a in sys.argv[2:]:
        if a.startswith("--mu="):
            mu = float(a.split("=")[1])
        else:
            dumps.append(a)
    data = []
    for path in dumps:
        name = os.path.basename(path).split(".")[0]
        with open(path) as f:
            for line in f:
                c = json.loads(line)
                cands, of, weight, x, y = candidates(c)
                if len(cands):
                    data.append((name, c, cands, of, weight, x, y))
    topics = sorted({topic(d[1]["id"]) for d in data})
    fold = {t: i % 5 for i, t in enumerate(topics)}
    for k in range(5):
        train = [d for d in data if fold[topic(d[1]["id"])] != k]
        xs = np.vstack([d[5] for d in train])
        ys = np.concatenate([d[6] for d in train])
        w = np.linalg.lstsq(xs, ys, rcond=None)[0]
        if k == 0:
            print("fold 0 weights:", ", ".join(f"{n} {v:+.3f}" for n, v in zip(NAMES, w)))
        for name, c, cands, of, weight, x, y in data:
            if fold[topic(c["id"])] != k:
                continue
            texts = summarize(c, cands, of, weight, list(x @ w), mu)
            d = os.path.join(out, name, "quality")
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, c["id"] + ".txt"), "w") as o:
                o.writelines(t + "\n" for t in texts)
    xs = np.vstack([d[5] for d in data])
    ys = np.concatenate([d[6] for d in data])
    w = np.linalg.lstsq(xs, ys, rcond=None)[0]
    print("all weights:", ", ".join(f"{n} {v:+.3f}" for n, v in zip(NAMES, w)))


main()
