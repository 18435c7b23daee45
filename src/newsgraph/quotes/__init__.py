"""Helpers of the quotes stage: quotation-mark pairing and the cue lexicon."""
