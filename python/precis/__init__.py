"""precis: cited, non-redundant briefings from clusters of documents, and an exact ROUGE-1.5.5.

Three calls, over the same Rust library as the ``precis`` command line:

>>> import precis
>>> b = precis.brief([{"id": "a", "text": "The G20 met in Antalya. Leaders discussed Syria."},
...                   {"id": "b", "text": "Leaders at the G20 in Antalya discussed Syria and refugees."}],
...                  words=20)
>>> b["sentences"][0]["sources"][0]["document"] in ("a", "b")
True
>>> docs = precis.read(["page.html"])            # doctest: +SKIP
>>> s = precis.rouge(["the cat sat on the mat"], [["the cat sat on a mat"]])
>>> round(s["rouge-1"]["recall"], 4)
0.8333

- :func:`brief` is ``precis brief --format json``: documents (paths or dicts) in,
  the ``precis.summary/1`` JSON out, as dicts.
- :func:`read` is ``precis read``: what precis reads from each file.
- :func:`rouge` is ROUGE-1.5.5, exactly (the scores of ``precis eval``).

Settings are the CLI's, by keyword: ``--near-duplicate 0.6`` is ``near_duplicate=0.6``
(``--lambda`` is ``lambda_``, ``lambda`` being a Python keyword); :func:`settings` lists them
with their defaults. The work runs without the GIL, on all cores.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Literal

from . import _precis
from ._precis import PrecisError, PrecisWarning, __version__
from ._types import (
    DocumentDict,
    DocumentInfo,
    DocumentRead,
    MetricMean,
    ReadFailure,
    Rouge,
    Score,
    Sentence,
    SettingInfo,
    Source,
    Summary,
)

__all__ = [
    "brief",
    "read",
    "rouge",
    "settings",
    "PrecisError",
    "PrecisWarning",
    "__version__",
    "Summary",
    "Sentence",
    "Source",
    "DocumentInfo",
    "DocumentDict",
    "DocumentRead",
    "ReadFailure",
    "Rouge",
    "MetricMean",
    "Score",
    "SettingInfo",
]

Path = str | os.PathLike[str]
"""A file or a folder (read recursively: .txt, .md, .html, .pdf, .docx, .odt)."""

Documents = Path | Sequence[Path] | Sequence[DocumentDict]
"""Paths (files or folders), or documents as dicts with ``text``: one kind per call."""

_SETTINGS: frozenset[str] = frozenset(s["keyword"] for s in _precis.settings())


def brief(
    documents: Documents,
    *,
    words: int | None = None,
    bytes: int | None = None,
    sentences: int | None = None,
    query: str | None = None,
    since: Documents | None = None,
    id: str | None = None,
    keep_all: bool = False,
    standalone_weight: float | None = None,
    language: str | None = None,
    lambda_: float | None = None,
    near_duplicate: float | None = None,
    min_words: int | None = None,
    max_words: int | None = None,
    position_bias: float | None = None,
    lead_sentences: int | None = None,
    lead_fraction: float | None = None,
    min_support: float | None = None,
    damping: float | None = None,
    similarity_threshold: float | None = None,
    idf: Literal["sentences", "documents"] | None = None,
    sublinear_tf: bool = False,
    objective: Literal["coverage", "mmr"] | None = None,
    min_documents: int | None = None,
    document_exponent: float | None = None,
    unigram_weight: float | None = None,
    centrality: float | None = None,
    length_exponent: float | None = None,
    question_bias: float | None = None,
    question_feedback: int | None = None,
    question_expansion: float | None = None,
    quotation_weight: float | None = None,
    concept_relevance: float | None = None,
    question_document_exponent: float | None = None,
    question_lead_fraction: float | None = None,
    novelty: float | None = None,
) -> Summary:
    """Summarize documents into a cited briefing: ``precis brief --format json``, as dicts.

    Args:
        documents: paths (a file, a folder read recursively, or a list of them), or a list of
            dicts ``{"text": ..., "id": ..., "title": ..., "language": ...}`` (only ``text``
            is required; ids default to the position, as in ``precis batch``). Not both kinds.
        words, bytes, sentences: the length, one of them (default 100 words).
        query: a question the briefing should answer (``--query``).
        since: documents already read, as ``documents`` are given, or an earlier briefing's
            ``.json`` file: what they said is not told again (``--since``).
        id: an id echoed in the result (as a batch record's).
        keep_all ... novelty: the CLI's tuning flags (``precis brief --help``,
            "Tuning"), ``-`` written ``_``; ``None`` (or ``False``) is the CLI's default.
            :func:`settings` gives each one's default and meaning.

    Returns:
        The ``precis.summary/1`` JSON as dicts: ``sentences`` (each with ``text`` and
        ``sources``: document id, path, byte ``span``), ``documents``, ``overview``,
        ``set_aside``, ``parameters`` (the settings used) and ``stats``; the same as
        ``precis brief --format json`` prints for the same inputs and flags.

    Raises:
        TypeError: an argument of the wrong type, or an unknown keyword.
        ValueError: a value out of range, with the CLI's message (``invalid setting:
            lambda must be between 0 and 1``).
        PrecisError: no input gave any text, or the documents hold no sentence to quote.

    Unreadable inputs are handled as the CLI handles them: an input that cannot be read
    (missing, binary, a damaged PDF) or that was repaired (re-encoded, cut at a limit) is
    reported as a :class:`PrecisWarning` (``warnings.warn``, the CLI's stderr message) and the
    briefing is made from the rest; only when no input gives any text is it an error. To make
    every such warning an error: ``warnings.simplefilter("error", precis.PrecisWarning)``.
    """
    settings = {k: v for k, v in locals().items() if k in _SETTINGS and v is not None}
    return _precis.brief(
        documents,
        words=words,
        bytes=bytes,
        sentences=sentences,
        query=query,
        since=since,
        id=id,
        **settings,
    )


def read(inputs: Path | Sequence[Path]) -> list[DocumentRead | ReadFailure]:
    """What precis reads from each document: ``precis read``'s JSON lines, as dicts.

    Args:
        inputs: files or folders (read recursively), as for :func:`brief`.

    Returns:
        One dict per document, in input order (folders sorted by path): ``path``, ``id``,
        ``title``, ``format``, ``language``, ``text`` (the text a briefing's ``text_span``
        offsets index), ``warnings`` (what was repaired) and for a PDF ``page_starts``. An
        input that gives no text is a dict with ``path`` and ``error`` instead, as ``precis
        read`` prints it; nothing is raised for it. Notes on the inputs as a whole (files of
        other types left out of folders) are :class:`PrecisWarning` s.
    """
    return _precis.read(inputs)


def rouge(
    summaries: Sequence[str],
    references: Sequence[Sequence[str] | str],
    *,
    words: int | None = None,
    bytes: int | None = None,
    no_limit: bool = False,
    max_n: int = 4,
    stem: bool = True,
    remove_stopwords: bool = False,
    alpha: float = 0.5,
    tokenize: Literal["ascii", "unicode"] = "ascii",
    pooling: Literal["average", "best"] = "average",
    resamples: int | None = None,
    confidence: float = 95.0,
) -> Rouge:
    """ROUGE-1.5.5, exactly: each summary against its own references, and means over them.

    The defaults are ``precis eval``'s, the published DUC setting ``-n 4 -m -l 100 -f A``:
    summaries and references cut to 100 words, stemmed (WordNet exceptions, then Porter),
    stop words kept, counts pooled over references; ROUGE-L and ROUGE-SU4 too.

    Args:
        summaries: one summary per cluster.
        references: for each summary, its reference summaries (a list of str, or one str).
        words, bytes, no_limit: cut summaries and references to N words (``-l``) or bytes
            (``-b``), or not at all; at most one (default 100 words).
        max_n: ROUGE-1 to ROUGE-``max_n`` (``-n``, 0 to 9).
        stem: stem words (``-m``).
        remove_stopwords: drop ROUGE's stop words (``-s``).
        alpha: the F-measure's weight of precision (``-p``; 0.5 is F1).
        tokenize: ``"ascii"``, ROUGE-1.5.5's runs of ASCII letters and digits (the
            published figures), or ``"unicode"``, words of every script.
        pooling: ``"average"`` (``-f A``) or ``"best"`` reference (``-f B``).
        resamples: also give ROUGE-1.5.5's bootstrap (``-r``; 1000 is ROUGE's): each
            metric's ``bootstrap`` holds the mean and interval ROUGE prints, digit for digit
            when the clusters are in ROUGE's order (sorted by id).
        confidence: the bootstrap interval's level in percent (``-c``).

    Returns:
        ``s["rouge-2"]["recall"]``: each metric's plain mean over clusters, 0-1 (recall,
        precision, f); ``s["clusters"][i]["rouge-2"]``: summary ``i``'s scores with their
        counts; ``s["rouge_flags"]``: the ROUGE-1.5.5 options used. Scoring runs without the
        GIL, clusters in parallel on all cores.

    Raises:
        TypeError: not lists of str.
        ValueError: lists of different lengths, or an option out of range.
    """
    return _precis.rouge(
        summaries,
        references,
        words=words,
        bytes=bytes,
        no_limit=no_limit,
        max_n=max_n,
        stem=stem,
        remove_stopwords=remove_stopwords,
        alpha=alpha,
        tokenize=tokenize,
        pooling=pooling,
        resamples=resamples,
        confidence=confidence,
    )


def settings() -> list[SettingInfo]:
    """The tuning settings :func:`brief` takes: keyword, CLI flag, kind, choices, default, help.

    A default of ``None`` depends on the cluster (the position bias on its language, the
    language on detection).
    """
    return _precis.settings()
