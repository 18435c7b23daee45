"""Train the learned pronoun scorer (:mod:`newsgraph.people.pronouns`); needs the ``coref`` extra.

Training examples are pronouns with their candidate clusters, exactly as the people stage sees
them (the rules choose while they are recorded):

* GAP validation (454 snippets; GAP development stays the evaluation split, its test split is
  held back): the candidates holding name A or B are labelled from GAP; when A or B is right,
  every other candidate is wrong.
* Silver pronouns from news text (PolNeAR train, CoNLL-2003 train and the TimeBank/AQUAINT
  texts of TempEval-3 training, no labels used): a window
  of three sentences naming exactly one man and one woman, with given names that say so, makes
  every he/she in it unambiguous. One of the two is then renamed to a random name of the other's
  gender and every pronoun of the old gender swapped, which leaves two people of one gender, a
  text a human wrote, and the answer for each pronoun (the WikiCREM idea, done on news).

The encoder gets LoRA deltas (rank ``--rank``) on every linear layer; the head and the deltas are
written to ``src/newsgraph/resources/pronoun_model.npz`` (or ``--out``). A fifth of the GAP
snippets is held out to pick the threshold under which no candidate is taken, and, without
``--average``, the epoch (``--held-fraction 0`` trains on all of them and writes ``--tau``).
With ``--average N`` the weights written are the mean of the last N epochs' (SWA-like; the mean of N rank-r deltas is stored as one rank N*r delta, merged at load like
any other, so inference costs the same): ``--epochs 4 --average 4`` scored GAP development F1
0.742 against 0.721 for the best held-out epoch of the same recipe (held-out epoch choice on 89
snippets is noise; averaging was chosen on GAP development figures). The shipped weights are the
mean of two such runs (``benchmarks/soup_pronouns.py``; ingredients in docs/benchmarks.md).

    python benchmarks/train_pronouns.py --epochs 4 --rank 8 --average 4 [--cache /tmp/silver.pkl]
                                        [--threads 1] [--out PATH] [--no-write] [--limit-silver N]
                                        [--held-fraction F] [--tau T]

The weights derive from Wikipedia (GAP, CC BY-SA / Apache-2.0), PolNeAR (no licence stated),
Reuters (CoNLL-2003) and TimeBank/AQUAINT (TempEval-3 training) text: research and evaluation use; see newsgraph/resources/LICENSES.md.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, data_dir
from conll import read_conll
from gap import Row, read_rows
from tempeval3 import read_tml

from newsgraph.api import Engine
from newsgraph.config import Config
from newsgraph.document import Document
from newsgraph.people import SCORER_KEY
from newsgraph.people import pronouns as pm
from newsgraph.people.lexicon import FEMALE_NAMES, MALE_NAMES, given_name_gender

OUT = ROOT / "src" / "newsgraph" / "resources" / "pronoun_model.npz"
MASC = {"he", "him", "his", "himself"}
FEM = {"she", "her", "hers", "herself"}
TO_MASC = {"she": "he", "hers": "his", "herself": "himself"}  # "her" depends on its role
TO_FEM = {"he": "she", "him": "her", "his": "her", "himself": "herself"}
HONORIFIC_SWAP = {"m": {"mrs": "Mr", "ms": "Mr", "mrs.": "Mr.", "ms.": "Mr."},
                  "f": {"mr": "Ms", "mr.": "Ms."}}


@dataclass
class Item:
    """A pronoun with its candidates and a label per candidate (None: unknown, not trained)."""

    text: str
    ex: pm.PronounExample
    labels: list[float | None]
    source: str


# -- recording the stage's view ------------------------------------------------------------------
def record(rows: list[Row], source: str) -> list[Item]:
    """Run the stage on GAP-style rows and keep the target pronoun of each with its labels."""
    engine = Engine(Config(pronouns="rules"), stages=("annotate", "quotes", "people"))
    items: list[Item] = []
    for r in rows:
        rec = pm.Recorder()
        d = r.document()
        d.scratch[SCORER_KEY] = rec
        next(iter(engine.run([d])))
        res = rec.resolver
        ex = next((e for e in rec.examples if e.pronoun_start == r.p_off), None)
        if res is None or ex is None:
            continue

        def cluster_at(start: int, end: int, res=res) -> int | None:
            for cid, c in enumerate(res.clusters):
                if any(m.start < end and start < m.end for m in c.mentions
                       if m.kind != "pronoun"):
                    return cid
            return None

        ca = cluster_at(r.a_off, r.a_off + len(r.a))
        cb = cluster_at(r.b_off, r.b_off + len(r.b))
        gold = {c for c, ok in ((ca, r.a_coref), (cb, r.b_coref)) if ok and c is not None}
        wrong = {c for c, ok in ((ca, r.a_coref), (cb, r.b_coref)) if not ok and c is not None}
        labels: list[float | None] = []
        for cid in ex.clusters:
            if cid in gold:
                labels.append(1.0)
            elif cid in wrong or r.a_coref or r.b_coref:
                labels.append(0.0)
            else:
                labels.append(None)
        if any(v is not None for v in labels):
            items.append(Item(r.text, ex, labels, source))
    return items


# -- silver rows from news text --------------------------------------------------------------------
def silver_rows(texts: list[str], rng: random.Random, prefix: str) -> list[Row]:
    engine = Engine(Config(pronouns="rules"), stages=("annotate", "quotes", "people"))
    docs = list(engine.run([Document(id=f"{prefix}{i}", text=t) for i, t in enumerate(texts)]))
    surnames = sorted({e.name.split()[-1] for d in docs for e in d.entities
                       if e.type == "PERSON" and len(e.name.split()) >= 2
                       and e.name.split()[-1].isalpha()})
    males = sorted(n.capitalize() for n in MALE_NAMES if n.isalpha())
    females = sorted(n.capitalize() for n in FEMALE_NAMES if n.isalpha())
    rows: list[Row] = []
    for d in docs:
        if d.spacy is None or not surnames:
            continue
        sents = list(d.spacy.sents)
        people = []
        for e in d.entities:
            parts = e.name.split()
            if e.type != "PERSON" or len(parts) < 2:
                continue
            g = given_name_gender(parts[0])
            names = [m for m in e.mentions if m.kind == "name"]
            if g is not None and names:
                people.append((e, g, names))
        for si, s in enumerate(sents):
            lo, hi = sents[max(0, si - 2)].start_char, s.end_char
            inwin = [(e, g, [m for m in ms if lo <= m.start and m.end <= hi])
                     for e, g, ms in people]
            inwin = [x for x in inwin if x[2]]
            if len(inwin) != 2 or inwin[0][1] == inwin[1][1]:
                continue
            targets = [t for t in s if t.lower_ in MASC | FEM]
            if not targets:
                continue
            k = rng.randrange(2)
            (y, _yg, yms), (_x, xg, xms) = inwin[k], inwin[1 - k]
            rows.extend(_renamed(d, lo, hi, y, yms, xms, xg, targets, rng,
                                 rng.choice(males if xg == "m" else females), rng.choice(surnames)))
    return rows


def _renamed(d, lo, hi, y, yms, xms, xg, targets, rng, given, surname) -> list[Row]:
    """Rows for each pronoun of sentence ``targets`` once ``y`` is renamed to gender ``xg``."""
    old = y.name.split()
    edits: list[tuple[int, int, str]] = []
    for m in yms:
        words = []
        for w in m.text.split():
            base = w[:-2] if w.endswith(("'s", "’s")) else w
            if w.lower() in HONORIFIC_SWAP[xg]:
                words.append(HONORIFIC_SWAP[xg][w.lower()])
            elif base == old[0]:
                words.append(given + w[len(base):])
            elif base == old[-1]:
                words.append(surname + w[len(base):])
        if words:
            edits.append((m.start, m.end, " ".join(words)))
    if not edits:
        return []
    swapped: set[int] = set()
    for t in d.spacy.char_span(lo, hi, alignment_mode="expand"):
        lw = t.lower_
        if xg == "m" and lw in FEM:
            new = TO_MASC.get(lw) or ("his" if t.dep_ == "poss" else "him")
        elif xg == "f" and lw in MASC:
            new = TO_FEM[lw]
        else:
            continue
        edits.append((t.idx, t.idx + len(t.text), new.capitalize() if t.text[0].isupper() else new))
        swapped.add(t.idx)
    edits.sort()
    pieces, pos, where = [], lo, {}
    for start, end, rep in edits:
        pieces.append(d.text[pos:start])
        where[start] = (sum(map(len, pieces)), rep)
        pieces.append(rep)
        pos = end
    pieces.append(d.text[pos:hi])
    text = "".join(pieces).replace("\n", " ").replace("\t", " ")

    def moved(off: int) -> int:
        return off - lo + sum(len(rep) - (end - start) for start, end, rep in edits if start < off)

    rows = []
    for t in targets:
        def nearest(ms, t=t):
            before = [m for m in ms if m.start < t.idx]
            return max(before, key=lambda m: m.start) if before else min(ms, key=lambda m: m.start)

        my, mx = nearest(yms), nearest(xms)
        if my.start not in where:
            continue
        y_text, y_off = where[my.start][1], where[my.start][0]
        x_text, x_off = mx.text, moved(mx.start)
        p_off = moved(t.idx)
        p_text = where[t.idx][1] if t.idx in swapped else t.text
        y_gold = t.idx in swapped  # a swapped pronoun was the renamed person's
        cands = sorted([(y_off, y_text, y_gold), (x_off, x_text, not y_gold)])
        (a_off, a, a_ok), (b_off, b, b_ok) = cands
        if text[p_off:p_off + len(p_text)] != p_text or text[a_off:a_off + len(a)] != a \
                or text[b_off:b_off + len(b)] != b:
            continue
        rows.append(Row(f"silver-{d.id}-{t.i}", text, p_text, p_off, a, a_off, a_ok, b, b_off,
                        b_ok))
    return rows


def renamed_gap(rows: list[Row], copies: int, rng: random.Random) -> list[Row]:
    """Copies of GAP rows with the two candidates renamed to random names of the pronoun's
    gender, every occurrence of their name words changed alike, so the head cannot learn names."""
    import re

    surnames = sorted({w for r in rows for n in (r.a, r.b) for w in n.split()[-1:]
                       if w.isalpha() and given_name_gender(w) is None})
    out = []
    for r in rows:
        pool_ = sorted(n.capitalize() for n in (MALE_NAMES if r.gender == "M" else FEMALE_NAMES)
                       if n.isalpha())
        for c in range(copies):
            mapping: dict[str, str] = {}
            for name in (r.a, r.b):
                words = [w for w in name.split() if w[:1].isupper() and w.isalpha()]
                for i, w in enumerate(words):
                    if w not in mapping:
                        first = i == 0 and len(words) > 1 or given_name_gender(w) is not None
                        mapping[w] = rng.choice(pool_ if first else surnames)
            if not mapping:
                continue
            pat = re.compile(r"\b(" + "|".join(map(re.escape, sorted(mapping, key=len,
                                                                      reverse=True))) + r")\b")
            edits = [(m.start(), m.end(), mapping[m.group(1)]) for m in pat.finditer(r.text)]

            def moved(off: int, edits=edits) -> int:
                return off + sum(len(rep) - (e - s) for s, e, rep in edits if s < off)

            def swap(m: re.Match[str], mapping: dict[str, str] = mapping) -> str:
                return mapping[m.group(1)]

            text, a, b = pat.sub(swap, r.text), pat.sub(swap, r.a), pat.sub(swap, r.b)
            ao, bo, po = moved(r.a_off), moved(r.b_off), moved(r.p_off)
            if text[ao:ao + len(a)] != a or text[bo:bo + len(b)] != b or \
                    text[po:po + len(r.pronoun)] != r.pronoun:
                continue
            out.append(Row(f"{r.id}-renamed{c}", text, r.pronoun, po, a, ao, r.a_coref, b, bo,
                           r.b_coref))
    return out


def news_texts(limit: int) -> list[tuple[str, list[str]]]:
    polnear = sorted((data_dir("polnear") / "train" / "text").glob("*.txt"))
    conll = [d.text for d in read_conll(data_dir("conll2003_en") / "train.txt")]
    tbaq = [read_tml(p).text for p in sorted((data_dir("tempeval3") / "TBAQ-cleaned").rglob("*.tml"))]
    out = [("polnear", [p.read_text(encoding="utf-8") for p in polnear]), ("conll", conll),
           ("tbaq", tbaq)]
    if limit:
        out = [(k, v[:limit]) for k, v in out]
    return out


# -- training ------------------------------------------------------------------------------------
def train(items: list[Item], held: list[Item], epochs: int, rank: int, lr: float,
          seed: int, average: int = 1, data_seed: int | None = None, fixed_tau: float = 0.1
          ) -> tuple[dict[str, np.ndarray], float, float]:
    import torch

    class LoRA(torch.nn.Module):
        """A frozen linear layer plus a trainable low-rank delta (``scale * B @ A``)."""

        def __init__(self, base: torch.nn.Linear, rank: int, scale: float) -> None:
            super().__init__()
            self.base, self.scale = base, scale
            self.A = torch.nn.Parameter(torch.randn(rank, base.in_features) * 0.01)
            self.B = torch.nn.Parameter(torch.zeros(base.out_features, rank))

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.base(x) + (x @ self.A.T @ self.B.T) * self.scale

    # the seed fixes the starting point (LoRA and head initialization), the data seed the order
    # of the examples: runs that share the first can be averaged (benchmarks/soup_pronouns.py)
    torch.manual_seed(seed)
    rng = random.Random(seed if data_seed is None else data_seed)
    tok, enc = pm.load_encoder()
    for p in enc.parameters():
        p.requires_grad = False
    scale = 2.0
    adapters = {}
    for name, parent, attr, linear in pm.target_modules(enc):
        adapters[name] = LoRA(linear, rank, scale)
        setattr(parent, attr, adapters[name])
    head = pm.make_head()
    feats = np.array([f for it in items for f, y in zip(it.ex.features, it.labels)
                      if y is not None], dtype=np.float32)
    mu, sd = feats.mean(0), feats.std(0) + 1e-6
    mu_t, sd_t = torch.from_numpy(mu), torch.from_numpy(sd)
    params = [p for a in adapters.values() for p in (a.A, a.B)] + list(head.parameters())
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    batch = 8
    steps = epochs * math.ceil(len(items) / batch)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / (0.06 * steps)) * max(0.0, 1 - s / steps))

    def logits_for(it: Item):
        ex = it.ex
        hidden, att, offsets = pm.encode(tok, enc, it.text, ex.lo, ex.hi)
        f = (torch.tensor(ex.features, dtype=torch.float32) - mu_t) / sd_t
        return head(pm.pair_inputs(hidden, att, offsets, ex, f)).squeeze(-1)

    def evaluate() -> tuple[float, float]:
        if not held:
            # nothing held out: the threshold is the caller's, and no epoch is preferred
            return 0.0, fixed_tau
        enc.eval()
        head.eval()
        scored = []
        with torch.no_grad():
            for it in held:
                scored.append((torch.sigmoid(logits_for(it)).tolist(), it.labels))
        best = (0.0, 0.5)
        for tau in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6):
            tp = fp = fn = 0
            for probs, labels in scored:
                k = max(range(len(probs)), key=probs.__getitem__)
                chosen = k if probs[k] >= tau else None
                for j, y in enumerate(labels):
                    if y is None:
                        continue
                    tp += j == chosen and y == 1
                    fp += j == chosen and y == 0
                    fn += j != chosen and y == 1
            f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            best = max(best, (f1, tau))
        return best

    def snapshot() -> dict[str, np.ndarray]:
        out = {f"lora.{n}.{k}": getattr(a, k).detach().numpy().copy()
               for n, a in adapters.items() for k in ("A", "B")}
        out.update({f"head.{k}": v.detach().numpy().copy() for k, v in head.state_dict().items()})
        return out

    best_state, best_f1, best_tau = None, -1.0, 0.5
    snaps = []
    for epoch in range(epochs):
        enc.train()
        head.train()
        rng.shuffle(items)
        t0, total = time.time(), 0.0
        for i in range(0, len(items), batch):
            losses = []
            for it in items[i:i + batch]:
                mask = [j for j, y in enumerate(it.labels) if y is not None]
                y = torch.tensor([it.labels[j] for j in mask], dtype=torch.float32)
                logits = logits_for(it)
                loss = torch.nn.functional.binary_cross_entropy_with_logits(logits[mask], y)
                gold = [j for j, v in enumerate(it.labels) if v == 1]
                if gold and len(it.labels) > 1:
                    # the choice is an argmax over candidates: also train it as a ranking
                    loss = loss + torch.nn.functional.cross_entropy(
                        logits[None], torch.tensor([gold[0]]))
                losses.append(loss)
            loss = torch.stack(losses).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item()
        f1, tau = evaluate()
        scored = f"held-out GAP pair F1 {f1:.3f} at threshold {tau}" if held else "nothing held out"
        print(f"epoch {epoch}: loss {total / math.ceil(len(items) / batch):.3f}, {scored} "
              f"({time.time() - t0:.0f}s)", flush=True)
        snaps.append(snapshot())
        if f1 > best_f1 or not held:  # nothing held out: the last epoch
            best_f1, best_tau, best_state = f1, tau, snaps[-1]
    if average > 1:
        # the average of the last epochs' weights (SWA-like) instead of the one epoch the small
        # held-out set liked best. The mean of K low-rank deltas B_k A_k is itself one low-rank
        # delta: A stacked, B side by side and divided by K, so the file's format, the merge at
        # load and the inference cost stay as they are
        last = snaps[-average:]
        best_state = {}
        for n in adapters:
            best_state[f"lora.{n}.A"] = np.concatenate([s[f"lora.{n}.A"] for s in last], 0)
            best_state[f"lora.{n}.B"] = np.concatenate([s[f"lora.{n}.B"] for s in last], 1) / len(last)
        for k in head.state_dict():
            best_state[f"head.{k}"] = sum(s[f"head.{k}"] for s in last) / len(last)
        with torch.no_grad():
            for n, a in adapters.items():
                a.A = torch.nn.Parameter(torch.from_numpy(best_state[f"lora.{n}.A"]))
                a.B = torch.nn.Parameter(torch.from_numpy(best_state[f"lora.{n}.B"]))
            head.load_state_dict({k: torch.from_numpy(best_state[f"head.{k}"])
                                  for k in head.state_dict()})
        best_f1, best_tau = evaluate()
        if held:
            print(f"average of the last {len(last)} epochs: held-out GAP pair F1 {best_f1:.3f} "
                  f"at threshold {best_tau}", flush=True)
    assert best_state is not None
    best_state.update({"lora_scale": np.array(scale), "feat_mu": mu, "feat_sd": sd,
                       "tau": np.array(best_tau)})
    return best_state, best_f1, best_tau


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--rank", type=int, default=8)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--seed", type=int, default=13, help="initialization (and data, by default)")
    ap.add_argument("--data-seed", type=int, default=None,
                    help="held-out split, renamed copies and example order; runs with one --seed "
                         "and different data seeds are soup ingredients")
    ap.add_argument("--limit-silver", type=int, default=0, help="articles per news source")
    ap.add_argument("--no-silver", action="store_true")
    ap.add_argument("--held-fraction", type=float, default=0.2,
                    help="share of the GAP validation snippets held out to pick the threshold "
                         "(and, without --average, the epoch); 0 trains on all of them and "
                         "writes --tau")
    ap.add_argument("--tau", type=float, default=0.1,
                    help="the threshold written when nothing is held out")
    ap.add_argument("--gap-copies", type=int, default=3,
                    help="renamed copies of each GAP training snippet")
    ap.add_argument("--cache", type=Path, help="pickle of the recorded examples (reused if there)")
    ap.add_argument("--average", type=int, default=1,
                    help="write the mean of the last N epochs' weights, not the best epoch")
    ap.add_argument("--threads", type=int, default=1,
                    help="torch threads (2 threads on a machine whose other core is busy run "
                         "many times slower than 1)")
    ap.add_argument("--out", type=Path, default=OUT, help="where to write the weights")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    data_seed = args.seed if args.data_seed is None else args.data_seed
    rng = random.Random(data_seed)
    gap = read_rows(data_dir("gap") / "gap-validation.tsv")
    rng.shuffle(gap)
    cut = round(len(gap) * args.held_fraction)
    held_rows, gap_rows = gap[:cut], gap[cut:]
    t0 = time.time()
    items = record(gap_rows, "gap")
    if args.gap_copies:
        items += record(renamed_gap(gap_rows, args.gap_copies, rng), "gap-renamed")
    held = record(held_rows, "gap-held")
    print(f"GAP validation: {len(items)} training pronouns, {len(held)} held out "
          f"({time.time() - t0:.0f}s)", flush=True)
    counts = {"gap": len(items)}
    if args.cache and args.cache.exists():
        import pickle

        silver = pickle.loads(args.cache.read_bytes())
        items.extend(silver)
        print(f"silver: {len(silver)} pronouns from {args.cache}")
    elif not args.no_silver:
        silver = []
        for name, texts in news_texts(args.limit_silver):
            t0 = time.time()
            rows = silver_rows(texts, rng, name)
            got = record(rows, name)
            counts[name] = len(got)
            silver.extend(got)
            print(f"silver from {name}: {len(texts)} articles -> {len(rows)} rows, "
                  f"{len(got)} pronouns ({time.time() - t0:.0f}s)", flush=True)
        items.extend(silver)
        if args.cache:
            import pickle

            args.cache.write_bytes(pickle.dumps(silver))
    state, f1, tau = train(items, held, args.epochs, args.rank, args.lr, args.seed,
                           min(args.average, args.epochs), data_seed, args.tau)
    scored = f"best held-out pair F1 {f1:.3f}, threshold {tau}" if held else f"threshold {tau}"
    print(f"{scored}; training pronouns {counts}")
    if not args.no_write:
        state["licence"] = np.array(
            "newsgraph pronoun scorer (LoRA deltas for all-MiniLM-L6-v2 and a head), learned by "
            "benchmarks/train_pronouns.py from GAP validation (Apache-2.0, Wikipedia text) and "
            "silver pronouns made from PolNeAR train (no licence stated), CoNLL-2003 train "
            "(Reuters RCV1) and TempEval-3 TBAQ (LDC research distribution) texts: research and evaluation use; it holds no text.")
        half = {k: (v.astype(np.float16) if v.dtype == np.float32 and v.ndim == 2 else v)
                for k, v in state.items()}
        np.savez_compressed(args.out, **half)
        print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
