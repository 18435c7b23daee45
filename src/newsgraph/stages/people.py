"""people: entities, in-article coreference, attributes; resolves quote speakers to entities.

spaCy's entities are repaired with document-level rules (:mod:`newsgraph.people.ner`), grouped
into entities with their titles, descriptions and pronouns (:mod:`newsgraph.people.coref`), and
every quote's ``speaker_span``/``addressee_span`` is turned into an entity id. Unnamed speakers
("a Canadian envoy") become entities named by their description.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Iterable, Iterator

from ..config import Config
from ..document import Document
from ..people import HINTS_KEY, INDEX_KEY, NER_KEY, SCORER_KEY
from ..people.coref import Cluster, Ment, Resolver, cluster_attributes
from ..people.lexicon import PLURAL_PRONOUNS, PRONOUNS, ROLE_NOUNS
from ..people.ner import repair
from ..people.pronouns import scorer_for
from ..pipeline import stage
from ..records import Entity, Mention

log = logging.getLogger(__name__)

_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _caps_pipe(config: Config):  # type: ignore[no-untyped-def]
    from .annotate import model_for

    def run(texts: Iterable[str]) -> Iterator:  # type: ignore[type-arg]
        nlp = model_for(config, ("ner",))
        return nlp.pipe(texts)

    return run


_IRREGULAR_PLURALS = {"men": "man", "women": "woman", "spokesmen": "spokesman",
                      "spokeswomen": "spokeswoman", "chairmen": "chairman", "children": "child"}


def _role_noun(word: str) -> bool:
    """A word naming a person's role, singular or plural ("negotiator", "negotiators")."""
    if word in ROLE_NOUNS:
        return True
    single = _IRREGULAR_PLURALS.get(word) or (word[:-1] if word.endswith("s") else "")
    return bool(single) and single in ROLE_NOUNS


def _span_cluster(res: Resolver, start: int, end: int) -> int | None:
    """The cluster a quote's speaker or addressee span names; may create a description entity."""
    tok_span = res.sdoc.char_span(start, end, alignment_mode="expand")
    root = tok_span.root if tok_span is not None and len(tok_span) else None
    if root is not None and root.pos_ == "NOUN":
        # "Siegel's wife, Aviva Siegel, said": the person named in apposition right after
        apposed = res.apposed_person(root)
        if apposed is not None:
            return apposed
    best, best_key = None, None
    for cid, c in enumerate(res.clusters):
        for m in c.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap <= 0:
                continue
            key = (c.label == "PERSON", m.start == start and m.end == end, overlap)
            if best_key is None or key > best_key:
                best, best_key = cid, key
    text = res.text[start:end]
    words = [w.lower() for w in _WORD.findall(text)]
    is_person_phrase = any(_role_noun(w) for w in words)
    common = root is not None and (root.pos_ == "NOUN" or root.is_lower)
    if best is not None and not is_person_phrase and common \
            and res.clusters[best].label != "PERSON" and not any(
                m.start <= root.idx < m.end for m in res.clusters[best].mentions):
        # "the Israeli military said": a body named by a common noun, not the nationality
        # ("Israeli") or place inside it
        return _body(res, start, end, root.i)
    if best is None and not is_person_phrase and common and root.lower_ in _BODIES:
        # "the ministry said" after "the Thai foreign ministry said"
        return _body(res, start, end, root.i)
    if best is not None and is_person_phrase and root is not None and root.pos_ == "NOUN" \
            and not any(m.start <= root.idx < m.end for m in res.clusters[best].mentions):
        # "Phetrung's wife said": the wife, not the husband whose name the phrase holds
        own = res.tok_cluster.get(root.i)
        return own if own is not None else _description(res, "PERSON", start, end, root.i)
    if best is not None and (res.clusters[best].label == "PERSON" or not is_person_phrase):
        return best
    if len(words) == 1 and words[0] in PRONOUNS | dict.fromkeys(PLURAL_PRONOUNS):
        return best
    if is_person_phrase and words:
        return _description(res, "PERSON", start, end, root.i if root is not None else 0)
    return best


