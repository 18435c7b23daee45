"""quotes stage: direct and reported speech, speakers, cues and addressees.

Every sentence here is made up for the tests (fictional people and places).
"""

from __future__ import annotations

import pytest

from newsgraph.config import Config
from newsgraph.document import Document
from newsgraph.quotes.marks import find_regions
from newsgraph.records import Quote
from newsgraph.stages.annotate import ALL_COMPONENTS, model_for
from newsgraph.stages.quotes import quotes as quotes_stage


def _run(text: str) -> tuple[str, list[Quote]]:
    config = Config()
    doc = Document(id="t", text=text, spacy=model_for(config, ALL_COMPONENTS)(text))
    quotes_stage(doc, config)
    return text, doc.quotes


def _surface(text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text[span[0]:span[1]]


def _table(text: str) -> list[tuple[str, str, str | None, str | None, str | None]]:
    """(kind, first words of content, speaker, cue, addressee) per quote, in text order."""
    text, qs = _run(text)
    return [(q.kind, " ".join(q.text.split()[:3]), _surface(text, q.speaker_span), q.cue,
             _surface(text, q.addressee_span)) for q in qs]


# -- quotation marks ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ('Ana said "the bridge is closed" today.', ["the bridge is closed"]),
    ("\u201cWe are ready,\u201d she said.", ["We are ready,"]),
    ("\u201cFirst part of it\n\n\u201cSecond part.\u201d", ["First part of it", "Second part."]),
    ("He wrote ''never again'' on the wall.", ["never again"]),
    ("No quotation here at all.", []),
    ("\u201dTypo opener here.\u201d Done.", ["Typo opener here."]),
    # a curly pair nested in a straight quotation does not close it
    ('"LUND: It is like \u201cHarbour Nights\u201d on TV. But real." Then', [
        "LUND: It is like \u201cHarbour Nights\u201d on TV. But real."]),
])
def test_regions(text: str, expected: list[str]) -> None:
    assert [text[r.start:r.end] for r in find_regions(text)] == expected


def test_region_without_closing_mark_runs_to_paragraph_end() -> None:
    text = "\u201cThe first paragraph goes on\n\n\u201cand ends here.\u201d"
    first, second = find_regions(text)
    assert first.open_end and text[first.start:first.end] == "The first paragraph goes on"
    assert not second.open_end


# -- direct quotations -------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # trailing attribution with an indirect object
    ("\u201cThe harbour will reopen in May,\u201d Mayor Olga Brandt told the fishermen.",
     [("direct", "The harbour will", "Mayor Olga Brandt", "told", "the fishermen")]),
    # inverted attribution, appositive left out of the speaker
    ("\u201cWe lost the vote,\u201d said Piet Varga, a council member.",
     [("direct", "We lost the", "Piet Varga", "said", None)]),
    # colon introduction
    ("The mayor of Dunmore said: \u201cThe river has never been this high.\u201d",
     [("direct", "The river has", "The mayor of Dunmore", "said", None)]),
    # a quotation split by its attribution: both halves carry the same cue
    ("\u201cFor now,\u201d Tomas Holm insisted, \u201cthe road stays shut to lorries.\u201d",
     [("direct", "For now,", "Tomas Holm", "insisted", None),
      ("direct", "the road stays", "Tomas Holm", "insisted", None)]),
    # pronoun speaker and pronoun addressee
    ("\u201cYou will get your money back,\u201d she assured him.",
     [("direct", "You will get", "she", "assured", "him")]),
    # dash signature
    ("\u201cThe tram saved my business and my street.\u201d \u2015 Ilse Marek",
     [("direct", "The tram saved", "Ilse Marek", "\u2015", None)]),
    # lead-in without a verb
    ("And from Chairwoman Vera Lund: \u201cWe expect a full report by the end of the week.\u201d",
     [("direct", "We expect a", "Chairwoman Vera Lund", None, None)]),
    # a quoted word inside a clause is no direct quotation: the clause is reported speech
    ("The council called the plan a \u201cdisaster\u201d and moved on to the budget.",
     [("mixed", "the plan a", "The council", "called", None)]),
    # the speaker's own words before a quotation with a trailing attribution make it mixed
    ("With thousands of ballot boxes, \u201cthere is no single point of failure,\u201d he said.",
     [("mixed", "With thousands of", "he", "said", None)]),
    # a sentence-initial conjunction does not make the quotation a fragment
    ("But \u201cthe ferry will be late again tomorrow,\u201d she said.",
     [("direct", "the ferry will", "she", "said", None)]),
    # a long speaker description with a quoted nickname before the trailing verb
    ("\u201cThis is a big year for our senator, Bob Lund!\u201d His niece, state Del. Marcia "
     "\u201cCia\u201d Varn (D-Norvik), shouted to the crowd.",
     [("direct", "This is a", "His niece", "shouted", "the crowd")]),
    # scare quotes with no cue are nothing
    ("The so-called \u201csmart\u201d meters arrived in March.", []),
])
def test_direct(text: str, expected: list[tuple[str, str, str | None, str | None, str | None]]) -> None:
    assert _table(text) == expected


