"""Average several trained pronoun scorers into one (a "model soup"); needs only numpy.

Each ingredient is a weights file written by ``benchmarks/train_pronouns.py`` from the same
starting point: the pretrained encoder with zero LoRA deltas and the head initialized by the same
seed. Runs that differ in learning rate or in the pipeline that recorded their training pronouns
end in different places of one basin, and the mean of their weights scores better than each
(Wortsman et al., "Model soups", ICML 2022). The mean of K low-rank deltas B_k A_k is one
low-rank delta (A stacked, B side by side and divided by K), so the file's format, the merge at
load and the inference cost stay as they are; only the file grows with K. The head and the
feature scaling are plain means. The no-candidate threshold is the mean of the ingredients' unless
``--tau`` sets it: each ingredient picked its own on the 90 GAP validation snippets it held out, too few
to agree (0.1 to 0.4), and the shipped 0.1 was chosen on GAP development figures.

    python benchmarks/soup_pronouns.py A.npz B.npz [C.npz ...] [--tau T] [--max-rank R] --out PATH

The stacked rank grows with every ingredient (K runs of rank-8 deltas averaged over four epochs
stack to rank 32 K). The mean of the runs' deltas is far from full rank, so ``--max-rank`` keeps
each layer's delta at its best rank-R approximation (truncated SVD) and says how much of the
delta's energy (squared singular values) the worst layer keeps: the file stays the size of a
two-run soup.

The shipped soup's ingredients and the commands that made them are listed in
docs/benchmarks.md ("Pronoun scorer").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT

OUT = ROOT / "src" / "newsgraph" / "resources" / "pronoun_model.npz"


def soup(paths: list[Path], tau: float | None = None) -> dict[str, np.ndarray]:
    parts = [np.load(p) for p in paths]
    keys = parts[0].files
    for p, z in zip(paths[1:], parts[1:]):
        if sorted(z.files) != sorted(keys):
            sys.exit(f"{p}: not the same kind of weights file as {paths[0]}")
    scales = {float(z["lora_scale"]) for z in parts}
    if len(scales) != 1:
        sys.exit(f"ingredients differ in lora_scale {sorted(scales)}: the deltas cannot be averaged")
    k = len(parts)
    out: dict[str, np.ndarray] = {}
    for key in keys:
        if key == "licence":
            out[key] = parts[0][key]
        elif key.startswith("lora.") and key.endswith(".A"):
            out[key] = np.concatenate([z[key] for z in parts], 0)
        elif key.startswith("lora.") and key.endswith(".B"):
            b = np.concatenate([z[key].astype(np.float32) for z in parts], 1) / k
            out[key] = b.astype(parts[0][key].dtype)
        else:
            mean = sum(z[key].astype(np.float64) for z in parts) / k
            out[key] = np.asarray(mean).astype(parts[0][key].dtype)
    if tau is not None:
        out["tau"] = np.array(tau)
    return out


def truncate(weights: dict[str, np.ndarray], rank: int) -> float:
    """Replace every stacked delta B A by its best rank-``rank`` factors, in place; returns the
    smallest share of a delta's energy kept."""
    worst = 1.0
    for key in [k for k in weights if k.startswith("lora.") and k.endswith(".A")]:
        stem = key[:-2]
        a, b = weights[key], weights[f"{stem}.B"]
        if a.shape[0] <= rank:
            continue
        u, s, vt = np.linalg.svd(b.astype(np.float64) @ a.astype(np.float64), full_matrices=False)
        worst = min(worst, float((s[:rank] ** 2).sum() / (s ** 2).sum()))
        root = np.sqrt(s[:rank])
        weights[key] = (root[:, None] * vt[:rank]).astype(a.dtype)
        weights[f"{stem}.B"] = (u[:, :rank] * root[None, :]).astype(b.dtype)
    return worst


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ingredients", type=Path, nargs="+")
    ap.add_argument("--tau", type=float, default=None,
                    help="no-candidate threshold (default: the ingredients' mean)")
    ap.add_argument("--max-rank", type=int, default=None,
                    help="truncate each layer's averaged delta to this rank (SVD)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if len(args.ingredients) < 2:
        sys.exit("a soup needs at least two ingredients")
    if args.max_rank is not None and args.max_rank < 1:
        sys.exit("--max-rank must be at least 1")
    weights = soup(args.ingredients, args.tau)
    if args.max_rank is not None:
        kept = truncate(weights, args.max_rank)
        print(f"deltas truncated to rank {args.max_rank}: the worst layer keeps {kept:.5f} of "
              "its energy")
    np.savez_compressed(args.out, **weights)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) from "
          f"{len(args.ingredients)} ingredients; threshold {float(weights['tau']):.3f}")


if __name__ == "__main__":
    main()
