"""precis.brief: the CLI's briefing, its settings and its errors."""

from __future__ import annotations

import inspect
import json
import keyword
import subprocess
import warnings
from pathlib import Path

import pytest

import precis
from conftest import G20, g20_texts, precis_cli

DOCS = [
    {
        "id": "a",
        "text": "The council approved the new budget on Monday evening. "
        "Members debated the road repairs for several hours. "
        "The mayor said the vote was a turning point for the town.",
    },
    {
        "id": "b",
        "title": "Budget  passes",
        "text": "The new budget was approved by the council on Monday. "
        "Road repairs took most of the long debate among members. "
        "Residents had asked for the repairs for years.",
    },
]


def cli_json(*args: str) -> dict:
    out = subprocess.run(
        [precis_cli(), "brief", *args, "--format", "json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def test_dict_documents_are_cited_by_id_and_byte_span() -> None:
    b = precis.brief(DOCS, sentences=2)
    assert b["schema"] == "precis.summary/1"
    assert b["budget"] == {"unit": "sentences", "limit": 2}
    assert len(b["sentences"]) == 2
    texts = {d["id"]: d["text"].encode() for d in DOCS}
    for sentence in b["sentences"]:
        for source in sentence["sources"]:
            start, end = source["span"]
            assert texts[source["document"]][start:end].decode() == sentence["text"]
    assert [d["id"] for d in b["documents"]] == ["a", "b"]
    assert b["documents"][1]["title"] == "Budget passes"


def test_the_same_as_the_cli_on_g20(in_repo: Path) -> None:
    """precis.brief is `precis brief --format json`: the same dicts, paths included
    (both given relative to the repository)."""
    assert precis.brief(["corpora/g20"]) == cli_json("corpora/g20")


def test_the_same_as_the_cli_with_settings(in_repo: Path) -> None:
    got = precis.brief(
        "corpora/g20",
        words=60,
        near_duplicate=0.6,
        objective="mmr",
        keep_all=True,
        lambda_=0.5,
        language="en",
    )
    expected = cli_json(
        "corpora/g20",
        "--words", "60",
        "--near-duplicate", "0.6",
        "--objective", "mmr",
        "--keep-all",
        "--lambda", "0.5",
        "--language", "en",
    )  # fmt: skip
    assert got == expected
    assert got["parameters"]["select"]["objective"] == "mmr"
    assert got["parameters"]["select"]["lambda"] == 0.5


def test_every_setting_is_a_keyword_named_after_its_flag() -> None:
    """The library's table of settings (the one the CLI's flags go through, checked
    against them by a Rust test) and brief's keywords are the same, in order."""
    table = precis.settings()
    fixed = ["documents", "words", "bytes", "sentences", "query", "since", "id"]
    params = list(inspect.signature(precis.brief).parameters)
    assert params[: len(fixed)] == fixed
    missing = [s["keyword"] for s in table if s["keyword"] not in params]
    assert not missing, f"add to precis.brief (python/precis/__init__.py): {missing}"
    assert params[len(fixed) :] == [s["keyword"] for s in table]
    for s in table:
        name = s["flag"].removeprefix("--").replace("-", "_")
        assert s["keyword"] == (name + "_" if keyword.iskeyword(name) else name)
        assert s["help"]
    by_keyword = {s["keyword"]: s for s in table}
    assert by_keyword["lambda_"]["flag"] == "--lambda"
    assert by_keyword["objective"]["choices"] == ["coverage", "mmr"]
    assert by_keyword["objective"]["default"] is None
    assert by_keyword["lead_sentences"]["default"] == 5
    assert by_keyword["position_bias"]["default"] is None


def test_settings_reach_the_parameters() -> None:
    b = precis.brief(
        DOCS,
        lambda_=0.3,
        min_words=4,
        idf="documents",
        sublinear_tf=True,
        damping=0.7,
        similarity_threshold=0.25,
    )
    p = b["parameters"]
    assert p["select"]["lambda"] == 0.3
    assert p["select"]["min_words"] == 4
    assert p["weights"] == {"idf": "documents", "sublinear_tf": True}
    assert p["pagerank"]["damping"] == 0.7
    assert p["position_bias"] == 0.0  # damping replaces the lead prior, as --damping does
    assert p["graph"]["threshold"] == 0.25


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"lambda_": 2.0}, ValueError, "invalid setting: lambda must be between 0 and 1"),
        ({"near_duplicate": -1}, ValueError, "near-duplicate threshold must be between 0 and 1"),
        ({"words": 0}, ValueError, "words must be at least 1, got 0"),
        ({"words": 10, "bytes": 100}, ValueError, "words cannot be used with bytes"),
        ({"words": 2.5}, TypeError, "words must be an int, not float"),
        ({"lambda_": "high"}, TypeError, "lambda_ must be a number, not str"),
        ({"min_words": -3}, ValueError, "min_words must be at least 0, got -3"),
        ({"keep_all": 1}, TypeError, "keep_all must be a bool, not int"),
        ({"objective": "best"}, ValueError, "invalid value 'best' for objective: possible values: coverage, mmr"),
        ({"language": "xx"}, ValueError, "unknown language code 'xx': expected an ISO 639-1 code"),
        ({"query": "   "}, ValueError, "the question is empty"),
        ({"query": 3}, TypeError, "query must be a str, not int"),
    ],
)
def test_bad_arguments_raise_with_the_clis_message(kwargs: dict, error: type, message: str) -> None:
    with pytest.raises(error, match=message.replace("(", r"\(").replace(")", r"\)")):
        precis.brief(DOCS, **kwargs)


