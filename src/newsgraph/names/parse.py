"""Parse a person's name into given names, family name, patronymic, initials, titles, honorific."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import ARTICLES, HONORIFICS, LEADING_PARTICLES, PARTICLES, REGNAL, SUFFIXES, TITLES
from .normalize import fold, tokens

_INITIALS = re.compile(r"^(?:[A-Za-z]\.?){1,3}$|^(?:[A-Z]\.){1,3}[A-Z]?$")
_PATRONYMIC = re.compile(
    r"(?:ovich|evich|ievich|yevich|ovych|evych|ovitch|evitch|owitsch|ewitsch|ovna|evna|ievna|"
    r"yevna|ivna|ichna|ogly|oglu|kyzy|qizi)$")
# a nickname in quotes or a maiden name in parentheses set inside a name: 'Peter "Pete" Lund',
# "Peter ``Pete'' Lund", "Maria (nee Berg) Lund"; the person is Peter Lund, Maria Lund
_INSERTED = re.compile(r"""\s(?:"|``|\u201c|\u2018|')[^"`'\u201c\u201d\u2018\u2019]{1,40}?"""
                       r"""(?:"|''|\u201d|\u2019|')(?=\s)|\s\([^()]{1,40}\)(?=\s)""")
_ROMAN = re.compile(r"^(?=[IVXL])X{0,3}(?:IX|IV|V?I{0,3})$")
_ARTICLE = re.compile(r"^({})[-\u2010\u2011'\u2019](?=\w)".format("|".join(ARTICLES)), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A name taken apart. Words keep their original spelling; comparison folds them."""

    given: tuple[str, ...] = ()
    family: str | None = None
    patronymic: str | None = None
    initials: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    honorific: str | None = None
    suffix: str | None = None
    raw: str = field(default="", compare=False)

    @property
    def empty(self) -> bool:
        return not (self.given or self.family or self.initials or self.patronymic)

    @property
    def bare(self) -> bool:
        """One name word only (a surname or a given name alone)."""
        return len(self.given) + bool(self.family) + bool(self.patronymic) == 1 and not self.initials


def _is_initials(tok: str) -> bool:
    if tok.isupper() and len(tok.replace(".", "")) <= 2 and ("." in tok or len(tok) <= 2):
        return bool(_INITIALS.match(tok))
    return len(tok) <= 2 and tok.endswith(".") and tok[0].isalpha()


def _letters(tok: str) -> tuple[str, ...]:
    return tuple(ch.upper() for ch in tok if ch.isalpha())


@lru_cache(maxsize=131072)
def parse(name: str) -> ParsedName:
    """Split ``name`` into its parts.

    The family name is the last word with any particles before it ("Del Piero", "al-Assad",
    "bin Salman"); a word ending like a Slavic or Turkic patronymic between given and family name
    is the patronymic; one- or two-letter words with dots are initials; leading titles
    ("President", "Deputy Foreign Minister") and honorifics ("Mr", "Dr") are set aside.
    """
    name_core = _INSERTED.sub("", name)
    toks = [t.strip(".,;:()[]\"") if not _is_initials(t.strip(",;:()[]\"")) else t.strip(",;:()[]\"")
            for t in tokens(name_core)]
    toks = [t for t in toks if t]
    honorific: str | None = None
    title: list[str] = []
    while len(toks) > 1:
        low = fold(toks[0])
        if low in HONORIFICS and honorific is None and low not in {"st", "saint"}:
            honorific = toks.pop(0)
        elif low in TITLES:
            title.append(toks.pop(0))
        else:
            break
    toks = _join_abd(toks)
    suffix: str | None = None
    if len(toks) > 1 and (fold(toks[-1]) in SUFFIXES or _ROMAN.match(toks[-1])):
        suffix = toks.pop()
    if not toks:
        return ParsedName(title=tuple(title), honorific=honorific, suffix=suffix, raw=name)
    if any(fold(t) in REGNAL for t in title) and len(toks) == 1:
        # "King Edward", "Pope Francis": the name is a given (regnal) name
        return ParsedName(given=(toks[0],), title=tuple(title), honorific=honorific,
                          suffix=suffix, raw=name)

    # family: last word plus the particles before it (never the first word, except in a
    # two-word family name led by a particle that is never a given name: "Abu Haidar", "de Gaulle")
    if len(toks) == 2 and fold(toks[0]) in LEADING_PARTICLES and not _is_initials(toks[1]):
        return ParsedName(family=" ".join(toks), title=tuple(title), honorific=honorific,
                          suffix=suffix, raw=name)
    start = len(toks) - 1
    while start > 1 and fold(toks[start - 1]) in PARTICLES:
        start -= 1
    if start == 1 and len(toks) > 2 and fold(toks[0]) in PARTICLES:
        start = 0
    family_words = toks[start:] if len(toks) > 1 or not _is_initials(toks[0]) else []
    rest = toks[:start] if len(toks) > 1 else []
    if len(toks) == 1 and _is_initials(toks[0]):
        rest = toks
    family = " ".join(family_words) or None

    given: list[str] = []
    initials: list[str] = []
    patronymic: str | None = None
    for i, tok in enumerate(rest):
        if _is_initials(tok):
            initials.extend(_letters(tok))
        elif i > 0 and patronymic is None and _PATRONYMIC.search(fold(tok)):
            patronymic = tok
        else:
            given.append(tok)
    return ParsedName(given=tuple(given), family=family, patronymic=patronymic,
                      initials=tuple(initials), title=tuple(title), honorific=honorific,
                      suffix=suffix, raw=name)


_ABD = frozenset({"abd", "abdel", "abdul", "abdal", "abdol", "abdur", "abdu", "abdi"})
_BARE_ARTICLE = frozenset({"al", "el", "ul", "ar", "er", "ur", "as", "ash", "at", "ad", "an", "az"})


def _join_abd(toks: list[str]) -> list[str]:
    """"Abd al-Rahman", "Abdel Rahman", "Abd el Aziz" are one given name: join them."""
    out: list[str] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if fold(tok) in _ABD and i + 1 < len(toks):
            j = i + 1
            if fold(toks[j]) in _BARE_ARTICLE and j + 1 < len(toks):
                j += 1
            if j < len(toks) - 1:  # a family name still follows
                # a bare "Abd" takes the article back, so that all spellings meet one skeleton
                glue = "al" if fold(tok) == "abd" else ""
                out.append(tok + glue + strip_article(toks[j]).lower())
                i = j + 1
                continue
        out.append(tok)
        i += 1
    return out


def strip_article(word: str) -> str:
    """"al-Assad" -> "Assad": the Arabic article and bin/ibn/abu glued by a hyphen."""
    return _ARTICLE.sub("", word)
