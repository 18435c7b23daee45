"""The pronoun scorers: candidates and features shared by the rules and the learned model, the
``pronouns`` option, and the model path when the ``coref`` extra is installed.

Every sentence here is made up for the tests (fictional people).
"""

from __future__ import annotations

import pytest

from newsgraph.api import Engine
from newsgraph.config import Config
from newsgraph.document import Document
from newsgraph.errors import Code, PipelineError
from newsgraph.people import SCORER_KEY, entity_for_span
from newsgraph.people import pronouns as pm
from newsgraph.people.coref import PronounCandidate, rule_choice, rule_score

STAGES = ("annotate", "quotes", "people")
TEXT = (
    "Greta Solberg hired Marit Aune in the spring. The two women built a small bakery together. "
    "Solberg kept the books while Aune baked. Last week she told a reporter that the oven was new. "
    "Nobody else spoke."
)


def _recorded(text: str) -> tuple[Document, pm.Recorder]:
    rec = pm.Recorder()
    doc = Document(id="t", text=text)
    doc.scratch[SCORER_KEY] = rec
    doc = next(iter(Engine(Config(pronouns="rules"), stages=STAGES).run([doc])))
    return doc, rec


def test_rule_choice_prefers_best_preceding_then_nearest_following() -> None:
    near = {"sent_dist": 0.0, "tok_dist": 0.1, "subj_recent": 1.0}
    far = {"sent_dist": 2.0, "tok_dist": 1.0}
    assert rule_score(near) > rule_score(far)
    cands = [PronounCandidate(1, far, 3, False), PronounCandidate(2, near, 9, False),
             PronounCandidate(3, {}, 20, True)]
    assert rule_choice(cands) == 2
    assert rule_choice([PronounCandidate(4, {}, 30, True), PronounCandidate(5, {}, 25, True)]) == 5
    assert rule_choice([]) is None


def test_recorder_sees_candidates_with_name_spans_and_features() -> None:
    doc, rec = _recorded(TEXT)
    she = TEXT.index("she told")
    ex = next(e for e in rec.examples if e.pronoun_start == she)
    assert ex.lo <= TEXT.index("Greta") and ex.hi >= she + 3
    assert len(ex.clusters) == 2  # the two women, both feminine
    for start, end in ex.spans:
        assert TEXT[start:end] in ("Solberg", "Aune")  # the nearest names stand for each person
    assert all(len(f) == pm.N_FEATURES for f in ex.features)
    # the recorder lets the rules choose, so the pipeline output equals the rules path
    rules = next(iter(Engine(Config(pronouns="rules"), stages=STAGES).run(
        [Document(id="t", text=TEXT)])))
    assert entity_for_span(doc, she, she + 3) == entity_for_span(rules, she, she + 3)


def test_window_covers_three_sentences_before_and_one_after() -> None:
    text = ("Anna Berg left. Rain fell. The road closed. Trucks waited. Then she called Ola Dahl. "
            "He answered. Much later the storm ended.")
    _, rec = _recorded(text)
    she = text.index("she called")
    ex = next(e for e in rec.examples if e.pronoun_start == she)
    assert text[ex.lo:].startswith("Rain fell")
    assert text[:ex.hi].endswith("He answered.")


def test_unknown_mode_is_rejected_with_its_code() -> None:
    with pytest.raises(PipelineError) as err:
        Engine(Config(pronouns="neural"), stages=STAGES)
    assert err.value.code == Code.BAD_OPTION
    assert pm.scorer_for("rules") is None


