#!/usr/bin/env python3
"""Share of chosen sentences that open with a word pointing back at something
the reader never saw: a pronoun or a connective (issue 11).

    python3 scripts/dangling-openings.py SUMMARIES_DIR [SYSTEM ...]

SUMMARIES_DIR is what `precis eval DATASET --write-summaries DIR` writes:
DIR/<system>/<cluster>.txt, one sentence per line. For each system (default:
every folder) it prints the sentences, how many open with one of DANGLING
(case-insensitive, after opening quotes and brackets), and the share. The
measure of the issue, on multinews-val at 100 words:

    precis eval ../shared/corpora/multinews-val --words 100 --systems precis,lead,random \
        --write-summaries target/dangling --force
    python3 scripts/dangling-openings.py target/dangling
"""
import os
import sys

# The word list of src/text/standalone.rs: one file for both.
WORDS_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "standalone",
                          "dangling-openings.txt")
with open(WORDS_FILE, encoding="utf-8") as f:
    DANGLING = sorted(w.strip() for w in f if w.strip() and not w.startswith("#"))

OPENERS = "\"'“‘«([—–- "


def first_word(sentence):
    text = sentence.lstrip(OPENERS)
    word = ""
    for ch in text:
        if ch.isalpha() or ch == "'" and word:
            word += ch
        else:
            break
    return word.lower().removesuffix("'s").removesuffix("'")


def measure(folder):
    total = dangling = 0
    examples = {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                total += 1
                word = first_word(line)
                if word in DANGLING:
                    dangling += 1
                    examples[word] = examples.get(word, 0) + 1
    return total, dangling, examples


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    root = sys.argv[1]
    systems = sys.argv[2:] or sorted(
        d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d))
    )
    print("words counted as dangling openings: " + ", ".join(DANGLING))
    print(f"{'system':10} {'sentences':>9} {'dangling':>8} {'share':>6}  most common")
    for system in systems:
        total, dangling, examples = measure(os.path.join(root, system))
        share = 100.0 * dangling / total if total else 0.0
        common = ", ".join(
            f"{w} {n}" for w, n in sorted(examples.items(), key=lambda e: -e[1])[:6]
        )
        print(f"{system:10} {total:9} {dangling:8} {share:5.1f}%  {common}")


if __name__ == "__main__":
    main()
