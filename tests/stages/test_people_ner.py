"""people NER: the rule repair plus the bundled person tagger (newsgraph.people.ner / .model).

Every sentence here is made up for the tests (fictional people, clubs, places and dates).
"""

from __future__ import annotations

import numpy as np
import pytest

from newsgraph.people import NER_KEY, model
from newsgraph.people.ner import NerSpan, redecide_persons

PUB = "2031-03-05"


@pytest.fixture(scope="module")
def labels(engine):
    cache: dict[str, dict[str, str]] = {}

    def _labels(text: str) -> dict[str, str]:
        if text not in cache:
            doc = engine.extract_text(text, published=PUB)
            assert doc.rejected is None, doc.rejected
            cache[text] = {text[s:e]: lab for s, e, lab in doc.scratch[NER_KEY]}
        return cache[text]

    return _labels


def _blank(words: list[str], glued: set[int] = frozenset()):  # type: ignore[no-untyped-def]
    """A hand-built Doc; the words at ``glued`` positions have no space after them."""
    import spacy
    from spacy.tokens import Doc

    spaces = [k not in glued for k in range(len(words))]
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces)


# -- whole pipeline: who is a person ---------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # ordinary mixed-case news
    ("Marta Kowalczyk opened the new library in Brenholm on Tuesday.",
     {"Marta Kowalczyk": "PERSON"}),
    (("Coach Dalibor Vrana said his team had played badly. Vrana added that the season was "
      "not over."),
     {"Dalibor Vrana": "PERSON", "Vrana": "PERSON"}),
    # a result line: names with a country in brackets, then a time
    ("1. Oskar Tervola ( Finland ) 13.41 2. Jules Marrand ( France ) 13.52",
     {"Oskar Tervola": "PERSON", "Jules Marrand": "PERSON"}),
    # a club that scores is not a person, its scorer is
    ("Scorers : Dynamo Kelvara - Ilko Petrash ( 12th ) .",
     {"Ilko Petrash": "PERSON"}),
    # abbreviated titles stay outside the name
    ("Sen. Ilsa Varga of Montana voted against the bill on Tuesday.", {"Ilsa Varga": "PERSON"}),
    # a company that reports earnings is not a person
    (("Norvale Corp said on Monday its quarterly profit rose 12 percent. Norvale Corp shares "
      "rose 3 percent."),
     {"Norvale Corp": "ORG"}),
])
def test_person_labels(labels, text: str, expected: dict[str, str]) -> None:
    got = labels(text)
    for surface, label in expected.items():
        assert got.get(surface) == label, (surface, got)


@pytest.mark.parametrize("text, not_person", [
    ("Heavy rain fell on Brenholm and Cawdor on Sunday.", ["Brenholm", "Cawdor"]),
    ("Halvorsen Shipping Company said it would close the yard.", ["Halvorsen Shipping Company"]),
])
def test_not_persons(labels, text: str, not_person: list[str]) -> None:
    got = labels(text)
    for surface in not_person:
        assert got.get(surface) != "PERSON", (surface, got)


# -- tagger pieces ---------------------------------------------------------------------------

@pytest.mark.parametrize("words, glued, expected", [
    # capitalized runs, and particles or glued hyphenated pieces inside a name, join them
    (["Yesterday", "Anna", "van", "Dijk", "met", "Rafi", "-", "ul", "-", "Amin", "."],
     {5, 6, 7, 8}, [(0, 4), (5, 10)]),
    # a lowercase word between names with spaces around it splits them
    (["Anna", "met", "Rafi", "."], set(), [(0, 1), (2, 3)]),
    (["the", "talks", "ended", "early", "."], set(), []),
])
def test_regions(words: list[str], glued: set[int], expected: list[tuple[int, int]]) -> None:
    assert model.regions(_blank(words, glued), []) == expected


def test_viterbi_never_starts_inside_a_span() -> None:
    # I-PER scores best everywhere, but a span must open with B-
    logp = np.full((3, len(model.TAGS)), -5.0)
    logp[:, model.TAGS.index("I-PER")] = -0.1
    logp[0, model.TAGS.index("B-PER")] = -1.0
    path = [model.TAGS[k] for k in model._viterbi(logp)]
    assert path == ["B-PER", "I-PER", "I-PER"]


