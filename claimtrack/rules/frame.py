"""The frame: one attribution under construction, shared by the stages of the rules backend.

A :class:`Frame` is mutable and internal; :func:`~claimtrack.rules.pipeline.extract_from_doc`
turns the finished frames into frozen :class:`~claimtrack.model.Attribution` records.
"""

from __future__ import annotations

import bisect

import attrs

from claimtrack.rules.context import Doc
from claimtrack.rules.cues import CueCandidate
from claimtrack.model import Span

__all__ = ["Frame", "span_tokens", "first_token_at"]


@attrs.define
class Frame:
    """One attribution under construction (internal, mutable)."""

    cue: CueCandidate
    cue_span: Span
    source: Span | None = None
    implicit: bool = False
    content: tuple[int, int, str] | None = None
    vias: list[tuple[Span, Span]] = attrs.Factory(list)
    dropped: bool = False
    opener_kind: str = ""
    relay_implicit: bool = False
    outer: Span | None = None  # the speaker of the plain report this frame was folded out of
    pronoun: str | None = None  # «على حد قوله»: the gender ('m', 'f') or 'pl' the speaker is resolved by


def span_tokens(doc: Doc, rng: tuple[int, int], *, strip_waw: bool = False) -> Span:
    s, e = rng
    start, end = doc.tokens[s].start, doc.tokens[e - 1].end
    text = doc.text
    # Leave out a leading conjunction fused to an ال-word (والسلطة → السلطة) and quotes.
    first = doc.tokens[s]
    if first.kind == "word" and len(first.norm) > 3 and first.norm[0] in "وف" \
            and first.norm not in doc.lex.words["waw_words"] and (first.norm[1:3] == "ال" or strip_waw):
        start = text.index(first.text[1:2], start + 1) if first.text[1:2] else start + 1  # («وواشنطن»)
    return Span.of(text, start, end)


def first_token_at(doc: Doc, char: int) -> int | None:
    i = bisect.bisect_left(doc.starts, char)
    return i if i < len(doc.tokens) else None
