"""claimtrack: who is reported as saying what in Arabic news.

Examples:
    >>> import claimtrack
    >>> art = claimtrack.extract("وأكدت الوزارة أن الحدود مفتوحة.")
    >>> len(art.attributions)
    1
"""

from claimtrack.api import BatchResult, extract, extract_file, extract_many
from claimtrack.errors import ClaimtrackError, InputError, LexiconError, MissingDependencyError, RegistryError
from claimtrack.jsonio import article_from_dict, article_to_dict, attribution_to_dict
from claimtrack.model import Article, Attribution, Content, Cue, Diagnostic, Source, Span, Via
from claimtrack.text.normalize import normalize

__version__ = "0.1.0"

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
]
