"""precis.read: `precis read` as dicts."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import precis
from conftest import precis_cli


def test_the_same_as_the_cli(in_repo: Path) -> None:
    out = subprocess.run(
        [precis_cli(), "read", "corpora/g20"], check=True, capture_output=True, text=True
    )
    expected = [json.loads(line) for line in out.stdout.splitlines()]
    assert precis.read(["corpora/g20"]) == expected
    assert len(expected) == 5


def test_documents_and_failures_in_input_order(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        "<html><head><title>Flood</title></head><body><article><p>The barrier held on Tuesday.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "b.html").write_text("<script>x</script>", encoding="utf-8")
    (tmp_path / "c.md").write_text("# C\n\nThird text.", encoding="utf-8")
    (tmp_path / "d.png").write_bytes(b"\x89PNG")
    with pytest.warns(precis.PrecisWarning, match="files of other types were left out"):
        records = precis.read(tmp_path)
    assert [Path(r["path"]).name for r in records] == ["a.html", "b.html", "c.md"]
    a, b, c = records
    assert a["format"] == "html" and a["title"] == "Flood"
    assert a["text"].strip() == "The barrier held on Tuesday."
    assert set(b) == {"path", "error"} and "no text" in b["error"]
    assert c["text"] == "# C\n\nThird text." and c["warnings"] == []


def test_a_missing_file_is_a_record_not_an_exception(tmp_path: Path) -> None:
    records = precis.read([tmp_path / "gone.txt"])
    assert records == [{"path": str(tmp_path / "gone.txt"), "error": "no such file or directory"}]


def test_dicts_are_refused() -> None:
    with pytest.raises(TypeError, match="a dict's text is already read"):
        precis.read([{"text": "x"}])  # type: ignore[list-item]