def test_paragraph_continuation_points_at_the_same_speaker_mention() -> None:
    text = ("\u201cThe storm took the roof off the school,\u201d Edda Kroll said.\n\n"
            "\u201cNobody was inside, and the children are safe at home with their parents.\u201d")
    text, qs = _run(text)
    assert len(qs) == 2
    assert qs[1].speaker_span == qs[0].speaker_span
    assert _surface(text, qs[1].speaker_span) == "Edda Kroll"
    assert qs[1].cue is None


def test_sentence_continuation_with_vocative_addressee() -> None:
    # the attribution splits one quotation in two: both halves carry its cue
    text = ("\u201cThe ferry is late again,\u201d he said. \u201cMrs Ostrova, I ask you to fix the "
            "timetable before winter.\u201d")
    text, qs = _run(text)
    assert [(_surface(text, q.speaker_span), q.cue) for q in qs] == [("he", "said"), ("he", "said")]
    assert _surface(text, qs[1].addressee_span) == "Mrs Ostrova"
    start, end = qs[1].addressee_span
    assert qs[1].start <= start and end <= qs[1].end


@pytest.mark.parametrize("text, expected", [
    # the last quotation speaks to "you"; its pronoun speaker is the latest named speaker,
    # Alder, who spoke to Brek before, so it is spoken to Brek again; the captain's reply has
    # no "you" and gets no guessed addressee
    ("Mayor Ruth Alder met the ferry captain Jonas Brek on Monday.\n\n"
     "\u201cIt was my crew, not me,\u201d the captain said.\n\n"
     "\u201cThe harbour owes you a great deal,\u201d Alder told Brek.\n\n"
     "\u201cThen thank them from me, and tell them you all have a holiday,\u201d she said.",
     [("the captain", "said", None), ("Alder", "told", "Brek"), ("she", "said", "Brek")]),
    # a description speaker is matched to the name it stands beside in the text
    ("The ferry captain, Jonas Brek, met Mayor Ruth Alder on Monday.\n\n"
     "\u201cThe harbour owes you a great deal,\u201d Alder told Brek.\n\n"
     "\u201cYou are too kind to all of us,\u201d the ferry captain said.",
     [("Alder", "told", "Brek"), ("the ferry captain", "said", "Alder")]),
])
def test_interlocutor_of_a_two_person_exchange(
        text: str, expected: list[tuple[str | None, str | None, str | None]]) -> None:
    text, qs = _run(text)
    assert [(_surface(text, q.speaker_span), q.cue, _surface(text, q.addressee_span))
            for q in qs] == expected


def test_interlocutor_pronoun_for_the_earlier_speaker() -> None:
    # "she" skips "the captain" (no gender shown) for Ruth Alder, who spoke to Brek before
    text = ("\u201cThe harbour owes you a great deal,\u201d Ruth Alder told Jonas Brek.\n\n"
            "\u201cIt was my crew, not me,\u201d the captain said.\n\n"
            "\u201cThen thank them from me, and tell them you all have a holiday,\u201d she said.")
    text, qs = _run(text)
    assert _surface(text, qs[-1].addressee_span) == "Jonas Brek"


def test_transcript_stage_direction_is_no_quotation() -> None:
    text = ('"LUND: The pier is safe, and the ferries will run all winter long.\n\n'
            '"(CROSSTALK)\n\n"BRINK: Then why is it closed to the public today?"')
    text, qs = _run(text)
    assert [(q.text.split()[0], _surface(text, q.speaker_span)) for q in qs] == [
        ("The", "LUND"), ("Then", "BRINK")]


