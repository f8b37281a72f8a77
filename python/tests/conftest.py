"""Where the tests find the repository, the CLI and ../shared."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
"""The workspace root: corpora/, target/."""

SHARED = REPO.parent / "shared"
"""The shared data beside the workspace, as the Rust tests find it."""

G20 = REPO / "corpora" / "g20"


def require_shared(what: str) -> Path:
    """The shared folder, or a skip saying what is missing; a failure under
    PRECIS_REQUIRE_SHARED=1 (as in CI), as the Rust corpus tests do."""
    path = SHARED / what
    if not path.exists():
        message = f"{path} is absent: this test needs the shared corpora beside the repository"
        if os.environ.get("PRECIS_REQUIRE_SHARED") == "1":
            pytest.fail(message + " (PRECIS_REQUIRE_SHARED=1)")
        pytest.skip(message)
    return path


def precis_cli() -> str:
    """The `precis` binary to compare with: PRECIS_BIN, else the newest of the
    workspace's target/{release,debug}/precis, else `precis` on PATH; a skip
    when there is none (a failure when PRECIS_BIN names a missing file)."""
    named = os.environ.get("PRECIS_BIN")
    if named:
        if not Path(named).is_file():
            pytest.fail(f"PRECIS_BIN={named} is not a file")
        return named
    built = [REPO / "target" / p / "precis" for p in ("release", "debug")]
    built = [p for p in built if p.is_file()]
    if built:
        return str(max(built, key=lambda p: p.stat().st_mtime))
    on_path = shutil.which("precis")
    if on_path:
        return on_path
    pytest.skip("no precis binary: build it (cargo build) or set PRECIS_BIN")


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Runs the test in the workspace root, so that relative paths match the CLI's."""
    monkeypatch.chdir(REPO)
    return REPO


def g20_texts() -> list[str]:
    """The five G20 articles' texts, in file order."""
    return [p.read_text(encoding="utf-8") for p in sorted(G20.glob("*.txt"))]
