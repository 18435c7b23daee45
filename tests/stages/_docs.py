"""Build parsed Documents with hand-made entities and timexes.

The events and claims stages read the people and timex stages' output; building that output by
hand keeps these tests about events and claims logic, whatever the other stages do today.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsgraph.config import Config
from newsgraph.document import Document
from newsgraph.records import Entity, Mention, Timex
from newsgraph.stages.annotate import ALL_COMPONENTS, model_for

EntitySpec = tuple[str, str, Sequence[str]]  # (type, name, surface forms)
TimexSpec = tuple[str, str, str] | tuple[str, str, str, str]  # (surface, type, value[, mod])

_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "they", "them", "their", "it", "its"})


def _occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    pat = re.compile(r"(?<![\w])" + re.escape(surface) + r"(?![\w])")
    return [(m.start(), m.end()) for m in pat.finditer(text)]


def make_doc(text: str, *, published: str | None = "2031-06-10",
             entities: Sequence[EntitySpec] = (), timexes: Sequence[TimexSpec] = ()) -> Document:
    """A Document parsed by the real model, with the given entities and timexes.

    Every occurrence of a surface form becomes a mention; a surface that is a pronoun is given as
    ``"he@N"`` to pick its N-th occurrence only.
    """
    doc = Document(id="t", text=text, published=published)
    doc.spacy = model_for(Config(), ALL_COMPONENTS)(text)
    taken: set[tuple[int, int]] = set()
    ents: list[Entity] = []
    for k, (etype, name, surfaces) in enumerate(entities):
        mentions: list[Mention] = []
        for surface in surfaces:
            which = None
            if "@" in surface:
                surface, n = surface.split("@")
                which = int(n)
            spans = _occurrences(text, surface)
            if which is not None:
                spans = spans[which:which + 1]
            for s, e in spans:
                if any(s < b and a < e for a, b in taken):
                    continue
                taken.add((s, e))
                kind = "pronoun" if surface.lower() in _PRONOUNS else (
                    "name" if surface[:1].isupper() else "description")
                mentions.append(Mention(s, e, text[s:e], kind, etype))
        mentions.sort(key=lambda m: m.start)
        ents.append(Entity(f"e{k}", etype, name, tuple(dict.fromkeys(m.text for m in mentions)),
                           tuple(mentions)))
    # longest surfaces were claimed first only if listed first; keep mention order stable
    doc.entities = ents
    out: list[Timex] = []
    for spec in timexes:
        surface, ttype, value = spec[0], spec[1], spec[2]
        mod = spec[3] if len(spec) > 3 else None
        for s, e in _occurrences(text, surface):
            out.append(Timex(s, e, text[s:e], ttype, value, mod))
    doc.timexes = sorted(out, key=lambda t: t.start)
    return doc
