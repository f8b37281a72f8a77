#!/usr/bin/env python3
"""Helper of scripts/long-news-views.sh: makes the d6s10 view's folder of
symlinks, and prints a label's plain means (and paired differences with t
statistics against a reference label)."""
import json, math, os, random, sys

VIEWS = ["d6-250", "d6-100", "d6s10", "d7-100", "mn300F", "mn100R"]
LONG = VIEWS[:4]


def make_subsets(src, dst):
    if os.path.isdir(dst):
        return
    rng = random.Random(2024)
    for c in sorted(os.listdir(src)):
        if c.startswith("_") or not os.path.isdir(os.path.join(src, c, "docs")):
            continue
        docs = sorted(os.listdir(os.path.join(src, c, "docs")))
        for k in range(2):
            sub = sorted(rng.sample(docs, 10))
            cd = os.path.join(dst, f"{c}-{k}")
            os.makedirs(os.path.join(cd, "docs"))
            os.symlink(os.path.abspath(os.path.join(src, c, "refs")), os.path.join(cd, "refs"))
            for d in sub:
                os.symlink(os.path.abspath(os.path.join(src, c, "docs", d)), os.path.join(cd, "docs", d))


def load(out, label, view):
    p = os.path.join(out, label, view + ".json")
    if not os.path.exists(p):
        return None
    s = json.load(open(p))["systems"][0]
    m = "f" if view == "mn300F" else "recall"
    res = {}
    for c in s["clusters"]:
        ms = {x["metric"]: x for x in c["scores"]["metrics"]}
        res[c["cluster"]] = (100 * ms["ROUGE-1"][m], 100 * ms["ROUGE-2"][m])
    return res


def main():
    if sys.argv[1] == "--make-subsets":
        make_subsets(sys.argv[2], sys.argv[3])
        return
    out, label = sys.argv[1], sys.argv[2]
    ref = sys.argv[3] if len(sys.argv) > 3 else None
    parts, ln = [f"{label:<24}"], []
    for v in VIEWS:
        a = load(out, label, v)
        if a is None:
            continue
        r1 = sum(x[0] for x in a.values()) / len(a)
        r2 = sum(x[1] for x in a.values()) / len(a)
        cell = f"{v} {r1:.2f} {r2:.2f}"
        b = load(out, ref, v) if ref else None
        if b:
            for i in (0, 1):
                ds = [a[k][i] - b[k][i] for k in a if k in b]
                n = len(ds)
                mu = sum(ds) / n
                sd = math.sqrt(sum((x - mu) ** 2 for x in ds) / (n - 1)) if n > 1 else 0
                t = mu / (sd / math.sqrt(n)) if sd > 0 else 0
                cell += f" ({mu:+.2f} t{t:+.1f})"
        if v in LONG:
            ln.append(r1 + r2)
        parts.append(cell)
    if ln:
        parts.append(f"LN {sum(ln) / len(ln):.2f}")
    print(" | ".join(parts))


main()
