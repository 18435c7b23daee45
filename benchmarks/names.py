"""Name-pair matching (``newsgraph match-names``) on ../shared/data/names/pairs_dev.tsv.

Reports precision, recall, F1 and ROC-AUC overall and by pair kind (kinds come from
pairs_dev.kinds.tsv), next to the peer ``rapidfuzz.fuzz.ratio >= 85`` measured in the same run.
By kind: positive kinds report recall, negative kinds the share wrongly matched; the
``family`` rows pair each positive kind with its hard negatives (word_ru, word_he, word_ar, full,
nick, initial) and report P/R/F1 on that slice.

Also reports how much of dev the shipped lexicons cover (both names of a pair in one table
row), because the English nickname table comes from the same source the nickname pairs were drawn
from: that slice measures the resource, not the rules.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict

from _common import data_dir, prf, write_results

from newsgraph.names import compare, match_lines
from newsgraph.names.lexicon import groups
from newsgraph.names.normalize import skeleton


def roc_auc(scores: list[float], labels: list[int]) -> float:
    """Mann-Whitney estimate with ties counted half."""
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    npos = sum(labels)
    nneg = len(labels) - npos
    if not npos or not nneg:
        return float("nan")
    rank_sum = sum(r for r, y in zip(ranks, labels, strict=True) if y)
    return (rank_sum - npos * (npos + 1) / 2) / (npos * nneg)


def _figures(pred: list[int], scores: list[float], labels: list[int]) -> dict[str, float]:
    tp = sum(1 for p, y in zip(pred, labels, strict=True) if p and y)
    fp = sum(1 for p, y in zip(pred, labels, strict=True) if p and not y)
    fn = sum(1 for p, y in zip(pred, labels, strict=True) if not p and y)
    p, r, f = prf(tp, fp, fn)
    return {"p": p, "r": r, "f1": f, "auc": roc_auc(scores, labels)}


def _family(kind: str) -> str:
    for fam in ("word_ru", "word_he", "word_ar", "nick", "initial"):
        if kind.endswith(fam) or kind.endswith(fam.replace("word_", "word_hard_")):
            return fam
    if kind in ("pos_full", "neg_full_given", "neg_full_surname"):
        return "full"
    return "random"


def _lexicon_covered(a: str, b: str) -> bool:
    g = groups()
    ta, tb = a.split()[0], b.split()[0]
    sa, sb = skeleton(ta), skeleton(tb)
    return bool(g.members.get(sa, frozenset()) & g.members.get(sb, frozenset())) or \
        sb in g.direct.get(sa, frozenset())


def main() -> int:
    from rapidfuzz import fuzz

    root = data_dir("names")
    rows = [line.split("\t") for line in (root / "pairs_dev.kinds.tsv").read_text("utf-8").splitlines()
            if line.strip()]
    pairs = [(r[0], r[1]) for r in rows]
    labels = [int(r[2]) for r in rows]
    kinds = [r[3] for r in rows]

    t0 = time.perf_counter()
    out = [line.split("\t") for line in match_lines(f"{a}\t{b}" for a, b in pairs)]
    elapsed = time.perf_counter() - t0
    ours_s = [float(o[2]) for o in out]
    ours_p = [int(o[3]) for o in out]
    peer_s = [fuzz.ratio(a, b) / 100 for a, b in pairs]
    peer_p = [int(s >= 0.85) for s in peer_s]

    figures: dict[str, float] = {}
    for sys_name, pred, scores in (("ours", ours_p, ours_s), ("rapidfuzz85", peer_p, peer_s)):
        for m, v in _figures(pred, scores, labels).items():
            figures[f"{sys_name}_{m}"] = round(v, 4)

    print(f"names dev: {len(pairs)} pairs ({sum(labels)} positive), {elapsed:.2f} s for ours "
          f"({1000 * elapsed / len(pairs):.3f} ms/pair)")
    print(f"{'system':<14}{'P':>8}{'R':>8}{'F1':>8}{'AUC':>8}")
    for sys_name in ("ours", "rapidfuzz85"):
        print(f"{sys_name:<14}" + "".join(f"{figures[f'{sys_name}_{m}']:>8.3f}" for m in ("p", "r", "f1", "auc")))

    print(f"\n{'kind':<20}{'n':>6}{'ours':>8}{'peer':>8}   (positive: recall; negative: share matched)")
    by_kind: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(kinds):
        by_kind[k].append(i)
    for k in sorted(by_kind):
        idx = by_kind[k]
        o = sum(ours_p[i] for i in idx) / len(idx)
        q = sum(peer_p[i] for i in idx) / len(idx)
        figures[f"kind_{k}_ours"] = round(o, 4)
        figures[f"kind_{k}_peer"] = round(q, 4)
        print(f"{k:<20}{len(idx):>6}{o:>8.3f}{q:>8.3f}")

    print(f"\n{'slice':<12}{'P':>8}{'R':>8}{'F1':>8}{'AUC':>8}{'peerF1':>8}")
    by_fam: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(kinds):
        by_fam[_family(k)].append(i)
    for fam in sorted(by_fam):
        idx = by_fam[fam]
        if not any(labels[i] for i in idx):
            continue
        f = _figures([ours_p[i] for i in idx], [ours_s[i] for i in idx], [labels[i] for i in idx])
        q = _figures([peer_p[i] for i in idx], [peer_s[i] for i in idx], [labels[i] for i in idx])
        for m, v in f.items():
            figures[f"slice_{fam}_{m}"] = round(v, 4)
        print(f"{fam:<12}{f['p']:>8.3f}{f['r']:>8.3f}{f['f1']:>8.3f}{f['auc']:>8.3f}{q['f1']:>8.3f}")

    covered = [i for i, (a, b) in enumerate(pairs) if labels[i] and _lexicon_covered(a, b)]
    pos = sum(labels)
    figures["lexicon_covered_positive_share"] = round(len(covered) / pos, 4)
    wo = [i for i in range(len(pairs)) if i not in set(covered)]
    f = _figures([ours_p[i] for i in wo], [ours_s[i] for i in wo], [labels[i] for i in wo])
    figures["ours_without_lexicon_pairs_p"] = round(f["p"], 4)
    figures["ours_without_lexicon_pairs_r"] = round(f["r"], 4)
    print(f"\nlexicon (diminutive/nickname tables) covers {len(covered)}/{pos} positive pairs; "
          f"without them: P {f['p']:.3f} R {f['r']:.3f}")
    print("word model trained on Wikidata word pairs with every dev name held out "
          "(python -m newsgraph.names.train)")

    if "--errors" in sys.argv:
        for i, (a, b) in enumerate(pairs):
            if ours_p[i] != labels[i]:
                print(f"{kinds[i]:<18}{labels[i]} {ours_s[i]:.3f} {a!r} {b!r} {compare(a, b).reason}")

    path = write_results("names", figures, {"pairs": len(pairs), "peer": "rapidfuzz fuzz.ratio >= 85"})
    print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
