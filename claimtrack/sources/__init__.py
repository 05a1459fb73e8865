"""Source registry, resolution, coreference and typing.

* :func:`resolve` a mention («وكالة الأنباء السورية "سانا"») to a registry entry;
* :func:`source_type` of a mention (outlet, official, organization, anonymous ...);
* :func:`resolve_article`: type and resolve every source of an extracted article, with
  article-level coreference («الوكالة»، «الحركة»، «المصدر») and the publisher;
* :func:`builtin_registry` and :func:`load_registry` (user files merged over it).

Examples:
    >>> resolve("لوكالة رويترز").id
    'reuters'
    >>> source_type("مصادر مطلعة")
    'anonymous'
"""

from __future__ import annotations

from claimtrack.sources.article import detect_publisher, resolve_article, resolve_mention
from claimtrack.sources.classify import mention_side, source_type
from claimtrack.sources.registry import Entry, Registry, builtin_registry, load_registry
from claimtrack.sources.resolve import DEFAULT_THRESHOLD, Match, resolve

__all__ = [
    "resolve_article",
    "resolve",
    "resolve_mention",
    "detect_publisher",
    "source_type",
    "mention_side",
    "Match",
    "Entry",
    "Registry",
    "builtin_registry",
    "load_registry",
    "DEFAULT_THRESHOLD",
]
