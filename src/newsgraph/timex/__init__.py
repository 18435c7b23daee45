"""Time expressions: grammar, calendar arithmetic and the reference-time model (see tagger.tag)."""
