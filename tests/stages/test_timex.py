"""Tests for the time stage: detection, TIMEX3 values, extents and the reference-time model.

Sentences are invented (fictional people and places). Most cases run the grammar without the
spaCy parse (tense unknown); the tense-dependent cases load the model once.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.timex.tagger import tag

PUB = "2024-03-14"  # a Thursday


def _found(text: str, published: str | None = PUB) -> list[tuple[str, str, str, str | None]]:
    return [(t.text, t.type, t.value, t.mod) for t in tag(text, published)[0]]


@pytest.mark.parametrize("text, expected", [
    ("The mill in Dorrow closed on March 3, 1987.", [("March 3, 1987", "DATE", "1987-03-03", None)]),
    ("Talks resumed on 12 June 2019 in Vessby.", [("12 June 2019", "DATE", "2019-06-12", None)]),
    ("The fair opened in October 1998.", [("October 1998", "DATE", "1998-10", None)]),
    ("The deadline is 2021-07-09.", [("2021-07-09", "DATE", "2021-07-09", None)]),
    ("Prices peaked in 1974.", [("1974", "DATE", "1974", None)]),
    ("Orvel Tann arrived yesterday.", [("yesterday", "DATE", "2024-03-13", None)]),
    ("The council meets tomorrow.", [("tomorrow", "DATE", "2024-03-15", None)]),
    ("Mara Quill spoke on Monday.", [("Monday", "DATE", "2024-03-11", None)]),
    ("The vote was last Thursday.", [("last Thursday", "DATE", "2024-03-07", None)]),
    ("Sales fell last year.", [("last year", "DATE", "2023", None)]),
    ("Sales fell last month.", [("last month", "DATE", "2024-02", None)]),
    ("The bridge opens next week.", [("next week", "DATE", "2024-W12", None)]),
    ("The family moved to Lenwick in the late 1990s.", [("the late 1990s", "DATE", "199", "END")]),
    ("The town grew in the early 1880s.", [("the early 1880s", "DATE", "188", "START")]),
    ("The abbey dates from the 12th century.", [("the 12th century", "DATE", "11", None)]),
    ("She was held for over a year.", [("over a year", "DURATION", "P1Y", "MORE_THAN")]),
    ("He walked for about 500 days.", [("about 500 days", "DURATION", "P500D", "APPROX")]),
    ("The strike lasted 37 days.", [("37 days", "DURATION", "P37D", None)]),
    ("The siege lasted for days.", [("days", "DURATION", "PXD", None)]),
    ("He spent several years abroad.", [("several years", "DURATION", "PXY", None)]),
    # a stretch up to now or from now is a duration of unstated length
    ("Ferry fares have doubled in recent years.", [("recent years", "DURATION", "PXY", None)]),
    ("The quay will reopen in the coming weeks.",
     [("the coming weeks", "DURATION", "PXW", None)]),
    ("Such storms were rarer in past years.", [("past years", "DATE", "PAST_REF", None)]),
    # "the past decade" is the ten years up to now; a half of a decade is part of that decade
    ("Tolls doubled over the past decade.", [("the past decade", "DURATION", "P10Y", None)]),
    ("Mills closed in the last half of the '70s.",
     [("the last half of the '70s", "DATE", "197", "END")]),
    # a deictic word capitalized mid-sentence after an opening quote or an acronym is a title
    ('Pell Oster spoke on the show "This Week" from Vessby.', []),
    ("Tonight's bulletin came from the film ``High Noon'' set.", [("Tonight", "TIME",
                                                                  "2024-03-14TNI", None)]),
    ("You are listening to VBN Today.", []),
    ('Mara Quill said, "Today we close the mill."', [("Today", "DATE", "2024-03-14", None)]),
    # "the week of" a day is the ISO week holding it
    ("The Vessby hearing is set for the week of March 18.",
     [("the week of March 18", "DATE", "2024-W12", None)]),
    ("It took two and a half hours... no, three hours.",
     [("two and a half hours", "DURATION", "PT2H30M", None), ("three hours", "DURATION", "PT3H", None)]),
    ("The survey runs every week.", [("every week", "SET", "P1W", None)]),
    ("The paper appears daily.", [("daily", "SET", "P1D", None)]),
    ("The pumps are checked twice a year.", [("twice a year", "SET", "P1Y", None)]),
    ("Rents are rising now.", [("now", "DATE", "PRESENT_REF", None)]),
    ("The pier was recently repaired.", [("recently", "DATE", "PAST_REF", None)]),
    ("Holders may buy at the then current price.", [("then current", "DATE", "PAST_REF", None)]),
    ("The plant reported third-quarter profit.", [("third-quarter", "DATE", "2023-Q3", None)]),
    ("Profit rose in the second quarter of 2011.", [("the second quarter of 2011", "DATE", "2011-Q2", None)]),
    ("The shop opened in fiscal 2006.", [("fiscal 2006", "DATE", "2006", None)]),
    ("Rain is expected this summer.", [("this summer", "DATE", "2024-SU", None)]),
    ("The crew left at 7:15 p.m. Tuesday.", [("7:15 p.m. Tuesday", "TIME", "2024-03-12T19:15", None)]),
    # the day after an aside, or inside it, is the time's; the aside stays out of the span
    ("The dam broke at 6:40 a.m. (0340 GMT) Tuesday.",
     [("6:40 a.m.", "TIME", "2024-03-12T06:40", None), ("Tuesday", "DATE", "2024-03-12", None)]),
    ("The ferry sails at 5 in the morning (5 a.m. EDT Friday).",
     [("5 in the morning", "TIME", "2024-03-15T05:00", None),
      ("5 a.m. EDT Friday", "TIME", "2024-03-15T05:00", None)]),
    ("Polls shut at 8 p.m. (local time) in Brask.", [("8 p.m.", "TIME", "2024-03-14T20:00", None)]),
    ("She called this morning.", [("this morning", "TIME", "2024-03-14TMO", None)]),
    ("The dam was finished two years ago.", [("two years ago", "DATE", "2022", None)]),
    ("Turnout fell earlier this month.", [("earlier this month", "DATE", "2024-03", "START")]),
    ("The toll rises in mid-2025.", [("mid-2025", "DATE", "2025", "MID")]),
    ("The firm hired 1200 workers.", []),
    ("The repair took 2 1/2 years.", [("2 1/2 years", "DURATION", "P2Y6M", None)]),
    ("The choir meets on Tuesday nights.", [("Tuesday nights", "SET", "XXXX-WXX-2TNI", None)]),
    ("The canal opened in January nineteen ninety-seven.",
     [("January nineteen ninety-seven", "DATE", "1997-01", None)]),
    ("The polls closed on May 4, 2021 at 8 p.m.",
     [("May 4, 2021", "DATE", "2021-05-04", None), ("8 p.m", "TIME", "2021-05-04T20:00", None)]),
    ("Ask Jan Morrow about it.", []),
    ("Doors shut Jan21.", [("Jan21", "DATE", "2024-01-21", None)]),
    ("Sales for the year ended higher.", [("the year", "DURATION", "P1Y", None)]),
    ("It pays $40 a year in fees.", []),
    ("The market fell over three years.", [("three years", "DURATION", "P3Y", None)]),
    ("Fares rose by at least 30 days' notice.", [("at least 30 days", "DURATION", "P30D",
                                                   "EQUAL_OR_MORE")]),
    ("You may leave.", []),
    # "later" is a signal outside a duration (TimeML), "ago" stays inside a date
    ("Two days later, the mayor of Brisk resigned.", [("Two days", "DURATION", "P2D", None)]),
    ("The alarm rang a minute and a half later.",
     [("a minute and a half", "DURATION", "PT1M30S", None)]),
    # ages are not durations
    ("Sera Blum, 52 years old, will retire.", []),
    ("Profit in the 2011 quarter rose.", [("the 2011 quarter", "DATE", "2011-Q4", None)]),
    # a fiscal quarter is the calendar quarter holding most of it; a fiscal year is a length
    ("Sales rose in the quarter ended July 31.", [("the quarter", "DATE", "2023-Q2", None),
                                                  ("July 31", "DATE", "2023-07-31", None)]),
    ("Sales rose for the year ended July 31.", [("the year", "DURATION", "P1Y", None),
                                                ("July 31", "DATE", "2023-07-31", None)]),
    ("The ferry leaves at 4 in the morning.", [("4 in the morning", "TIME", "2024-03-14T04:00",
                                                None)]),
    ("Turnout was high on Election Day 2020.", [("Election Day 2020", "DATE", "2020-11-03",
                                                  None)]),
    ("Trade has stopped now that the port is closed.", [("now", "DATE", "PRESENT_REF", None)]),
    # "last"/"next" before a month-day fix its direction and stay outside the extent
    ("Ada Vell was shot last Oct. 23 at home.", [("Oct. 23", "DATE", "2023-10-23", None)]),
    ("The vote is next March 2.", [("March 2", "DATE", "2025-03-02", None)]),
    # fractions and rates of measures are not time expressions
    ("Ostra imports about three-quarters of its grain.", []),
    ("Funds hold more than a quarter of the market.", []),
    ("The chip runs 15 million steps per second.", []),
    ("Tessel will one day be a city.", [("one day", "DATE", "FUTURE_REF", None)]),
    ("Prices rose for eight trading days.", [("eight trading days", "DURATION", "P8D", None)]),
    ("The oak stood for almost a hundred years.",
     [("almost a hundred years", "DURATION", "P100Y", "LESS_THAN")]),
    # day-first numeric dates: dotted, or slashed with a day above 12; year-first with slashes
    ("The Dorrow plant closed on 14.03.2023.", [("14.03.2023", "DATE", "2023-03-14", None)]),
    ("The Dorrow plant closed on 31/12/2022.", [("31/12/2022", "DATE", "2022-12-31", None)]),
    ("The Dorrow plant closed on 2023/03/09.", [("2023/03/09", "DATE", "2023-03-09", None)]),
    ("Tessel 1.2.2019 shipped with bugs.", []),  # a version number, not a date
    # two-digit years after an apostrophe
    ("Pell Oster graduated in '98.", [("'98", "DATE", "1998", None)]),
    ("The class of '05 met in Vessby.", [("'05", "DATE", "2005", None)]),
    # business shorthand for quarters, halves and fiscal years
    ("Orvel Mills lost money in Q3 2023.", [("Q3 2023", "DATE", "2023-Q3", None)]),
    ("Orvel Mills posted a 3Q23 loss.", [("3Q23", "DATE", "2023-Q3", None)]),
    ("Orvel Mills expects growth in H1 2025.", [("H1 2025", "DATE", "2025-H1", None)]),
    ("Orvel Mills grew in FY2023.", [("FY2023", "DATE", "2023", None)]),
    ("Orvel Mills reported Q2 earnings.", [("Q2", "DATE", "2023-Q2", None)]),
    ("Q1: how did it start?", []),  # a label, not a period
    # eras
    ("The fort at Vessby was built in 300 BC and burned in AD 79.",
     [("300 BC", "DATE", "BC0300", None), ("AD 79", "DATE", "0079", None)]),
    ("The wall dates to the 5th century BC.", [("the 5th century BC", "DATE", "BC04", None)]),
    # half a unit is the next smaller unit
    ("Kit Arden waited half an hour.", [("half an hour", "DURATION", "PT30M", None)]),
    ("The mill stood for about half a century.",
     [("about half a century", "DURATION", "P50Y", "APPROX")]),
    # "the year before" said of the point the story is at; "the week before last" from today
    ("Tessel sold fewer boats last year than the year before.",
     [("last year", "DATE", "2023", None), ("the year before", "DATE", "2022", None)]),
    ("The dam at Vessby cracked the week before last.",
     [("the week before last", "DATE", "2024-W09", None)]),
    ("Olen Marsh reached Dorrow on May 3, 2019. He had left Vessby the day before.",
     [("May 3, 2019", "DATE", "2019-05-03", None), ("the day before", "DATE", "2019-05-02", None)]),
    # clock times: a one-digit hour after "at", with the day and part of day that follow
    ("The Orvel council met at 9:30 on Tuesday morning.",
     [("9:30 on Tuesday morning", "TIME", "2024-03-12T09:30", None)]),
    ("The polls close at 17:00 CET on Friday.",
     [("17:00 CET on Friday", "TIME", "2024-03-15T17:00", None)]),
    ("Pell Oster quoted Tessel 3:16 in his speech.", []),
    ("Shelling of Vessby went on overnight Tuesday.",
     [("overnight Tuesday", "TIME", "2024-03-12TNI", None)]),
    ("Kit Arden visits Vessby on weekends.", [("weekends", "SET", "XXXX-WXX-WE", None)]),
    ("The Dorrow mill reopened on February the 9th.",
     [("February the 9th", "DATE", "2024-02-09", None)]),
    ("Ten years ago today, the Vessby dam failed.",
     [("Ten years ago today", "DATE", "2014-03-14", None)]),
    ("The Vessby dam failed a year ago Tuesday.",
     [("a year ago Tuesday", "DATE", "2023-03-12", None)]),
    # an ordinal day alone is a day of the month the story is in
    ("Olen Marsh reached Dorrow on May 3, 2019. On the 9th he left.",
     [("May 3, 2019", "DATE", "2019-05-03", None), ("the 9th", "DATE", "2019-05-09", None)]),
    ("Pell Oster finished on the 15th hole.", []),
    ("Kit Arden was hurt five years ago this week.",
     [("five years ago this week", "DATE", "2019-W11", None)]),
    # a weekday in the sentence that names a week is that week's day
    ("Last week, on Tuesday, the Vessby dam cracked.",
     [("Last week", "DATE", "2024-W10", None), ("Tuesday", "DATE", "2024-03-05", None)]),
    # a live blog's timestamp is not on the day named in the paragraph before it
    ("Pell Oster will speak on Friday.\n\n9:30 a.m.\n\nThe Orvel council met.",
     [("Friday", "DATE", "2024-03-15", None), ("9:30 a.m", "TIME", "2024-03-14T09:30", None)]),
    ("\n\n11: 06 a.m.\n\nThe Orvel council met.", [("11: 06 a.m", "TIME", "2024-03-14T11:06", None)]),
    # "the day before" a named day is one expression, that day moved by one
    ("The day before Tuesday's vote, Kit Arden left Vessby.",
     [("The day before Tuesday", "DATE", "2024-03-11", None)]),
    ("Two days after March 3, the Dorrow dam failed.",
     [("Two days", "DURATION", "P2D", None), ("March 3", "DATE", "2024-03-03", None)]),
    # Holy Week is the ISO week that ends on Easter Sunday
    ("Pilgrims filled Vessby in Holy Week 2019.", [("Holy Week 2019", "DATE", "2019-W16", None)]),
    # the small hours belong to the day named
    ("The ferry sank in the early hours of Sunday.",
     [("the early hours of Sunday", "TIME", "2024-03-10TMO", "START")]),
    # universal time carries ISO 8601's Z; a local zone leaves the clock time as it is
    ("The probe launched at 18:00 UTC.", [("18:00 UTC", "TIME", "2024-03-14T18:00Z", None)]),
    ("Polls close at 9 p.m. GMT.", [("9 p.m. GMT", "TIME", "2024-03-14T21:00Z", None)]),
    ("Polls close at 9 p.m. EST.", [("9 p.m. EST", "TIME", "2024-03-14T21:00", None)]),
    # "a second" before a name or a number is the ordinal, not a length of time
    ("A second A320 landed in Vessby.", []),
    ("For a second I froze.", [("a second", "DURATION", "PT1S", None)]),
    # a span of years is two years, as "from 2009 to 2011" is; a route number is not
    ("The Dorrow mine ran 2009-2011.",
     [("2009", "DATE", "2009", None), ("2011", "DATE", "2011", None)]),
    ("Vessby struggled in the 2015-16 season.",
     [("2015", "DATE", "2015", None), ("16", "DATE", "2016", None)]),
    ("Route 2010-15 was closed.", []),
    ("The 1990-2000 workers were laid off.", []),
    ("The ferry sailed on 2016-07-04.", [("2016-07-04", "DATE", "2016-07-04", None)]),
    # US, British and Commonwealth zones after a clock time stay in its extent
    ("The Vessby debate airs at 8 p.m. ET on Sunday.",
     [("8 p.m. ET on Sunday", "TIME", "2024-03-10T20:00", None)]),
    ("The quake struck at 3:12 a.m. JST.", [("3:12 a.m. JST", "TIME", "2024-03-14T03:12", None)]),
    # holidays fixed by a rule over the calendar
    ("Dorrow shops opened on Easter Monday 2023.",
     [("Easter Monday 2023", "DATE", "2023-04-10", None)]),
    ("Crowds came on Black Friday 2023 and Cyber Monday 2023.",
     [("Black Friday 2023", "DATE", "2023-11-24", None),
      ("Cyber Monday 2023", "DATE", "2023-11-27", None)]),
    ("The march was on Martin Luther King Jr. Day 2024.",
     [("Martin Luther King Jr. Day 2024", "DATE", "2024-01-15", None)]),
    ("Vessby held its parade on Mardi Gras 2023 and fasted from Ash Wednesday 2023.",
     [("Mardi Gras 2023", "DATE", "2023-02-21", None),
      ("Ash Wednesday 2023", "DATE", "2023-02-22", None)]),
    # Super Tuesday: the first Tuesday of March, as in the US primaries since 2004
    ("Orvel voted on Super Tuesday 2016.", [("Super Tuesday 2016", "DATE", "2016-03-01", None)]),
    ("The Dorrow pilgrims set out on Maundy Thursday 2023.",
     [("Maundy Thursday 2023", "DATE", "2023-04-06", None)]),
    # the first or last part of a named month or year is that month or year with START or END,
    # its first or last day that very day; "the last year of" something is no last year
    ("The Vessby talks began on the first day of March 2015.",
     [("the first day of March 2015", "DATE", "2015-03-01", None)]),
    ("Dorrow shares fell in the last week of March 2015.",
     [("the last week of March 2015", "DATE", "2015-03", "END")]),
    ("Orvel froze hiring in the final months of 2015.",
     [("the final months of 2015", "DATE", "2015", "END")]),
    ("The Orvel levy ends on the last day of 2015.",
     [("the last day of 2015", "DATE", "2015-12-31", None)]),
    ("Pell Oster signed the act in the last year of his term.", []),
    # "9/11" stands for the day of the 2001 attacks; a tally is no date
    ("Vessby has had guards since the 9/11 attacks.", [("9/11", "DATE", "2001-09-11", None)]),
    ("Kit Arden shot 9/11 from the field.", []),
    ("Pell Oster went 9/11 on free throws.", []),
    # a hyphenated share of three quarters is no length of time
    ("About three-quarters of Vessby voters backed the levy.", []),
    ("In Vessby, about three-quarters backed the levy.", []),
    ("Kit Arden sold a three-quarter stake in the Dorrow mill.", []),
    ("The Dorrow mill ended a two-quarter slide.", [("two-quarter", "DURATION", "P2Q", None)]),
    # a holiday naming a kind of thing dates nothing, nor does a weekday in an event's name
    ("Staff at the Vessby mill had their Christmas party.", []),
    ("Kit Arden bought a Christmas tree.", []),
    ("Pell Oster wrote a book on Bloody Sunday.", []),
    ("Fat Tuesday cakes sold out in Vessby.", []),
    ("Fat Tuesday parades filled Vessby.", [("Fat Tuesday", "DATE", "2024-02-13", None)]),
    ("Big Blue Monday said Dorrow chips were late.", [("Monday", "DATE", "2024-03-11", None)]),
    # "of last year" after a month or a season gives it its year
    ("The Dorrow mill was sold in March of last year.",
     [("March of last year", "DATE", "2023-03", None)]),
    ("The dam burst in the spring of last year.",
     [("the spring of last year", "DATE", "2023-SP", None)]),
    # a weekday with the week it falls in is one day (PUB is a Thursday)
    ("The Dorrow minister resigned on Monday last week.",
     [("Monday last week", "DATE", "2024-03-04", None)]),
    ("The vote is on Tuesday next week.", [("Tuesday next week", "DATE", "2024-03-19", None)]),
    # British "Thursday week": a week after the coming Thursday, or after today on a Thursday
    ("The Vessby hearing resumes Thursday week.",
     [("Thursday week", "DATE", "2024-03-21", None)]),
    ("The Vessby hearing resumes Monday week.", [("Monday week", "DATE", "2024-03-25", None)]),
    # "the new year" is the one just begun early in a year (about to begin late in one)
    ("Ferry sales were slow in the new year.", [("the new year", "DATE", "2024", None)]),
    # wire clock times: four digits with a zone or "hours"; not a conversion in brackets
    ("The truce took effect at 0800 GMT on Sunday.",
     [("0800 GMT on Sunday", "TIME", "2024-03-10T08:00Z", None)]),
    ("The raid began at 0430 hours.", [("0430 hours", "TIME", "2024-03-14T04:30", None)]),
    ("The strike came at 0800Z.", [("0800Z", "TIME", "2024-03-14T08:00Z", None)]),
    ("The dam broke at 9:20 a.m. (0620 GMT).",
     [("9:20 a.m.", "TIME", "2024-03-14T09:20", None)]),
    # an age range is no duration
    ("Turnout fell among those 19 to 24 years old.", []),
    # "and a half" after a number in words is half a unit more, as "2 1/2" is
    ("The trial took almost two and a half years.",
     [("almost two and a half years", "DURATION", "P2Y6M", "LESS_THAN")]),
    ("Divers searched for twenty-one and a half hours.",
     [("twenty-one and a half hours", "DURATION", "PT21H30M", None)]),
])
def test_detect_and_normalize(text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    assert _found(text) == expected


def test_of_last_years_thing_is_not_a_season_of_last_year() -> None:
    # "last year's champion" is last year's; the fall before it is no fall of that year
    found = _found("Ilse Varn recalled the fall of last year's champion.")
    assert ("last year", "DATE", "2023", None) in found
    assert not any("of last year" in text for text, *_ in found)


def test_past_n_seasons() -> None:
    assert _found("Floods came for the past three summers.") == [
        ("the past three summers", "SET", "XXXX-SU", None)]



def test_results_of_a_quarter_not_yet_begun_are_last_years() -> None:
    # results come after a quarter ends: reported in March, the fourth quarter is last year's
    assert _found("Dorrow Mills will report fourth-quarter earnings.")[0][2] == "2023-Q4"
    assert _found("Dorrow Mills will post results for the fourth quarter.")[0][2] == "2023-Q4"
    # a quarter ahead with no results meant is this year's
    assert _found("Growth should pick up in the fourth quarter.")[0][2] == "2024-Q4"


def test_first_two_quarters_of_a_year() -> None:
    assert _found("Sales fell in the first two quarters of 2022.") == [
        ("the first two quarters of 2022", "DATE", "2022-H1", None)]
    # "at least" would make the longer match a duration; it stays outside the half
    assert _found("Losses will last through at least the last two quarters of 2025.") == [
        ("the last two quarters of 2025", "DATE", "2025-H2", None)]


@pytest.mark.parametrize("text, expected", [
    # a range yields one timex per end point, prepositions outside
    ("The exhibition runs from March to May.", [("March", "DATE", "2024-03", None),
                                                ("May", "DATE", "2024-05", None)]),
    ("Held on July 2-3 at Brennick.", [("July 2", "DATE", "2024-07-02", None),
                                       ("3", "DATE", "2024-07-03", None)]),
])
def test_ranges(text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("He left on April 16.", [("April 16", "DATE", "XXXX-04-16", None)]),
    ("They met yesterday.", [("yesterday", "DATE", "XXXX-XX-XX", None)]),
    ("Her term ended in 1999.", [("1999", "DATE", "1999", None)]),
])
def test_no_publication_date_leaves_relative_values_underspecified(
        text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    assert _found(text, None) == expected


@pytest.mark.parametrize("text, expected", [
    # "a year earlier" compares at the granularity of the period just reported
    ("Profit rose 5% in the third quarter. A year earlier it fell.",
     [("the third quarter", "DATE", "2024-Q3", None), ("A year earlier", "DATE", "2023-Q3", None)]),
    # a year-to-date length leaves the year as the thing compared
    ("Profit rose 5% in the nine months. A year earlier it fell.",
     [("the nine months", "DURATION", "P9M", None), ("A year earlier", "DATE", "2023", None)]),
    ("Orrin Mills lost money in the third quarter, after a profit in the quarter a year ago.",
     [("the third quarter", "DATE", "2024-Q3", None),
      ("the quarter a year ago", "DATE", "2023-Q3", None)]),
])
def test_comparisons_follow_the_period_reported(
        text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    assert _found(text, "2024-10-26") == expected


def test_offsets_point_into_text() -> None:
    text = "On Friday, Sela Brun said the depot, built in 1961, would reopen next spring."
    for t in tag(text, PUB)[0]:
        assert text[t.start:t.end] == t.text


# ---- tense and narrative time need the parse


@pytest.fixture(scope="module")
def engine():  # type: ignore[no-untyped-def]
    from newsgraph.api import Engine

    return Engine(stages=("annotate", "timex"))


@pytest.mark.parametrize("text, published, expected", [
    # past tense looks back from publication
    ("Ilse Varn was released on February 20.", "2024-04-02", ("February 20", "2024-02-20")),
    ("Ilse Varn was released on November 20.", "2024-04-02", ("November 20", "2023-11-20")),
    # future tense looks forward
    ("The court will rule on November 20.", "2024-04-02", ("November 20", "2024-11-20")),
    ("The ferry will sail on Friday.", "2024-04-02", ("Friday", "2024-04-05")),
    ("The ferry sailed on Friday.", "2024-04-02", ("Friday", "2024-03-29")),
    ("Revenue for the year that ended June 30 rose.", "2024-03-14", ("June 30", "2023-06-30")),
    # a deadline a few weeks ahead beats a date eleven months back, even in a past clause
    ("The judge gave no reason for the May 2 deadline.", "2024-04-20", ("May 2", "2024-05-02")),
    # the narrative moved to 2019: a bare past-tense date in the same paragraph follows it
    ("The dam failed in August 2019. Pell Oster had warned about it on June 3.", "2024-04-02",
     ("June 3", "2019-06-03")),
    # a new paragraph falls back to the publication date
    ("The dam failed in August 2019.\nPell Oster visited the site on March 9.", "2024-04-02",
     ("March 9", "2024-03-09")),
    # a bare clock time in a past clause is on the day the paragraph's story is at
    ("Ansel Vell was stabbed on May 14, 2023, on the Dorrow quay. Witnesses said the attacker "
     "had followed him from the ferry, and Vell died in hospital at 11 p.m.",
     "2024-04-19", ("11 p.m", "2023-05-14T23:00")),
    # "since" a date opens a stretch up to now: the story does not move there
    ("Ferry bookings have fallen since March 2013, and faster since the storms in October.",
     "2015-02-08", ("October", "2014-10")),
    # a date that premodifies a noun names an old event and leaves the story where it was
    ("Olen Marsh rejected the offer made after the August 2011 flood. Tolls rose on Aug. 2.",
     "2024-08-20", ("Aug. 2", "2024-08-02")),
    # a firm past tense keeps a bare month in the past, even when the coming one is nearer
    ("In January, Vessa Lorn bought the mill.", "2024-10-27", ("January", "2024-01")),
    ("Captain Iro Dane will fly a mission in December.", "2024-03-04", ("December", "2024-12")),
    # payable/effective dates lie ahead of the clause that announces them
    ("The board declared a dividend, payable Dec. 7 to holders of record.", "2024-10-27",
     ("Dec. 7", "2024-12-07")),
    ("Harl Benn was named chairman, effective Feb. 1.", "2024-10-26", ("Feb. 1", "2025-02-01")),
    # ... unless the past perfect puts the whole plan behind us
    ("The Brisk offer had been due to expire Friday evening.", "2024-10-28",
     ("Friday evening", "2024-10-25TEV")),
    ("The Brisk offer had been scheduled to expire at noon Friday.", "2024-10-28",
     ("noon Friday", "2024-10-25T12:00")),
    # a deferral "until" a day looks ahead of the past-tense deferring; a plain "until" does not
    ("Port officials postponed until Tuesday any ruling on the ferry.", "2024-03-28",
     ("Tuesday", "2024-04-02")),
    ("The vote was delayed until Monday.", "2024-03-28", ("Monday", "2024-04-01")),
    ("The crew stayed aboard until Sunday.", "2024-03-28", ("Sunday", "2024-03-24")),
    ("The port has given the crew until 9 a.m. Tuesday to leave.", "2024-04-01",
     ("9 a.m. Tuesday", "2024-04-02T09:00")),
    # a past tense keeps a weekday in the past even when tomorrow is that weekday
    ("The yard delivered the last ferry on Tuesday.", "2024-04-01", ("Tuesday", "2024-03-26")),
    # ... and a future tense keeps it ahead even when yesterday was that weekday
    ("The yard will launch the next ferry on Sunday.", "2024-04-01", ("Sunday", "2024-04-07")),
    # the end of a state that still holds is ahead; a state that ended does not look ahead
    ("The ferry pier stays closed until March.", "2024-10-28", ("March", "2025-03")),
    ("The crew's strike runs through Sunday.", "2024-04-01", ("Sunday", "2024-04-07")),
    ("The crew's strike ran through Sunday.", "2024-04-01", ("Sunday", "2024-03-31")),
    ("The yard has extended the crew's contracts through January.", "2024-10-28",
     ("January", "2025-01")),
    # a bare clock time in a past clause is on the story's day, also a paragraph after the
    # date that set it, when nothing has been dated since
    ("A fire broke out at the Karsk depot on May 14, 2019.\nGuards said they heard the first "
     "blast at about 9:40 p.m. and ran.", "2023-02-01", ("about 9:40 p.m.", "2019-05-14T21:40")),
    ("A fire broke out at the Karsk depot on May 14, 2019.\nOn Friday guards heard a blast at "
     "9:40 p.m. and ran.", "2023-02-01", ("9:40 p.m.", "2023-01-27T21:40")),
    # a midnight already past is the one that opened the publication day
    ("The Vessby curfew began at midnight.", "2024-03-14", ("midnight", "2024-03-13T24:00")),
    ("The Vessby curfew begins at midnight.", "2024-03-14", ("midnight", "2024-03-14T24:00")),
    # a quarter code after "in" is a period, the last one in a past clause
    ("Orvel Mills closed the deal in Q4.", "2024-03-14", ("Q4", "2023-Q4")),
    # a holiday naming the party leaves the day to the weekday
    ("Staff at the Vessby mill had their Christmas party on Friday.", "2024-03-14",
     ("Friday", "2024-03-08")),
    # a day after a plan verb is the plan's; a day before it dates the planning
    ("Fishermen planned a blockade of the port on Tuesday.", "2024-04-01",
     ("Tuesday", "2024-04-02")),
    ("The board scheduled a vote for Tuesday.", "2024-04-01", ("Tuesday", "2024-04-02")),
    ("On Tuesday, the council planned to pay the first claims.", "2024-04-01",
     ("Tuesday", "2024-03-26")),
    # a weekday in capitals that the tagger takes for a past participle has no tense of its own
    ("Dance all night at the Lantern Club #FRIDAY ! HOSTED BY DJ Orla", "2024-03-28",
     ("FRIDAY", "2024-03-29")),
    # a gerund takes the tense of the clause above it
    ("Delegates also can participate in planning for the Ostra summit in April.", "2024-12-05",
     ("April", "2025-04")),
    # the story moves on when the text says so: a bare past month is read from the new place
    ("Kit Arden joined the navy on May 22, 2015, and the following year she was posted to "
     "Vessby. In December she was sent home.", "2024-04-18", ("December", "2016-12")),
    ("Kit Arden joined the navy in March 2015. A year later she was posted to Vessby. In June "
     "she was sent home.", "2024-04-18", ("June", "2016-06")),
    # a month naming an occasion is the nearest one, whatever the clause's tense
    ("The Vessby council approved the plan on Tuesday, ahead of the November referendum.",
     "2024-07-27",
     ("November", "2024-11")),
    # a holiday in a firm tense is the last or the next one, however near the other is; one
    # that names an occasion is the nearest
    ("Sales at the Vessby mall jumped on Black Friday.", "2024-11-12",
     ("Black Friday", "2023-11-24")),
    ("The Vessby mall will open early on Black Friday.", "2024-11-12",
     ("Black Friday", "2024-11-29")),
    ("The mall announced the Black Friday deals.", "2024-11-12", ("Black Friday", "2024-11-29")),
    ("Pilgrims filled the square as Holy Week began.", "2024-03-25", ("Holy Week", "2024-W13")),
    # midweek, "the weekend" of a present or modal clause is the coming one, of a past one the
    # last
    ("The Vessby march is scheduled for the weekend.", "2024-03-14",
     ("the weekend", "2024-W11-WE")),
    ("Fishermen could strike over the weekend.", "2024-03-14", ("the weekend", "2024-W11-WE")),
    ("Fishermen struck over the weekend.", "2024-03-14", ("the weekend", "2024-W10-WE")),
    # "the previous Friday" counts from the Friday the story is on
    ("Shares closed at 40 on Friday, October 4, down from the previous Friday.", "2024-10-07",
     ("the previous Friday", "2024-09-27")),
])
def test_reference_time(engine, text: str, published: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    doc = engine.extract_text(text, published=published)
    got = {t.text: t.value for t in doc.timexes}
    assert got.get(expected[0]) == expected[1], got


@pytest.mark.parametrize("text, expected", [
    # a part of the day with no day word of its own sits on the day the story is at
    ("The ferry left Vessby on Tuesday and docked in the afternoon.",
     [("Tuesday", "2024-03-12", None), ("the afternoon", "2024-03-12TAF", None)]),
    ("By mid afternoon the levee at Dorrow had held.", [("mid afternoon", "2024-03-14TAF", "MID")]),
    ("At mid-afternoon yesterday, Tessel shares were up.",
     [("mid-afternoon yesterday", "2024-03-13TAF", "MID")]),
    ("Pell Oster's crew set out early in the evening.",
     [("early in the evening", "2024-03-14TEV", "START")]),
    ("The raid on the mill began at dawn on Monday.", [("dawn on Monday", "2024-03-11TMO", "START")]),
    # a kind of thing named after a part of the day is not a time
    ("Ilse Varn read it in the morning papers.", []),
    # a day still ahead this month, in a past clause, is last month's
    ("On the 20th, the Orvel council voted.", [("the 20th", "2024-02-20", None)]),
    # "soon" looking ahead is a future reference; in a past narrative or "as soon as" it is not
    ("The Orvel council will soon vote on the toll.", [("soon", "FUTURE_REF", None)]),
    ("The Orvel board may soon raise the toll.", [("soon", "FUTURE_REF", None)]),
    ("The Dorrow mill hopes to soon reopen.", [("soon", "FUTURE_REF", None)]),
    ("Kit Arden was soon back at work.", []),
    ("The crew will leave as soon as the storm passes.", []),
    ("Olen Marsh died soon after the flood.", []),
    # "that day" needs the day the story is at, which is known only once the text is read
    ("Olen Marsh drowned on Oct. 23, 2019. Earlier that day, the dam had cracked.",
     [("Oct. 23, 2019", "2019-10-23", None), ("that day", "2019-10-23", None)]),
    ("The gates closed on Aug. 2. On that same day, the mayor resigned.",
     [("Aug. 2", "2023-08-02", None), ("that same day", "2023-08-02", None)]),
])
def test_parts_of_days_and_anaphoric_days(engine, text: str,  # type: ignore[no-untyped-def]
                                          expected: list[tuple[str, ...]]) -> None:
    doc = engine.extract_text(text, published=PUB)
    got = [(t.text, t.value, t.mod) for t in doc.timexes]
    assert got == expected


def test_governing_timex(engine) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.stages.timex import governing_timex

    text = ("Tova Renn opened the bakery in May 2011. She sold it on March 2, 2020, and moved "
            "to Carsey.\nShe has baked ever since.")
    doc = engine.extract_text(text, published="2024-04-02")
    sold = text.index("sold")
    t = governing_timex(doc, (sold, sold + 4))
    assert t is not None and t.value == "2020-03-02"
    opened = text.index("opened")
    t = governing_timex(doc, (opened, opened + 6))
    assert t is not None and t.value == "2011-05"
    baked = text.index("baked")
    assert governing_timex(doc, (baked, baked + 5)) is None


SEED = Path(__file__).resolve().parents[3] / "shared" / "seed"


@pytest.mark.skipif(not (SEED / "gold.json").exists(), reason="../shared/seed not present")
def test_seed_timexes(engine) -> None:  # type: ignore[no-untyped-def]
    gold = json.loads((SEED / "gold.json").read_text())
    doc = engine.extract_text((SEED / "article.txt").read_text(), published=gold["published"])
    for g in gold["timexes"]:
        hits = [t for t in doc.timexes if t.start <= g["start"] and t.end >= g["end"]
                and t.end - t.start <= g["end"] - g["start"] + 4]
        assert hits, g["text"]
        assert hits[0].value in g.get("accept_values", [g["value"]]), (g, hits[0])
        assert hits[0].mod == g.get("mod"), (g, hits[0])


def test_anchor_records_what_the_value_was_resolved_against(engine) -> None:  # type: ignore[no-untyped-def]
    text = "The levee broke in August 2019. Crews had patched it on June 3.\nIt rained on Monday."
    doc = engine.extract_text(text, published="2024-04-02")
    got = {t.text: (t.value, t.anchor) for t in doc.timexes}
    assert got["August 2019"] == ("2019-08", None)
    assert got["June 3"] == ("2019-06-03", "2019-08")
    assert got["Monday"] == ("2024-04-01", "2024-04-02")


def test_published_may_be_a_date_object() -> None:
    import datetime as dt

    text = "Mara Quill spoke on Monday."
    assert _found(text, dt.date(2024, 3, 14)) == _found(text)  # type: ignore[arg-type]
    assert _found(text, dt.datetime(2024, 3, 14, 22, 5)) == _found(text)  # type: ignore[arg-type]
    # anything else is no anchor: the weekday stays unresolved instead of failing the stage
    assert _found(text, 20240314)[0][2].startswith("XXXX")  # type: ignore[arg-type]
