"""The extension module (Rust, pyo3) behind :mod:`precis`; use :mod:`precis` itself.

Every function takes what its wrapper in ``precis/__init__.py`` documents; settings come
as keywords (``**settings``), checked against the library's table of tuning settings.
"""

from collections.abc import Sequence
from typing import Any

from ._types import DocumentRead, ReadFailure, Rouge, SettingInfo, Summary

__version__: str

class PrecisError(Exception):
    """The work could not be done: no input gave text, no sentence to quote, ``since`` unreadable."""

class PrecisWarning(UserWarning):
    """An input left out or repaired, or a note on the inputs (the CLI's stderr messages)."""

def brief(
    documents: Any,
    *,
    words: int | None = None,
    bytes: int | None = None,
    sentences: int | None = None,
    query: str | None = None,
    since: Any = None,
    id: str | None = None,
    **settings: bool | int | float | str | None,
) -> Summary: ...
def read(inputs: Any) -> list[DocumentRead | ReadFailure]: ...
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
    tokenize: str = "ascii",
    pooling: str = "average",
    resamples: int | None = None,
    confidence: float = 95.0,
) -> Rouge: ...
def settings() -> list[SettingInfo]: ...
