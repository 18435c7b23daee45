"""Pipeline stages, one module each: ingest -> annotate -> timex -> quotes -> people -> events -> claims."""
