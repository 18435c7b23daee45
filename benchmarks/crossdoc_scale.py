"""How cross-article linking time grows with the number of stored people (synthetic 10k / 100k).

Synthetic people get a given name (from the shipped diminutive and nickname tables) and a family
name built from syllables, with a Zipf-like skew so that some family names are common. Each
person is mentioned in two to four synthetic articles, each time under a spelling variant
(transliteration changes, a diminutive, a feminine form never: all synthetic people are one
gender) and with co-occurring people from its "story". Articles are linked with
``crossdoc.Resolver`` (block keys, then ``link_score`` against the candidates only). Reports wall
and CPU time (CPU time is the figure: the cores are shared), comparisons per mention and peak
memory per size, each size in a fresh process, plus the pairwise precision and recall of the
links so that speed is not bought with wrong merges. Every size runs twice, with Python's cyclic
garbage collector on and off: with it on, collections scan the ever larger heap of in-memory
clusters (which the real store keeps in SQLite), and that, not the linking, is most of the growth.
"""

from __future__ import annotations

import gc
import json
import random
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from _common import write_results

from newsgraph.crossdoc import Profile, Resolver, block_keys
from newsgraph.names.lexicon import _read

SIZES = (10_000, 100_000)
SYLLABLES = ("ka", "ro", "mi", "tan", "vel", "sho", "ri", "dan", "bu", "lev", "zor", "ni", "pa",
             "gor", "tru", "fa", "nov", "sen", "ya", "chen", "mar", "lin", "hau", "ber", "os",
             "ki", "dur", "an", "el", "vos", "tim", "ruk", "sa", "gil", "mon", "ter")
ENDINGS = ("ov", "enko", "sky", "man", "er", "ini", "son", "i", "as", "berg", "ez", "")
VARIANTS = (("f", "ph"), ("ov", "off"), ("ky", "ki"), ("v", "w"), ("k", "kh"), ("ya", "ja"),
            ("u", "ou"), ("i", "y"), ("s", "ss"), ("ch", "tch"))


def _given_names() -> list[list[str]]:
    """Each entry: the canonical name and its diminutives (the first is used most)."""
    out = [[row[0], *[v for v in row[2].split(",") if v and " " not in v]]
           for row in _read("names_diminutives.tsv")]
    out += [[row[0]] for row in _read("names_nicknames_en.tsv")]
    return out


def _variant(word: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return word
    a, b = rng.choice(VARIANTS)
    return word.replace(a, b, 1) if a in word else word


def make_people(n: int, seed: int = 7) -> list[tuple[list[str], str]]:
    rng = random.Random(seed)
    givens = _given_names()
    n_fam = max(50, n // 3)
    families = set()
    while len(families) < n_fam:
        fam = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3)))) + rng.choice(ENDINGS)
        families.add(fam.capitalize())
    fam_list = sorted(families)
    weights = [1.0 / (i + 1) ** 0.6 for i in range(len(fam_list))]
    fams = rng.choices(fam_list, weights=weights, k=n)
    people: list[tuple[list[str], str]] = []
    # two synthetic people whose names block together would be namesakes that only context
    # could tell apart; keep them out so that precision measures linking, not the generator
    seen: set[str] = set()
    for fam in fams:
        for _ in range(20):
            g = rng.choice(givens)
            keys = {k for v in g for k in block_keys(Profile("", "PERSON", f"{v.capitalize()} {fam}"))}
            if not keys & seen:
                seen |= keys
                people.append((g, fam))
                break
    return people


def articles(people: list[tuple[list[str], str]], seed: int = 11) -> list[list[tuple[int, str]]]:
    """Articles as lists of (person index, surface name); people of one story co-occur."""
    rng = random.Random(seed)
    order = list(range(len(people)))
    rng.shuffle(order)
    stories = [order[i:i + 4] for i in range(0, len(order), 4)]
    out: list[list[tuple[int, str]]] = []
    for story in stories:
        for _ in range(rng.choice((2, 3, 4))):
            cast = [p for p in story if rng.random() < 0.85] or story[:1]
            art = []
            for p in cast:
                g, fam = people[p]
                given = g[0] if rng.random() < 0.8 or len(g) == 1 else rng.choice(g[1:])
                art.append((p, f"{_variant(given.capitalize(), rng)} {_variant(fam, rng)}"))
            out.append(art)
    rng.shuffle(out)
    return out


