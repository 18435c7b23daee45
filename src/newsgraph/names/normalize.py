"""Spelling normalization for romanized names.

Romanizations of one native name (Russian, Ukrainian, Hebrew, Arabic, and the German, French, Polish
or English conventions used to write them) differ in predictable ways: f/p/ph, ou/u, y/i/ii, kh/h/ch,
e/ye, j/y/i, doubled letters, vowels that the native script does not write. Two keys capture this:

- :func:`skeleton` rewrites a word into a canonical spelling where those alternations collapse;
- :func:`consonant_key` keeps the consonant frame of the skeleton, for vowel-free scripts.

The rules live in ``resources/names_translit.tsv`` so that they can be read and extended without
touching code; they are compiled once.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

# letters that NFKD does not decompose into a base letter plus a mark
_SPECIAL = str.maketrans({
    "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss", "ł": "l", "Ł": "l",
    "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h",
})
# letters whose diacritic carries a sound that the plain letter would lose (š is "sh", not "s")
_DIACRITIC_DIGRAPHS = str.maketrans({
    "š": "sh", "Š": "sh", "č": "ch", "Č": "ch", "ž": "zh", "Ž": "zh", "ś": "sh", "ć": "ch",
    "ź": "zh", "ż": "zh", "ř": "rzh", "ğ": "g", "ş": "sh", "ç": "c", "Ç": "c", "ñ": "n", "ü": "u", "ö": "o",
    "ä": "a", "Ü": "u", "Ö": "o", "Ä": "a",
})
# Cyrillic (Russian, Ukrainian, Belarusian) to the English-style romanization most news uses
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi",
    "є": "ye", "ґ": "g", "ў": "u",
}
_CYRILLIC_TABLE = str.maketrans({**_CYRILLIC, **{k.upper(): v for k, v in _CYRILLIC.items()}})
_APOSTROPHES = re.compile(r"[\u2019\u2018\u02bc\u02bb\u0060\u00b4'\u02b9\u02ba\"]")
_NON_LETTER = re.compile(r"[^a-z]")
_VOWELS = re.compile(r"[aeiou]")
_DOUBLE = re.compile(r"(.)\1+")
_HEBREW_PAIRS = str.maketrans({"p": "f", "b": "f", "v": "f"})


@lru_cache(maxsize=262144)
def fold(word: str) -> str:
    """Lower-case ASCII letters only: Cyrillic romanized, diacritics, apostrophes and hyphens
    dropped."""
    s = word.translate(_CYRILLIC_TABLE).translate(_DIACRITIC_DIGRAPHS).translate(_SPECIAL)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = _APOSTROPHES.sub("", s.lower())
    return _NON_LETTER.sub("", s)


@lru_cache(maxsize=65536)
def strip_marks(word: str) -> str:
    """The word with diacritics dropped and nothing else changed ("Šefčovič" -> "Sefcovic")."""
    s = unicodedata.normalize("NFKD", word.translate(_SPECIAL))
    return "".join(ch for ch in s if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    text = resources.files("newsgraph.resources").joinpath("names_translit.tsv").read_text("utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, _, repl = line.partition("\t")
        out.append((re.compile(pattern), repl.split("\t")[0].strip()))
    return tuple(out)


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """Canonical spelling of one name word, shared by its usual romanizations."""
    s = _DOUBLE.sub(r"\1", fold(word))
    for pattern, repl in _rules():
        s = pattern.sub(repl, s)
    return _DOUBLE.sub(r"\1", s)


@lru_cache(maxsize=65536)
def consonant_key(word: str) -> str:
    """The skeleton without vowels (the first letter kept), for scripts that omit vowels."""
    s = skeleton(word)
    if not s:
        return s
    # Hebrew pe and bet are each two sounds (p/f, b/v), German v is f, Russian -ov is -off:
    # in the vowel-free key the labials fall together
    rest = _VOWELS.sub("", s[1:]).translate(_HEBREW_PAIRS)
    return _DOUBLE.sub(r"\1", s[0] + rest)


def tokens(name: str) -> list[str]:
    """Split a name on white space, keeping dots on initials and hyphens inside words."""
    return [t for t in re.split(r"[\s,]+", name.strip()) if t and t not in {"-", "–", "—"}]
