#!/usr/bin/env python3
"""Convert a dataset in the corpora layout into `precis batch` JSON Lines.

    scripts/corpus-to-jsonl.py ../shared/corpora/multinews-val > clusters.jsonl
    scripts/corpus-to-jsonl.py DATASET --words 100 > clusters.jsonl   # a budget in every record

Layout: DATASET/<cluster>/docs/<doc>.txt (folders starting with _ and plain files
are not clusters). One line per cluster, clusters and documents in name order:
{"id": "<cluster>", "docs": [{"id": "<doc>.txt", "text": "..."}], "budget": {...}}.
Only the standard library is used.
"""
import argparse
import json
import os
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dataset")
    unit = ap.add_mutually_exclusive_group()
    unit.add_argument("--words", type=int)
    unit.add_argument("--bytes", type=int)
    unit.add_argument("--sentences", type=int)
    a = ap.parse_args()
    budget = ({"words": a.words} if a.words else {"bytes": a.bytes} if a.bytes
              else {"sentences": a.sentences} if a.sentences else None)
    clusters = 0
    for name in sorted(os.listdir(a.dataset)):
        docs_dir = os.path.join(a.dataset, name, "docs")
        if name.startswith("_") or not os.path.isdir(docs_dir):
            continue
        docs = []
        for doc in sorted(os.listdir(docs_dir)):
            path = os.path.join(docs_dir, doc)
            if os.path.isfile(path) and not doc.startswith("."):
                with open(path, encoding="utf-8", errors="replace") as f:
                    docs.append({"id": doc, "text": f.read()})
        record = {"id": name, "docs": docs}
        if budget:
            record["budget"] = budget
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        clusters += 1
    print(f"{a.dataset}: {clusters} clusters", file=sys.stderr)


if __name__ == "__main__":
    main()
