"""Shared fixtures. Texts used in tests are written for newsgraph (fictional people)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared"))

STORY = (
    "Mayor Ingrid Halvorsen met with Tomas Lindqvist, a Swedish-Norwegian pilot, on Monday. "
    "Lindqvist, 38, had been stranded in the mountains for 12 days. "
    "\u201cWe are glad you are home,\u201d Halvorsen told Lindqvist. "
    "He said he would fly again next year."
)


@pytest.fixture(scope="session")
def engine():
    from newsgraph.api import Engine

    return Engine()


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "seed" / "article.txt").exists():
        pytest.skip("../shared is not beside the checkout")
    return SHARED
