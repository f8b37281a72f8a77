#!/usr/bin/env python3
"""Format `precis eval --json` reports as the Markdown tables of the README.

    quality_table.py REPORT.json MEASURE METRIC... [--compare TEXT_REPORT]
        [--compare-only NAME,...] [--sort METRIC] [--rank-among DIR]
        [--official README.txt --official-source DIR]

MEASURE is recall, precision or f; METRICs are ROUGE-1, ROUGE-2, ROUGE-4...
Each cell is the mean in percent as ROUGE-1.5.5 prints it (the average of the
bootstrap resample means, which reproduces published DUC figures exactly; the
plain mean that `precis eval` prints differs by a few hundredths) with its
95% confidence interval. With
--compare, the paired-bootstrap lines of `precis eval`'s text report (the
"Is precis better?" section) are appended as a second table; --compare-only
keeps the lines of the named systems only (in the order given).

--sort METRIC orders the rows by that metric's mean, best first, with a rank
column (ties share a rank). --rank-among DIR puts the names of the systems
not read from DIR in bold and says, after the table, where each
system not read from DIR (the built-ins, the other --systems-dir folders)
would rank among the systems read from DIR (a report's "source" field), by the
--sort metric, else the first METRIC.

--official README.txt (a corpus README with NIST's table: lines
"<system> <R-1> <R-2> <R-SU4>" under a "System R-1 R-2 R-SU4" heading) checks
the systems read from --official-source DIR against it: the largest
difference, plain mean and bootstrap mean, for each of its columns.
"""
import json
import sys


def take(argv, flag):
    """Remove `flag VALUE` from argv; return (value or None, argv)."""
    if flag not in argv:
        return None, argv
    i = argv.index(flag)
    return argv[i + 1], argv[:i] + argv[i + 2:]


def short(metric):
    return metric.replace("ROUGE-", "R-")


def estimate(system, metric, measure):
    by_metric = {m["metric"]: m for m in system["aggregate"]["metrics"]}
    return by_metric.get(metric, {}).get(measure)


def official_table(path):
    """NIST's table in a corpus README: {system: {metric: percent}}."""
    columns, table = None, {}
    for line in open(path, encoding="utf-8"):
        words = line.split()
        if words and words[0] == "System" and len(words) > 1:
            columns = [w.replace("R-", "ROUGE-") for w in words[1:]]
            continue
        if columns and len(words) == len(columns) + 1:
            try:
                values = [float(w) for w in words[1:]]
            except ValueError:
                columns = None
                continue
            table[words[0]] = dict(zip(columns, values))
        elif columns and table:
            columns = None
    return table


def check_official(report, measure, readme, source):
    table = official_table(readme)
    systems = [s for s in report["systems"] if s.get("source") == source]
    matched = [s for s in systems if s["name"] in table]
    missing = sorted(set(table) - {s["name"] for s in matched})
    extra = sorted(s["name"] for s in systems if s["name"] not in table)
    if not matched:
        print(f"No system of {source} is in the official table of {readme}.")
        return
    metrics = list(next(iter(table.values())).keys())
    parts = []
    for metric in metrics:
        worst = {}
        for key in ("mean", "bootstrap_mean"):
            diffs = []
            for s in matched:
                est = estimate(s, metric, measure)
                if est is not None:
                    diffs.append((abs(100 * est[key] - table[s["name"]][metric]), s["name"]))
            worst[key] = max(diffs) if diffs else None
        if worst["mean"] is None:
            continue
        parts.append(
            f"{short(metric)} {worst['mean'][0]:.3f} (system {worst['mean'][1]}) / "
            f"{worst['bootstrap_mean'][0]:.3f} (system {worst['bootstrap_mean'][1]})"
        )
    print(
        f"Published systems against the official table of `{readme}` "
        f"({len(matched)} of {len(table)} systems): largest difference, plain mean / "
        f"bootstrap mean, in points: " + "; ".join(parts) + "."
    )
    if missing:
        print(f"Not scored here: {', '.join(missing)}.")
    if extra:
        print(f"Not in the official table: {', '.join(extra)}.")


def main(argv):
    compare, argv = take(argv, "--compare")
    compare_only, argv = take(argv, "--compare-only")
    sort, argv = take(argv, "--sort")
    rank_among, argv = take(argv, "--rank-among")
    official, argv = take(argv, "--official")
    official_source, argv = take(argv, "--official-source")
    path, measure, metrics = argv[0], argv[1], argv[2:]
    report = json.load(open(path))
    systems = report["systems"]

    def score(system, metric):
        est = estimate(system, metric, measure)
        return est["bootstrap_mean"] if est else float("-inf")

    ranks = None
    if sort:
        systems = sorted(systems, key=lambda s: -score(s, sort))
        ranks, previous = [], None
        for i, s in enumerate(systems):
            value = round(100 * score(s, sort), 2)
            ranks.append(ranks[-1] if value == previous else i + 1)
            previous = value
    head = (["#"] if ranks else []) + ["system"] + [short(m) for m in metrics]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for i, system in enumerate(systems):
        name = system["name"]
        if rank_among and system.get("source") != rank_among:
            name = f"**{name}**"
        cells = ([str(ranks[i])] if ranks else []) + [name]
        for metric in metrics:
            est = estimate(system, metric, measure)
            if est is None:
                cells.append("-")
            else:
                cells.append(
                    f"{100 * est['bootstrap_mean']:.2f} [{100 * est['ci_low']:.2f}, {100 * est['ci_high']:.2f}]"
                )
        print("| " + " | ".join(cells) + " |")
    if rank_among:
        by = sort or metrics[0]
        pool = [s for s in systems if s.get("source") == rank_among]
        print()
        for s in systems:
            if s.get("source") == rank_among:
                continue
            mine = round(100 * score(s, by), 2)
            above = sum(1 for p in pool if round(100 * score(p, by), 2) > mine)
            print(
                f"- `{s['name']}` ({short(by)} {mine:.2f}) would rank {above + 1} of "
                f"{len(pool) + 1} among the {len(pool)} systems of `{rank_among}`."
            )
    if official:
        print()
        check_official(report, measure, official, official_source)
    if compare:
        lines = open(compare).read().splitlines()
        start = next((i for i, l in enumerate(lines) if l.startswith("Is ")), None)
        if start is not None:
            print()
            print(lines[start])
            print()
            rows = [l.split() for l in lines[start + 1:] if l.strip()]
            header, rows = rows[0], rows[1:]
            if compare_only:
                by_name = {r[0]: r for r in rows}
                rows = [by_name[n] for n in compare_only.split(",") if n in by_name]
            print("| " + " | ".join(header) + " |")
            print("|" + "---|" * len(header))
            for r in rows:
                print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
