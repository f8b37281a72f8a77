#!/usr/bin/env python3
"""Score `precis read` on the article-extraction benchmark in ../shared/html-benchmark.

    scripts/html-benchmark.py [--precis BIN] [--runs N] [--per-page] [--keep DIR]

Unpacks the 181 pages (html/<id>.html.gz) into a temporary folder, runs
`precis read FOLDER` (JSON Lines) N times (default 3) and reports the median
wall time, writes each page's `text` to <id>.txt and scores the folder with the
benchmark's score.py (F1, precision, recall, empty pages). BIN defaults to
target/release/precis (build it first: cargo build --release).
"""
import argparse, gzip, json, os, statistics, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(here)
bench = os.environ.get("PRECIS_SHARED", os.path.join(repo, "..", "shared"))
bench = os.path.join(bench, "html-benchmark")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--precis", default=os.path.join(repo, "target", "release", "precis"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--per-page", action="store_true")
    ap.add_argument("--keep", help="write pages and texts here instead of a temporary folder")
    a = ap.parse_args()
    if not os.path.isdir(bench):
        sys.exit(f"skipped: {bench} is absent")
    with tempfile.TemporaryDirectory() as tmp:
        root = a.keep or tmp
        pages, texts = os.path.join(root, "pages"), os.path.join(root, "texts")
        os.makedirs(pages, exist_ok=True)
        os.makedirs(texts, exist_ok=True)
        total = 0
        for name in sorted(os.listdir(os.path.join(bench, "html"))):
            if name.endswith(".html.gz"):
                data = gzip.open(os.path.join(bench, "html", name)).read()
                total += len(data)
                open(os.path.join(pages, name[:-3]), "wb").write(data)
        times, out = [], b""
        for _ in range(max(1, a.runs)):
            start = time.perf_counter()
            run = subprocess.run([a.precis, "read", "--quiet", pages], capture_output=True)
            times.append(time.perf_counter() - start)
            out = run.stdout
        for line in out.decode("utf-8").splitlines():
            record = json.loads(line)
            page = os.path.basename(record["path"])[: -len(".html")]
            with open(os.path.join(texts, page + ".txt"), "w", encoding="utf-8") as f:
                f.write(record.get("text", ""))
        print(f"precis read: {len(os.listdir(pages))} pages, {total / 1e6:.1f} MB, "
              f"median {statistics.median(times):.3f} s of {len(times)} runs "
              f"({total / 1e6 / statistics.median(times):.1f} MB/s); "
              f"load average {os.getloadavg()[0]:.2f}")
        score = [sys.executable, os.path.join(bench, "score.py"), texts]
        if a.per_page:
            score.append("--per-page")
        sys.stdout.flush()
        subprocess.run(score, check=True)


if __name__ == "__main__":
    main()
