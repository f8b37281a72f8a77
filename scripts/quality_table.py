#!/usr/bin/env python3
"""Format `precis eval --json` reports as the Markdown tables of the README.

    quality_table.py REPORT.json MEASURE METRIC... [--compare TEXT_REPORT]

MEASURE is recall, precision or f; METRICs are ROUGE-1, ROUGE-2, ROUGE-4...
Each cell is the mean in percent as ROUGE-1.5.5 prints it (the average of the
bootstrap resample means, which reproduces published DUC figures exactly; the
plain mean that `precis eval` prints differs by a few hundredths) with its
95% confidence interval. With
--compare, the paired-bootstrap lines of `precis eval`'s text report (the
"Is precis better?" section) are appended as a second table.
"""
import json
import sys


def main(argv):
    compare = None
    if "--compare" in argv:
        i = argv.index("--compare")
        compare = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    path, measure, metrics = argv[0], argv[1], argv[2:]
    report = json.load(open(path))
    head = ["system"] + [m.replace("ROUGE-", "R-") for m in metrics]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for system in report["systems"]:
        cells = [system["name"]]
        by_metric = {m["metric"]: m for m in system["aggregate"]["metrics"]}
        for metric in metrics:
            est = by_metric.get(metric, {}).get(measure)
            if est is None:
                cells.append("-")
            else:
                cells.append(
                    f"{100 * est['bootstrap_mean']:.2f} [{100 * est['ci_low']:.2f}, {100 * est['ci_high']:.2f}]"
                )
        print("| " + " | ".join(cells) + " |")
    if compare:
        lines = open(compare).read().splitlines()
        start = next((i for i, l in enumerate(lines) if l.startswith("Is ")), None)
        if start is not None:
            print()
            print(lines[start])
            print()
            rows = [l.split() for l in lines[start + 1:] if l.strip()]
            header, rows = rows[0], rows[1:]
            print("| " + " | ".join(header) + " |")
            print("|" + "---|" * len(header))
            for r in rows:
                print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
