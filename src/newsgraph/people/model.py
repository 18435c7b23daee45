"""A small linear tagger that re-decides person names on top of the rule-repaired entities.

The rules in :mod:`newsgraph.people.ner` fix what one document can prove; what they cannot weigh
is the many weak clues at once (a club name in a result line, a surname after a role noun, a
capitalized word the article also writes in lowercase). This tagger scores BIO tags for the four
CoNLL types over the capitalized stretches of a document only, with hashed features of the token,
its neighbours, spaCy's own label, the repaired label and what the rest of the article says about
the same word. It is a multinomial logistic regression trained by ``benchmarks/train_ner.py``; the
weights ship in ``newsgraph/resources/people_ner_model.npz`` (see the licence note there).

Only person decisions are taken from it (:func:`newsgraph.people.ner.redecide_persons`): a span
it is sure is PER becomes a person, and a repaired person it is sure is not loses that label.
Everything else keeps the rules' finer spaCy labels. It costs a few percent of spaCy's time.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .lexicon import COUNTRIES, DEMONYMS, HONORIFICS, ROLE_NOUNS
from .resources import given_names, name_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .ner import NerSpan

log = logging.getLogger(__name__)

WEIGHTS = Path(__file__).resolve().parent.parent / "resources" / "people_ner_model.npz"
TAGS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
BITS = 18
_MASK = (1 << BITS) - 1
# repaired spaCy labels folded to the tagger's four types
COARSE = {"PERSON": "PER", "PERSON?": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
          "ORG": "ORG", "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC",
          "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC"}
_PARTICLES = frozenset(["van", "der", "de", "den", "von", "da", "di", "du", "le", "la", "al", "el",
                        "bin", "ibn", "dos", "das", "del", "della", "ter", "ten", "ul", "-", "'"])
_COUNTRY_WORDS = frozenset(w.lower() for c in COUNTRIES for w in c.split()) | {"u.s.", "uk"}
_SHAPE_SUB = [(re.compile(r"[A-Z]"), "X"), (re.compile(r"[a-z]"), "x"), (re.compile(r"[0-9]"), "d")]
_SQUEEZE = re.compile(r"(.)\1{2,}")


@lru_cache(maxsize=1 << 16)
def _shape(text: str) -> str:
    for pat, rep in _SHAPE_SUB:
        text = pat.sub(rep, text)
    return _SQUEEZE.sub(r"\1\1", text)


def _h(feat: str) -> int:
    return zlib.crc32(feat.encode("utf-8")) & _MASK


def _texts(sdoc: Doc) -> tuple[list[str], list[str]]:
    texts: list[str] = []
    ws: list[str] = []
    for t in sdoc:
        texts.append(t.text)
        ws.append(t.whitespace_)
    return texts, ws


def regions(sdoc: Doc, spans: Sequence[NerSpan],
            texts_ws: tuple[list[str], list[str]] | None = None) -> list[tuple[int, int]]:
    """Maximal runs of tokens that may be inside a name: capitalized words, repaired entity
    tokens, and particles or hyphens glued or set between them; a line break ends a run."""
    texts, ws = texts_ws or _texts(sdoc)
    n = len(texts)
    # a cased word with a capital in it; spaces and lowercase words are not
    cand = [x != x.lower() for x in texts]
    for s in spans:
        for k in range(s.start, s.end):
            # quote marks and brackets the model swallowed into a span are no part of a name
            if not cand[k] and (any(ch.isalnum() for ch in texts[k])
                                or texts[k] in ("-", "'", "&")):
                cand[k] = True
    for k in range(1, n - 1):
        if not cand[k] and cand[k - 1] and cand[k + 1] and texts[k].lower() in _PARTICLES:
            cand[k] = True
    # pieces of one written word between capitalized pieces ("Inzamam-ul-Haq", "al-Amin")
    k = 0
    while k < n:
        j = k
        while j + 1 < n and not ws[j]:
            j += 1
        if j > k:
            inside = [x for x in range(k, j + 1) if cand[x]]
            lead = k if inside and texts[k].lower() in _PARTICLES else None
            if len(inside) >= 2 or lead is not None:
                for x in range(inside[0] if lead is None else lead, inside[-1] + 1):
                    if texts[x].isalpha() or texts[x] in ("-", "'"):
                        cand[x] = True
        k = j + 1
    out: list[tuple[int, int]] = []
    k = 0
    while k < n:
        if not cand[k]:
            k += 1
            continue
        j = k + 1
        while j < n and cand[j] and "\n" not in ws[j - 1]:
            j += 1
        out.append((k, j))
        k = j
    return out


class _DocView:
    """Per-document facts the features read: repaired labels per token and per word."""

    def __init__(self, sdoc: Doc, spans: Sequence[NerSpan], texts: list[str], ws: list[str]):
        n = len(sdoc)
        self.rep = ["O"] * n
        self.src = [""] * n
        word_labels: dict[str, Counter[str]] = defaultdict(Counter)
        self.person_words: set[str] = set()
        for s in spans:
            lab = COARSE.get(s.label, "O")
            for k in range(s.start, s.end):
                self.rep[k] = ("B-" if k == s.start else "I-") + lab
                self.src[k] = s.source
                word_labels[sdoc[k].lower_][lab] += 1
            if lab == "PER" and s.end - s.start >= 2:
                self.person_words.add(sdoc[s.end - 1].lower_)
        self.majority = {w: c.most_common(1)[0][0] for w, c in word_labels.items()}
        self.lower_seen: set[str] = {x for x in texts if x.islower() and x.isalpha()}
        # what kind of line each token sits on: an all-caps headline, a table or result line
        # (few lowercase words), or prose; spaCy's labels are worth more in prose
        self.caps_line = [False] * n
        self.title_case: set[int] = set()
        self.line_kind = ["prose"] * n
        line_start = 0
        for i in range(n):
            if "\n" in texts[i] or "\n" in ws[i] or i == n - 1:
                words = [x for x in texts[line_start:i + 1] if any(ch.isalnum() for ch in x)]
                alpha = [x for x in words if x.isalpha()]
                caps = len(alpha) >= 2 and sum(x.isupper() for x in alpha) >= 0.8 * len(alpha)
                lower = sum(x.islower() for x in alpha)
                kind = "caps" if caps else "table" if lower < 0.25 * len(words) else \
                    "mixed" if lower < 0.5 * len(words) else "prose"
                for k in range(line_start, i + 1):
                    self.caps_line[k] = caps
                    self.line_kind[k] = kind
                titled = sum(x[:1].isupper() for x in alpha if len(x) > 3)
                if not caps and titled >= 3 and titled >= 0.8 * sum(len(x) > 3 for x in alpha):
                    self.title_case.update(range(line_start, i + 1))
                line_start = i + 1


def _token_feats(sdoc: Doc, k: int, view: _DocView) -> list[str]:
    """Features of token ``k`` alone, used for itself and (prefixed) for its neighbours."""
    if k < 0:
        return ["BOS"]
    if k >= len(sdoc):
        return ["EOS"]
    t = sdoc[k]
    low = t.lower_
    return [f"w={low}", f"sh={_shape(t.text)}", f"tag={t.tag_}", f"rep={view.rep[k]}",
            f"ent={t.ent_iob_}{t.ent_type_}"]


def features(sdoc: Doc, k: int, view: _DocView, given: frozenset[str],
             tokens: frozenset[str], region: tuple[int, int],
             near: dict[int, list[str]]) -> list[str]:
    t = sdoc[k]
    low = t.lower_
    text = t.text
    f = [f"w={low}", f"sh={_shape(text)}", f"tag={t.tag_}", f"dep={t.dep_}",
         f"suf3={low[-3:]}", f"suf2={low[-2:]}", f"pre3={low[:3]}", f"ent={t.ent_iob_}{t.ent_type_}",
         f"rep={view.rep[k]}", f"repsrc={view.rep[k]}|{view.src[k]}",
         f"maj={view.majority.get(low, 'none')}", f"rep+maj={view.rep[k]}|{view.majority.get(low, 'none')}",
         f"len={min(len(text), 8)}", "bias"]
    if t.is_sent_start:
        f.append("sent_start")
    if t.is_stop:
        f.append("stop")
    kind = view.line_kind[k]
    f.append(f"line={kind}")
    f.append(f"line+rep={kind}|{view.rep[k]}")
    f.append(f"line+ent={kind}|{t.ent_iob_}{t.ent_type_}")
    f.append(f"line+maj={kind}|{view.majority.get(low, 'none')}")
    if view.caps_line[k]:
        f.append("caps_line")
        f.append(f"caps_rep={view.rep[k]}")
    if low in given:
        f.append("given")
    if low in tokens:
        f.append("name_tok")
    if low in view.person_words:
        f.append("doc_surname")
    if low in view.lower_seen and not text.islower():
        f.append("seen_lower")
    if low in _COUNTRY_WORDS:
        f.append("country_word")
    if low in DEMONYMS:
        f.append("demonym")
    if low.rstrip(".") in HONORIFICS:
        f.append("honorific")
    if low in ROLE_NOUNS:
        f.append("role")
    for off in (-2, -1, 1, 2):
        g = near.get(k + off)
        if g is None:
            g = near[k + off] = _token_feats(sdoc, k + off, view)
        f.extend([f"{off}:{x}" for x in g])
    prev = sdoc[k - 1].lower_ if k > 0 else "<s>"
    nxt = sdoc[k + 1].lower_ if k + 1 < len(sdoc) else "</s>"
    f.append(f"-1w+w={prev}|{low}")
    f.append(f"w+1w={low}|{nxt}")
    # the stretch as a whole: where the token sits in it and what stands around it
    a, b = region
    pos = "single" if b - a == 1 else "first" if k == a else "last" if k == b - 1 else "inner"
    f.append(f"pos={pos}|{min(b - a, 4)}")
    f.append(f"pos+rep={pos}|{view.rep[k]}")
    f.append(f"w+rep={low}|{view.rep[k]}")
    f.append(f"rprev={sdoc[a - 1].lower_ if a > 0 else '<s>'}")
    f.append(f"rnext={sdoc[b].lower_ if b < len(sdoc) else '</s>'}")
    if k != a:
        f.append(f"rfirst={sdoc[a].lower_}")
    if k != b - 1:
        f.append(f"rlast={sdoc[b - 1].lower_}")
    if k + 2 < len(sdoc) and sdoc[k + 1].text == "(":
        nn = sdoc[k + 2].lower_
        f.append("paren_country" if nn in _COUNTRY_WORDS else f"paren_shape={_shape(sdoc[k + 2].text)}")
    return f


def doc_matrix(sdoc: Doc, spans: Sequence[NerSpan],
               view: _DocView | None = None) -> tuple[list[tuple[int, int]], list[list[int]]]:
    """Candidate regions and, per candidate token in order, its hashed feature ids."""
    texts_ws = _texts(sdoc)
    view = view or _DocView(sdoc, spans, *texts_ws)
    given, tokens = given_names(), name_tokens()
    regs = regions(sdoc, spans, texts_ws)
    # every context a word has anywhere in the article ("Aberdeen manager" once makes
    # "Aberdeen" a club in the other sentences too)
    texts = texts_ws[0]
    contexts: dict[str, set[str]] = defaultdict(set)
    for a, b in regs:
        for k in range(a, b):
            low = texts[k].lower()
            if b - a == 1 or k == a or k == b - 1:
                if k == a and a > 0:
                    contexts[low].add("agg_prev=" + texts[a - 1].lower())
                if k == b - 1 and b < len(texts):
                    contexts[low].add("agg_next=" + texts[b].lower())
    rows: list[list[int]] = []
    near: dict[int, list[str]] = {}
    for a, b in regs:
        for k in range(a, b):
            feats = features(sdoc, k, view, given, tokens, (a, b), near)
            ctx = contexts.get(texts[k].lower())
            if ctx:
                feats.extend(sorted(ctx)[:30])
            rows.append([_h(x) for x in feats])
    return regs, rows


Stage = tuple[np.ndarray, np.ndarray]  # weights (2**BITS x tags) and bias


@lru_cache(maxsize=1)
def _weights() -> list[Stage] | None:
    if not WEIGHTS.exists():
        log.info("no NER tagger weights at %s; rules only", WEIGHTS)
        return None
    stages: list[Stage] = []
    with np.load(WEIGHTS) as z:
        for suffix in ("", "2"):
            if f"rows{suffix}" not in z:
                break
            full = np.zeros((1 << BITS, len(TAGS)), dtype=np.float32)
            full[z[f"rows{suffix}"]] = z[f"weights{suffix}"].astype(np.float32)
            stages.append((full, z[f"bias{suffix}"].astype(np.float32)))
    return stages


def probabilities(rows: Sequence[Sequence[int]], stage: Stage) -> np.ndarray:
    """Tag probabilities (rows x tags) of hashed feature rows under one weight stage."""
    w, bias = stage
    flat = np.fromiter((i for ids in rows for i in ids), dtype=np.int64)
    offsets = np.cumsum([0] + [len(ids) for ids in rows[:-1]])
    scores = np.add.reduceat(w[flat], offsets, axis=0) + bias
    scores -= scores.max(axis=1, keepdims=True)
    probs = np.exp(scores)
    probs /= probs.sum(axis=1, keepdims=True)
    return probs


_TYPES = ("O", "PER", "LOC", "ORG", "MISC")


def second_pass_rows(sdoc: Doc, regs: Sequence[tuple[int, int]], rows: Sequence[list[int]],
                     probs: np.ndarray) -> list[list[int]]:
    """First-pass rows plus what the first pass says about the same word elsewhere in the
    article: a surname tagged as part of a full name once is a person in every sentence."""
    typ = np.stack([probs[:, 0], probs[:, 1] + probs[:, 2], probs[:, 3] + probs[:, 4],
                    probs[:, 5] + probs[:, 6], probs[:, 7] + probs[:, 8]], axis=1)
    best = probs.argmax(axis=1)
    words = [sdoc[k].lower_ for a, b in regs for k in range(a, b)]
    sums: dict[str, np.ndarray] = {}
    counts: Counter[str] = Counter(words)
    surnames: set[str] = set()
    for i, w in enumerate(words):
        sums[w] = sums[w] + typ[i] if w in sums else typ[i].copy()
        if TAGS[best[i]] == "I-PER" and (i + 1 == len(words) or TAGS[best[i + 1]] != "I-PER"):
            surnames.add(w)
    out: list[list[int]] = []
    for i, w in enumerate(words):
        own = TAGS[best[i]]
        extra = [f"p1={own}"]
        if counts[w] > 1:
            other = (sums[w] - typ[i]) / (counts[w] - 1)
            top = _TYPES[int(other.argmax())]
            sure = "hi" if other.max() > 0.7 else "lo"
            extra += [f"p1doc={top}", f"p1doc={top}|{sure}", f"p1doc+own={top}|{own}"]
        else:
            extra.append("p1doc=none")
        if w in surnames and own != "I-PER":
            extra.append("p1surname")
        out.append(rows[i] + [_h(x) for x in extra])
    return out


def available() -> bool:
    return _weights() is not None


# a tag may follow another unless it is I-X after something other than B-X or I-X
_ALLOWED = np.array([[not (to.startswith("I-") and fr[2:] != to[2:]) for to in TAGS]
                     for fr in TAGS])
_START_OK = np.array([not t.startswith("I-") for t in TAGS])


def _viterbi(logp: np.ndarray) -> list[int]:
    n = logp.shape[0]
    neg = -1e9
    trans = np.where(_ALLOWED, 0.0, neg)
    score = np.where(_START_OK, logp[0], neg)
    back = np.zeros((n, len(TAGS)), dtype=np.int64)
    for k in range(1, n):
        cand = score[:, None] + trans
        back[k] = cand.argmax(axis=0)
        score = cand.max(axis=0) + logp[k]
    best = [int(score.argmax())]
    for k in range(n - 1, 0, -1):
        best.append(int(back[k][best[-1]]))
    return best[::-1]


@dataclass(frozen=True, slots=True)
class Tagging:
    """The tagger's spans ``(start, end, type)`` and, per token, its probability of a PER tag."""

    spans: tuple[tuple[int, int, str], ...]
    p_per: np.ndarray
    lower_seen: frozenset[str] = frozenset()  # words the document also writes in lowercase
    title_case: frozenset[int] = frozenset()  # tokens on Title Case Headline lines

    def per_prob(self, start: int, end: int) -> float:
        return float(self.p_per[start:end].mean()) if end > start else 0.0