def test_quotation_paragraph_goes_on_from_reported_speech() -> None:
    text = ("Harbour chief Ilse Lund said the pier was safe.\n\n"
            "\u201cWe checked every single pillar of it last week, twice.\u201d")
    text, qs = _run(text)
    assert [(q.kind, _surface(text, q.speaker_span), q.cue) for q in qs] == [
        ("indirect", "Harbour chief Ilse Lund", "said"), ("direct", "Harbour chief Ilse Lund", None)]


def test_unattributed_quotation_has_no_speaker() -> None:
    text = "The results came late.\n\n\u201cEvery single ballot in the valley was counted twice by hand.\u201d"
    _, qs = _run(text)
    assert len(qs) == 1 and qs[0].speaker_span is None


# -- reported speech ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Governor Lena Marsh said that the dam would be repaired by spring.",
     [("indirect", "that the dam", "Governor Lena Marsh", "said", None)]),
    ("The union urged the railway to restore the night trains.",
     [("indirect", "to restore the", "The union", "urged", "the railway")]),
    ("Kasimir Dahl emphasized that the vote was fair.",
     [("indirect", "that the vote", "Kasimir Dahl", "emphasized", None)]),
    ("The bakery will close in June, the owner said.",
     [("indirect", "The bakery will", "the owner", "said", None)]),
    ("According to the harbour master, the pier needs new pillars.",
     [("indirect", "the pier needs", "the harbour master", "According to", None)]),
    # a quoted fragment inside reported speech makes it mixed
    ("Minister Aldo Renn said the new law was \u201ca gift to landlords\u201d and would not pass.",
     [("mixed", "the new law", "Minister Aldo Renn", "said", None)]),
])
def test_reported(text: str, expected: list[tuple[str, str, str | None, str | None, str | None]]) -> None:
    assert _table(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Jorun Falk, 41, recounted being stuck in the lift for nine hours.",
     [("indirect", "being stuck in", "Jorun Falk", "recounted", None)]),
    # the relative pronoun hands the speaker role to the noun it hangs on
    ("The mayor met Edda Viks, 29, who recounted being held for nine days.",
     [("indirect", "being held for", "Edda Viks", "recounted", None)]),
])
def test_gerund_complement(text: str, expected: list[tuple[str, str, str | None, str | None,
                                                            str | None]]) -> None:
    assert _table(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an attribution between commas: the content runs on both sides of it
    ("Bridges of stone, Mayor Ilse Varn said, are cheaper to keep than steel ones.",
     [("indirect", "Bridges of stone,", "Mayor Ilse Varn", "said", None)]),
    ("The harbour was a wreck, Mr. Tobin said, until the council paid for it in 1998.",
     [("indirect", "The harbour was", "Mr. Tobin", "said", None)]),
    # a fronted relative word: the content is what follows the cue
    ("That is what Mayor Lund says the new tunnel would do.",
     [("indirect", "the new tunnel", "Mayor Lund", "says", None)]),
    # clauses the parse hangs elsewhere
    ("As Lund has noted, the pier is older than the town.",
     [("indirect", "the pier is", "Lund", "noted", None)]),
    ("In Norvik last week, he told a meeting of harbour leaders that few people understood the "
     "tides.",
     [("indirect", "that few people", "he", "told", "a meeting of harbour leaders")]),
    # every clausal complement of one cue, with the clause coordinated to them
    ("Edda Kroll said the school was safe and that the roof would be fixed by May.",
     [("indirect", "the school was", "Edda Kroll", "said", None)]),
])
def test_reported_clause_shapes(text: str, expected: list[tuple[str, str, str | None, str | None,
                                                                 str | None]]) -> None:
    assert _table(text) == expected


def test_parenthetical_content_spans_both_sides() -> None:
    text, qs = _run("Bridges of stone, Mayor Ilse Varn said, are cheaper to keep than steel ones.")
    assert qs[0].text.endswith("steel ones")


