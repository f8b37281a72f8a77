#!/usr/bin/env python3
"""Issue 24 study: exact concept optimisation (ICSI's ILP, Gillick & Favre 2009)
against precis's lazy greedy, on the same candidates, concepts and scores.

    python3 scripts/ilp-study.py DUMP.jsonl OUT_DIR [--words 100] [--mode greedy|ilp]

DUMP is `concept_dump`'s output (examples/concept_dump.rs). Candidates: groups
that may be chosen, stand alone, have 6-80 words and lie in their document's
first tier (max(5, ceil(0.5 n)), n approximated by the group positions seen).
Concepts: content-word pairs and words of the candidates, weighed documents^2
(words x 0.6), at least 2 documents. Objective, as precis's coverage:
sum of covered concept weights / the best sentence's + 0.5 x sum of scores /
the best score. greedy: by gain / words^0.4, the last sentence may run past
the budget. ilp: the exact optimum within the budget (scipy's HiGHS), then the
best remaining sentence by the greedy's value runs past it. Writes
OUT_DIR/<cluster>.txt, one sentence a line, for `precis eval --systems-dir`.
"""
import json
import math
import os
import sys

import numpy as np

# Variants (environment): ILP_MIN_DF, ILP_EXPONENT, ILP_UNIGRAM, ILP_CENTRALITY,
# ILP_MERGE (near-duplicate documents as one source), ILP_CONCEPTS (terms|tokens).
MIN_DF = int(os.environ.get("ILP_MIN_DF", 2))
EXPONENT = float(os.environ.get("ILP_EXPONENT", 2))
UNIGRAM = float(os.environ.get("ILP_UNIGRAM", 0.6))
CENTRALITY = float(os.environ.get("ILP_CENTRALITY", 0.5))
MERGE = float(os.environ.get("ILP_MERGE", 1))
CONCEPTS = os.environ.get("ILP_CONCEPTS", "terms")
from scipy.optimize import Bounds, LinearConstraint, milp


def keys(terms):
    k = set(zip(terms, terms[1:]))
    k |= {(t,) for t in terms}
    return k


def group_keys(g):
    """A group's concepts: precis's (pairs of consecutive content terms, and
    terms), or with ILP_CONCEPTS=tokens ROUGE-2's kind: pairs of consecutive
    words (content words as their terms, stop words as themselves), not both
    stop words, and the content terms."""
    if CONCEPTS != "tokens":
        return keys(g["terms"])
    words = [(t if t is not None else "_" + w, t is None) for w, t in g["tokens"]]
    k = {(a, b) for (a, sa), (b, sb) in zip(words, words[1:]) if not (sa and sb)}
    k |= {(t,) for t in g["terms"]}
    return k


def prepare(c):
    n_docs = c["documents"]
    groups = c["groups"]
    doc_len = {}
    for g in groups:
        for d in g["docs"]:
            doc_len[d] = max(doc_len.get(d, 0), g["pos"] + 1)
    # Variant: documents sharing over MERGE of the smaller one's word pairs
    # count as one source for the document counts.
    source = {d: d for d in doc_len}
    if MERGE < 1:
        pairs = {}
        for g in groups:
            for d in g["docs"]:
                pairs.setdefault(d, set()).update(zip(g["terms"], g["terms"][1:]))

        def find(d):
            while source[d] != d:
                d = source[d]
            return d

        ds = sorted(pairs)
        for i, a in enumerate(ds):
            for b in ds[i + 1:]:
                A, B = pairs[a], pairs[b]
                if A and B and len(A & B) / min(len(A), len(B)) > MERGE:
                    source[find(b)] = find(a)
        source = {d: find(d) for d in source}
    df = {}
    for g in groups:
        for k in group_keys(g):
            df.setdefault(k, set()).update(source[d] for d in g["docs"])
    cands = []
    for i, g in enumerate(groups):
        if not (g["candidate"] and g["alone"] and 6 <= g["words"] <= 80):
            continue
        n = min(doc_len[d] for d in g["docs"])
        if g["pos"] >= max(5, math.ceil(0.5 * n)):
            continue
        cands.append(i)
    min_df = min(MIN_DF, n_docs)
    weight = {}
    of = []
    for i in cands:
        ks = []
        for k in group_keys(groups[i]):
            d = len(df[k])
            if d < min_df:
                continue
            if len(k) == 1 and UNIGRAM == 0:
                continue
            weight[k] = d ** EXPONENT * (UNIGRAM if len(k) == 1 else 1.0)
            ks.append(k)
        of.append(ks)
    return cands, of, weight


