#!/usr/bin/env python3
"""How much could a sentence score learned on multinews-val add? (issue 15)

    ~/.cache/precis-peers/venv/bin/python scripts/learned-score-study.py \
        --precis target/release/precis --out target/learned-study

Needs numpy: the peers' virtual environment has it (bash ../shared/peers/setup.sh makes it
in ~/.cache/precis-peers/venv).

1. Dumps each cluster's candidate pool: `precis brief DOCS --words 100000
   --format json`, every sentence precis would choose from, with its score.
2. Labels each sentence by how much of it the references hold: the share of
   its distinct bigrams in a reference, plus half the share of its distinct
   words (tokens: runs of ASCII letters and digits, lowercased).
3. Two-fold cross-validation over clusters (even / odd): a least-squares linear
   score is fitted on one half and used on the other, summaries are written by
   that score (best first, a sentence sharing > 70% of its words with a chosen
   one skipped, until the word limit is reached), and `precis eval` scores
   them on the held-out half beside precis itself and the same procedure
   ordered by precis's own score ("score order").
4. With --oracle, a greedy extractive oracle on the same pools (each step adds
   the sentence that raises R-1 + R-2 F1 against the references most, until
   none does): the ceiling of any choice among precis's candidates.

Features (per sentence): precis's score over the cluster's best, ln(words + 1),
whether it holds a quotation mark, the share of its content words found in
another document, the share of its content-word bigrams found in another
document. Feature sets are named by what they include; the cluster's number of
documents is constant within a cluster and left out.
"""
import argparse
import collections
import json
import math
import os
import re
import subprocess
import sys

import numpy as np

TOKEN = re.compile(r"[a-z0-9]+")
QUOTES = ('"', "\u201c", "\u201d")


def tokens(text):
    return TOKEN.findall(text.lower())


def stop_words():
    # sumy's English list, shipped inside the peers' environment.
    try:
        import sumy
    except ImportError:
        sys.exit("sumy not found: run this with the peers' python (bash ../shared/peers/setup.sh makes ~/.cache/precis-peers/venv)")
    path = os.path.join(os.path.dirname(sumy.__file__), "data", "stopwords", "english.txt")
    return set(open(path).read().split())


def dump_pools(precis, dataset, out):
    os.makedirs(out, exist_ok=True)
    clusters = sorted(c for c in os.listdir(dataset) if os.path.isdir(os.path.join(dataset, c, "docs")))
    for c in clusters:
        path = os.path.join(out, c + ".json")
        if os.path.exists(path):
            continue
        run = subprocess.run(
            [precis, "brief", os.path.join(dataset, c, "docs"), "--words", "100000", "--format", "json", "-q"],
            capture_output=True, text=True)
        with open(path, "w") as f:
            f.write(run.stdout if run.returncode == 0 else "")
    return clusters


def features(dataset, pools, clusters, stop):
    rows = []
    for c in clusters:
        path = os.path.join(pools, c + ".json")
        if os.path.getsize(path) == 0:
            continue
        sentences = json.load(open(path))["sentences"]
        refs_dir = os.path.join(dataset, c, "refs")
        refs = [tokens(open(os.path.join(refs_dir, r)).read()) for r in sorted(os.listdir(refs_dir))]
        ref_words = set(w for r in refs for w in r)
        ref_bigrams = set(b for r in refs for b in zip(r, r[1:]))
        doc_of = [s["sources"][0]["document"] for s in sentences]
        words = [tokens(s["text"]) for s in sentences]
        content = [[w for w in t if w not in stop and len(w) > 2] for t in words]
        word_docs = collections.defaultdict(set)
        bigram_docs = collections.defaultdict(set)
        for i, seq in enumerate(content):
            for w in seq:
                word_docs[w].add(doc_of[i])
            for b in zip(seq, seq[1:]):
                bigram_docs[b].add(doc_of[i])
        best = max((s["score"] for s in sentences), default=1.0) or 1.0
        cluster = []
        for i, s in enumerate(sentences):
            t = words[i]
            bigrams = set(zip(t, t[1:]))
            label = len(bigrams & ref_bigrams) / max(1, len(bigrams)) + 0.5 * len(set(t) & ref_words) / max(1, len(set(t)))
            cw = set(content[i])
            cb = set(zip(content[i], content[i][1:]))
            f = {
                "score": s["score"] / best,
                "length": math.log(len(t) + 1),
                "quote": float(any(q in s["text"] for q in QUOTES)),
                "shared words": sum(len(word_docs[w]) > 1 for w in cw) / max(1, len(cw)),
                "shared bigrams": sum(len(bigram_docs[b]) > 1 for b in cb) / max(1, len(cb)),
            }
            cluster.append((f, label, s["text"], t))
        rows.append((c, cluster))
    return rows