def test_unknown_keywords_are_type_errors() -> None:
    with pytest.raises(TypeError):
        precis.brief(DOCS, lamda=0.5)  # type: ignore[call-arg]
    # The native module names the keyword, and refuses the flag's spelling of lambda.
    with pytest.raises(TypeError, match="unexpected keyword argument 'lambda'"):
        precis._precis.brief(DOCS, **{"lambda": 0.5})
    with pytest.raises(TypeError, match="unexpected keyword argument 'near-duplicate'"):
        precis._precis.brief(DOCS, **{"near-duplicate": 0.5})


@pytest.mark.parametrize(
    ("documents", "message"),
    [
        (42, "documents must be a list of paths or of dicts with 'text', not int"),
        ([DOCS[0], "corpora/g20"], "documents mixes paths and dicts"),
        ([{"id": "x"}], r"documents\[0\] has no 'text'"),
        ([{"text": 5}], r"documents\[0\]\['text'\] must be a str, not int"),
        ([3.5], r"documents\[0\] must be a path \(str or os.PathLike\) or a dict with 'text', not float"),
        (DOCS[0], "put the dict in a list"),
    ],
)
def test_bad_documents_are_type_errors(documents: object, message: str) -> None:
    with pytest.raises((TypeError, ValueError), match=message):
        precis.brief(documents)  # type: ignore[arg-type]


def test_an_unreadable_input_is_a_warning_and_the_rest_is_summarized(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(DOCS[0]["text"] + " " + DOCS[1]["text"], encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x00\rIHDR" * 20)
    missing = tmp_path / "missing.txt"
    with pytest.warns(precis.PrecisWarning) as caught:
        b = precis.brief([good, binary, missing], sentences=1)
    messages = [str(w.message) for w in caught]
    assert any(m.startswith(f"{missing}: no such file or directory") for m in messages), messages
    assert any(str(binary) in m for m in messages), messages
    assert [d["path"] for d in b["documents"]] == [str(good)]
    assert len(b["sentences"]) == 1


def test_no_readable_input_is_a_precis_error(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", precis.PrecisWarning)
        with pytest.raises(precis.PrecisError, match="no readable document"):
            precis.brief([tmp_path / "missing.txt"])
    with pytest.raises(precis.PrecisError, match="no sentences to summarize"):
        precis.brief([{"text": "   "}])


def test_warnings_can_be_made_errors(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", precis.PrecisWarning)
        with pytest.raises(precis.PrecisWarning, match="no such file"):
            precis.brief([G20, tmp_path / "missing.txt"])


def test_query_since_and_id() -> None:
    texts = g20_texts()
    docs = [{"id": f"d{i}", "text": t} for i, t in enumerate(texts)]
    question = "What did David Cameron ask Vladimir Putin to do about the airstrikes in Syria?"
    b = precis.brief(docs, query=question, id="cluster-7", words=60)
    assert b["query"] == question
    assert b["id"] == "cluster-7"
    assert all(0.0 <= s["relevance"] <= 1.0 for s in b["sentences"])
    # What the reader has read is not told again.
    plain = precis.brief(docs[:3], sentences=3)
    told = [{"id": "told", "text": "\n".join(s["text"] for s in plain["sentences"])}]
    after = precis.brief(docs[:3], since=told, sentences=3)
    assert not {s["text"] for s in after["sentences"]} & {s["text"] for s in plain["sentences"]}
    assert [d["id"] for d in after["documents"] if d.get("already_read")] == ["told"]


def test_since_takes_an_earlier_briefing_file(tmp_path: Path, in_repo: Path) -> None:
    first = precis.brief("corpora/g20", sentences=2)
    earlier = tmp_path / "monday.json"
    earlier.write_text(json.dumps(first), encoding="utf-8")
    after = precis.brief("corpora/g20", sentences=2, since=[earlier])
    assert not {s["text"] for s in after["sentences"]} & {s["text"] for s in first["sentences"]}
    assert after == cli_json("corpora/g20", "--sentences", "2", "--since", str(earlier))


def test_paths_as_pathlib_and_a_single_path(in_repo: Path) -> None:
    assert precis.brief(Path("corpora/g20")) == precis.brief(["corpora/g20"])
