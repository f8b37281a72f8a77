#!/usr/bin/env python3
"""Issue 24 study: supervised concept weights, in the spirit of RegSum (Hong &
Nenkova 2014) and of Li, Qian & Liu 2013's supervised bigram ILP. A small
logistic regression predicts, from features of each concept (content word pair
or word) of a cluster, the share of the human references that hold it. Studied,
not adopted (docs/quality-log.md, issue 24 round 2): its weights, put in
place of documents^2 in precis's coverage objective, lowered every long-news
view even in-sample.

    cargo build --release --example concept_dump
    mkdir -p target/cw
    for d in duc2006 duc2007-update-dev; do
        target/release/examples/concept_dump ../shared/corpora/$d > target/cw/$d.jsonl
    done
    python3 scripts/concept-weights.py target/cw/duc2006.jsonl target/cw/duc2007-update-dev.jsonl

Training data: duc2006 and duc2007-update-dev read generically (the tuning
sets of issue 24), never duc2004. Cross-validation is by topic (a duc2007
topic's sets A-C stay together), five folds; it prints the held-out log loss
and average precision of the model against plain document counts, then the
weights fitted on everything.

The features of a concept c in a cluster of N documents (the Rust prototype
described in docs/quality-log.md computed the same in src/select/concepts.rs):
  ln_df      ln(documents holding c)
  df_share   documents holding c / N
  ln_sent    ln(sentence groups holding c)
  ln_pos     ln(1 + earliest reading position of a group holding c)
  lead_share share of c's documents where it occurs in their first 3 sentences
  unigram    1 for a single word, 0 for a pair
"""
import json
import math
import sys

import numpy as np

FEATURES = ["ln_df", "df_share", "ln_sent", "ln_pos", "lead_share", "unigram"]
LEAD = 3


def concept_keys(terms):
    keys = set()
    for a, b in zip(terms, terms[1:]):
        keys.add((a, b))
    for t in terms:
        keys.add((t,))
    return keys


def cluster_rows(c, min_df):
    n = c["documents"]
    stats = {}  # key -> [docs set, groups, minpos, lead docs set]
    for g in c["groups"]:
        for k in concept_keys(g["terms"]):
            s = stats.get(k)
            if s is None:
                s = stats[k] = [set(), 0, 1 << 30, set()]
            s[0].update(g["docs"])
            s[1] += 1
            s[2] = min(s[2], g["pos"])
            if g["pos"] < LEAD:
                s[3].update(g["docs"])
    pooled = set()
    for g in c["groups"]:
        if g["candidate"]:
            pooled |= concept_keys(g["terms"])
    refs = []
    for ref in c["references"]:
        keys = set()
        for line in ref:
            keys |= concept_keys(line)
        refs.append(keys)
    rows, labels, keys = [], [], []
    for k in sorted(pooled):
        docs, sent, minpos, lead = stats[k]
        df = len(docs)
        if df < min_df:
            continue
        rows.append([
            math.log(df),
            df / n,
            math.log(sent),
            math.log(1 + minpos),
            len(lead) / df,
            1.0 if len(k) == 1 else 0.0,
        ])
        labels.append(sum(k in r for r in refs) / max(1, len(refs)))
        keys.append(k)
    return np.array(rows), np.array(labels), keys


def fit(x, y, l2=1e-3, iters=50):
    """Logistic regression with soft labels, by Newton's method."""
    x1 = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x1.shape[1])
    for _ in range(iters):
        p = 1 / (1 + np.exp(-x1 @ w))
        grad = x1.T @ (p - y) / len(y) + l2 * np.r_[w[:-1], 0]
        h = (x1.T * (p * (1 - p))) @ x1 / len(y) + l2 * np.eye(len(w))
        step = np.linalg.solve(h, grad)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w


def predict(w, x):
    return 1 / (1 + np.exp(-(x @ w[:-1] + w[-1])))


def log_loss(p, y):
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def average_precision(score, y):
    """Average precision of ranking by score for the binary 'in some reference'."""
    order = np.argsort(-score, kind="stable")
    hit = (y[order] > 0).astype(float)
    if hit.sum() == 0:
        return 0.0
    prec = np.cumsum(hit) / np.arange(1, len(hit) + 1)
    return float((prec * hit).sum() / hit.sum())


def topic(cluster_id):
    # duc2007-update-dev: D0703A-A, -B, -C share a topic; d6s10: D0601A-0, -1.
    return cluster_id.split("-")[0]


def main():
    min_df = 2
    paths = [a for a in sys.argv[1:] if not a.startswith("--")]
    for a in sys.argv[1:]:
        if a.startswith("--min-df="):
            min_df = int(a.split("=")[1])
    clusters = []
    for path in paths:
        with open(path) as f:
            for line in f:
                c = json.loads(line)
                x, y, _ = cluster_rows(c, min_df)
                if len(y):
                    clusters.append((c["id"], x, y))
    topics = sorted({topic(c[0]) for c in clusters})
    folds = 5
    fold_of = {t: i % folds for i, t in enumerate(topics)}
    losses, aps, base_aps = [], [], []
    for k in range(folds):
        train = [c for c in clusters if fold_of[topic(c[0])] != k]
        test = [c for c in clusters if fold_of[topic(c[0])] == k]
        w = fit(np.vstack([c[1] for c in train]), np.concatenate([c[2] for c in train]))
        for _, x, y in test:
            p = predict(w, x)
            losses.append(log_loss(p, y))
            aps.append(average_precision(p, y))
            # precis's weight: documents^2, pairs 1, words 0.6.
            base = np.exp(2 * x[:, 0]) * np.where(x[:, 5] > 0, 0.6, 1.0)
            base_aps.append(average_precision(base, y))
    print(f"{len(clusters)} clusters, {len(topics)} topics, min documents {min_df}")
    print(f"held-out log loss {np.mean(losses):.4f}; average precision "
          f"{np.mean(aps):.4f} (documents^2: {np.mean(base_aps):.4f})")
    w = fit(np.vstack([c[1] for c in clusters]), np.concatenate([c[2] for c in clusters]))
    print("weights:", ", ".join(f"{n} {v:+.4f}" for n, v in zip(FEATURES + ["bias"], w)))
    print("as a list:", json.dumps([round(float(v), 4) for v in w]))


main()
