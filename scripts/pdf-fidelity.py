#!/usr/bin/env python3
"""How faithfully `precis read` gets the text back out of PDF and DOCX files.

    scripts/pdf-fidelity.py [--clusters N] [--precis BIN] [--keep DIR] [--eval]

Renders the documents of the first N clusters (default 40) of
../shared/corpora/multinews-val into a temporary folder (never into the
repository) as
  - PDF, one column          (chromium --headless --print-to-pdf --no-pdf-header-footer)
  - PDF, two columns         (CSS column-count: 2)
  - PDF, one column with Chromium's running header and footer (date, title, URL, "1/2")
  - DOCX                     (python-docx: one paragraph per source paragraph)
then compares what `precis read` gives for each file with the source text, and
prints Poppler's `pdftotext` on the same PDFs beside it.

Metric: per document, words are lowercased \\w+ tokens and 4-grams are counted
as ../shared/html-benchmark/score.py counts them (bags of 4-token shingles;
true and false positives and negatives over the bags); precision and recall are
averaged over documents (macro) and F1 is taken from those two means.

--eval also lays the one-column PDFs out as an eval dataset
(<cluster>/docs/*.pdf, refs copied) and runs `precis eval` on it and on the
text clusters, printing both ROUGE tables (R-1 and R-2 should agree within 0.3).

Needs: chromium, pdftotext (poppler-utils), python-docx
(apt-get install chromium poppler-utils; pip install python-docx).
"""
import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(ROOT, "..", "shared", "corpora", "multinews-val")
TOKEN = re.compile(r"\w+", re.UNICODE)

LAYOUTS = {
    # name: (extra CSS, keep Chromium's header and footer)
    "pdf-one-column": ("", False),
    "pdf-two-columns": ("body { column-count: 2; column-gap: 2em; }", False),
    "pdf-header-footer": ("", True),
}


def shingles(tokens, n):
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def counts(true, pred, n):
    t, p = shingles(true, n), shingles(pred, n)
    tp = sum(min(c, p[k]) for k, c in t.items())
    return tp, sum(p.values()) - tp, sum(t.values()) - tp


def macro_f1(rows):
    """rows: (tp, fp, fn) per document -> (F1 of mean precision and mean recall, P, R)."""
    ps, rs = [], []
    for tp, fp, fn in rows:
        if fp == fn == 0:
            ps.append(1.0)
            rs.append(1.0)
            continue
        if tp + fp > 0:
            ps.append(tp / (tp + fp))
        else:
            ps.append(0.0)
        rs.append(tp / (tp + fn) if tp + fn else 0.0)
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def score(pairs):
    """pairs: (source text, extracted text) -> (word F1, 4-gram F1, worst docs)."""
    words, grams, per_doc = [], [], []
    for name, true, pred in pairs:
        t = [w.lower() for w in TOKEN.findall(true)]
        p = [w.lower() for w in TOKEN.findall(pred)]
        words.append(counts(t, p, 1))
        grams.append(counts(TOKEN.findall(true), TOKEN.findall(pred), 4))
        f, _, _ = macro_f1([words[-1]])
        per_doc.append((f, name))
    return macro_f1(words)[0], macro_f1(grams)[0], sorted(per_doc)[:3]


def render_html(text, title, css):
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{css}</style></head><body>\n{paragraphs}\n</body></html>\n"
    )


class Chromium:
    """One headless Chromium driven over the DevTools protocol on a pipe
    (--remote-debugging-pipe): Page.printToPDF is what --print-to-pdf runs,
    without a browser start per file (about 3 s each on a busy machine)."""

    def __init__(self):
        self.to_chrome_r, self.to_chrome_w = os.pipe()
        self.from_chrome_r, self.from_chrome_w = os.pipe()
        # Chromium reads commands on fd 3 and writes replies on fd 4.
        self.proc = subprocess.Popen(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "about:blank"],
            pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=self._dup_fds)
        os.close(self.to_chrome_r)
        os.close(self.from_chrome_w)
        self.reader = os.fdopen(self.from_chrome_r, "rb")
        self.next_id = 0
        self.events = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", session=True)

    def _dup_fds(self):
        os.dup2(self.to_chrome_r, 3)
        os.dup2(self.from_chrome_w, 4)

    def _read_message(self):
        buf = bytearray()
        while True:
            b = self.reader.read(1)
            if not b:
                raise RuntimeError("chromium closed the pipe")
            if b == b"\0":
                return json.loads(buf)
            buf += b

    def call(self, method, params=None, session=False):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self.to_chrome_w, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read_message()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self.events.append(reply.get("method"))

    def print_to_pdf(self, html_path, pdf_path, header_footer):
        self.events.clear()
        self.call("Page.navigate", {"url": "file://" + os.path.abspath(html_path)}, session=True)
        while "Page.loadEventFired" not in self.events:
            self.events.append(self._read_message().get("method"))
        result = self.call("Page.printToPDF", {"displayHeaderFooter": header_footer}, session=True)
        import base64
        with open(pdf_path, "wb") as f:
            f.write(base64.b64decode(result["data"]))

    def close(self):
        self.proc.kill()
        self.proc.wait()


def write_docx(text, path):
    import docx  # python-docx

    document = docx.Document()
    for paragraph in text.split("\n"):
        if paragraph.strip():
            document.add_paragraph(paragraph)
    document.save(path)


def precis_read(precis, folder):
    """{file name: text} for every document `precis read` gives, and its wall time."""
    start = time.perf_counter()
    out = subprocess.run([precis, "read", folder], capture_output=True, text=True)
    wall = time.perf_counter() - start
    if out.returncode not in (0, 1):
        sys.exit(f"precis read {folder} failed ({out.returncode}): {out.stderr[-2000:]}")
    texts = {}
    for line in out.stdout.splitlines():
        record = json.loads(line)
        texts[os.path.basename(record["path"])] = record.get("text", "")
    return texts, wall


