"""Batch extraction: same output locally and on Ray, input order kept, rejections in place."""

from __future__ import annotations

import io
import json

import pytest

from newsgraph.batch import extract_batch
from newsgraph.config import Config

from .conftest import STORY


@pytest.fixture
def corpus(tmp_path):
    lines = [
        json.dumps({"id": "one", "text": STORY, "published": "2024-05-08"}),
        json.dumps({"id": "empty", "text": ""}),
        json.dumps({"id": "two", "text": STORY.replace("Monday", "Tuesday"), "published": "2024-05-09"}),
        "{broken",
        json.dumps({"id": "three", "text": STORY, "published": "2024-05-10"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines))
    return str(tmp_path / "feed.jsonl")


def _run(corpus: str, use_ray: bool) -> tuple[list[dict], dict]:
    buf = io.StringIO()
    counts = extract_batch([corpus], buf, config=Config(), use_ray=use_ray, workers=1, batch_size=2)
    return [json.loads(line) for line in buf.getvalue().splitlines()], counts


def test_local_batch_keeps_order_and_rejections(corpus) -> None:
    out, counts = _run(corpus, use_ray=False)
    assert [d["id"] for d in out] == ["one", "empty", "two", "feed:4", "three"]
    assert [d["rejected"] is None for d in out] == [True, False, True, False, True]
    assert counts == {"processed": 3, "rejected": 2}


def test_ray_batch_matches_local(corpus) -> None:
    pytest.importorskip("ray", reason="the 'batch' extra is not installed")
    local, _ = _run(corpus, use_ray=False)
    on_ray, counts = _run(corpus, use_ray=True)
    assert on_ray == local
    assert counts == {"processed": 3, "rejected": 2}
