"""quotes: direct and reported speech with cue, speaker span and addressee span.

Two passes over one parsed article:

1. Direct quotations come from paired quotation marks (:mod:`newsgraph.quotes.marks`). Each region
   looks for its attribution next to it: a trailing clause (``"...," he said``), a leading one
   (``He said: "..."``, ``Smith said, "..."``), a dash signature (``"..." - Commissioner Smith``), a
   lead-in (``And from Chairwoman Lee: "..."``) or a speech verb of the same sentence that governs
   it. A region with none continues the previous quotation's speaker when it opens its paragraph
   right after that quotation; short unattributed fragments are scare quotes and are dropped.
2. Reported speech comes from the dependency parse, each cue lexicon (:mod:`newsgraph.quotes.
   lexicon`) with the complement it takes: a clausal complement (``said that ...``), a
   ``to``-infinitive (``urged the brigade to ...``), a direct object (``criticized the plan``), a
   preposition's object (``referred to the flood``), the subject and complement of a passive or
   raising verb (``is expected to resign``, ``seems safe``), the clause a trailing or
   parenthetical ``officials said`` hangs on, cue nouns (``his claim that ...``), ``according to
   X`` and source phrases (``in a new poll``), and a headline's ``Speaker: ...``. Reported speech
   whose cue sits inside another one's content is dropped unless its cue is a plain speech verb.
   Reported content that holds a quoted fragment is ``mixed``, as is a direct quotation led by the
   speaker's own words (``With ten boxes, "there is no risk," he said``).

The stage writes surface spans only; the people stage maps ``speaker_span``/``addressee_span`` to
entities.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..config import Config
from ..document import Document
from ..people.lexicon import HONORIFICS, ROLE_NOUNS, given_name_gender
from ..pipeline import stage
from ..quotes.lexicon import (CUE_LEMMAS, CUE_NOUNS, DIRECT_CUES, EVIDENCE_VERBS, NESTED_CUES,
                               OBJECT_CUES, PASSIVE_CUES, PREP_CUES, RAISING_CUES, SOURCE_PREPS,
                               SPEECH_VERBS, TITLES, TO_COMPLEMENT_CUES)
from ..quotes.marks import Region, find_regions
from ..records import Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)

_THAT_CUES = CUE_LEMMAS | EVIDENCE_VERBS
_ANY_CUE = (_THAT_CUES | OBJECT_CUES | TO_COMPLEMENT_CUES | RAISING_CUES | PASSIVE_CUES
            | frozenset().union(*PREP_CUES.values()))

_SUBJ_DEPS = frozenset(("nsubj", "nsubjpass", "csubj"))
# modifiers kept when a subject token grows into its noun phrase; appositives and relative clauses
# are left out so "Hugh Hill, a doctor, said" gives "Hugh Hill"
_NP_LEFT = frozenset(("det", "compound", "amod", "poss", "nummod", "nmod", "quantmod", "case",
                      "predet", "advmod", "npadvmod", "prep", "pobj", "cc", "conj", "punct", "flat"))
_NP_RIGHT = frozenset(("compound", "flat", "prep", "pobj", "case", "nummod", "cc", "conj"))
_OBJ_DEPS = frozenset(("dobj", "dative", "iobj"))
_ADDRESSEE_CUES = frozenset("""
tell assure reassure urge ask warn remind inform notify advise implore beg order command instruct
encourage invite challenge thank congratulate press plead caution promise counsel petition brief
""".split())
_SENT_END = frozenset((".", "!", "?"))
_MIN_UNATTRIBUTED_WORDS = 6
_MIN_LEAD_WORDS = 3
# tokens a trailing attribution may take after a quotation that ends open ("...," then a long
# speaker description, then the verb)
_TRAILING_REACH = 25
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
_PRONOUNS = frozenset(("he", "she", "him", "her", "they", "them", "i", "we", "it"))
_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
# "... ― Jane Q. Doe" or "... - Commissioner Smith, of Springfield" to the end of the line
_SIGNATURE = re.compile(r"[ \t\u00a0]*(?:--|[-\u2014\u2013\u2015])[ \t\u00a0]*"
                        r"(?P<name>[A-Z][^\n,;:(\u201c\"]{1,60}?)[ \t\u00a0]*(?:[,;(][^\n]*)?\.?[ \t\u00a0]*$",
                        re.MULTILINE)
# transcript speaker labels opening a quoted paragraph: "PENCE: ..."
_LABEL = re.compile(r"(?P<name>[A-Z][A-Z.'\- ]{1,30}[A-Z.]):[ \t\u00a0]+")
# a transcript's stage direction quoted as a paragraph of its own: "(CROSSTALK)", "[Applause]"
_STAGE_DIRECTION = re.compile(r"\s*[(\[][A-Za-z ,.'\-]{2,40}[)\]][.\s]*$")
# a headline naming its speaker before a colon: "Harbour Chief: Ferries Will Run All Winter"
_HEADLINE = re.compile(r"[ \t\u00a0]*(?P<name>[A-Z][\w.'\u2019\-]*"
                       r"(?:[ \t][A-Z][\w.'\u2019\-]*){0,5})"
                       r":[ \t\u00a0]+(?P<content>\S[^\n]*?)[ \t\u00a0]*$", re.MULTILINE)
_HEADLINE_MAX_WORDS = 30
_HEADLINE_LABELS = frozenset("""breaking update updated exclusive watch video photos photo opinion
analysis editorial review live correction note editor fact factcheck explainer interview
podcast op-ed letters transcript timeline""".split())
# subordinators of an adverbial clause that is no reported content ("said, because ...")
_ADVERBIAL_MARKS = frozenset("""as because while although though after before since until if
unless once whereas when""".split())
# adverbial clauses opened by these modify the act of speaking ("said when asked")
_SPEECH_TIME_MARKS = frozenset("when after before while as during since once upon in at on".split())
# verbs whose object noun carries the speech act ("made a pledge", "issued a warning")
_LIGHT_VERBS = frozenset(
    "make issue offer give express voice repeat reiterate renew deliver".split())
# later dependents of an object cue that belong to what it reports
_REST_DEPS = frozenset("oprd ccomp prep npadvmod dative xcomp acomp attr".split())
_NP_RIGHT_PREPS = frozenset("of for at from with".split())
# marks a speaker's noun phrase never reaches back across
_NP_STOPS = frozenset((",", "--", "\u2014", "\u2013", "\u2015", ";", ":"))
# marks around a parenthetical attribution ("X, she said, Y")
_PAREN_MARKS = frozenset((",", "--", "\u2014", "\u2013", "-"))
# characters after which a quotation starts its own sentence or clause rather than sitting
# inside one ("called it a \u201cdisaster\u201d")
_CLAUSE_BREAK = frozenset(":,.!?;\u2014\u2013\u2015-([\u2026")


@dataclass(slots=True)
class _Attribution:
    cue: str | None
    cue_span: Span | None
    speaker: Span | None
    addressee: Span | None = None


@stage("quotes", requires=("spacy",), assigns=("quotes",), spacy_components=("parser", "lemmatizer"))
def quotes(doc: Document, config: Config) -> None:
    sdoc = doc.spacy
    if sdoc is None:
        doc.quotes = []
        return
    doc.quotes = _Extractor(doc.text, sdoc).run()


class _Extractor:
    def __init__(self, text: str, sdoc: Doc) -> None:
        self.text = text
        self.sdoc = sdoc
        self.reported: list[tuple[Span, _Attribution]] = []
        self.regions = find_regions(text)
        self.starts = [t.idx for t in sdoc]
        # index of the region each token sits in, -1 outside every quotation
        self.in_region = [-1] * len(sdoc)
        for ri, r in enumerate(self.regions):
            for ti in range(self._tok_at(r.open_mark), len(sdoc)):
                if sdoc[ti].idx >= r.outer_end:
                    break
                self.in_region[ti] = ri

    # -- token helpers -------------------------------------------------------------------------

    def _tok_at(self, char: int) -> int:
        """Index of the token covering or following character ``char``."""
        i = bisect.bisect_right(self.starts, char) - 1
        if i < 0:
            return 0
        if char >= self.sdoc[i].idx + len(self.sdoc[i].text) and i + 1 < len(self.sdoc):
            return i + 1
        return i

    def _span(self, first: int, last: int) -> Span:
        """Character span of tokens ``first..last`` inclusive."""
        a, b = self.sdoc[first], self.sdoc[last]
        return a.idx, b.idx + len(b.text)

    def _np(self, tok: Token) -> Span:
        """A noun phrase around ``tok``: its left modifiers and name parts, no appositive."""
        lo = hi = tok.i
        stack = [tok]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in ("appos", "relcl", "acl", "advcl", "parataxis"):
                    continue
                if c.i < tok.i and c.dep_ in _NP_LEFT or c.i > tok.i and c.dep_ in _NP_RIGHT:
                    if c.dep_ == "punct" and c.i > tok.i:
                        continue
                    if c.i > tok.i and c.dep_ == "prep" and c.lower_ not in _NP_RIGHT_PREPS:
                        continue  # "said Ann Lee in an interview": the interview is not her
                    lo, hi = min(lo, c.i), max(hi, c.i)
                    stack.append(c)
        # a noun phrase never reaches into a quotation or across a comma on its left
        while lo < tok.i and (self.sdoc[lo].is_punct or self.sdoc[lo].dep_ in ("cc", "prep")):
            lo += 1
        while hi > tok.i and (self.sdoc[hi].is_punct or self.sdoc[hi].dep_ in ("cc", "prep")):
            hi -= 1
        for i in range(tok.i - 1, lo - 1, -1):
            t = self.sdoc[i]
            if t.text in _NP_STOPS or "\n" in t.text or (
                    self.in_region[i] != -1 and self.in_region[tok.i] == -1):
                lo = i + 1
                break
        for i in range(tok.i + 1, hi + 1):
            if "\n" in self.sdoc[i].text or self.sdoc[i].text == "(":
                hi = i - 1
                break
        return self._span(lo, hi)

    def _is_cue(self, tok: Token, lexicon: frozenset[str]) -> bool:
        if tok.lemma_.lower() not in lexicon:
            return False
        return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")

    def _subject(self, verb: Token) -> Token | None:
        """The subject of a cue verb, climbing through ``went on to say``/``and added``."""
        v: Token | None = verb
        for _ in range(3):
            if v is None:
                break
            for c in v.children:
                if c.dep_ in _SUBJ_DEPS and c.dep_ != "nsubjpass":
                    if self.in_region[c.i] != -1 and self.in_region[verb.i] == -1:
                        continue  # a misparse taking the quoted words for the speaker
                    lo, hi = sorted((c.idx, verb.idx))
                    if "\n" in self.text[lo:hi]:
                        continue  # a header line ("12:15 p.m.") the parse ran into the sentence
                    if c.lower_ in ("who", "that", "which") and v.dep_ == "relcl":
                        return v.head
                    return c
            if v.dep_ in ("xcomp", "conj", "advcl", "ccomp") and v.head is not v:
                v = v.head
            else:
                break
        return None

    def _addressee(self, verb: Token, skip: Span | None) -> Span | None:
        def outside(t: Token) -> bool:
            return skip is None or not (skip[0] <= t.idx < skip[1])

        lemma = verb.lemma_.lower()
        for c in verb.children:
            if c.dep_ in _OBJ_DEPS and lemma in _ADDRESSEE_CUES and outside(c) and c.pos_ in (
                    "PROPN", "PRON", "NOUN") and self.in_region[c.i] == -1:
                return self._np(c)
        if lemma in PREP_CUES["to"]:
            return None  # "referred to the flood": what follows "to" is the content
        for c in verb.children:
            if c.dep_ in ("prep", "dative") and c.lower_ == "to" and outside(c):
                for g in c.children:
                    if g.dep_ == "pobj" and g.pos_ in ("PROPN", "PRON", "NOUN"):
                        return self._np(g)
        return None

    def _attribution(self, verb: Token, skip: Span | None) -> _Attribution:
        subj = self._subject(verb)
        speaker = self._np(subj) if subj is not None else self._nearby_name(verb)
        cue_tok = verb
        return _Attribution(cue_tok.text, self._span(cue_tok.i, cue_tok.i), speaker,
                            self._addressee(verb, skip))

    def _nearby_name(self, verb: Token) -> Span | None:
        """Speaker of an inverted or unparsed attribution: the name right after or before the cue."""
        sdoc = self.sdoc
        for rng in (range(verb.i + 1, min(len(sdoc), verb.i + 4)),
                    range(verb.i - 1, max(-1, verb.i - 4), -1)):
            for i in rng:
                t = sdoc[i]
                if self.in_region[i] != -1 or t.is_punct:
                    break
                if t.pos_ in ("PROPN", "PRON") or t.pos_ == "NOUN" and t.dep_ in _SUBJ_DEPS:
                    return self._np(t)
        return None

    # -- direct quotations ---------------------------------------------------------------------

    def _trailing(self, r: Region) -> _Attribution | None:
        sdoc, text = self.sdoc, self.text
        if r.open_end:
            return None
        sig = _SIGNATURE.match(text, r.outer_end)
        if sig is not None and sig.end() <= r.para_end:
            s, e = sig.span("name")
            dash = text[r.outer_end:s].strip(" \t\u00a0")
            d0 = text.index(dash[0], r.outer_end)
            return _Attribution(dash, (d0, d0 + len(dash)), (s, e))
        i = self._tok_at(r.outer_end)
        while i < len(sdoc) and sdoc[i].is_space and sdoc[i].idx < r.para_end:
            i += 1
        if i >= len(sdoc) or sdoc[i].idx >= r.para_end:
            return None
        first = sdoc[i]
        content_end = text[r.start:r.end].rstrip()
        ends_open = bool(content_end) and content_end[-1] in ",?!\u2014-\u2026:"
        if first.text == ",":
            ends_open = True
            i += 1
        for j in range(i, min(len(sdoc), i + (_TRAILING_REACH if ends_open else 10))):
            t = sdoc[j]
            if t.idx >= r.para_end:
                break
            if self.in_region[j] != -1:
                inner = self.regions[self.in_region[j]]
                if len(self.text[inner.start:inner.end].split()) > 2:
                    break
                continue  # a nickname in the speaker's name: Marcia "Cia" Price
            if t.text in _SENT_END and not (t.text == "." and t.i + 1 < len(sdoc) and
                                            sdoc[t.i + 1].is_title and len(t.nbor(-1).text) <= 3) \
                    or t.text == ";":
                break
            if self._is_cue(t, DIRECT_CUES):
                if not ends_open and j - i > 4:
                    return None
                return self._attribution(t, (r.start, r.end))
        return None

    def _leading(self, r: Region, prev_end: int) -> _Attribution | None:
        sdoc = self.sdoc
        k = self._tok_at(r.open_mark) - 1
        lo = max(self._tok_at(max(prev_end, r.para_start)), sdoc[min(k + 1, len(sdoc) - 1)].sent.start)
        if k < lo:
            return None
        # only the clause right before the mark counts
        for j in range(k, lo - 1, -1):
            if sdoc[j].text in _SENT_END and j < k:
                lo = j + 1
                break
        last = sdoc[k]
        if last.text not in (":", ",") and not (
                self._is_cue(last, DIRECT_CUES) and last.dep_ not in ("amod", "compound")):
            return None
        for j in range(k, lo - 1, -1):
            t = sdoc[j]
            if self.in_region[j] != -1:
                break
            if self._is_cue(t, DIRECT_CUES):
                return self._attribution(t, (r.start, r.end))
        if last.text == ":":
            # a lead-in with no verb ("And from Chairwoman Lee:"): its last noun phrase speaks
            for j in range(k - 1, lo - 1, -1):
                t = sdoc[j]
                if t.pos_ in ("PROPN", "PRON") or t.pos_ == "NOUN" and t.dep_ != "compound":
                    return _Attribution(None, None, self._np(t))
        return None

    def _governing(self, r: Region) -> _Attribution | None:
        """A speech verb of the same sentence whose complement holds the quotation."""
        sdoc = self.sdoc
        i = self._tok_at(r.start)
        if i >= len(sdoc):
            return None
        sent = sdoc[i].sent
        best: Token | None = None
        for t in sent:
            if self.in_region[t.i] != -1 or not self._is_cue(t, DIRECT_CUES):
                continue
            if any(self.in_region[c.i] != -1 and self.regions[self.in_region[c.i]] is r
                   for c in t.subtree):
                if best is None or abs(t.i - i) < abs(best.i - i):
                    best = t
        if best is None:
            return None
        return self._attribution(best, (r.start, r.end))

    def _vocative(self, r: Region) -> Span | None:
        """``"Mr Smith, I ask you ..."``: a title or name opening the quotation, then a comma."""
        sdoc = self.sdoc
        i = self._tok_at(r.start)
        j = i
        titled = False
        while j < len(sdoc) and sdoc[j].idx < r.end and j - i < 5:
            t = sdoc[j]
            if t.lower_.rstrip(".") in TITLES or t.lower_ in TITLES:
                titled = True
            elif t.pos_ != "PROPN" and t.text != ".":
                break
            j += 1
        if j == i or j >= len(sdoc) or sdoc[j].text != ",":
            return None
        rest = self.text[sdoc[j].idx:r.end].lower()
        if not titled and " you" not in rest:
            return None
        if not any(sdoc[k].pos_ == "PROPN" for k in range(i, j)):
            return None
        return self._span(i, j - 1)

    def _direct(self) -> list[tuple[Region, _Attribution | None]]:
        out: list[tuple[Region, _Attribution | None]] = []
        prev: tuple[Region, _Attribution | None] | None = None
        for r in self.regions:
            prev_end = prev[0].outer_end if prev is not None else 0
            if self._fragment(r) or _STAGE_DIRECTION.match(self.text, r.start, r.end):
                continue
            att = self._label(r)
            if att is None:
                att = self._trailing(r)
            if att is None:
                att = self._leading(r, prev_end)
            if att is None:
                att = self._governing(r)
            if att is None:
                att = self._continuation(r, prev)
            if att is None and self._stands_alone(r):
                att = self._after_reported(r, prev)
            if att is None and not self._stands_alone(r):
                continue
            out.append((r, att))
            prev = (r, att)
        return out

    def _fragment(self, r: Region) -> bool:
        """A quoted word or phrase inside a clause: left to reported speech as ``mixed``."""
        before = self.text[r.para_start:r.open_mark].rstrip(" \t\u00a0")
        if not before or before[-1] in _CLAUSE_BREAK:
            return False
        i = self._tok_at(r.open_mark) - 1
        while i >= 0 and self.sdoc[i].is_space:
            i -= 1
        if i < 0:
            return True
        tok = self.sdoc[i]
        if tok.pos_ == "CCONJ" and (i == 0 or self.sdoc[i - 1].text in _SENT_END
                                    or "\n" in self.sdoc[i - 1].text):
            return False  # "But \u201cthis is bad,\u201d he said": a sentence of its own
        return not self._is_cue(tok, DIRECT_CUES)

    def _label(self, r: Region) -> _Attribution | None:
        m = _LABEL.match(self.text, r.start)
        if m is None or m.end() >= r.end:
            return None
        return _Attribution(":", (m.end("name"), m.end("name") + 1), m.span("name"))

    def _continuation(self, r: Region,
                      prev: tuple[Region, _Attribution | None] | None) -> _Attribution | None:
        if prev is None or prev[1] is None or prev[1].speaker is None:
            return None
        pr, patt = prev
        if patt is None or patt.speaker is None:
            return None
        between = self.text[pr.outer_end:r.open_mark]
        same_para = pr.para_start == r.para_start
        next_para = self.text[pr.para_end:r.para_start].strip() == ""
        cue_between = patt.cue_span is not None and pr.outer_end <= patt.cue_span[0] < r.open_mark
        if same_para and between.strip() and not (cue_between or self._only_attribution(between)):
            return None
        if not same_para and not (next_para and self.text[r.para_start:r.open_mark].strip() == ""):
            return None
        # continuation of the same speaker: point at the very mention the previous quote used;
        # a quotation split by its attribution ("...," he said. "...") shares its cue
        if same_para and cue_between:
            return _Attribution(patt.cue, patt.cue_span, patt.speaker)
        return _Attribution(None, None, patt.speaker)

    def _after_reported(self, r: Region,
                        prev: tuple[Region, _Attribution | None] | None) -> _Attribution | None:
        """A quotation paragraph right after a paragraph that ends in someone's reported speech
        ("Lund said the pier was safe.\n\n\u201cWe checked every pillar.\u201d") goes on with
        that speaker."""
        text = self.text
        lead = text[r.para_start:r.open_mark].strip()
        if lead:
            # the same paragraph: "X told reporters that Avi was well. “He asked about
            # the football first.”" goes on with X when a sentence ends right before it
            if lead[-1] not in ".!?":
                return None
            before = text[:r.open_mark].rstrip()
            ps = r.para_start
        else:
            if r.para_start == 0:
                return None
            before = text[:r.para_start].rstrip()
            ps = before.rfind("\n") + 1
        if prev is not None and prev[0].outer_end > ps:
            return None  # a quotation of its own closes that paragraph
        cands = [att for span, att in self.reported if ps <= span[0] < len(before)]
        if not cands:
            return None
        last = cands[-1]
        sent_start = max(before.rfind(". ", ps), before.rfind("? ", ps), ps)
        if last.cue_span is None or last.cue_span[0] < sent_start:
            return None  # only the paragraph's last sentence hands its speaker on
        return _Attribution(None, None, last.speaker)

    def _only_attribution(self, between: str) -> bool:
        return len(between.split()) <= 8

    def _stands_alone(self, r: Region) -> bool:
        """An unattributed quotation worth keeping: a whole paragraph or a long sentence."""
        words = len(self.text[r.start:r.end].split())
        if words < _MIN_UNATTRIBUTED_WORDS:
            return False
        before = self.text[r.para_start:r.open_mark].strip()
        return before == "" or before[-1] in ".:!?"

    # -- reported speech -----------------------------------------------------------------------

    def _indirect(self) -> list[tuple[Span, _Attribution, Token]]:
        out: list[tuple[Span, _Attribution, Token]] = []
        sdoc = self.sdoc
        head = self._headline()
        if head is not None:
            out.append(head)
        for t in sdoc:
            if self.in_region[t.i] != -1:
                continue
            if t.lower_ == "according" and t.dep_ in ("prep", "advmod", "ROOT"):
                got = self._according(t)
                if got is not None:
                    out.append(got)
                continue
            if t.lower_ in SOURCE_PREPS and t.dep_ == "prep":
                got = self._source_phrase(t)
                if got is not None:
                    out.append(got)
                continue
            lemma = t.lemma_.lower()
            if t.pos_ == "NOUN" and lemma in CUE_NOUNS:
                got = self._nominal(t)
                if got is not None:
                    out.append(got)
                continue
            if lemma not in _ANY_CUE or not (t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB")):
                continue
            if lemma in ("know", "call", "name", "nickname") and any(
                    c.dep_ == "mark" and c.lower_ == "as" for c in t.children):
                continue  # "Avi, as the soldier is known,": a name, not a report
            if lemma == "call" and any(c.dep_ == "dobj" and c.pos_ in ("PROPN", "PRON")
                                       for c in t.children) and not any(
                    c.dep_ in ("oprd", "xcomp", "ccomp", "attr") for c in t.children):
                # "called Kozlova on Friday", "as friends call him": nothing reported (unlike
                # "called Kozlova a hero")
                continue
            raised = self._raised(t, lemma)
            if raised is not None:
                out.append(raised)
                continue
            if lemma not in _THAT_CUES and lemma not in OBJECT_CUES and not any(
                    lemma in v for v in PREP_CUES.values()) and lemma not in TO_COMPLEMENT_CUES:
                continue
            content = self._clause(t) if lemma in _THAT_CUES else None
            if content is None and t.lemma_.lower() in TO_COMPLEMENT_CUES:
                for c in t.children:
                    if c.dep_ == "xcomp" and c.i > t.i and any(
                            g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                        content = self._subtree_span(c, exclude=t)
                        break
            if content is None and lemma in SPEECH_VERBS:
                # a gerund complement is what was told: "recounted being held for nine days"
                for c in t.children:
                    if c.dep_ in ("xcomp", "ccomp") and c.i > t.i and (c.tag_ == "VBG" or any(
                            g.tag_ == "VBG" and g.dep_ in ("aux", "auxpass") for g in c.children)):
                        content = self._subtree_span(c, exclude=t)
                        break
            if content is None and t.dep_ == "parataxis" and lemma in _THAT_CUES:
                content = self._head_minus(t)
            if content is None and lemma in _THAT_CUES:
                content = self._loose_clause(t)
            if content is None and lemma in OBJECT_CUES and self._subject(t) is not None:
                content = self._object(t)
            if content is None and self._subject(t) is not None:
                content = self._prep_object(t, lemma)
            if content is not None:
                content = self._in_paragraph(content, t)
            if content is None:
                continue
            if self._just_a_pronoun(content):
                continue  # "as friends call him": a person is named, nothing is reported
            att = self._attribution(t, content)
            out.append((content, att, t))
        return out

    def _just_a_pronoun(self, span: Span) -> bool:
        words = self.text[span[0]:span[1]].strip().lower()
        return words in ("him", "her", "them", "me", "us", "you", "it", "himself", "herself")

    def _in_paragraph(self, span: Span, t: Token) -> Span | None:
        """Reported content stays in its cue's paragraph: a parse that runs across a paragraph
        break is cut back to it."""
        text = self.text
        s, e = span
        ps = text.rfind("\n", 0, t.idx) + 1
        pe = text.find("\n", t.idx)
        pe = len(text) if pe == -1 else pe
        if s >= ps and e <= pe:
            return span
        s, e = max(s, ps), min(e, pe)
        if s <= t.idx < e:
            e = t.idx if t.idx - s >= e - t.idx else e
            s = t.idx + len(t.text) if e > t.idx else s
        while s < e and not text[s].isalnum() and text[s] not in "\"\u201c\u2018'":
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
            e -= 1
        return (s, e) if e - s > 2 else None

    def _raised(self, t: Token, lemma: str) -> tuple[Span, _Attribution, Token] | None:
        """``the plan seems to work``, ``the mayor is expected to resign``: the subject and the
        complement are the content; only a passive's agent ("by the union") is a source."""
        passive = lemma in PASSIVE_CUES and any(c.dep_ == "auxpass" for c in t.children)
        if not passive and lemma not in RAISING_CUES:
            return None
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < t.i), None)
        if subj is None or subj.lower_ in ("who", "that", "which") or subj.tag_ == "EX":
            return None
        comps = [c for c in t.children
                 if c.i > t.i and c.dep_ in ("xcomp", "oprd", "ccomp", "acomp")
                 or c.i > t.i and passive and c.dep_ == "prep" and c.lower_ in ("as", "for", "of")]
        if not comps:
            return None
        if not passive and any(c.dep_ == "xcomp" and self._is_cue(c, _ANY_CUE) for c in comps):
            return None  # "she appeared to blame the staff": "blame" is the cue, she the source
        lo = subj.left_edge.i
        hi = max(c.right_edge.i for c in comps)
        span = self._trim(lo, hi)
        if span is None:
            return None
        speaker = None
        agent = next((c for c in t.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                speaker = self._np(pobj)
        return span, _Attribution(t.text, self._span(t.i, t.i), speaker), t

    def _headline(self) -> tuple[Span, _Attribution, Token] | None:
        """The first line as a headline whose speaker stands before a colon."""
        end = self.text.find("\n")
        end = len(self.text) if end == -1 else end
        m = _HEADLINE.match(self.text, 0, end)
        if m is None or not self.sdoc:
            return None
        if not 3 <= len(m.group("content").split()) <= _HEADLINE_MAX_WORDS:
            return None
        if m.group("name").split()[0].lower().rstrip("'\u2019s") in _HEADLINE_LABELS:
            return None  # "Breaking: ...", "Editor's note: ..." label the headline, nobody speaks
        colon = m.end("name")
        cue_tok = self.sdoc[self._tok_at(colon)]
        att = _Attribution(":", (colon, colon + 1), m.span("name"))
        return m.span("content"), att, cue_tok

    def _object(self, t: Token) -> Span | None:
        """The direct object of an object-taking cue, with its predicate ("called X a liar")."""
        obj = next((c for c in t.children if c.dep_ == "dobj" and c.i > t.i), None)
        if obj is None:
            return None
        lo, hi = obj.left_edge.i, obj.right_edge.i
        return self._trim(lo, self._rest(t, hi), minimum=0)

    def _rest(self, t: Token, hi: int) -> int:
        """Grow a content ending at ``hi`` over the cue's later complements and modifiers ("endorsed
        Lee in the race", "called him a liar"), up to a comma or a coordinated clause."""
        for c in sorted(t.children, key=lambda x: x.i):
            if c.i <= hi:
                continue
            if c.dep_ not in _REST_DEPS or any(self.sdoc[i].text in _PAREN_MARKS
                                               or self.sdoc[i].text == ";"
                                               for i in range(hi + 1, c.i)):
                break
            hi = c.right_edge.i
        return hi

    def _prep_object(self, t: Token, lemma: str) -> Span | None:
        for c in t.children:
            if c.dep_ == "prep" and c.i > t.i and lemma in PREP_CUES.get(c.lower_, ()):
                obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    return self._trim(obj.left_edge.i, self._rest(t, obj.right_edge.i), minimum=0)
        return None

    def _according(self, t: Token) -> tuple[Span, _Attribution, Token] | None:
        to = next((c for c in t.children if c.lower_ == "to"), None)
        if to is None:
            return None
        pobj = next((c for c in to.children if c.dep_ in ("pobj", "pcomp")), None)
        if pobj is None:
            return None
        span = (t.idx, to.idx + len(to.text))
        source = self._np(pobj)
        cue = _Attribution(self.text[span[0]:span[1]], span, source)
        # the source's own noun phrase, not its subtree: a misparse may hang the content on it
        content = self._beside(t, max(self._tok_at(source[1] - 1), to.i))
        if content is None and t.head is not t:
            content = self._head_minus(t)
        if content is None:
            return None
        return content, cue, t

    def _nominal(self, t: Token) -> tuple[Span, _Attribution, Token] | None:
        """"his claim that ...", "the union's pledge to ...": a cue noun with a ``that``-clause
        or a ``to``-infinitive; its possessor, if any, is the source."""
        for c in t.children:
            if c.i <= t.i or c.dep_ not in ("acl", "ccomp", "relcl"):
                continue
            marks = [g for g in c.children if g.dep_ in ("mark", "aux") and g.i < c.i]
            if not any(g.lower_ == "that" and g.dep_ == "mark" or g.lower_ == "to" for g in marks):
                continue
            if c.dep_ == "relcl" and any(g.dep_ in ("nsubj", "dobj", "nsubjpass") and g.lower_ in
                                         ("that", "which") for g in c.children):
                continue  # "the claim that was made": a relative clause, not the content
            content = self._trim(c.left_edge.i, c.right_edge.i)
            if content is None:
                return None
            owner = next((g for g in t.children if g.dep_ == "poss"), None)
            speaker = self._span(owner.left_edge.i, owner.i) if owner is not None else None
            names = [g for g in t.children if g.dep_ == "compound" and g.pos_ == "PROPN"]
            if speaker is None and names:
                # "a Harbour Post report that ...", "Lund charges that ..." (a verb read as a noun)
                speaker = self._span(names[0].left_edge.i, names[-1].i)
            by = next((g for g in t.children if g.dep_ == "prep" and g.lower_ in ("by", "from")
                       and g.i < c.i), None)
            pobj = None if by is None else next(
                (g for g in by.children if g.dep_ == "pobj"), None)
            if speaker is None and pobj is not None:
                speaker = self._np(pobj)  # "a warning from the coast guard that ..."
            if speaker is None and t.dep_ == "dobj" and t.head.lemma_.lower() in _LIGHT_VERBS:
                subj = self._subject(t.head)  # "the union made a pledge to ..."
                speaker = self._np(subj) if subj is not None else None
            verb = t.head.head if t.dep_ == "pobj" else None
            if speaker is None and verb is not None and self._is_cue(verb, SPEECH_VERBS):
                # "said in a statement that ...": the parse hung the clause on the noun
                return content, self._attribution(verb, content), verb
            return content, _Attribution(t.text, self._span(t.i, t.i), speaker), t
        return None

    def _source_phrase(self, t: Token) -> tuple[Span, _Attribution, Token] | None:
        """"In a new poll, ..." / "..., by one estimate": a phrase naming the source opens or
        closes the sentence; a cue verb it hangs on speaks for itself."""
        pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() not in SOURCE_PREPS[t.lower_]:
            return None
        if t.head.lemma_.lower() in SPEECH_VERBS or self.in_region[pobj.i] != -1:
            return None  # "said in a statement": the verb attributes it
        source = self._np(pobj)
        content = self._beside(t, max(self._tok_at(source[1] - 1), t.i))
        if content is None:
            return None
        owner = next((c for c in pobj.children if c.dep_ == "poss"), None)
        speaker = source
        if owner is not None:  # "in her view": her; "in Lund's words": Lund
            lo, hi = owner.left_edge.i, owner.i
            speaker = self._span(lo, hi)
        return content, _Attribution(t.text, self._span(t.i, t.i), speaker), t

    def _beside(self, first: Token, last: int) -> Span | None:
        """The rest of the sentence when an attribution phrase (tokens ``first..last``) opens or
        closes it: "According to X, ..." and "..., according to X." whatever the parse says."""
        sdoc = self.sdoc
        sent = first.sent
        lead = all(sdoc[i].is_punct or sdoc[i].is_space or sdoc[i].pos_ == "CCONJ"
                   for i in range(sent.start, first.i))
        tail = all(sdoc[i].is_punct or sdoc[i].is_space for i in range(last + 1, sent.end))
        if lead and not tail:
            return self._trim(last + 1, sent.end - 1)
        if tail and not lead:
            return self._trim(sent.start, first.i - 1)
        return None

    def _clause(self, t: Token) -> Span | None:
        """The clausal complement of a cue: every ``that``-clause after it with the clauses
        coordinated to them, or else the nearest one before it (``X, she said``)."""
        comps = [c for c in t.children if c.dep_ == "ccomp"]
        after = [c for c in comps if c.i > t.i]
        if after:
            lo = min(c.left_edge.i for c in after)
            hi = max(c.right_edge.i for c in after)
            for c in t.children:
                if c.i > hi and (c.dep_ == "conj" and self._complement_conj(c)
                                 or c.dep_ == "advcl" and self._reason(c)):
                    hi = c.right_edge.i
            return self._trim(max(lo, t.i + 1), hi)
        if not comps:
            return None
        c = max(comps, key=lambda x: x.i)
        lo, hi = c.left_edge.i, c.right_edge.i
        if lo <= t.i <= hi:
            return None
        sdoc = self.sdoc
        if hi + 1 < t.i and sdoc[hi + 1].text in _PAREN_MARKS:
            # "Lenox was a giant, Mr. Lund said, until it went bankrupt"
            for x in t.children:
                if x.i > t.i and x.dep_ == "advcl" and self._reason(x) and \
                        sdoc[x.left_edge.i - 1].text in _PAREN_MARKS:
                    hi = max(hi, x.right_edge.i)
        return self._trim(lo, hi)

    def _loose_clause(self, t: Token) -> Span | None:
        """Reported clauses the parse hangs elsewhere: "as she has noted, X" (the main clause),
        "said after the vote he would resign" (an adverbial clause with its own subject), "told
        a meeting of leaders that X" (a that-clause under the object)."""
        sdoc = self.sdoc
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children) \
                and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in t.children):
            return self._head_minus(t)
        for c in t.children:
            if c.dep_ == "advcl" and c.i > t.i and c.pos_ in ("VERB", "AUX") and any(
                    g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
                if not any(g.dep_ in ("mark", "advmod") and g.lower_ in _ADVERBIAL_MARKS
                           for g in c.children):
                    return self._trim(max(c.left_edge.i, t.i + 1), c.right_edge.i)
        if t.lemma_.lower() in _ADDRESSEE_CUES:
            obj = next((c for c in t.children if c.dep_ in _OBJ_DEPS and c.i > t.i), None)
            if obj is not None:
                for c in obj.subtree:
                    if c.dep_ in ("acl", "relcl", "ccomp") and any(
                            g.dep_ == "mark" and g.lower_ == "that" and g.i == c.left_edge.i
                            for g in c.children):
                        return self._trim(c.left_edge.i, c.right_edge.i)
        return None

    def _complement_conj(self, c: Token) -> bool:
        """A clause coordinated to the cue that goes on with what was said ("said X and that Y"),
        not a second act of the speaker ("tweeted that X and urged Y")."""
        if c.pos_ not in ("VERB", "AUX"):
            return False
        own = any(g.dep_ in ("nsubj", "nsubjpass", "expl")
                  or g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        return own or c.lemma_.lower() not in _ANY_CUE

    def _reason(self, c: Token) -> bool:
        """An adverbial clause that belongs to what was said, not to the saying ("because ...",
        "until ...", not "when asked")."""
        first = self.sdoc[c.left_edge.i]
        return first.lower_ not in _SPEECH_TIME_MARKS

    def _subtree_span(self, c: Token, exclude: Token) -> Span | None:
        lo, hi = c.left_edge.i, c.right_edge.i
        if lo <= exclude.i <= hi:
            # a fronted word of the complement ("what Kim says the plan would do"): the
            # content is what follows the cue
            lo = exclude.i + 1
        return self._trim(lo, hi)

    def _head_minus(self, t: Token) -> Span | None:
        """The head clause of ``t`` without ``t``'s own subtree (``X did Y, officials said``)."""
        head = t.head
        lo, hi = head.left_edge.i, head.right_edge.i
        a, b = t.left_edge.i, t.right_edge.i
        if a <= lo and b >= hi:
            return None
        conj = [c for c in t.children
                if c.dep_ == "conj" and c.i > t.i and c.pos_ in ("VERB", "AUX")]
        if conj and lo < a:
            # "Lund got a deal, Harmon said, and still sat in": the clause coordinated to the
            # attribution goes on with the content
            return self._trim(lo, max(hi, conj[-1].right_edge.i))
        if lo < a and b < hi and self._parenthetical(a, b):
            # "Bridges, the mayor said, are cheaper": the content runs on both sides of the
            # attribution, so its span holds the attribution clause too
            return self._trim(lo, hi)
        if a - lo >= hi - b:
            hi = a - 1
        else:
            lo = b + 1
        if hi < lo:
            return None
        return self._trim(lo, hi)

    def _parenthetical(self, a: int, b: int) -> bool:
        """Tokens ``a..b`` sit between commas or dashes inside their sentence (the marks may
        belong to the span itself)."""
        sdoc = self.sdoc
        left = sdoc[a].text in _PAREN_MARKS or a > 0 and sdoc[a - 1].text in _PAREN_MARKS
        right = (sdoc[b].text in _PAREN_MARKS
                 or b + 1 < len(sdoc) and sdoc[b + 1].text in _PAREN_MARKS)
        return left and right

    def _trim(self, lo: int, hi: int, minimum: int = 2) -> Span | None:
        sdoc = self.sdoc
        while lo <= hi and (sdoc[lo].is_punct and not sdoc[lo].is_quote or sdoc[lo].is_space):
            lo += 1
        while hi >= lo and (sdoc[hi].is_punct and not sdoc[hi].is_quote or sdoc[hi].is_space):
            hi -= 1
        if hi < lo or hi - lo < minimum:
            return None
        return self._span(lo, hi)

    # -- assembly ------------------------------------------------------------------------------

    def _unnest(self, found: list[tuple[Span, _Attribution, Token]]
                ) -> list[tuple[Span, _Attribution, Token]]:
        """Drop reported speech whose cue sits inside another one's content ("X said Lee plans to
        run"), except for speech cues: annotators attribute the outer clause only."""
        out = []
        for i, (span, att, tok) in enumerate(found):
            if att.cue_span is not None and tok.lemma_.lower() not in NESTED_CUES:
                c = att.cue_span[0]
                if any(j != i and s <= c < e and not (span[0] <= oatt.cue_span[0] < span[1])
                       for j, ((s, e), oatt, _t) in enumerate(found) if oatt.cue_span is not None):
                    continue
            out.append((span, att, tok))
        return out

    def run(self) -> list[Quote]:
        indirect = self._unnest(self._indirect())
        # reported speech with a speaker, in text order, for quotation paragraphs that go on
        # from it
        self.reported = sorted((att.cue_span, att) for _s, att, _t in indirect
                               if att.cue_span is not None and att.speaker is not None)
        direct = self._direct()
        quotes: list[Quote] = []
        absorbed: set[int] = set()
        by_region = {id(r): ri for ri, r in enumerate(self.regions)}
        direct_ids = {by_region[id(r)] for r, _att in direct}
        for (s, e), iatt, _cue in indirect:
            for r in self.regions:
                if s <= r.open_mark < e < r.outer_end and r.para_start <= s:
                    e = r.outer_end  # the content runs to the end of the quoted words it holds
                if r.open_mark < s < r.outer_end <= e:
                    s = r.open_mark  # and back to the start of those it opens with
            inside = [ri for ri, r in enumerate(self.regions) if s <= r.open_mark and r.outer_end <= e]
            quoted = sum(self.regions[ri].outer_end - self.regions[ri].open_mark for ri in inside
                         if ri in direct_ids)
            overlapping = [r for r in self.regions if r.open_mark < e and s < r.outer_end]
            if quoted * 2 > (e - s) or (overlapping and not inside):
                continue  # a direct quotation with its own attribution
            absorbed.update(inside)
            kind = "mixed" if inside else "indirect"
            quotes.append(self._quote(s, e, kind, iatt))
        for r, att in direct:
            if by_region[id(r)] in absorbed:
                continue
            start = r.start
            if att is not None and att.cue == ":" and att.speaker is not None and \
                    att.speaker[0] >= r.start:
                start = att.speaker[1] + 1
            kind = "direct"
            end = r.end
            lead = self._lead_words(r, att)
            if lead is not None:
                start, end, kind = lead, r.outer_end, "mixed"
            q = self._quote(start, end, kind, att)
            if q.addressee_span is None:
                voc = self._vocative(r)
                if voc is not None:
                    q = Quote(q.start, q.end, q.text, q.kind, None, q.speaker_span, q.cue, q.cue_span,
                              None, voc)
            quotes.append(q)
        quotes.sort(key=lambda q: (q.start, q.end))
        return self._interlocutors(quotes)

    def _lead_words(self, r: Region, att: _Attribution | None) -> int | None:
        """Start of the speaker's own words before a quotation with a trailing attribution
        ("With ten boxes, \u201cthere is no risk,\u201d he said"): the quote is mixed from there."""
        if att is None or att.cue_span is None or att.cue_span[0] < r.outer_end or r.open_end:
            return None
        text = self.text
        lo = r.para_start
        for prev in self.regions:
            if prev.para_start == r.para_start and prev.outer_end <= r.open_mark:
                lo = max(lo, prev.outer_end)
        cut = max(text.rfind(". ", lo, r.open_mark), text.rfind("? ", lo, r.open_mark),
                  text.rfind("! ", lo, r.open_mark))
        if cut != -1:
            lo = cut + 2
        before = text[lo:r.open_mark]
        words = before.split()
        if len(words) < _MIN_LEAD_WORDS or not before.rstrip().endswith(","):
            return None
        i = self._tok_at(lo)
        while i < len(self.sdoc) and self.sdoc[i].idx < r.open_mark:
            if self._is_cue(self.sdoc[i], DIRECT_CUES):
                return None  # an attribution of its own stands there
            i += 1
        return lo + len(before) - len(before.lstrip())

    # -- two-person conversations --------------------------------------------------------------

    def _interlocutors(self, quotes: list[Quote]) -> list[Quote]:
        """A quotation spoken to "you" with no addressee of its own, inside an exchange between two
        people, is addressed to the other one of the pair."""
        out: list[Quote] = []
        exchange: tuple[Span, Span, int] | None = None  # speaker, addressee, index in out
        for q in quotes:
            if (q.kind == "direct" and q.addressee_span is None and q.speaker_span is not None
                    and exchange is not None and len(out) - exchange[2] <= 4
                    and _SECOND_PERSON.search(q.text)):
                speaker = self._resolve(q.speaker_span, out)
                s_span, a_span, _ = exchange
                other = None
                if self._same(speaker, self._resolve(s_span, out)):
                    other = a_span
                elif self._same(speaker, self._resolve(a_span, out)):
                    other = s_span
                if other is not None:
                    q = Quote(q.start, q.end, q.text, q.kind, None, q.speaker_span, q.cue,
                              q.cue_span, None, other)
            if q.speaker_span is not None and q.addressee_span is not None and q.kind == "direct":
                exchange = (q.speaker_span, q.addressee_span, len(out))
            out.append(q)
        return out

    def _resolve(self, span: Span, before: list[Quote]) -> Span:
        """A pronoun speaker stands for the latest named speaker before it whose gender, when the
        text shows one, agrees with the pronoun; one that agrees beats one that may."""
        pronoun = self.text[span[0]:span[1]].lower()
        if pronoun not in _PRONOUNS:
            return span
        want = _PRONOUN_GENDER.get(pronoun)
        maybe: Span | None = None
        for q in reversed(before):
            sp = q.speaker_span
            if sp is None or sp[1] > span[0] or self.text[sp[0]:sp[1]].lower() in _PRONOUNS:
                continue
            got = _gender(self.text[sp[0]:sp[1]])
            if want is None or got == want:
                return sp
            if got is None and maybe is None:
                maybe = sp
        return maybe if maybe is not None else span

    def _same(self, a: Span, b: Span) -> bool:
        ta, tb = self.text[a[0]:a[1]], self.text[b[0]:b[1]]
        if ta.lower() in _PRONOUNS or tb.lower() in _PRONOUNS:
            return a == b
        wa, wb = _words(ta), _words(tb)
        if not wa or not wb:
            return False
        if wa[-1] == wb[-1]:
            return True
        return self._describes(wa, tb) or self._describes(wb, ta)

    def _describes(self, desc: list[str], name: str) -> bool:
        """``the foreign minister`` names ``Marchetti`` when the text puts them side by side."""
        if not desc or desc[0] not in ("the", "a", "an") or len(desc) < 2:
            return False
        phrase = " ".join(desc[1:])
        surname = name.split()[-1] if name.split() else ""
        if not surname or not surname[0].isupper():
            return False
        pattern = re.compile(re.escape(phrase) + r"[\s,]{1,3}(?:[A-Z][\w.\-']*\s+){0,3}"
                             + re.escape(surname) + r"\b", re.IGNORECASE)
        return pattern.search(self.text) is not None

    def _quote(self, start: int, end: int, kind: str, att: _Attribution | None) -> Quote:
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if att is None:
            return Quote(start, end, text[start:end], kind)
        return Quote(start, end, text[start:end], kind, None, att.speaker, att.cue, att.cue_span,
                     None, att.addressee)


def _gender(name: str) -> str | None:
    """``m``/``f`` when a speaker phrase shows it: an honorific, a gendered role noun or a given
    name ("Mrs Lund", "the chairwoman", "Ruth Alder")."""
    words = _words(name)
    for w in words:
        g = HONORIFICS.get(w) or ROLE_NOUNS.get(w)
        if g is not None:
            return g
    names = [w for w in name.split() if w[:1].isupper()]
    if len(names) >= 2:
        return given_name_gender(names[0])
    return None


def _words(text: str) -> list[str]:
    return [w.strip(".,\u2019'").lower() for w in text.split() if w.strip(".,\u2019'")]
