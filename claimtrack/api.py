"""The top-level API: :func:`extract` one article, :func:`extract_many` a batch.

Examples:
    >>> import claimtrack
    >>> art = claimtrack.extract("قال وزير الصحة إن المستشفى استقبل عشرين جريحاً.")
    >>> [(a.cue.span.text, a.source.text, a.content.span.text) for a in art.attributions]
    [('قال', 'وزير الصحة', 'المستشفى استقبل عشرين جريحاً')]
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Union

import attrs

from claimtrack.errors import ClaimtrackError, InputError
from claimtrack.rules.pipeline import extract_attributions
from claimtrack.model import Article
from claimtrack.text.noise import dateline_outlet
from claimtrack.text.read import read_text

if TYPE_CHECKING:
    from claimtrack.sources.registry import Registry

__all__ = ["extract", "extract_many", "extract_file", "BatchResult"]

logger = logging.getLogger(__name__)

PathLike = Union[str, "os.PathLike[str]"]


def extract(
    text: str,
    *,
    doc_id: str | None = None,
    publisher: str | None = None,
    registry: Registry | None = None,
    resolve: bool = True,
) -> Article:
    """Find every attribution in an Arabic news article.

    Args:
        text: the article text; offsets in the result index this exact string.
        doc_id: an identifier carried on the result (a file name, a URL).
        publisher: the article's own outlet, if known (a statement made *to* the
            publisher is then not a relay).
        registry: the source registry to resolve sources against (the built-in one
            when ``None``).
        resolve: resolve sources to registry entries and type them (default true).

    Returns:
        An :class:`~claimtrack.model.Article` with its attributions in text order.
    """
    if not isinstance(text, str):
        raise InputError(f"extract() takes a str, not {type(text).__name__}; decode bytes first "
                         "(claimtrack.text.read.decode)")
    attributions, diagnostics = extract_attributions(text)
    if publisher is None:
        publisher = dateline_outlet([d.span for d in diagnostics if d.code == "page-noise" and d.span is not None])
    article = Article(text, attributions, doc_id, publisher, diagnostics)
    if resolve:
        from claimtrack.sources import resolve_article

        article = resolve_article(article, registry=registry)
    return article


def extract_file(path: PathLike, *, registry: Registry | None = None, resolve: bool = True) -> Article:
    """Read an article file (any supported encoding) and extract from it; ``doc_id`` is the file name."""
    text = read_text(path)
    return extract(text, doc_id=Path(path).name, registry=registry, resolve=resolve)


@attrs.frozen
class BatchResult:
    """One item of :func:`extract_many`: the article, or the error that stopped it."""

    name: str
    article: Article | None
    error: ClaimtrackError | None = None

    @property
    def ok(self) -> bool:
        """True when the item was processed."""
        return self.error is None


def extract_many(
    items: Iterable[PathLike | str],
    *,
    paths: bool = True,
    registry: Registry | None = None,
    resolve: bool = True,
) -> Iterator[BatchResult]:
    """Extract from many articles, never letting one bad item stop the batch.

    Args:
        items: file paths (``paths=True``, the default) or article texts.
        paths: whether *items* are paths or texts.
        registry: as in :func:`extract`.
        resolve: as in :func:`extract`.

    Yields:
        A :class:`BatchResult` per item, in order; a failed item carries its error.
    """
    for i, item in enumerate(items):
        name = str(item) if paths else f"text-{i}"
        try:
            if paths:
                art = extract_file(item, registry=registry, resolve=resolve)
            else:
                art = extract(str(item), doc_id=name, registry=registry, resolve=resolve)
        except ClaimtrackError as exc:
            logger.warning("%s", exc)
            yield BatchResult(name, None, exc)
        else:
            yield BatchResult(name, art)