def run(n: int) -> dict[str, float]:
    people = make_people(n)
    arts = articles(people)
    resolver = Resolver()
    truth: dict[str, int] = {}
    pred: dict[str, int] = {}
    t0 = time.perf_counter()
    c0 = time.process_time()
    mentions = 0
    for a, art in enumerate(arts):
        names = [name for _, name in art]
        profs = [Profile(f"{a}/{i}", "PERSON", name, [name],
                         {"people": [x for x in names if x != name]}) for i, (_, name) in enumerate(art)]
        for (p, _), prof, cid in zip(art, profs, resolver.add_document(profs), strict=True):
            truth[prof.key] = p
            pred[prof.key] = cid
        mentions += len(art)
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - c0
    # pairwise precision/recall of "same person" over mentions
    by_pred: dict[int, list[str]] = defaultdict(list)
    by_true: dict[int, list[str]] = defaultdict(list)
    for k, c in pred.items():
        by_pred[c].append(k)
    for k, t in truth.items():
        by_true[t].append(k)
    pairs_pred = sum(len(v) * (len(v) - 1) // 2 for v in by_pred.values())
    pairs_true = sum(len(v) * (len(v) - 1) // 2 for v in by_true.values())
    correct = 0
    for v in by_pred.values():
        counts: dict[int, int] = defaultdict(int)
        for k in v:
            counts[truth[k]] += 1
        correct += sum(c * (c - 1) // 2 for c in counts.values())
    return {"people": float(len(people)), "mentions": float(mentions), "seconds": round(elapsed, 2),
            "cpu_seconds": round(cpu, 2), "us_per_mention": round(1e6 * cpu / mentions, 1),
            "comparisons_per_mention": round(resolver.comparisons / mentions, 2),
            "pair_precision": round(correct / pairs_pred, 4) if pairs_pred else 0.0,
            "pair_recall": round(correct / pairs_true, 4) if pairs_true else 0.0,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def main() -> int:
    if len(sys.argv) > 3 and sys.argv[1] == "--size":
        if sys.argv[3] == "nogc":
            gc.disable()
        print(json.dumps(run(int(sys.argv[2]))))
        return 0
    sizes = [int(a) for a in sys.argv[1:]] or list(SIZES)
    figures: dict[str, float] = {}
    print("cross-article linking, synthetic people (block keys + link_score, in memory)")
    for mode in ("gc", "nogc"):
        rows = []
        for n in sizes:
            out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--size", str(n), mode],
                                 check=True, capture_output=True, text=True)
            res = json.loads(out.stdout.strip().splitlines()[-1])
            rows.append((n, res))
            for k, v in res.items():
                figures[f"n{n}_{k}" + ("" if mode == "gc" else "_nogc")] = v
        _table(rows, mode, figures)
    path = write_results("crossdoc_scale", figures, {"sizes": sizes})
    print(f"wrote {path}")
    return 0


def _table(rows: list[tuple[int, dict[str, float]]], mode: str, figures: dict[str, float]) -> None:
    print("\nPython's cyclic garbage collector " + ("on (default)" if mode == "gc" else
          "off: the in-memory clusters are a large heap that the store keeps in SQLite instead"))
    print(f"{'people':>8}{'mentions':>10}{'wall s':>9}{'cpu s':>8}{'cpu us/m':>10}{'cmp/mention':>13}"
          f"{'pairP':>8}{'pairR':>8}{'peakMB':>8}")
    for n, r in rows:
        print(f"{n:>8}{int(r['mentions']):>10}{r['seconds']:>9.2f}{r['cpu_seconds']:>8.2f}{r['us_per_mention']:>10.1f}"
              f"{r['comparisons_per_mention']:>13.2f}{r['pair_precision']:>8.3f}{r['pair_recall']:>8.3f}"
              f"{r['peak_rss_mb']:>8.1f}")
    if len(rows) >= 2:
        r1, r2 = rows[0][1], rows[-1][1]
        ratio = r2["mentions"] / r1["mentions"]
        growth = (r2["cpu_seconds"] / r1["cpu_seconds"]) / ratio if r1["cpu_seconds"] else 0.0
        figures["time_growth_vs_linear" + ("" if mode == "gc" else "_nogc")] = round(growth, 3)
        print(f"CPU time grows {r2['cpu_seconds'] / r1['cpu_seconds']:.1f}x for {r2['mentions'] / r1['mentions']:.1f}x "
              f"the mentions ({growth:.2f}x linear; quadratic would be "
              f"{r2['mentions'] / r1['mentions']:.0f}x linear)")


if __name__ == "__main__":
    raise SystemExit(main())
