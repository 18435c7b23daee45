"""Event triggers and their arguments on a spaCy dependency parse.

A :class:`Frame` is one event mention: a trigger token, an event type from :mod:`.lexicon`, and
PropBank-style arguments (``Arg0`` doer, ``Arg1`` undergoer, ``Arg2`` recipient/beneficiary,
``ArgM-LOC`` place, ``ArgM-TMP`` time) each given by its head token. Verbs are events unless
they only support another word (auxiliaries, light verbs, stative relations); nouns are events
when the lexicon or a deverbal ending says so. Everything is one pass over the tokens with
look-ups in the parse, so the cost is linear in the article's length.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..people.lexicon import ROLE_NOUNS
from ..sentences import unclosed
from . import lexicon as lx

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJ = ("nsubj", "csubj")
_PASS_SUBJ = ("nsubjpass", "csubjpass")
_OBJ = ("dobj", "obj")
# dependents through which a verb shares the subject of the verb it hangs on
_SHARES_SUBJECT = ("xcomp", "conj", "advcl")
# control verbs whose object, not subject, does the embedded event ("urged the brigade to free him")
_OBJECT_CONTROL = frozenset("""
urge ask call appeal tell order force persuade allow permit help encourage invite require
press pressure convince instruct authorize enable lead cause get
""".split())
_ARG_POS = ("NOUN", "PROPN", "PRON", "NUM")
# relative and other pronouns that point elsewhere for meaning but are mentions in their own right
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "from", "to"})
_COPULA = "be"
_NON_REFERRING = frozenset({"that", "this", "there", "what", "all", "both", "each", "these",
                            "those", "whatever", "something", "anything", "nothing"})
_NOT_PARTICIPANT_ENTS = frozenset({"DATE", "TIME", "PERCENT", "ORDINAL"})


@dataclass(slots=True)
class Frame:
    """One event mention on a spaCy parse (token indices into the spaCy Doc)."""

    trigger: int
    lemma: str
    type: str
    pos: str
    args: list[tuple[str, int]] = field(default_factory=list)
    negated: bool = False
    hypothetical: bool = False

    def arg(self, role: str) -> list[int]:
        return [i for r, i in self.args if r == role]


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"))


def _conj_root(tok: Token) -> Token:
    """The first conjunct of a coordination ("Boeing and Airbus" -> Boeing)."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _is_event_verb(tok: Token) -> bool:
    if tok.pos_ == "VERB":
        if tok.lemma_.lower() in lx.NON_EVENT_VERBS:
            return False
        # a participle used as a plain adjective before a noun ("a loaded gun") stays an event;
        # "according to" and friends do not
        if tok.dep_ == "prep" or (tok.dep_ == "amod" and tok.tag_ == "VBG"
                                  and tok.lemma_.lower() in ("lead", "follow")):
            return False
        return True
    if tok.pos_ == "AUX" and tok.lemma_.lower() == _COPULA:
        # copular "be" heads a clause of its own in MEANTIME-style annotation (a state)
        return tok.dep_ not in ("aux", "auxpass")
    return False


def _event_noun_type(tok: Token) -> str | None:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PROPN":
        # event-naming words inside names ("the Paris Air Show", "WWDC conference")
        return lx.NOUN_TYPE.get(lemma) if tok.ent_type_ in ("EVENT", "") else None
    etype = lx.noun_type(lemma)
    if etype is None:
        return None
    # a noun modifying another noun is a classifier, not an event ("test pilot", "attack
    # helicopter"), unless the head is itself an event word ("test flight")
    if tok.dep_ == "compound" and lx.noun_type(tok.head.lemma_.lower()) is None:
        return None
    return etype


# event verbs that take an object: with none, a headline's bare form is a passive
_TRANSITIVE_EVENTS = frozenset({"jail", "kill", "free", "release", "arrest", "kidnap", "abduct",
                                "sentence", "charge", "convict", "detain", "seize", "wound",
                                "injure", "shoot", "elect", "appoint", "fire", "sack", "ban",
                                "fine", "acquit", "indict", "hold", "capture", "rescue"})


