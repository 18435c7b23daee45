"""From a token of the parse to an entity of the article.

The people stage owns coreference; this module only asks it (``Document.entity_at``) and, when a
token is not itself a mention, follows the parse to the phrase that is: an appositive ("Belousov,
a Ukrainian-Canadian engineer"), a name inside a descriptive phrase ("his wife Marta"), the noun a
relative pronoun stands for. Pronouns the people stage left unresolved fall back to the most
recent person who was a sentence subject, which is how news prose usually continues.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..document import Document
    from ..records import Entity

_RELATIVE = frozenset({"who", "whom", "which", "that", "whose"})
_PERSONAL = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
_ITS = frozenset({"it", "its", "itself"})
_PLURAL = frozenset({"they", "them", "their", "themselves"})


class Resolver:
    """Token -> entity, cached per token."""

    def __init__(self, doc: Document, sdoc: Doc) -> None:
        self.doc = doc
        self.sdoc = sdoc
        self._cache: dict[int, Entity | None] = {}
        # token -> entity of the longest mention covering it, built once: Document.entity_at
        # scans every mention and would make resolution quadratic on long articles. A
        # one-token mention is its token's own, though: "His" in "His sister, Ida" is the
        # brother even inside the sister's mention "His sister"
        self._at: dict[int, tuple[int, Entity]] = {}
        for ent in doc.entities:
            for m in ent.mentions:
                span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                size = 10**6 if len(span) == 1 else m.end - m.start
                for t in span:
                    if t.i not in self._at or self._at[t.i][0] < size:
                        self._at[t.i] = (size, ent)
        self._ner: dict[int, tuple[int, int]] = {}
        for span in sdoc.ents:
            for t in span:
                self._ner[t.i] = (span.start_char, span.end_char)
        # entity id -> PERSON/ORG etc., and the token starts of mentions for quick "who came last"
        self._subjects: list[tuple[int, Entity]] = []
        for tok in sdoc:
            # only main-clause subjects: the story's protagonist, not a side clause's actor
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("PROPN", "NOUN") and \
                    tok.head.dep_ in ("ROOT", "conj") and tok.head.head.dep_ in ("ROOT", "conj"):
                ent = self._direct(tok)
                if ent is not None:
                    self._subjects.append((tok.i, ent))

    def _direct(self, tok: Token) -> Entity | None:
        if tok.is_space or tok.is_punct:
            return None
        hit = self._at.get(tok.i)
        if hit is not None:
            return hit[1]
        ner = self._ner.get(tok.i)
        if ner is not None:
            for i in range(tok.i - 3, tok.i + 4):
                t = self._at.get(i)
                if t is not None and ner[0] <= self.sdoc[i].idx < ner[1]:
                    return t[1]
        return None

    def entity(self, tok: Token, depth: int = 0) -> Entity | None:
        if tok.i in self._cache:
            return self._cache[tok.i]
        ent = self._direct(tok)
        if ent is None and depth < 3:
            ent = self._via_parse(tok, depth)
        if ent is None and tok.pos_ == "PRON":
            ent = self._antecedent(tok)
        self._cache[tok.i] = ent
        return ent

    def _via_parse(self, tok: Token, depth: int) -> Entity | None:
        low = tok.lower_
        # a name inside the phrase: "his wife Marta", "the father, Pavlo Bilousov"
        for c in tok.children:
            if c.dep_ in ("appos", "compound", "npadvmod") and c.pos_ == "PROPN" and c.i > tok.i:
                ent = self._direct(c)
                if ent is not None:
                    return ent
        for c in tok.children:
            if c.dep_ == "appos":
                ent = self._direct(c)
                if ent is not None:
                    return ent
        if tok.dep_ == "appos" and tok.head.i != tok.i:
            return self.entity(tok.head, depth + 1)
        if low in _RELATIVE and tok.head.dep_ in ("relcl", "acl") and tok.head.head.i != tok.i:
            return self.entity(tok.head.head, depth + 1)
        return None

    def _antecedent(self, tok: Token) -> Entity | None:
        low = tok.lower_
        if low in _PERSONAL:
            want = ("PERSON",)
        elif low in _ITS:
            want = ("ORG", "GPE", "NORP")
        elif low in _PLURAL:
            want = ("ORG", "NORP", "GPE")
        else:
            return None
        best: Entity | None = None
        for i, ent in self._subjects:
            if i >= tok.i:
                break
            if ent.type in want and not (tok.dep_ == "poss" and tok.head.i == i):
                best = ent
        return best

    def entities(self, tok: Token) -> list[tuple[Entity, Token]]:
        """The entity of a token and of each conjunct coordinated with it."""
        out: list[tuple[Entity, Token]] = []
        seen: set[str] = set()
        base = tok
        if tok.lower_ in _RELATIVE and tok.head.dep_ in ("relcl", "acl") and \
                tok.head.head.i != tok.i:
            # "his children, Erez and Sahar, who were freed": every antecedent the "who" has
            base = tok.head.head
        todo = [base, *base.conjuncts]
        first = self.entity(base)
        if first is not None and first.type == "PERSON":
            # "Ofer Kalderon, 54, Yarden Bibas, 35, and Keith Siegel": a list of names with ages
            # that the parser reads as appositions
            for c in base.children:
                if c.dep_ == "appos" and c.pos_ == "PROPN":
                    other = self.entity(c)
                    if other is not None and other.type == "PERSON":
                        # "his sons, Mihai and Pavel": the names coordinated in the apposition
                        todo.extend((c, *c.conjuncts))
        for t in (tok, *todo) if base is not tok else todo:
            ent = self.entity(t)
            if ent is not None and ent.id not in seen:
                seen.add(ent.id)
                out.append((ent, t))
        return out