# the Doc is "Lena Ostrova visited Brenholm ."; p_per is the tagger's PER probability per token
@pytest.mark.parametrize("spans, tagged, p_per, expected", [
    # a sure tagger PER span replaces the ORG span it covers
    ([NerSpan(0, 2, "ORG")], [(0, 2, "PER")], [0.9, 0.9, 0, 0, 0], [(0, 2, "PERSON")]),
    # an unsure one where the rules saw no person does not
    ([NerSpan(0, 2, "ORG")], [(0, 2, "PER")], [0.6, 0.6, 0, 0, 0], [(0, 2, "ORG")]),
    # a repaired person the tagger is sure is an ORG becomes ORG
    ([NerSpan(0, 2, "PERSON")], [(0, 2, "ORG")], [0.1, 0.1, 0, 0, 0], [(0, 2, "ORG")]),
    # a repaired person the tagger ignores but does not rule out stays
    ([NerSpan(0, 2, "PERSON")], [], [0.4, 0.4, 0, 0, 0], [(0, 2, "PERSON")]),
    # a repaired person the tagger rules out and tags nothing goes
    ([NerSpan(0, 2, "PERSON"), NerSpan(3, 4, "GPE")], [], [0.1, 0.1, 0, 0, 0], [(3, 4, "GPE")]),
    # the tagger moves the boundaries of a repaired person
    ([NerSpan(0, 1, "PERSON")], [(0, 2, "PER")], [0.6, 0.6, 0, 0, 0], [(0, 2, "PERSON")]),
    # a repaired person the tagger cuts in two stays whole
    ([NerSpan(0, 2, "PERSON")], [(0, 1, "PER"), (1, 2, "PER")], [0.9, 0.9, 0, 0, 0],
     [(0, 2, "PERSON")]),
    # ... but not over a place the rules found before it
    ([NerSpan(0, 1, "GPE"), NerSpan(1, 2, "PERSON")], [(0, 2, "PER")], [0.6, 0.6, 0, 0, 0],
     [(0, 1, "GPE"), (1, 2, "PERSON")]),
    # hints are never overruled
    ([NerSpan(0, 2, "PERSON", "hint")], [(0, 1, "ORG")], [0.0, 0.0, 0, 0, 0], [(0, 2, "PERSON")]),
    ([NerSpan(0, 2, "ORG", "hint")], [(0, 2, "PER")], [0.9, 0.9, 0, 0, 0], [(0, 2, "ORG")]),
])
def test_redecide_persons(spans: list[NerSpan], tagged: list[tuple[int, int, str]],
                          p_per: list[float], expected: list[tuple[int, int, str]]) -> None:
    tagging = model.Tagging(tuple(tagged), np.array(p_per, dtype=np.float32))
    got = redecide_persons(_blank(["Lena", "Ostrova", "visited", "Brenholm", "."]), spans, tagging)
    assert [(s.start, s.end, s.label) for s in got] == expected


@pytest.mark.parametrize("tagged", [
    [(0, 2, "PER")],
    # a title the tagger cuts off as a person of its own is no person
    [(0, 1, "PER"), (1, 2, "PER")],
])
def test_title_stays_outside_the_name(tagged: list[tuple[int, int, str]]) -> None:
    sdoc = _blank(["Mayor", "Ostrova", "visited", "Brenholm", "."])
    tagging = model.Tagging(tuple(tagged), np.array([0.9, 0.9, 0, 0, 0], dtype=np.float32))
    got = redecide_persons(sdoc, [NerSpan(1, 2, "PERSON")], tagging)
    assert [(s.start, s.end, s.label) for s in got] == [(1, 2, "PERSON")]


@pytest.mark.parametrize("title_case, expected", [
    # on a Title Case headline a word the article also writes in lowercase ends the name
    (frozenset(range(4)), [(0, 2, "PERSON")]),
    # in prose it may be part of it ("Bill Clinton" beside "the bill")
    (frozenset(), [(0, 3, "PERSON")]),
])
def test_title_case_headline_words(title_case: frozenset[int],
                                   expected: list[tuple[int, int, str]]) -> None:
    sdoc = _blank(["Rafi", "Amin", "Wins", "Again", "\n", "Amin", "wins", "."])
    tagging = model.Tagging(((0, 3, "PER"),), np.array([0.9, 0.9, 0.8, 0, 0, 0, 0, 0],
                                                       dtype=np.float32),
                            frozenset({"wins"}), title_case)
    got = redecide_persons(sdoc, [NerSpan(0, 2, "PERSON")], tagging)
    assert [(s.start, s.end, s.label) for s in got] == expected


def test_person_kept_elsewhere_is_not_dropped() -> None:
    # the tagger rules out the second "Ostrova" alone, but keeps the first as a person
    sdoc = _blank(["Lena", "Ostrova", "said", "Ostrova", "left", "."])
    tagging = model.Tagging(((0, 2, "PER"),), np.array([0.9, 0.9, 0, 0.1, 0, 0],
                                                       dtype=np.float32))
    got = redecide_persons(sdoc, [NerSpan(0, 2, "PERSON"), NerSpan(3, 4, "PERSON")], tagging)
    assert [(s.start, s.end, s.label) for s in got] == [(0, 2, "PERSON"), (3, 4, "PERSON")]


def test_weights_are_bundled() -> None:
    assert model.available()


def test_without_weights_the_rules_stand(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.config import Config
    from newsgraph.people.ner import repair
    from newsgraph.stages.annotate import ALL_COMPONENTS, model_for

    sdoc = model_for(Config(), ALL_COMPONENTS)(
        "Coach Dalibor Vrana said on Monday that Brenholm Rovers would sign Ilko Petrash.")
    rules = [(s.start, s.end, s.label) for s in repair(sdoc, statistical=False)]
    monkeypatch.setattr(model, "_weights", lambda: None)
    assert not model.available()
    assert [(s.start, s.end, s.label) for s in repair(sdoc)] == rules
    assert model.tag(sdoc, []).spans == ()


def test_two_pass_weights_tag(monkeypatch: pytest.MonkeyPatch) -> None:
    # train_ner.py --two-pass ships a second weight stage; tagging must take it
    from newsgraph.config import Config
    from newsgraph.people.ner import repair
    from newsgraph.stages.annotate import ALL_COMPONENTS, model_for

    sdoc = model_for(Config(), ALL_COMPONENTS)("Ilko Petrash met Dalibor Vrana in Brenholm.")
    spans = repair(sdoc, statistical=False)
    w = np.zeros((1 << model.BITS, len(model.TAGS)), dtype=np.float32)
    # a second stage that knows nothing but "everything is O"
    bias = np.full(len(model.TAGS), -5.0, dtype=np.float32)
    bias[0] = 5.0
    first = model._weights()
    assert first
    monkeypatch.setattr(model, "_weights", lambda: [first[0], (w, bias)])
    tagging = model.tag(sdoc, spans)
    assert tagging.spans == ()
    assert float(tagging.p_per.max()) < 0.01