def pdftotext(folder):
    start = time.perf_counter()
    texts = {}
    for name in sorted(os.listdir(folder)):
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", os.path.join(folder, name), "-"],
                             capture_output=True, text=True)
        texts[name] = out.stdout
    return texts, time.perf_counter() - start


def pages_of(folder):
    total = 0
    for name in os.listdir(folder):
        info = subprocess.run(["pdfinfo", os.path.join(folder, name)], capture_output=True, text=True).stdout
        m = re.search(r"^Pages:\s+(\d+)", info, re.M)
        total += int(m.group(1)) if m else 0
    return total


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clusters", type=int, default=40)
    ap.add_argument("--precis", default=os.path.join(ROOT, "target", "release", "precis"))
    ap.add_argument("--keep", help="render into this folder and keep it (default: a temporary folder)")
    ap.add_argument("--eval", action="store_true", help="also compare precis eval on PDF and text clusters")
    ap.add_argument("--render-only", action="store_true", help="render into --keep DIR and stop")
    args = ap.parse_args()
    if not os.path.isdir(CORPUS):
        sys.exit(f"{CORPUS} not found")
    for tool in ("chromium", "pdftotext", "pdfinfo"):
        if not shutil.which(tool):
            sys.exit(f"{tool} not found: apt-get install chromium poppler-utils")
    work = args.keep or tempfile.mkdtemp(prefix="precis-pdf-fidelity-")
    os.makedirs(work, exist_ok=True)
    clusters = sorted(c for c in os.listdir(CORPUS) if c.startswith("val_"))[: args.clusters]

    sources = {}  # file stem -> text
    jobs = []
    for cluster in clusters:
        docs = os.path.join(CORPUS, cluster, "docs")
        for name in sorted(os.listdir(docs)):
            text = open(os.path.join(docs, name), encoding="utf-8").read()
            if not TOKEN.search(text):
                continue
            stem = f"{cluster}-{name[:-4]}"
            sources[stem] = text
            for layout, (css, header_footer) in LAYOUTS.items():
                folder = os.path.join(work, layout)
                os.makedirs(os.path.join(work, "html", layout), exist_ok=True)
                os.makedirs(folder, exist_ok=True)
                html_path = os.path.join(work, "html", layout, stem + ".html")
                pdf_path = os.path.join(folder, stem + ".pdf")
                if not os.path.exists(pdf_path):
                    with open(html_path, "w", encoding="utf-8") as f:
                        f.write(render_html(text, f"{cluster} {name[:-4]}", css))
                    jobs.append((html_path, pdf_path, header_footer))
            docx_dir = os.path.join(work, "docx")
            os.makedirs(docx_dir, exist_ok=True)
            if not os.path.exists(os.path.join(docx_dir, stem + ".docx")):
                write_docx(text, os.path.join(docx_dir, stem + ".docx"))
    start = time.perf_counter()
    if jobs:
        browser = Chromium()
        try:
            for job in jobs:
                browser.print_to_pdf(*job)
        finally:
            browser.close()
    print(f"{len(clusters)} clusters, {len(sources)} documents; rendered {len(jobs)} PDFs in "
          f"{time.perf_counter() - start:.0f} s into {work}", file=sys.stderr)
    if args.render_only:
        return

    print(f"| set | reader | docs | word F1 | 4-gram F1 | pages | wall (s) | pages/s | worst docs (word F1) |")
    print(f"|---|---|---:|---:|---:|---:|---:|---:|---|")
    for layout in list(LAYOUTS) + ["docx"]:
        folder = os.path.join(work, layout)
        readers = [("precis read", precis_read(args.precis, folder))]
        if layout != "docx":
            readers.append(("pdftotext", pdftotext(folder)))
        pages = pages_of(folder) if layout != "docx" else 0
        for reader, (texts, wall) in readers:
            pairs = []
            for stem, text in sources.items():
                got = texts.get(stem + (".docx" if layout == "docx" else ".pdf"), "")
                pairs.append((stem, text, got))
            word_f1, gram_f1, worst = score(pairs)
            rate = f"{pages / wall:.0f}" if pages else "-"
            worst_text = ", ".join(f"{n} {f:.2f}" for f, n in worst)
            print(f"| {layout} | {reader} | {len(pairs)} | {word_f1:.4f} | {gram_f1:.4f} | "
                  f"{pages or '-'} | {wall:.2f} | {rate} | {worst_text} |", flush=True)

    if args.eval:
        dataset = os.path.join(work, "eval-pdf")
        for cluster in clusters:
            os.makedirs(os.path.join(dataset, cluster, "docs"), exist_ok=True)
            shutil.copytree(os.path.join(CORPUS, cluster, "refs"), os.path.join(dataset, cluster, "refs"),
                            dirs_exist_ok=True)
            text_set = os.path.join(work, "eval-text", cluster)
            shutil.copytree(os.path.join(CORPUS, cluster), text_set, dirs_exist_ok=True)
            for stem in sources:
                if stem.startswith(cluster + "-"):
                    shutil.copy(os.path.join(work, "pdf-one-column", stem + ".pdf"),
                                os.path.join(dataset, cluster, "docs", stem[len(cluster) + 1:] + ".pdf"))
        for name in ("eval-text", "eval-pdf"):
            print(f"\nprecis eval {name} (--words 300 --measure f1, as docs/benchmarks.md's multinews table)")
            subprocess.run([args.precis, "eval", os.path.join(work, name), "--words", "300",
                            "--measure", "f1", "--systems", "precis"])
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
