"""Event, relation, status and claim logic behind the ``events`` and ``claims`` stages.

:mod:`.lexicon` holds the documented event type set (docs/events.md) and the word lists;
:mod:`.frames` finds event triggers and their PropBank-style arguments on a spaCy parse.
"""
