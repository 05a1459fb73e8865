"""claimtrack: who is reported as saying what in Arabic news.

Extract attributions from an article, resolve their sources to outlets and bodies,
link the same claim across outlets and build a claim–source graph.

Examples:
    >>> import claimtrack
    >>> art = claimtrack.extract("وأكدت الوزارة أن الحدود مفتوحة.")
    >>> [(a.cue.span.text, a.source.text, a.content.span.text) for a in art.attributions]
    [('وأكدت', 'الوزارة', 'الحدود مفتوحة')]
    >>> g = claimtrack.build_graph([art])
    >>> g.number_of_nodes() > 0
    True
"""

from __future__ import annotations

import importlib
from typing import Any

from claimtrack.api import BatchResult, extract, extract_file, extract_many
from claimtrack.errors import ClaimtrackError, InputError, LexiconError, MissingDependencyError, RegistryError
from claimtrack.jsonio import article_from_dict, article_to_dict, attribution_to_dict
from claimtrack.model import Article, Attribution, Content, Cue, Diagnostic, Source, Span, Via
from claimtrack.text.normalize import normalize

__version__ = "0.1.0"

# Names loaded on first use, so that ``import claimtrack`` stays light.
_LAZY = {
    "resolve": "claimtrack.sources",
    "resolve_article": "claimtrack.sources",
    "source_type": "claimtrack.sources",
    "load_registry": "claimtrack.sources",
    "builtin_registry": "claimtrack.sources",
    "link_claims": "claimtrack.graph",
    "claims": "claimtrack.graph",
    "Claim": "claimtrack.graph",
    "build_graph": "claimtrack.graph",
    "outlet_source": "claimtrack.graph",
    "claim_outlet": "claimtrack.graph",
    "claim_rows": "claimtrack.graph",
    "disputed_claims": "claimtrack.graph",
    "single_source_claims": "claimtrack.graph",
    "anonymous_only_claims": "claimtrack.graph",
    "one_side_claims": "claimtrack.graph",
    "to_dot": "claimtrack.graph",
    "to_graphml": "claimtrack.graph",
    "to_gexf": "claimtrack.graph",
    "to_json": "claimtrack.graph",
    "to_html": "claimtrack.graph",
}

__all__ = [
    "extract",
    "extract_file",
    "extract_many",
    "BatchResult",
    "Article",
    "Attribution",
    "Content",
    "Cue",
    "Diagnostic",
    "Source",
    "Span",
    "Via",
    "normalize",
    "article_to_dict",
    "article_from_dict",
    "attribution_to_dict",
    "ClaimtrackError",
    "InputError",
    "LexiconError",
    "RegistryError",
    "MissingDependencyError",
    "__version__",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'claimtrack' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