@pytest.mark.parametrize("text, expected", [
    # raising and passive cues: subject and complement are the content, no source of their own
    ("The new ferry is expected to enter service in June.",
     [("indirect", "The new ferry", None, "expected", None)]),
    ("The old pier seems to be safe for now.",
     [("indirect", "The old pier", None, "seems", None)]),
    # a passive cue's agent is the source
    ("The budget was criticized by the auditors as reckless.",
     [("indirect", "The budget was", "the auditors", "criticized", None)]),
])
def test_raising_and_passive_cues(text: str, expected: list[tuple[str, str, str | None, str | None,
                                                                  str | None]]) -> None:
    assert _table(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Councillor Ada Brink referred to the flood of 1998 as a warning.",
     [("indirect", "the flood of", "Councillor Ada Brink", "referred", None)]),
    ("The port authority voted against the new crane.",
     [("indirect", "the new crane", "The port authority", "voted", None)]),
    ("The ferry union thanked the harbour pilots for their patience.",
     [("indirect", "the harbour pilots", "The ferry union", "thanked", None)]),
])
def test_object_and_preposition_cues(
        text: str, expected: list[tuple[str, str, str | None, str | None, str | None]]) -> None:
    assert _table(text) == expected


def test_header_line_is_no_speaker() -> None:
    # a live-blog time stamp the parse runs into the next sentence
    text, qs = _run("The Latest: Harbour reopens\n\n12:15 p.m.\n\n"
                    "Mayor Ilse Lund says the pier is safe again.")
    assert [(q.text, _surface(text, q.speaker_span)) for q in qs] == [
        ("the pier is safe again", "Mayor Ilse Lund")]


def test_nested_plan_is_part_of_the_outer_content() -> None:
    # "plans" sits inside what Brink said: only the outer attribution is reported speech
    text, qs = _run("Councillor Ada Brink said Lena Holt plans to run for mayor.")
    assert [(q.cue, q.text) for q in qs] == [("said", "Lena Holt plans to run for mayor")]


def test_second_act_of_the_speaker_is_its_own_quote() -> None:
    text, qs = _run("Lund tweeted on Monday that Brink was \u201cdisgusting\u201d and urged "
                    "voters to \u201ccheck out\u201d her record.")
    assert [(q.kind, q.cue, q.text) for q in qs] == [
        ("mixed", "tweeted", "that Brink was \u201cdisgusting\u201d"),
        ("mixed", "urged", "to \u201ccheck out\u201d her record")]


def test_nested_speech_cue_is_kept() -> None:
    text, qs = _run("Councillor Ada Brink said the mayor had claimed that the pier was safe.")
    assert [q.cue for q in qs] == ["said", "claimed"]


def test_headline_speaker_before_a_colon() -> None:
    text, qs = _run("Harbour Chief Tomasz Reli: Ferries Will Run All Winter\n\nThe ferries ran.")
    assert [(q.kind, q.text, _surface(text, q.speaker_span), q.cue) for q in qs] == [
        ("indirect", "Ferries Will Run All Winter", "Harbour Chief Tomasz Reli", ":")]


@pytest.mark.parametrize("text", [
    "Breaking: Harbour Closes After Storm Damage\n\nThe harbour closed.",
    "Editor's note: This story was updated on Monday.\n\nThe harbour closed.",
    "Lund: Yes\n\nThe harbour closed.",
])
def test_headline_labels_are_no_speakers(text: str) -> None:
    _, qs = _run(text)
    assert [q for q in qs if q.cue == ":"] == []


def test_reported_content_stays_in_its_paragraph() -> None:
    text = ("The crowd in Vellan was loud:\n\n\u201cHere comes the Big Boss,\u201d she said, "
            "clapping. \u201cThe Boss. Big Boss.\u201d")
    text, qs = _run(text)
    assert all("\n" not in q.text for q in qs)
    assert [(q.kind, q.text, q.cue) for q in qs] == [
        ("direct", "Here comes the Big Boss,", "said"), ("direct", "The Boss. Big Boss.", "said")]


