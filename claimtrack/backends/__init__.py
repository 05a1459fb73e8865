"""Parse-based backends: attributions from dependency trees (stanza, CoNLL-U).

Nothing here imports stanza or torch until a function needs it; without the
``stanza`` extra those functions raise :class:`~claimtrack.errors.MissingDependencyError`.
Reading CoNLL-U and extracting from it needs no extra at all.

Modules: :mod:`~claimtrack.backends.parse` (records), :mod:`~claimtrack.backends.conllu`
(reader), :mod:`~claimtrack.backends.tree` (attributions from a tree),
:mod:`~claimtrack.backends.hybrid` (rules + tree), :mod:`~claimtrack.backends.stanza`
(Documents and the public entry points), :mod:`~claimtrack.backends.processor` (the stanza
``attribution`` processor), :mod:`~claimtrack.backends.models` (offline pipelines).
"""

from claimtrack.backends.conllu import ConlluDoc, read_conllu
from claimtrack.backends.models import MissingModelError, load_pipeline
from claimtrack.backends.parse import ParsedDoc, Sentence, Word
from claimtrack.backends.processor import register_attribution_processor
from claimtrack.backends.stanza import extract_from_conllu, extract_from_doc, extract_from_text, from_stanza

__all__ = [
    "ConlluDoc",
    "ParsedDoc",
    "Sentence",
    "Word",
    "MissingModelError",
    "read_conllu",
    "extract_from_doc",
    "extract_from_conllu",
    "extract_from_text",
    "from_stanza",
    "load_pipeline",
    "register_attribution_processor",
]