# common nouns that name an institution speaking as one ("the ministry said")
_BODIES = frozenset({"ministry", "army", "military", "government", "police", "office", "embassy",
                     "agency", "council", "committee", "court", "prosecutor's", "cabinet",
                     "presidency", "kremlin", "parliament", "authorities", "department",
                     "commission", "administration", "regime", "movement", "group", "militia",
                     "company", "firm", "hospital", "union", "foundation", "campaign"})


def _body(res: Resolver, start: int, end: int, tok: int) -> int:
    """The organisation a description names: an earlier one with the same head noun ("the
    ministry" after "the Thai foreign ministry"), else a new one."""
    head = res.sdoc[tok].lower_
    for cid, c in enumerate(res.clusters):
        if c.label == "ORG" and c.description and c.description.lower().split()[-1] == head:
            return _add_description(res, cid, start, end, tok)
    return _description(res, "ORG", start, end, tok)


def _description(res: Resolver, label: str, start: int, end: int, tok: int) -> int:
    """A new entity named by the description at ``start:end`` (head token ``tok``)."""
    res.clusters.append(Cluster(label, description=res.text[start:end]))
    return _add_description(res, len(res.clusters) - 1, start, end, tok)


def _add_description(res: Resolver, cid: int, start: int, end: int, tok: int) -> int:
    res._add(cid, Ment(start, end, "description", res.clusters[cid].label, tok,
                       res.sent_of[tok] if res.sent_of else 0))
    return cid


def _entities(res: Resolver) -> tuple[list[Entity], dict[int, str]]:
    order = sorted((i for i, c in enumerate(res.clusters) if c.mentions),
                   key=lambda i: min(m.start for m in res.clusters[i].mentions))
    ids: dict[int, str] = {}
    out: list[Entity] = []
    text = res.text
    for n, cid in enumerate(order, 1):
        c = res.clusters[cid]
        ids[cid] = f"e{n}"
        ms = sorted({(m.start, m.end, m.kind, m.label) for m in c.mentions})
        mentions = tuple(Mention(s, e, text[s:e], k, c.label) for s, e, k, _ in ms)
        aliases = tuple(dict.fromkeys(m.text for m in mentions if m.kind == "name"))
        out.append(Entity(ids[cid], c.label, res.name_of(c), aliases, mentions,
                          cluster_attributes(c)))
    return out, ids


@stage("people", requires=("spacy", "quotes"), assigns=("mentions", "entities"),
       spacy_components=("parser", "ner"))
def people(doc: Document, config: Config) -> None:
    sdoc = doc.spacy
    if sdoc is None:
        doc.entities, doc.mentions = [], []
        return
    spans = repair(sdoc, hints=doc.scratch.get(HINTS_KEY, ()), nlp_pipe=_caps_pipe(config))
    doc.scratch[NER_KEY] = [(sdoc[s.start].idx, sdoc[s.end - 1].idx + len(sdoc[s.end - 1].text),
                             s.label) for s in spans]
    scorer = doc.scratch.get(SCORER_KEY)
    quotes = [(q.start, q.end, *q.speaker_span) for q in doc.quotes
              if q.kind in ("direct", "mixed") and q.speaker_span]
    reported = [(q.start, q.end, *q.speaker_span) for q in doc.quotes
                if q.kind == "indirect" and q.speaker_span]
    res = Resolver(sdoc, doc.text, spans,
                   scorer=scorer if scorer is not None else scorer_for(config.pronouns),
                   quotes=quotes, reported=reported)
    res.run()
    quote_refs = [(_span_cluster(res, *q.speaker_span) if q.speaker_span else None,
                   _span_cluster(res, *q.addressee_span) if q.addressee_span else None)
                  for q in doc.quotes]
    entities, ids = _entities(res)
    doc.entities = entities
    doc.mentions = sorted((m for e in entities for m in e.mentions),
                          key=lambda m: (m.start, m.end))
    doc.scratch[INDEX_KEY] = sorted((m.start, m.end, e.id, e.type, m.kind)
                                    for e in entities for m in e.mentions)
    doc.quotes = [
        dataclasses.replace(
            q,
            speaker=ids.get(sp) if sp is not None else q.speaker,
            addressee=ids.get(ad) if ad is not None else q.addressee,
        )
        for q, (sp, ad) in zip(doc.quotes, quote_refs)
    ]
    log.debug("people: %d entities, %d mentions in %s", len(entities), len(doc.mentions), doc.id)