def test_model_mode_without_the_model_is_an_error_not_silent_rules(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(pm, "WEIGHTS", tmp_path / "missing.npz")
    pm._load.cache_clear()
    try:
        with pytest.raises(PipelineError) as err:
            Engine(Config(pronouns="model"), stages=STAGES)
        assert err.value.code == Code.MODEL_UNAVAILABLE
        assert "missing.npz" in str(err.value)
        assert pm.scorer_for("auto") is None  # auto falls back to the rules
    finally:
        pm._load.cache_clear()


@pytest.fixture(scope="module")
def model() -> pm.MiniLMScorer:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip(pm.ENCODER_PACKAGE)
    if not pm.WEIGHTS.exists():
        pytest.skip("no trained pronoun weights")
    scorer = pm.scorer_for("model")
    assert scorer is not None
    return scorer


def test_model_scores_every_candidate_as_a_probability(model: pm.MiniLMScorer) -> None:
    _, rec = _recorded(TEXT)
    for ex in rec.examples:
        probs = model.probabilities(TEXT, ex)
        assert len(probs) == len(ex.clusters)
        assert all(0.0 < p < 1.0 for p in probs)


def test_model_path_keeps_names_and_changes_only_pronouns(model: pm.MiniLMScorer) -> None:
    ruled = next(iter(Engine(Config(pronouns="rules"), stages=STAGES).run(
        [Document(id="r", text=TEXT)])))
    learned = next(iter(Engine(Config(pronouns="model"), stages=STAGES).run(
        [Document(id="m", text=TEXT)])))

    def names(d: Document) -> set[tuple[int, int]]:
        return {(m.start, m.end) for m in d.mentions if m.kind == "name"}

    assert names(ruled) == names(learned)
    she = TEXT.index("she told")
    assert entity_for_span(learned, she, she + 3) in {e.id for e in learned.entities}


def test_model_windows_are_not_shared_between_documents(model: pm.MiniLMScorer) -> None:
    # two texts of one length: their windows have the same offsets, so a cache keyed only by
    # offsets would hand the second text the first one's encoding
    a = "Olav Berg met Peer Dahl. Later he paid the bill."
    b = "Kari Berg met Liv Dahl. Later she paid the bill."
    assert len(a) == len(b)
    engine = Engine(Config(pronouns="model"), stages=STAGES)
    together = list(engine.run([Document(id="a", text=a), Document(id="b", text=b)]))
    alone = next(iter(engine.run([Document(id="b2", text=b)])))

    def resolved(d: Document) -> str | None:
        p = b.index("she")
        eid = entity_for_span(d, p, p + 3)
        return next((e.name for e in d.entities if e.id == eid), None)

    assert resolved(together[1]) == resolved(alone)
    assert resolved(alone) in ("Kari Berg", "Liv Dahl", None)


@pytest.mark.parametrize("rules, probs, expected", [
    # a wide rule lead stands whatever the model says
    ([6.0, 0.0], [0.2, 0.9], 10),
    # a clear lead stands against a hesitant model ...
    ([3.0, 0.0], [0.30, 0.35], 10),
    # ... not against a confident one
    ([3.0, 0.0], [0.2, 0.7], 11),
    # a narrow lead leaves the choice to the model, and nothing under its threshold is taken
    ([1.0, 0.0], [0.3, 0.4], 11),
    ([1.0, 0.0], [0.02, 0.03], None),
])
def test_model_overturns_a_rule_reading_only_as_firmly_as_the_rules_hold_it(
        monkeypatch, rules: list[float], probs: list[float], expected: int | None) -> None:
    scorer = object.__new__(pm.MiniLMScorer)
    scorer.tau = 0.1
    cands = [PronounCandidate(10, {}, 3, False, 0, 4), PronounCandidate(11, {}, 5, False, 6, 9)]
    monkeypatch.setattr(pm, "rule_scores", lambda cs: rules)
    monkeypatch.setattr(pm, "rule_choice",
                        lambda cs: cs[max(range(len(cs)), key=rules.__getitem__)].cluster)
    monkeypatch.setattr(pm, "example_for", lambda *a: None)
    monkeypatch.setattr(scorer, "probabilities", lambda *a: probs, raising=False)

    class Res:
        text = "unused"

    assert scorer.choose(Res(), None, cands) == expected  # type: ignore[arg-type]