def write_summary(cluster, order, limit, path):
    chosen, seen, count = [], [], 0
    for i in order:
        t = cluster[i][3]
        s = set(t)
        if any(len(s & o) / max(1, min(len(s), len(o))) > 0.7 for o in seen):
            continue
        chosen.append(i)
        seen.append(s)
        count += len(t)
        if count >= limit:
            break
    with open(path, "w") as f:
        f.write("".join(cluster[i][2] + "\n" for i in chosen))


def oracle(rows, dataset, limit, out):
    def grams(t, n):
        return collections.Counter(zip(*[t[k:] for k in range(n)]))

    def f_sum(summary, refs):
        total = 0.0
        for n in (1, 2):
            s = grams(summary, n)
            overlap = sum(sum((s & grams(r, n)).values()) for r in refs)
            if overlap:
                p = overlap / (sum(s.values()) * len(refs))
                r = overlap / sum(sum(grams(r, n).values()) for r in refs)
                total += 2 * p * r / (p + r)
        return total

    os.makedirs(out, exist_ok=True)
    for c, cluster in rows:
        refs_dir = os.path.join(dataset, c, "refs")
        refs = [tokens(open(os.path.join(refs_dir, r)).read())[:limit] for r in sorted(os.listdir(refs_dir))]
        chosen, current, best = [], [], 0.0
        while len(current) < limit:
            step = None
            for i, row in enumerate(cluster):
                if i in chosen:
                    continue
                value = f_sum((current + row[3])[:limit], refs)
                if value > best + 1e-9 and (step is None or value > step[0]):
                    step = (value, i)
            if step is None:
                break
            best, i = step
            chosen.append(i)
            current = current + cluster[i][3]
        with open(os.path.join(out, c + ".txt"), "w") as f:
            f.write("".join(cluster[i][2] + "\n" for i in sorted(chosen)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--precis", default="target/release/precis")
    ap.add_argument("--dataset", default="../shared/corpora/multinews-val")
    ap.add_argument("--out", default="target/learned-study")
    ap.add_argument("--words", type=int, default=300)
    ap.add_argument("--measure", default="f1")
    ap.add_argument("--oracle", action="store_true")
    args = ap.parse_args()

    clusters = dump_pools(args.precis, args.dataset, os.path.join(args.out, "pools"))
    rows = features(args.dataset, os.path.join(args.out, "pools"), clusters, stop_words())
    names = list(rows[0][1][0][0].keys())
    sets = {
        "all five": names,
        "without quote": [n for n in names if n != "quote"],
    }
    eval_flags = ["--words", str(args.words), "--measure", args.measure, "--max-n", "2", "--resamples", "1", "--plain-means"]
    for fold in (0, 1):
        train = [r for k, r in enumerate(rows) if k % 2 == fold]
        test = [r for k, r in enumerate(rows) if k % 2 != fold]
        fold_dir = os.path.join(args.out, f"fold{fold}")
        view = os.path.join(fold_dir, "view")
        systems = os.path.join(fold_dir, "systems")
        subprocess.run(["rm", "-rf", fold_dir], check=True)
        os.makedirs(view)
        for c, _ in test:
            os.symlink(os.path.abspath(os.path.join(args.dataset, c)), os.path.join(view, c))
        print(f"fold {fold}: fitted on {len(train)} clusters, scored on {len(test)}")
        for set_name, used in sets.items():
            x = np.array([[1.0] + [f[n] for n in used] for _, cl in train for f, *_ in cl])
            y = np.array([label for _, cl in train for _, label, *_ in cl])
            weights, *_ = np.linalg.lstsq(x, y, rcond=None)
            print(f"  {set_name}: " + ", ".join(f"{n} {w:+.3f}" for n, w in zip(used, weights[1:])))
            folder = os.path.join(systems, set_name.replace(" ", "-"))
            os.makedirs(folder)
            for c, cl in test:
                predicted = np.array([[1.0] + [f[n] for n in used] for f, *_ in cl]) @ weights
                write_summary(cl, np.argsort(-predicted, kind="stable"), args.words, os.path.join(folder, c + ".txt"))
        folder = os.path.join(systems, "score-order")
        os.makedirs(folder)
        for c, cl in test:
            order = np.argsort(-np.array([f["score"] for f, *_ in cl]), kind="stable")
            write_summary(cl, order, args.words, os.path.join(folder, c + ".txt"))
        run = subprocess.run([args.precis, "eval", view, "--systems", "precis", "--systems-dir", systems] + eval_flags,
                             capture_output=True, text=True)
        print("".join("  " + line + "\n" for line in run.stdout.splitlines()[2:9] if line.strip()))
    if args.oracle:
        folder = os.path.join(args.out, "oracle", "oracle")
        oracle(rows, args.dataset, args.words, folder)
        run = subprocess.run([args.precis, "eval", args.dataset, "--systems", "precis,lead,random",
                              "--systems-dir", os.path.dirname(folder)] + eval_flags, capture_output=True, text=True)
        print("".join(line + "\n" for line in run.stdout.splitlines()[2:9] if line.strip()))


if __name__ == "__main__":
    main()
