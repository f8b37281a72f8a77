"""The shapes of what precis takes and gives, for type checkers and editors.

`Summary` is the JSON schema ``precis.summary/1`` (``precis brief --format
json``; field by field in the repository's ``docs/json-schema.md``), read into
dicts. Fields marked ``NotRequired`` are absent when they do not apply.
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypedDict


class DocumentDict(TypedDict):
    """A document given as text (as a ``precis batch`` record's ``docs``)."""

    text: str
    #: Default: its 1-based position; a repeated id gets ``#2``, ``#3``...
    id: NotRequired[str | int]
    #: Never chosen as a summary sentence.
    title: NotRequired[str | None]
    #: ISO 639-1 code; default: detected.
    language: NotRequired[str | None]


class Source(TypedDict):
    """One occurrence of a chosen sentence."""

    document: str
    path: NotRequired[str]
    sentence_index: int
    #: ``[start, end)`` byte offsets in the source file or text.
    span: list[int]
    #: Byte offsets in the extracted text, where it differs from the file (HTML, transcoded text).
    text_span: NotRequired[list[int]]
    #: For a PDF: the 1-based page the sentence starts on.
    page: NotRequired[int]


class Sentence(TypedDict):
    """A chosen sentence, in reading order."""

    text: str
    score: float
    #: 1 for the sentence chosen first.
    rank: int
    #: With a question: its relevance to it, 0-1.
    relevance: NotRequired[float]
    words: int
    sources: list[Source]


class DocumentInfo(TypedDict):
    """An input document (or one already read, with ``already_read``)."""

    id: str
    path: NotRequired[str]
    title: NotRequired[str]
    format: str
    language: str
    cited: bool
    site: NotRequired[str]
    already_read: NotRequired[bool]


class BudgetInfo(TypedDict):
    unit: Literal["words", "bytes", "sentences"]
    limit: int


class Usage(TypedDict):
    words: int
    bytes: int
    sentences: int


class Overview(TypedDict):
    documents: int
    set_aside: int
    dates: NotRequired[list[str]]
    sources: list[str]


class SetAside(TypedDict):
    document: str
    path: NotRequired[str]
    reason: str


Summary = TypedDict(
    "Summary",
    {
        "schema": Literal["precis.summary/1"],
        "id": NotRequired[str],
        "query": NotRequired[str],
        "nothing_new": NotRequired[bool],
        "budget": BudgetInfo,
        "usage": Usage,
        "sentences": list[Sentence],
        "documents": list[DocumentInfo],
        "overview": Overview,
        "set_aside": NotRequired[list[SetAside]],
        #: The settings used: a ``precis::Config`` as JSON.
        "parameters": dict[str, Any],
        "stats": dict[str, Any],
    },
)
Summary.__doc__ = "A briefing: the JSON of ``precis brief --format json`` (``precis.summary/1``)."


class DocumentRead(TypedDict):
    """A document as ``precis read`` prints it."""

    path: str
    id: str
    title: str | None
    format: str
    language: str
    #: The text whose byte offsets a briefing's ``text_span`` refers to.
    text: str
    #: For a PDF: the offset in ``text`` where each page starts.
    page_starts: NotRequired[list[int]]
    warnings: list[str]


class ReadFailure(TypedDict):
    """An input that gave no text, as ``precis read`` prints it."""

    path: str
    error: str


class Estimate(TypedDict):
    """ROUGE-1.5.5's bootstrap mean and confidence interval."""

    mean: float
    low: float
    high: float


class Bootstrap(TypedDict):
    recall: Estimate
    precision: Estimate
    f: Estimate


class MetricMean(TypedDict):
    """A metric's plain mean over clusters, 0-1."""

    recall: float
    precision: float
    f: float
    #: With ``resamples``: as ROUGE-1.5.5 prints it (scores rounded to 5 decimals, resampled).
    bootstrap: NotRequired[Bootstrap]


class Score(TypedDict):
    """One summary's score on one metric, with the counts behind it."""

    recall: float
    precision: float
    f: float
    hits: int
    reference_total: int
    system_total: int


Rouge = TypedDict(
    "Rouge",
    {
        "rouge-1": MetricMean,
        "rouge-2": MetricMean,
        "rouge-3": NotRequired[MetricMean],
        "rouge-4": NotRequired[MetricMean],
        "rouge-l": MetricMean,
        "rouge-su4": MetricMean,
        #: Per summary, in the order given: metric name to its score.
        "clusters": list[dict[str, Score]],
        #: The ROUGE-1.5.5 options these scores correspond to.
        "rouge_flags": str,
    },
)
Rouge.__doc__ = "ROUGE scores: each metric's means over clusters, and every cluster's scores."


class SettingInfo(TypedDict):
    """One tuning setting of ``precis.brief``."""

    keyword: str
    flag: str
    kind: Literal["flag", "count", "number", "choice", "language"]
    choices: list[str] | None
    default: bool | int | float | str | None
    help: str
