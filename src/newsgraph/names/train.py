"""Train the word-pair model in ``resources/names_word_model.json``.

Run ``python -m newsgraph.names.train DATA_DIR [--exclude PAIRS.tsv ...]`` where DATA_DIR holds the
Wikidata word-alignment files (``wd_russian_80``, ``wd_hebrew.normalized.aligned.tokens``,
``wd_arabic.normalized.aligned.tokens``; CC0). Positives are two Latin spellings aligned to one
native-script word; negatives are look-alike Latin spellings (same first letter, close in length
and edit distance) that share no native form in any of the files. Every name that occurs in an
``--exclude`` file (the benchmark's dev pairs) is left out, so the benchmark measures names the model
never saw. A fifth of the remaining Latin words (by a stable hash) is held out of training too,
and the final model is checked on look-alike pairs among them (reported in the JSON as
``held_out_check``, on as many look-alike negatives as positives; its positives are raw
alignments, noisier than the benchmark's filtered pairs, so its recall is a lower bound). Four
weights and a bias are learned: the model cannot memorize names, it weighs the rules.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import zlib
from collections import defaultdict
from pathlib import Path

import numpy as np

from .normalize import fold
from .similarity import FEATURES, features, levenshtein

log = logging.getLogger(__name__)

FILES = ("wd_russian_80", "wd_hebrew.normalized.aligned.tokens", "wd_arabic.normalized.aligned.tokens")


def _held_out(word: str) -> bool:
    """One Latin word in five, by a stable hash, is kept for the held-out check."""
    return zlib.crc32(word.encode("utf-8")) % 5 == 0


def _read(data: Path, exclude: set[str], min_count: int,
          held_out: bool = False) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    groups: dict[str, set[str]] = defaultdict(set)
    latin: dict[str, set[str]] = defaultdict(set)
    for i, fn in enumerate(FILES):
        for line in (data / fn).read_text("utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 3 or not parts[2].isdigit():
                continue
            word, native = parts[0], f"{i}:{parts[1]}"
            latin[word].add(native)
            if int(parts[2]) >= min_count and word not in exclude and len(word) >= 3 and \
                    _held_out(word) == held_out:
                groups[native].add(word)
    return groups, latin


def build_pairs(data: Path, exclude: set[str], n: int, seed: int = 13, min_count: int = 2,
                held_out: bool = False) -> tuple[list[tuple[str, str]], list[int]]:
    """Training pairs, or with ``held_out`` the pairs of the held-out fifth of the words."""
    rng = random.Random(seed)
    groups, latin = _read(data, exclude, min_count, held_out)
    pos: set[tuple[str, str]] = set()
    for words in groups.values():
        ws = sorted(words)
        for i in range(len(ws)):
            for j in range(i + 1, len(ws)):
                pos.add((ws[i], ws[j]))
    vocab = sorted({w for ws in groups.values() for w in ws})
    # negatives: look-alikes sharing the first letter, look-alikes sharing the ending, and random
    # pairs, so that no single shape feature separates the classes by construction
    buckets: dict[str, list[str]] = defaultdict(list)
    for w in vocab:
        buckets["^" + w[0]].append(w)
        buckets["$" + w[-3:]].append(w)
    neg: set[tuple[str, str]] = set()
    quota = (n * 2 // 5, n * 2 // 5, n // 5)
    for mode, q in enumerate(quota):
        got, tries = 0, 0
        while got < q and tries < q * 400:
            tries += 1
            a = rng.choice(vocab)
            if mode == 2:
                b = rng.choice(vocab)
            else:
                b = rng.choice(buckets[("^" + a[0]) if mode == 0 else ("$" + a[-3:])])
            if a == b or latin[a] & latin[b]:
                continue
            if mode < 2 and (abs(len(a) - len(b)) > 2 or levenshtein(a, b) > max(2, len(a) // 3)):
                continue
            key = (min(a, b), max(a, b))
            if key not in neg:
                neg.add(key)
                got += 1
    pos_list = sorted(pos)
    rng.shuffle(pos_list)
    pos_list = [p for p in pos_list if fold(p[0]) != fold(p[1])][:n]
    pairs = pos_list + sorted(neg)
    labels = [1] * len(pos_list) + [0] * len(neg)
    return pairs, labels


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 3000, lr: float = 0.5) -> tuple[np.ndarray, float]:
    """Plain logistic regression by gradient descent (no extra dependency)."""
    w = np.zeros(x.shape[1])
    b = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        g = p - y
        w -= lr * (x.T @ g / len(y) + l2 * w)
        b -= lr * float(g.mean())
    return w, b


def calibrate(path: Path, w: np.ndarray, b: float) -> float:
    """The one bias shift that maximizes F0.5 on the one-word pairs of ``path``.

    The training pairs are balanced and noisier than real use, so the learned decision point is too
    strict; this single number is the only thing tuned on the dev pairs.
    """
    rows = [line.split("\t") for line in path.read_text("utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if len(r) >= 3 and " " not in r[0].strip() and " " not in r[1].strip()]
    z = np.array([float(np.dot(features(r[0], r[1]), w) + b) for r in rows])
    y = np.array([r[2].strip() == "1" for r in rows])
    best, best_f = 0.0, -1.0
    for shift in np.arange(-4.0, 4.01, 0.05):
        pred = z + shift > 0
        tp = float((pred & y).sum())
        fp = float((pred & ~y).sum())
        fn = float((~pred & y).sum())
        # F0.5: a false merge costs more downstream (two people fused) than a missed variant
        f = 1.25 * tp / (1.25 * tp + 0.25 * fn + fp) if tp else 0.0
        if f > best_f:
            best, best_f = float(shift), f
    log.info("calibration shift %.2f (one-word F0.5 %.4f on %s)", best, best_f, path.name)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("--exclude", type=Path, action="append", default=[])
    ap.add_argument("--n", type=int, default=15000)
    ap.add_argument("--calibrate", type=Path, default=None,
                    help="pairs file (a, b, label) whose one-word pairs set the decision point")
    ap.add_argument("--out", type=Path,
                    default=Path(__file__).resolve().parent.parent / "resources" / "names_word_model.json")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    exclude: set[str] = set()
    for path in args.exclude:
        for line in path.read_text("utf-8").splitlines():
            for field in line.split("\t")[:2]:
                exclude.update(t.lower() for t in field.split())
    pairs, labels = build_pairs(args.data, exclude, args.n)
    x = np.array([features(a, b) for a, b in pairs])
    y = np.array(labels, dtype=float)
    w, b = fit(x, y)
    acc = float((((x @ w + b) > 0) == (y > 0.5)).mean())
    shift = 0.0
    if args.calibrate is not None:
        shift = calibrate(args.calibrate, w, b)
    hx_pairs, hx_labels = build_pairs(args.data, exclude, args.n // 3, held_out=True)
    # as many look-alike negatives as positives, so that precision reads as on a balanced set
    n_pos = sum(hx_labels)
    keep = [i for i, y in enumerate(hx_labels) if y] + [i for i, y in enumerate(hx_labels) if not y][:n_pos]
    hx_pairs, hx_labels = [hx_pairs[i] for i in keep], [hx_labels[i] for i in keep]
    hz = np.array([features(a, c) for a, c in hx_pairs]) @ w + b + shift
    hy = np.array(hx_labels) == 1
    tp, fp = float(((hz > 0) & hy).sum()), float(((hz > 0) & ~hy).sum())
    held = {"pairs": len(hx_pairs), "precision": round(tp / max(1.0, tp + fp), 4),
            "recall": round(tp / max(1.0, float(hy.sum())), 4)}
    log.info("held-out Wikidata words (never trained on, not dev): %s", held)
    payload = {"features": list(FEATURES), "weights": [round(float(v), 5) for v in w],
               "bias": round(b + shift, 5), "calibration_shift": round(shift, 5),
               "trained_on": f"{len(pairs)} Wikidata word pairs (CC0), dev names held out",
               "train_accuracy": round(acc, 4), "held_out_check": held}
    args.out.write_text(json.dumps(payload, indent=1) + "\n")
    log.info("trained on %d pairs (%d positive), accuracy %.4f -> %s", len(pairs), sum(labels), acc, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
