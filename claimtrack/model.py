"""Frozen records: the data model of claimtrack.

Every span is a half-open character range into the *original* text the caller
gave, plus that text: ``text[span.start:span.end] == span.text`` always holds.

Examples:
    >>> s = Span.of("قال الوزير إن", 4, 10)
    >>> s
    Span(start=4, end=10, text='الوزير')
    >>> len(s)
    6
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

import attrs

__all__ = [
    "Span",
    "Cue",
    "Source",
    "Content",
    "Via",
    "Attribution",
    "Diagnostic",
    "Article",
    "CUE_KINDS",
    "CUE_FORMS",
    "SOURCE_TYPES",
    "CONTENT_MODES",
]

#: Semantic classes of reporting cues.
CUE_KINDS = (
    "neutral",       # قال، ذكر، أفاد
    "assertive",     # أكد، شدد
    "denial",        # نفى
    "allegation",    # زعم، ادعى، اتهم
    "announcement",  # أعلن
    "disclosure",    # كشف
    "explanation",   # أوضح، بين
    "addition",      # أضاف، تابع
    "evaluation",    # اعتبر، رأى، وصف
    "prediction",    # توقع، رجح
    "warning",       # حذر، هدد
    "demand",        # دعا، طالب
    "admission",     # اعترف، أقر
    "condemnation",  # أدان، استنكر
    "finding",       # أظهر، خلص، وثق
    "relay",         # بحسب، نقلاً عن، وفقاً لـ
)

#: Grammatical forms a cue can take.
CUE_FORMS = ("verb", "participle", "masdar", "preposition", "noun", "colon")

#: Types of source mentions.
SOURCE_TYPES = (
    "outlet",
    "official",
    "organization",
    "person",
    "anonymous",
    "collective",
    "document",
    "unknown",
)

#: How the content is reported.
CONTENT_MODES = ("direct", "indirect", "mixed")

SourceType = Literal[
    "outlet", "official", "organization", "person", "anonymous", "collective", "document", "unknown"
]
ContentMode = Literal["direct", "indirect", "mixed"]


def _in(choices: tuple[str, ...]) -> Any:
    return attrs.validators.in_(choices)


@attrs.frozen(order=True)
class Span:
    """A half-open character range ``[start, end)`` of the original text, with its text."""

    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field()
    text: str = attrs.field(order=False)

    @end.validator
    def _check_end(self, _attr: attrs.Attribute[int], value: int) -> None:
        if value < self.start:
            raise ValueError(f"span end {value} is before its start {self.start}")

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``[start, end)`` of *text*, its text sliced from it."""
        return cls(start, end, text[start:end])

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return min(self.end, other.end) > max(self.start, other.start)

    def contains(self, other: Span) -> bool:
        """True when *other* lies inside this span."""
        return self.start <= other.start and other.end <= self.end


@attrs.frozen
class Cue:
    """The reporting expression: a verb, participle, preposition, noun or headline colon."""

    span: Span
    lemma: str
    kind: str = attrs.field(validator=_in(CUE_KINDS))
    form: str = attrs.field(default="verb", validator=_in(CUE_FORMS))
    passive: bool = False


@attrs.frozen
class Source:
    """Who is reported as speaking.

    ``span`` is the mention in the text. For an implicit speaker (``وقال:``) it is the
    earlier mention the speaker resolves to and ``implicit`` is true. ``canonical`` and
    ``canonical_name`` name the registry entry it resolves to, if any.
    """

    span: Span
    type: str = attrs.field(default="unknown", validator=_in(SOURCE_TYPES))
    canonical: str | None = None
    canonical_name: str | None = None
    implicit: bool = False
    side: str | None = None

    @property
    def text(self) -> str:
        """The mention's text."""
        return self.span.text


@attrs.frozen
class Content:
    """The reported material and whether it is quoted."""

    span: Span
    mode: str = attrs.field(default="indirect", validator=_in(CONTENT_MODES))

    @property
    def direct(self) -> bool:
        """True when the content is inside quote marks (wholly or partly)."""
        return self.mode != "indirect"


@attrs.frozen
class Via:
    """One link of a relay chain: the outlet or body a claim reached the article through."""

    cue: Span
    source: Source


# Typed converters: with a bare ``converter=tuple`` mypy's attrs plugin cannot infer the
# element type of the ``__init__`` argument.
def _vias(items: Iterable[Via]) -> tuple[Via, ...]:
    return tuple(items)


@attrs.frozen
class Attribution:
    """One attribution: a cue, its source, its content and its relay chain.

    ``via`` is ordered from the relay nearest the speaker outward. ``source`` is
    ``None`` for an agentless passive (``اتُّهمت ...``).
    """

    cue: Cue
    source: Source | None
    content: Content | None
    via: tuple[Via, ...] = attrs.field(default=(), converter=_vias)
    claim_id: str | None = None

    @property
    def agentless(self) -> bool:
        """True when the text names no speaker at all."""
        return self.source is None

    @property
    def direct(self) -> bool:
        """True when the content is quoted."""
        return self.content is not None and self.content.direct


@attrs.frozen
class Diagnostic:
    """A note about the input: page noise skipped, a cue left without content, ..."""

    code: str
    message: str
    span: Span | None = None


def _attributions(items: Iterable[Attribution]) -> tuple[Attribution, ...]:
    return tuple(items)


def _diagnostics(items: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(items)


def _meta(items: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple(items)


@attrs.frozen
class Article:
    """An analysed article: its original text and its attributions in text order."""

    text: str = attrs.field(repr=False)
    attributions: tuple[Attribution, ...] = attrs.field(converter=_attributions)
    doc_id: str | None = None
    publisher: str | None = None
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), converter=_diagnostics)
    meta: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_meta)

    def __len__(self) -> int:
        return len(self.attributions)