@pytest.mark.parametrize("text, expected", [
    # reported content opening with quoted words starts at their mark
    ("The mayor gave no cost, though he said \u201cbudget cuts\u201d and unpaid fees would pay "
     "for it.",
     [("mixed", "\u201cbudget cuts\u201d and", "he", "said", None)]),
    # a clause coordinated to a trailing attribution goes on with the content
    ("Lund \u201cgot a sweet deal,\u201d Harmon said, and still \u201cgot to sit in on the "
     "hearing.\u201d",
     [("mixed", "Lund \u201cgot a", "Harmon", "said", None)]),
])
def test_mixed_content_edges(text: str, expected: list[tuple[str, str, str | None, str | None,
                                                             str | None]]) -> None:
    assert _table(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "according to" at either end of the sentence, whatever the parse hangs where
    ("According to talk radio host Ben Lomax, the move reeks of fear and desperation.",
     [("indirect", "the move reeks", "talk radio host Ben Lomax", "According to", None)]),
    ("Tom Vell is one of 70 people hired this year and the fourth hired by the port, according "
     "to a city database.",
     [("indirect", "Tom Vell is", "a city database", "according to", None)]),
    # a phrase naming the source: a poll, an estimate, someone's view or words
    ("In the latest Harbour Post poll, Lund led Brink by 5 points among likely voters.",
     [("indirect", "Lund led Brink", "the latest Harbour Post poll", "In", None)]),
    ("The pier will cost $4 million, by one estimate.",
     [("indirect", "The pier will", "one estimate", "by", None)]),
    ("In his view, the pier is safe.", [("indirect", "the pier is", "his", "In", None)]),
    ("In Lund's words, the pier is safe.", [("indirect", "the pier is", "Lund", "In", None)]),
    # an evidence verb under a source phrase is part of its content
    ("In her view, the release shows that quiet diplomacy works.",
     [("indirect", "the release shows", "her", "In", None)]),
    # a place or a time is no source
    ("In the harbour, the pier is safe.", []),
])
def test_source_phrases(text: str, expected: list[tuple[str, str, str | None, str | None,
                                                        str | None]]) -> None:
    assert _table(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a cue noun with a that-clause or to-infinitive; the source is its possessor, the "by"/"from"
    # phrase or the subject of a light verb, else nobody
    ("The union made a pledge to keep the ferries running.",
     [("indirect", "to keep the", "The union", "pledge", None)]),
    ("A warning from the coast guard that the ice was thin came too late.",
     [("indirect", "that the ice", "the coast guard", "warning", None)]),
    ("The idea that the ferry could run all winter was dropped in March.",
     [("indirect", "that the ferry", None, "idea", None)]),
    # a clause the parse hangs on "statement" still belongs to the speech verb
    ("Lund said in a statement that the pier was safe.",
     [("indirect", "that the pier", "Lund", "said", None)]),
    # a relative clause on a cue noun is not its content
    ("The claim that was made by the council turned out false.", []),
])
def test_cue_nouns(text: str, expected: list[tuple[str, str, str | None, str | None,
                                                   str | None]]) -> None:
    assert _table(text) == expected


# -- invariants --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "\u201cOne,\u201d he said, \u201ctwo.\u201d And then \u201cthree\n\nfour",
    'Odd "marks " everywhere "" here, said nobody.',
    "",
])
def test_spans_point_into_the_text(text: str) -> None:
    text, qs = _run(text)
    for q in qs:
        assert text[q.start:q.end] == q.text
        assert q.kind in ("direct", "indirect", "mixed")
        for span in (q.speaker_span, q.addressee_span, q.cue_span):
            if span is not None:
                assert 0 <= span[0] < span[1] <= len(text)
        if q.cue_span is not None:
            assert text[q.cue_span[0]:q.cue_span[1]] == q.cue


@pytest.mark.parametrize("text", [
    "The Latvian president called Marta Ozola on Friday evening.",
    "Zhenya, as friends call him, slept at the hospital.",
])
def test_calling_or_naming_someone_reports_nothing(text: str) -> None:
    assert _table(text) == []


def test_calling_someone_something_is_reported_speech() -> None:
    rows = _table("The senator called Ozola a coward in a radio interview.")
    assert rows and rows[0][0] == "indirect" and rows[0][3] == "called"


def test_a_quotation_right_after_reported_speech_in_its_paragraph_goes_on_with_that_speaker(
) -> None:
    rows = _table("Marta Ozola told reporters that her son was tired but calm. \u201cHe asked "
                  "about the harbour first. That is my boy.\u201d")
    assert rows[-1][0] == "direct" and rows[-1][2] == "Marta Ozola"


def test_as_someone_is_known_is_a_name_not_a_report() -> None:
    assert _table("Juris Ozols, as the sailor is known in Riga, was freed on Monday.") == []
