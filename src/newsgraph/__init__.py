"""newsgraph: news articles to an evidence-backed knowledge graph.

The library API; the CLI, the demo and the benchmarks are thin layers over it::

    from newsgraph import extract_text
    doc = extract_text(text, published="2025-04-17")
    doc.entities, doc.quotes, doc.timexes
"""

from __future__ import annotations

from .api import Engine, extract_text, extract_paths
from .config import Config
from .document import Document
from .errors import Code, InputError, NewsgraphError, PipelineError, StoreError

__all__ = ["Code", "Config", "Document", "Engine", "InputError", "NewsgraphError", "PipelineError",
           "StoreError", "extract_paths", "extract_text"]
__version__ = "0.1.0"