def value_fn(groups, cands, of, weight, covered):
    best_c = max((sum(weight[k] for k in ks) for ks in of), default=0) or 1
    best_s = max((groups[i]["score"] for i in cands), default=0) or 1

    def value(j):
        gain = sum(weight[k] for k in of[j] if k not in covered) / best_c
        gain += 0.5 * groups[cands[j]]["score"] / best_s
        return gain / max(1, groups[cands[j]]["words"]) ** 0.4

    return value, best_c, best_s


def greedy(c, budget):
    groups = c["groups"]
    cands, of, weight = prepare(c)
    covered = set()
    value, _, _ = value_fn(groups, cands, of, weight, covered)
    chosen, used, open_ = [], 0, set(range(len(cands)))
    while open_ and used < budget:
        j = max(open_, key=lambda j: (value(j), -j))
        open_.discard(j)
        chosen.append(j)
        used += groups[cands[j]]["words"]
        covered.update(of[j])
    return [cands[j] for j in chosen]


def ilp(c, budget):
    groups = c["groups"]
    cands, of, weight = prepare(c)
    if not cands:
        return []
    _, best_c, best_s = value_fn(groups, cands, of, weight, set())
    concepts = sorted({k for ks in of for k in ks})
    index = {k: i for i, k in enumerate(concepts)}
    ns, nc = len(cands), len(concepts)
    # variables: x (sentences) then z (concepts); maximise -> minimise negative
    cost = np.concatenate([
        [-CENTRALITY * groups[i]["score"] / best_s for i in cands],
        [-weight[k] / best_c for k in concepts],
    ])
    rows, cols, vals = [], [], []
    r = 0
    # length
    for j, i in enumerate(cands):
        rows.append(r); cols.append(j); vals.append(groups[i]["words"])
    lo, hi = [-np.inf], [budget]
    r += 1
    # z_k <= sum of x holding k
    holders = [[] for _ in concepts]
    for j, ks in enumerate(of):
        for k in ks:
            holders[index[k]].append(j)
    for ci, hs in enumerate(holders):
        rows.append(r); cols.append(ns + ci); vals.append(1.0)
        for j in hs:
            rows.append(r); cols.append(j); vals.append(-1.0)
        lo.append(-np.inf); hi.append(0.0)
        r += 1
    from scipy.sparse import csr_matrix
    a = csr_matrix((vals, (rows, cols)), shape=(r, ns + nc))
    res = milp(cost, constraints=LinearConstraint(a, lo, hi),
               integrality=np.concatenate([np.ones(ns), np.zeros(nc)]),
               bounds=Bounds(0, 1), options={"time_limit": 20})
    x = res.x[:ns] > 0.5 if res.x is not None else np.zeros(ns, bool)
    chosen = [j for j in range(ns) if x[j]]
    # fill: the best remaining sentence by the greedy's value runs past.
    covered = set(k for j in chosen for k in of[j])
    value, _, _ = value_fn(groups, cands, of, weight, covered)
    used = sum(groups[cands[j]]["words"] for j in chosen)
    rest = [j for j in range(ns) if j not in chosen]
    while rest and used < budget:
        j = max(rest, key=lambda j: (value(j), -j))
        rest.remove(j)
        chosen.append(j)
        used += groups[cands[j]]["words"]
        covered.update(of[j])
    return [cands[j] for j in chosen]


def main():
    dump, out = sys.argv[1], sys.argv[2]
    words = 100
    mode = "greedy"
    for a in sys.argv[3:]:
        if a.startswith("--words="):
            words = int(a.split("=")[1])
        if a.startswith("--mode="):
            mode = a.split("=")[1]
    os.makedirs(out, exist_ok=True)
    with open(dump) as f:
        for line in f:
            c = json.loads(line)
            chosen = (ilp if mode == "ilp" else greedy)(c, words)
            # reading order: document, then position
            chosen.sort(key=lambda i: (c["groups"][i]["docs"][0], c["groups"][i]["pos"]))
            with open(os.path.join(out, c["id"] + ".txt"), "w") as o:
                for i in chosen:
                    o.write(c["groups"][i]["text"] + "\n")


main()