def _subject(verb: Token) -> tuple[str, Token] | None:
    # a headline's bare participle is passive: "Former minister X jailed for six years" (the
    # tagger often reads it as a past tense; a transitive verb with no object in a sentence
    # with no closing stop is one too)
    bare = verb.dep_ == "ROOT" and not any(c.dep_ in ("aux", "auxpass", "dobj")
                                           for c in verb.children)
    headline_passive = bare and (verb.tag_ == "VBN" or (
        verb.tag_ == "VBD" and verb.lemma_.lower() in _TRANSITIVE_EVENTS
        and unclosed(verb.sent)))
    for c in verb.children:
        if c.dep_ in _SUBJ:
            return ("Arg1" if headline_passive or _unaccusative(verb) else "Arg0"), c
        if c.dep_ in _PASS_SUBJ:
            return "Arg1", c
    return None


def _unaccusative(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma == _COPULA:
        return True
    if lemma in lx.VEHICLE_VERBS:
        # "the jet flew" (the jet is moved) vs "the pilot flew" (she does it)
        subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
        return subj is not None and subj.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE") \
            and subj.pos_ != "PRON" and not any(c.dep_ in _OBJ for c in verb.children)
    if verb.lemma_.lower() not in lx.UNACCUSATIVE_VERBS:
        return False
    # "the minister declined to comment": a choice someone makes, unlike "prices declined"
    return not any(c.dep_ in _OBJ or c.dep_ == "xcomp" for c in verb.children)


def _inherited_subject(verb: Token, depth: int = 0) -> tuple[str, Token] | None:
    """The subject a verb without its own takes from the verb or noun it hangs on."""
    if depth > 4 or verb.dep_ not in (*_SHARES_SUBJECT, "relcl", "acl", "ccomp", "pcomp"):
        return None
    head = verb.head
    if head.i == verb.i:
        return None
    passive = _is_passive(verb)
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and not passive and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "won a contract to supply", "the Boeing plan to assemble": whoever holds the
        # contract or plan does the embedded event
        for c in head.children:
            if c.dep_ in ("poss", "compound") and c.pos_ in ("PROPN", "PRON"):
                return "Arg0", c
        if head.dep_ in _OBJ:
            found = _subject(head.head)
            if found is not None and found[0] == "Arg0":
                return found
        return None
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in (
            "by", "after", "before", "without", "while", "upon", "on", "in", "for"):
        # "justified his choice by saying", "after being held": the clause's subject
        gov = head.head
        found = _subject(gov) if gov.pos_ in ("VERB", "AUX") else None
        if found is None and gov.pos_ in ("VERB", "AUX"):
            found = _inherited_subject(gov, depth + 1)
        if found is None:
            return None
        return ("Arg1" if passive or _unaccusative(verb) else "Arg0"), found[1]
    if verb.dep_ in ("relcl", "acl"):
        # "the tankers that will be built", "a contract awarded to X": the noun undergoes
        # the event when the clause is passive or has an own subject elsewhere
        if head.pos_ in _ARG_POS:
            role = "Arg1" if passive or verb.tag_ == "VBN" else "Arg0"
            return role, head
        return None
    if verb.dep_ == "xcomp" and head.lemma_.lower() in _OBJECT_CONTROL:
        for c in head.children:
            if c.dep_ in _OBJ:
                return ("Arg1" if passive else "Arg0"), c
    if verb.dep_ == "pcomp":
        return None
    found = _subject(head)
    if found is None:
        found = _inherited_subject(head, depth + 1)
    if found is None:
        return None
    role, tok = found
    if passive:
        return "Arg1", tok
    if verb.dep_ != "conj" and role == "Arg1" and not _unaccusative(head):
        # "X was asked to leave": X does the embedded event
        return "Arg0", tok
    if verb.dep_ == "conj":
        return role if _unaccusative(verb) == _unaccusative(head) else "Arg0", tok
    return ("Arg1" if _unaccusative(verb) else "Arg0"), tok


def _a_person(tok: Token) -> bool:
    """A word that names people: a person name, a pronoun, or a role noun ("soldier", "sons")."""
    if tok.ent_type_ == "PERSON" or tok.pos_ == "PRON":
        return True
    lemma = tok.lemma_.lower()
    return lemma in ROLE_NOUNS or lemma in ("other", "people", "relative", "colleague")


def _verb_args(verb: Token) -> list[tuple[str, int]]:
    args: list[tuple[str, int]] = []
    subj = _subject(verb)
    if subj is None:
        subj = _inherited_subject(verb)
    copula = verb.lemma_.lower() == _COPULA
    if subj is not None and not (copula and subj[1].head.i != verb.i):
        args.append((subj[0], subj[1].i))
    for c in verb.children:
        dep = c.dep_
        if dep in _OBJ:
            args.append(("Arg1", c.i))
        elif dep == "dative":
            args.append(("Arg2", c.i))
        elif dep == "attr" and copula:
            args.append(("Arg2", c.i))
        elif dep == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    args.append(("Arg0", g.i))
        elif dep == "prep" and subj is not None and subj[0] == "Arg1" and (
                c.lower_ == "alongside" or c.lower_ in ("along", "together") and any(
                    g.dep_ == "prep" and g.lower_ == "with" for g in c.children)
                or c.lower_ == "with" and _is_passive(verb)):
            # "were freed last Monday along with an Israeli soldier", "was seized with his two
            # sons": the companion undergoes the event too
            inner = [g for g in c.children if g.dep_ == "prep" and g.lower_ == "with"] or [c]
            for w in inner:
                args.extend(("Arg1", g.i) for g in w.children
                            if g.dep_ == "pobj" and _a_person(g))
        elif dep == "prep":
            prep = c.lower_
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                if prep == "between":
                    args.append(("Arg0", g.i))
                elif prep == "with" and verb.lemma_.lower() in lx.WITH_PARTNER_VERBS:
                    args.append(("Arg1", g.i))
                elif g.ent_type_ in ("GPE", "LOC", "FAC") and prep in _PLACE_PREPS:
                    args.append(("ArgM-LOC", g.i))
                elif prep in ("to", "for") and g.pos_ in ("PROPN", "PRON"):
                    args.append(("Arg2", g.i))
    return args


def _noun_args(noun: Token) -> list[tuple[str, int]]:
    args: list[tuple[str, int]] = []
    lemma = noun.lemma_.lower()
    # "his release" is about him; "the rebels' release of the crew" is the rebels' doing
    has_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    patient_poss = lemma in lx.PATIENT_POSSESSOR_NOUNS and not has_of
    for c in noun.children:
        dep = c.dep_
        if dep == "poss":
            args.append(("Arg1" if patient_poss else "Arg0", c.i))
        elif dep == "compound" and c.pos_ == "PROPN" and c.ent_type_ not in ("DATE", "TIME") \
                and not noun.ent_type_:
            # inside a name ("Air France Flight 447") the compound is part of the name
            args.append(("Arg0", c.i))
        elif dep == "prep":
            prep = c.lower_
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                if prep == "of":
                    args.append(("Arg1", g.i))
                elif prep == "by":
                    args.append(("Arg0", g.i))
                elif prep == "between":
                    args.append(("Arg0", g.i))
                elif prep == "for" and g.pos_ != "PROPN":
                    args.append(("Arg1", g.i))
                elif g.ent_type_ in ("GPE", "LOC", "FAC") and prep in _PLACE_PREPS:
                    args.append(("ArgM-LOC", g.i))
    # "Boeing signed a deal": the subject of a light verb does the noun's event too
    head = noun.head
    if noun.dep_ in _OBJ and head.pos_ == "VERB" and head.lemma_.lower() in _LIGHT_VERBS:
        subj = _subject(head) or _inherited_subject(head)
        if subj is not None and subj[0] == "Arg0" and not any(r == "Arg0" for r, _ in args):
            args.append(("Arg0", subj[1].i))
    return args


# verbs whose object noun names the real event ("make an announcement", "sign a deal")
_LIGHT_VERBS = frozenset("""
make give take have hold sign conduct carry launch announce win place complete reach strike
stage sign seal
""".split())


def _negated(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or c.lower_ in ("never", "not", "n't"):
            return True
    head = tok.head
    if tok.dep_ == "xcomp" and head.i != tok.i:
        # "failed to free", "refused to release": the embedded event did not happen
        if head.lemma_.lower() in ("fail", "refuse", "decline"):
            return True
    if tok.pos_ in ("NOUN", "PROPN"):
        return any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)
    return False


def _hypothetical(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "aux" and c.lower_ in lx.MODAL_WORDS:
            return True
        if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
            return True
    cur = tok
    for _ in range(5):
        head = cur.head
        if head.i == cur.i or cur.dep_ not in _COMPLEMENT_DEPS:
            break
        lo, hi = sorted((head.i, cur.i))
        if any("\n" in t.text for t in tok.doc[lo:hi]):
            # a paragraph break: the parser glued two sentences together
            break
        # "urged the brigade to free him", "its commitment to free him": asked for, not reported
        if head.lemma_.lower() in lx.HYPOTHETICAL_GOVERNORS or (
                head.pos_ == "NOUN" and head.lemma_.lower() in lx.HYPOTHETICAL_NOUNS):
            return True
        cur = head
    return False


# links from an embedded event up to what governs it (complements, not adjuncts)
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "acl", "pobj", "dobj", "prep", "conj", "pcomp"})


