"""Hybrid mode: the rules find cues, relay chains and implicit speakers; the tree sets boundaries.

For each attribution of :func:`claimtrack.rules.pipeline.extract_attributions`, the
tree frame whose cue overlaps it (see :func:`claimtrack.backends.tree.tree_frames`)
replaces the source span when the tree's subject is a confident nominal ``nsubj`` (and
the rules' speaker is not an implicit one), and the content span when the tree's
complement is marked by أن/إن or quoted. Everything else — which cues count, ``via``
chains, canonical names — stays as the rules made it.
"""

from __future__ import annotations

import logging

import attrs

from claimtrack.backends.parse import ParsedDoc
from claimtrack.backends.tree import Frame, tree_frames
from claimtrack.lexicon.loader import Lexicon
from claimtrack.model import Attribution, Content, Diagnostic, Span

__all__ = ["merge", "hybrid_attributions"]

logger = logging.getLogger(__name__)


def _content(rules: Content | None, tree: Content) -> Content:
    """The tree's content; but a quote found by the rules keeps its closing boundary."""
    if rules is None or not rules.direct or not rules.span.overlaps(tree.span):
        return tree
    start = tree.span.start if tree.span.start >= rules.span.start else rules.span.start
    end = rules.span.end
    text = rules.span.text[start - rules.span.start:] if start >= rules.span.start else rules.span.text
    return Content(Span(start, end, text), rules.mode)


def merge(rules: list[Attribution], frames: list[Frame]) -> list[Attribution]:
    """Set the source and content boundaries of *rules* from the confident *frames*."""
    out = []
    for a in rules:
        f = next((f for f in frames if f.cue.span.overlaps(a.cue.span)), None)
        if f is None:
            out.append(a)
            continue
        source, content = a.source, a.content
        if source is None and f.source is not None and not (a.cue.passive or f.cue.passive):
            source = f.source  # a speaker the rules missed (the tree's previous speaker, or a subject)
        elif f.source is not None and f.source_confident and not f.via:
            if source is not None and not source.implicit:
                source = attrs.evolve(source, span=f.source.span)
        if f.content is not None and f.content_confident:
            content = _content(content, f.content)
        out.append(attrs.evolve(a, source=source, content=content))
    return out


def hybrid_attributions(doc: ParsedDoc, *, lex: Lexicon | None = None) -> tuple[list[Attribution], list[Diagnostic]]:
    """The rules' attributions of ``doc.text`` with boundaries from the parse of *doc*."""
    from claimtrack.rules.pipeline import extract_attributions

    rules, diags = extract_attributions(doc.text)
    return merge(list(rules), tree_frames(doc, lex=lex)), list(diags)
