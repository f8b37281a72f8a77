#!/usr/bin/env python3
"""Until `precis eval --tokenize unicode` lands: ROUGE-1/2 recall on Unicode words (lower-cased \\w+ runs), summaries and
references cut to N words, counts pooled over references (ROUGE -f A).
usage: scripts/rouge-unicode.py DATASET SYSTEMS_DIR [--words 200]"""
import os, re, sys, collections
ds, sysdir = sys.argv[1], sys.argv[2]
n_words = int(sys.argv[sys.argv.index('--words') + 1]) if '--words' in sys.argv else 200
tok = lambda t: re.findall(r'\w+', t.lower())[:n_words]
def grams(ws, n): return collections.Counter(tuple(ws[i:i+n]) for i in range(len(ws) - n + 1))
clusters = sorted(c for c in os.listdir(ds) if not c.startswith('_') and os.path.isdir(os.path.join(ds, c, 'refs')))
systems = sorted(os.listdir(sysdir))
for s in systems:
    r = {1: [], 2: []}
    for c in clusters:
        p = os.path.join(sysdir, s, c + '.txt')
        sw = tok(open(p, encoding='utf-8').read()) if os.path.exists(p) else []
        refs = [tok(open(os.path.join(ds, c, 'refs', f), encoding='utf-8').read()) for f in sorted(os.listdir(os.path.join(ds, c, 'refs')))]
        for n in (1, 2):
            sg = grams(sw, n); hit = tot = 0
            for rw in refs:
                rg = grams(rw, n); tot += sum(rg.values()); hit += sum(min(v, sg[k]) for k, v in rg.items())
            r[n].append(hit / tot if tot else 0)
    print(f"{s:10s} R-1 {100*sum(r[1])/len(r[1]):6.2f}  R-2 {100*sum(r[2])/len(r[2]):6.2f}  ({len(clusters)} clusters)")