def _clean_args(args: list[tuple[str, int]], doc: Doc, trigger: int) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    seen: set[int] = set()
    for role, i in args:
        tok = doc[i]
        if i == trigger or i in seen or tok.pos_ not in _ARG_POS:
            continue
        if tok.pos_ == "PRON" and tok.lower_ in _NON_REFERRING:
            continue
        if tok.lower_ == "it" and tok.dep_ == "nsubj" and (
                tok.head.lemma_.lower() == _COPULA
                or any(c.dep_ in ("ccomp", "xcomp") for c in tok.head.children)):
            # "it is likely that ...": an expletive, no participant
            continue
        if tok.ent_type_ in _NOT_PARTICIPANT_ENTS or _event_noun_type(tok) is not None:
            # times, amounts and other events are linked to events otherwise (time, claims)
            continue
        seen.add(i)
        out.append((role, _conj_root(tok).i if tok.dep_ == "conj" else i))
    return out


_FOOTAGE = frozenset({"video", "footage", "recording", "clip", "image", "photo", "photograph",
                      "picture", "broadcast"})


def _sign_of_life(verb: Token) -> bool:
    """ "seen alive", "appeared in a video": a sign that a missing or held person lives."""
    for c in verb.children:
        if c.lower_ == "alive":
            return True
        if c.dep_ == "prep" and c.lower_ == "in" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in _FOOTAGE for g in c.children):
            return any(s.dep_ in ("nsubj", "nsubjpass") and s.ent_type_ in ("PERSON", "")
                       and s.pos_ in ("PROPN", "PRON") for s in verb.children)
    return False


