"""ingest: read .txt, .html, .jsonl or standard input into Documents, rejecting bad input.

Every failure here becomes a rejected Document with a stable code (see :mod:`newsgraph.errors`);
nothing raises past this module for one bad article, so a batch always goes on.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ..config import Config
from ..document import Document, iso_day
from ..errors import Code, InputError
from ..records import Rejection

log = logging.getLogger(__name__)

STAGE = "ingest"

# frequent English function words: a cheap, dependency-free language test
_EN_STOPWORDS = frozenset("""
a about after all also an and any are as at be because been but by can could did do does for from
had has have he her his how i if in into is it its just more most my no not now of on one only or
other our out over said she so some than that the their them then there these they this those to
up was we were what when where which while who will with would you your
""".split())
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def _rejected(doc_id: str, code: Code, origin: str | None = None, **fields: object) -> Document:
    err = InputError(code, **fields)
    doc = Document(id=doc_id, text="", origin=origin)
    doc.reject(Rejection(STAGE, code.value, err.reason))
    return doc


def normalize_date(value: object) -> str | None:
    """Accept ``YYYY-MM-DD``, an ISO datetime or a Python date/datetime; return ``YYYY-MM-DD``;
    raise on anything else."""
    value = iso_day(value)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(Code.BAD_DATE, value=value)
    m = _DATE.match(value.strip())
    if not m:
        raise InputError(Code.BAD_DATE, value=value)
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        raise InputError(Code.BAD_DATE, value=value) from None


def decode(raw: bytes, cap: int) -> str:
    """Bytes to text, or an InputError saying exactly why not."""
    if len(raw) > cap:
        raise InputError(Code.TOO_LARGE, size=len(raw), cap=cap)
    if b"\x00" in raw[:65536]:
        raise InputError(Code.BINARY, detail="it contains NUL bytes")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(Code.ENCODING,
                         detail=f"byte 0x{raw[exc.start]:02x} at offset {exc.start}") from None
    return text


def english_problem(text: str, config: Config) -> str | None:
    """Why ``text`` does not look like English, or None. Short texts are given the benefit."""
    words = _WORD.findall(text[:20000])
    if len(words) < config.language_min_words:
        return None
    letters = sum(len(w) for w in words)
    latin = sum(1 for w in words for ch in w if "a" <= ch.lower() <= "z")
    if latin / max(letters, 1) < 0.6:
        return f"only {latin * 100 // max(letters, 1)}% of its letters are Latin"
    stop = sum(1 for w in words if w.lower() in _EN_STOPWORDS)
    ratio = stop / len(words)
    if ratio < 0.12:
        return f"only {ratio:.0%} of its words are common English words (expected >= 12%)"
    return None


def check_document(doc: Document, config: Config) -> Document:
    """Apply the content checks every input path shares (empty, control bytes, size, language)."""
    if doc.rejected is not None:
        return doc
    text = doc.text
    try:
        if not isinstance(text, str):
            raise InputError(Code.BAD_FIELD, field="text", detail="must be a string")
        if len(text.encode("utf-8", "surrogatepass")) > config.max_bytes:
            raise InputError(Code.TOO_LARGE, size=len(text.encode("utf-8", "surrogatepass")),
                             cap=config.max_bytes)
        if "\x00" in text:
            raise InputError(Code.BINARY, detail="it contains NUL characters")
        if any("\ud800" <= ch <= "\udfff" for ch in text):
            raise InputError(Code.ENCODING, detail="it contains lone surrogate code points")
        if not text.strip():
            raise InputError(Code.EMPTY)
        controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
        if controls > max(8, len(text[:65536]) // 100):
            raise InputError(Code.BINARY, detail=f"{controls} control characters")
        if config.check_language:
            problem = english_problem(text, config)
            if problem:
                raise InputError(Code.NOT_ENGLISH, detail=problem)
        doc.published = normalize_date(doc.published)
    except InputError as exc:
        doc.reject(Rejection(STAGE, exc.code.value, exc.reason))
    return doc


def from_html(doc_id: str, html: str, config: Config, *, published: str | None = None,
              origin: str | None = None) -> Document:
    """Main text, title and publication date of an HTML page (trafilatura)."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            include_tables=False)
    result = extracted.as_dict() if hasattr(extracted, "as_dict") else extracted
    text = result.get("text") if isinstance(result, dict) else None
    if not text or not text.strip():
        return _rejected(doc_id, Code.NO_MAIN_TEXT, origin)
    assert isinstance(result, dict)
    page_date = result.get("date")
    try:
        page_published = normalize_date(page_date) if page_date else None
    except InputError:
        page_published = None
    doc = Document(id=doc_id, text=text, published=page_published or published,
                   title=result.get("title") or None, url=result.get("url") or None,
                   source=result.get("sitename") or None, origin=origin)
    return check_document(doc, config)