_PER_TAGS = [TAGS.index("B-PER"), TAGS.index("I-PER")]


def tag(sdoc: Doc, spans: Sequence[NerSpan]) -> Tagging:
    """Tag the capitalized stretches of ``sdoc``; empty when no weights are bundled."""
    stages = _weights()
    p_per = np.zeros(len(sdoc), dtype=np.float32)
    if not stages:
        return Tagging((), p_per)
    view = _DocView(sdoc, spans, *_texts(sdoc))
    regs, rows = doc_matrix(sdoc, spans, view)
    seen, titled = frozenset(view.lower_seen), frozenset(view.title_case)
    if not rows:
        return Tagging((), p_per, seen, titled)
    probs = probabilities(rows, stages[0])
    if len(stages) > 1:
        probs = probabilities(second_pass_rows(sdoc, regs, rows, probs), stages[1])
    logp = np.log(probs + 1e-12)
    per = probs[:, _PER_TAGS].sum(axis=1)
    out: list[tuple[int, int, str]] = []
    r = 0
    for a, b in regs:
        p_per[a:b] = per[r:r + b - a]
        path = _viterbi(logp[r:r + b - a])
        k = 0
        while k < len(path):
            lab = TAGS[path[k]]
            if lab == "O":
                k += 1
                continue
            typ = lab[2:]
            j = k + 1
            while j < len(path) and TAGS[path[j]] == "I-" + typ:
                j += 1
            out.append((a + k, a + j, typ))
            k = j
        r += b - a
    return Tagging(tuple(out), p_per, seen, titled)


def gold_tags(sdoc: Doc, regs: Sequence[tuple[int, int]],
              gold: Sequence[tuple[int, int, str]]) -> list[int]:
    """Training targets for the candidate tokens, from gold character spans."""
    label = ["O"] * len(sdoc)
    for start, end, typ in gold:
        span = sdoc.char_span(start, end, alignment_mode="contract")
        if span is None:
            continue
        for k in range(span.start, span.end):
            label[k] = ("B-" if k == span.start else "I-") + typ
    return [TAGS.index(label[k]) for a, b in regs for k in range(a, b)]
