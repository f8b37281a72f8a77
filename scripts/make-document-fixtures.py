#!/usr/bin/env python3
"""Builds the small PDF, Word and OpenDocument files the tests read
(tests/fixtures/documents/), so that CI needs no Chromium.

    scripts/make-document-fixtures.py            # rewrites tests/fixtures/documents/

The PDFs come from headless Chromium (apt-get install chromium), driven as in
scripts/pdf-fidelity.py; the .docx and .odt files are written by hand with
zipfile (a minimal valid package, about 1 KB). The texts are our own.
"""
import os
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "tests", "fixtures", "documents")
sys.path.insert(0, HERE)
from importlib import import_module  # noqa: E402

fidelity = import_module("pdf-fidelity")

RIVER = [
    "The river authority opened the new flood barrier on Tuesday after four years of work. "
    "Engineers said the barrier would protect eleven thousand homes in the valley from the "
    "kind of floods that struck the town twice in the last decade.",
    "The barrier cost 140 million euros, more than twice the first estimate. The authority "
    "blamed the well-known shortage of steel and a long dispute with the main contractor over "
    "the foundations, which had to be dug deeper than planned.",
    "Residents who lost their homes in the floods welcomed the opening. Many said they would "
    "finally be able to insure their houses again, since insurers had refused cover in the "
    "low-lying streets near the river.",
    "The authority said the barrier would be tested every month and closed whenever the river "
    "rose above four metres. A second barrier, further upstream, is planned for the years to come.",
]

COLUMNS = [
    "The city council approved the budget for next year on Monday evening after a debate that "
    "lasted well past midnight. The budget raises spending on schools and public transport and "
    "cuts the money set aside for new roads.",
    "Opposition members said the cuts would leave the ring road unfinished for another decade, "
    "while the mayor argued that buses and trams would carry more people for the same money. "
    "The vote passed by twenty-three votes to eighteen.",
]


def html(paragraphs, title, css):
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>'
            f"<style>{css}</style></head><body>{body}</body></html>")


def docx(paragraphs, path):
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="rels" ContentType="application/'
                   'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
                   'ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType='
                   '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                   "</Types>")
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
                   '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                   'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                   'Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><w:document {ns}><w:body>{body}</w:body></w:document>')


def odt(paragraphs, path):
    body = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("META-INF/manifest.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:'
                   'tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" '
                   'manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry '
                   'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
        z.writestr("content.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:'
                   'names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:'
                   f'xmlns:text:1.0"><office:body><office:text>{body}</office:text></office:body>'
                   "</office:document-content>")


def main():
    os.makedirs(OUT, exist_ok=True)
    work = tempfile.mkdtemp(prefix="precis-fixtures-")
    pages = [
        # name, paragraphs, title, css, header and footer
        ("flood-barrier.pdf", RIVER, "Flood barrier opens",
         "body { font-size: 40px; line-height: 1.5; }", True),
        ("council-budget.pdf", COLUMNS, "Council budget",
         "body { column-count: 2; column-gap: 2em; font-size: 14px; }", False),
        ("drawing.pdf", [], "Drawing",
         "", False),
    ]
    browser = fidelity.Chromium()
    try:
        for name, paragraphs, title, css, header_footer in pages:
            page = html(paragraphs, title, css)
            if not paragraphs:  # a page with shapes and no text at all
                page = ('<!doctype html><html><head><title>Drawing</title></head><body>'
                        '<svg width="400" height="300"><circle cx="150" cy="150" r="100" fill="teal"/>'
                        '</svg></body></html>')
            src = os.path.join(work, name + ".html")
            with open(src, "w", encoding="utf-8") as f:
                f.write(page)
            browser.print_to_pdf(src, os.path.join(OUT, name), header_footer)
    finally:
        browser.close()
    docx(RIVER, os.path.join(OUT, "flood-barrier.docx"))
    odt(RIVER, os.path.join(OUT, "flood-barrier.odt"))
    for name in sorted(os.listdir(OUT)):
        print(f"{os.path.getsize(os.path.join(OUT, name)):>7}  {name}")


if __name__ == "__main__":
    main()
