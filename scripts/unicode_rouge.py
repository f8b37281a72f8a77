#!/usr/bin/env python3
"""ROUGE-1/2 recall on Unicode words, counted independently of precis.

    python3 scripts/unicode_rouge.py DATASET SUMMARIES [--words N]

DATASET is a `precis eval` dataset (DATASET/<cluster>/refs/*.txt); SUMMARIES a
folder of one system's summaries (SUMMARIES/<cluster>.txt, as `precis eval
--write-summaries OUT` writes to OUT/<system>/). Prints one JSON object: the
mean over clusters of ROUGE-1 and ROUGE-2 recall, model average over the
references (ROUGE -f A), no stemming, stop words kept.

Text is cut as ROUGE-1.5.5 cuts it (-l N: the first N whitespace-separated
fields over the non-empty lines), then split into words: maximal runs of
letters, digits and combining marks of any script, lowercased; each Han,
hiragana or katakana character is a word of its own. That is the definition
`precis eval --tokenize unicode` documents; this script shares no code with it.
"""

import argparse
import json
import os
import re
import sys
from collections import Counter

# Han (CJK unified ideographs and extensions A, compatibility), hiragana, katakana.
SINGLE = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
WORD = re.compile(f"[{SINGLE}]|(?:(?![{SINGLE}])[^\\W_]|[{MARKS}])+")


def cut(text, words):
    """The kept prefix of the text, as ROUGE-1.5.5's -l does it."""
    kept, count = [], 0
    for line in text.split("\n"):
        if not line:
            continue
        fields = re.split(r"[ \t\n\x0b\x0c\r]+", line)
        while fields and fields[-1] == "":
            fields.pop()
        if not fields:
            continue
        if count + len(fields) < words:
            count += len(fields)
            kept.append(line)
        else:
            kept.append(" ".join(fields[: words - count]))
            break
    return "\n".join(kept)


def tokens(text, words):
    return [m.group(0).lower() for m in WORD.finditer(cut(text, words))]


def ngrams(toks, n):
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dataset")
    ap.add_argument("summaries")
    ap.add_argument("--words", type=int, default=100)
    args = ap.parse_args()
    recalls = {1: [], 2: []}
    for cluster in sorted(os.listdir(args.dataset)):
        refs_dir = os.path.join(args.dataset, cluster, "refs")
        summary = os.path.join(args.summaries, cluster + ".txt")
        if cluster.startswith("_") or not os.path.isdir(refs_dir) or not os.path.isfile(summary):
            continue
        system = tokens(read(summary), args.words)
        refs = [
            tokens(read(os.path.join(refs_dir, r)), args.words)
            for r in sorted(os.listdir(refs_dir))
            if not r.startswith(".")
        ]
        for n in (1, 2):
            peer = ngrams(system, n)
            hits = total = 0
            for ref in refs:
                model = ngrams(ref, n)
                hits += sum(min(c, peer[g]) for g, c in model.items())
                total += sum(model.values())
            recalls[n].append(hits / total if total else 0.0)
    if not recalls[1]:
        sys.exit("no cluster with both references and a summary")
    json.dump(
        {
            "clusters": len(recalls[1]),
            "rouge_1_recall": sum(recalls[1]) / len(recalls[1]),
            "rouge_2_recall": sum(recalls[2]) / len(recalls[2]),
        },
        sys.stdout,
    )
    print()


if __name__ == "__main__":
    main()