_PUBLISHED_KEYS = ("published", "publication_date", "date")


def from_json_object(obj: object, fallback_id: str, config: Config, *,
                     published: str | None = None, origin: str | None = None) -> Document:
    if not isinstance(obj, dict):
        return _rejected(fallback_id, Code.BAD_JSON, origin, line=fallback_id,
                         detail=f"expected an object, got {type(obj).__name__}")
    doc_id = obj.get("id")
    doc_id = str(doc_id) if doc_id not in (None, "") else fallback_id
    text = obj.get("text")
    if not isinstance(text, str):
        return _rejected(doc_id, Code.BAD_FIELD, origin, field="text",
                         detail="is missing or not a string")
    pub = next((obj[k] for k in _PUBLISHED_KEYS if obj.get(k)), None) or published
    title = obj.get("title")
    doc = Document(id=doc_id, text=text, published=pub,
                   title=title if isinstance(title, str) else None,
                   url=obj.get("url") if isinstance(obj.get("url"), str) else None,
                   source=obj.get("source") if isinstance(obj.get("source"), str) else None,
                   origin=origin)
    return check_document(doc, config)


def from_jsonl(stem: str, text: str, config: Config, *, published: str | None = None,
               origin: str | None = None) -> Iterator[Document]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        fallback = f"{stem}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _rejected(fallback, Code.BAD_JSON, origin, line=lineno, detail=exc.msg)
            continue
        yield from_json_object(obj, fallback, config, published=published, origin=origin)


def _sniff(raw: str) -> str:
    head = raw.lstrip()[:200].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("<!doctype html") or head.startswith("<html") or head.startswith("<"):
        return "html"
    return "txt"


def read_bytes(name: str, raw: bytes, config: Config, *, kind: str | None = None,
               published: str | None = None, origin: str | None = None) -> Iterator[Document]:
    """Documents from one input's bytes; ``kind`` is txt, html or jsonl (sniffed when None)."""
    stem = Path(name).stem if name != "-" else "stdin"
    # jsonl files hold many articles: the size cap applies per article, not per file
    cap = len(raw) if kind == "jsonl" else config.max_bytes
    try:
        text = decode(raw, cap)
    except InputError as exc:
        doc = Document(id=stem, text="", origin=origin)
        doc.reject(Rejection(STAGE, exc.code.value, exc.reason))
        yield doc
        return
    kind = kind or _sniff(text)
    if kind == "jsonl":
        yield from from_jsonl(stem, text, config, published=published, origin=origin)
    elif kind == "html":
        yield from_html(stem, text, config, published=published, origin=origin)
    else:
        yield check_document(Document(id=stem, text=text, published=published, origin=origin),
                             config)


_KINDS = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
          ".ndjson": "jsonl"}


def read_paths(paths: Iterable[str], config: Config, *,
               published: str | None = None) -> Iterator[Document]:
    """Documents from files, directories (their .txt/.html/.jsonl files) and ``-`` (stdin)."""
    published = published or config.default_published
    if published is not None:
        published = normalize_date(published)  # a bad --published is the caller's error: raise
    for p in paths:
        if p == "-":
            yield from read_bytes("-", sys.stdin.buffer.read(), config, published=published,
                                  origin="-")
            continue
        path = Path(p)
        files = sorted(f for f in path.rglob("*") if f.suffix.lower() in _KINDS) \
            if path.is_dir() else [path]
        for f in files:
            kind = _KINDS.get(f.suffix.lower())
            try:
                if kind != "jsonl" and f.stat().st_size > config.max_bytes:
                    # do not read a huge file just to reject it
                    yield _rejected(f.stem, Code.TOO_LARGE, str(f), size=f.stat().st_size,
                                    cap=config.max_bytes)
                    continue
                raw = f.read_bytes()
            except OSError as exc:
                yield _rejected(f.stem, Code.UNREADABLE, str(f), path=str(f),
                                detail=exc.strerror or str(exc))
                continue
            yield from read_bytes(f.name, raw, config, kind=kind, published=published,
                                  origin=str(f))