_HOLDING_PLACES = frozenset({"captivity", "custody", "detention", "prison", "jail",
                             "confinement", "isolation"})


def _phrasal_type(verb: Token, lemma: str) -> str | None:
    """The type of a verb with its particle or predicative word: "handed over", "set free",
    "taken hostage"."""
    for c in verb.children:
        if c.dep_ in ("prt", "oprd", "acomp", "xcomp"):
            etype = lx.VERB_TYPE.get(f"{lemma} {c.lower_}")
            if etype is not None:
                return etype
    if lemma in ("remain", "stay", "languish"):
        # "remains in captivity", "is still in custody"
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "under"):
                if any(g.dep_ == "pobj" and g.lemma_.lower() in _HOLDING_PLACES
                       for g in c.children):
                    return "hold"
    if lemma == "miss" and verb.lower_ == "missing" and not any(
            c.dep_ in ("dobj", "obj") for c in verb.children):
        return "disappear"  # "is still missing" parsed as a progressive of "miss"
    return None


def find_frames(doc: Doc) -> list[Frame]:
    """Every event mention in a parsed spaCy Doc, in text order."""
    frames: list[Frame] = []
    for tok in doc:
        if _is_event_verb(tok):
            lemma = tok.lemma_.lower()
            etype = "state" if lemma == _COPULA else lx.verb_type(lemma)
            phrasal = _phrasal_type(tok, lemma)
            if phrasal is not None:
                etype = phrasal
            if lemma in ("see", "show", "appear") and _sign_of_life(tok):
                # hostage news: a sign of life is an event of its own
                etype = "proof_of_life"
            args = _verb_args(tok)
        else:
            ntype = _event_noun_type(tok)
            if ntype is None:
                continue
            lemma, etype = tok.lemma_.lower(), ntype
            args = _noun_args(tok)
        frames.append(Frame(tok.i, lemma, etype, tok.pos_, _clean_args(args, doc, tok.i),
                            _negated(tok), _hypothetical(tok)))
    return frames
