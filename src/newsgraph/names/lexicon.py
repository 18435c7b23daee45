"""Name lexicons: diminutives, nicknames, titles, honorifics, particles. Read once, lazily."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .normalize import fold, skeleton

HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev",
    "reverend", "fr", "sheikh", "sheik", "shaikh", "rabbi", "imam", "mme", "mlle", "madame",
    "monsieur", "herr", "frau", "senor", "senora", "hon", "honourable", "honorable", "mister",
    "mistress", "st", "saint", "haji", "hajji", "mullah", "ustad", "pastor", "father", "sister",
})
TITLES = frozenset({
    "president", "vice", "prime", "minister", "premier", "chancellor", "general", "gen", "colonel",
    "col", "lieutenant", "lt", "captain", "capt", "cpt", "sergeant", "sgt", "major", "maj",
    "corporal", "cpl", "private", "pte", "pvt", "admiral", "adm", "commander", "cmdr", "marshal",
    "brigadier", "senator", "sen", "representative", "rep", "congressman", "congresswoman", "mp",
    "governor", "gov", "mayor", "judge", "justice", "king", "queen", "prince", "princess", "emir",
    "sultan", "ayatollah", "pope", "cardinal", "bishop", "archbishop", "patriarch", "secretary",
    "ambassador", "chief", "deputy", "foreign", "defence", "defense", "interior", "finance",
    "speaker", "chairman", "chairwoman", "director", "officer", "inspector", "detective", "det",
    "constable", "superintendent", "coach", "crown", "grand", "duke", "duchess", "count",
    "countess", "baron", "baroness", "emperor", "empress", "tsar", "czar", "caliph", "mufti",
    "ceo", "cfo", "coo", "cto", "executive", "founder", "cofounder", "co-founder", "spokesman",
    "spokeswoman", "spokesperson", "chair", "analyst", "vice-president",
})
# a title after which the name is a regnal or religious given name, not a family name
REGNAL = frozenset({"king", "queen", "prince", "princess", "emperor", "empress", "tsar", "czar",
                    "tsarina", "pope", "sultan", "emir", "shah", "pharaoh", "caliph", "infante",
                    "infanta", "archduke", "grand"})
SUFFIXES = frozenset({"jr", "sr", "junior", "senior", "phd", "md", "esq",
                      "obe", "mbe", "cbe", "kbe", "qc", "kc"})
# words that belong to the family name that follows them
PARTICLES = frozenset({
    "van", "von", "de", "der", "den", "del", "della", "degli", "di", "da", "dos", "das", "do", "du",
    "la", "le", "lo", "ter", "ten", "zu", "vom", "ben", "bin", "ibn", "bint", "bat", "al", "el",
    "abu", "abou", "abo", "ould", "ait", "y", "e", "mac", "mc", "ap", "ua", "ni", "o",
})
# particles that open a two-word name with no given name in it ("Abu Haidar", "Abou Khalil": a
# family name or a kunya); Romance and Germanic particles are left out, since "De", "Van", "Al",
# "Bin" and "Ben" also stand for given names
LEADING_PARTICLES = frozenset({"abu", "abou", "abo", "ould"})
# Arabic article glued by a hyphen: al-Assad, el-Sisi, ash-Shara
ARTICLES = ("al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "er", "es", "et",
            "ez", "en", "ibn", "bin", "ben", "abu", "abou")


@dataclass(frozen=True, slots=True)
class _Groups:
    # skeleton -> ids of groups where any two members may name one person
    members: dict[str, frozenset[int]]
    # English nickname table: skeleton -> skeletons it is directly related to
    direct: dict[str, frozenset[str]]


def _read(name: str) -> list[list[str]]:
    text = resources.files("newsgraph.resources").joinpath(name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def groups() -> _Groups:
    members: dict[str, set[int]] = defaultdict(set)
    for i, row in enumerate(_read("names_diminutives.tsv")):
        for form in [row[0], *row[2].split(",")]:
            if form.strip():
                members[skeleton(form.strip())].add(i)
    direct: dict[str, set[str]] = defaultdict(set)
    for row in _read("names_nicknames_en.tsv"):
        canon = skeleton(row[0])
        for nick in row[1].split(","):
            n = skeleton(nick.strip())
            if n and n != canon:
                direct[canon].add(n)
                direct[n].add(canon)
    return _Groups({k: frozenset(v) for k, v in members.items()},
                   {k: frozenset(v) for k, v in direct.items()})


def diminutive_related(a: str, b: str) -> str | None:
    """Why two given names can be one person's (short form, nickname), or None."""
    sa, sb = skeleton(a), skeleton(b)
    if not sa or not sb or sa == sb:
        return None
    g = groups()
    if g.members.get(sa, frozenset()) & g.members.get(sb, frozenset()):
        return "diminutive"
    if sb in g.direct.get(sa, frozenset()):
        return "nickname"
    return None


def in_diminutive_table(word: str) -> bool:
    """True for a given name or short form listed in the diminutive table (Katya, Zhenya)."""
    return bool(groups().members.get(skeleton(word)))


def canonical_given(word: str) -> str:
    """A stable key for a given name: the first form of its diminutive group, else its skeleton."""
    s = skeleton(word)
    ids = groups().members.get(s)
    return f"g{min(ids)}" if ids else s


def is_title_word(word: str) -> bool:
    w = fold(word)
    return w in TITLES or w in HONORIFICS
