"""The records of claimtrack.model: spans, their offsets contract, and validation."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.model import (
    CONTENT_MODES,
    CUE_FORMS,
    CUE_KINDS,
    SOURCE_TYPES,
    Article,
    Attribution,
    Content,
    Cue,
    Diagnostic,
    Source,
    Span,
    Via,
)

SENTENCE = "ونفى المتحدث باسم البلدية أن تكون المياه ملوثة"


@st.composite
def text_and_range(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(st.text(max_size=60))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text, start, end


@given(text_and_range())
def test_span_of_slices_the_text(case: tuple[str, int, int]) -> None:
    text, start, end = case
    span = Span.of(text, start, end)
    assert span.text == text[start:end]
    assert len(span) == end - start
    assert (span.start, span.end) == (start, end)


@given(text_and_range(), text_and_range())
def test_overlap_is_symmetric_and_contains_implies_overlap(a: tuple[str, int, int],
                                                          b: tuple[str, int, int]) -> None:
    s, t = Span.of(a[0], a[1], a[2]), Span.of(b[0], b[1], b[2])
    assert s.overlaps(t) == t.overlaps(s)
    if s.contains(t) and len(t) > 0:
        assert s.overlaps(t)


@pytest.mark.parametrize(("a", "b", "overlaps", "contains"), [
    ((0, 4), (4, 8), False, False),    # touching half-open ranges do not overlap
    ((0, 5), (4, 8), True, False),
    ((0, 10), (2, 5), True, True),
    ((2, 5), (0, 10), True, False),
    ((3, 3), (0, 10), False, False),   # an empty span overlaps nothing
    ((0, 10), (3, 3), False, True),    # ... but lies inside
])
def test_overlaps_and_contains(a: tuple[int, int], b: tuple[int, int],
                               overlaps: bool, contains: bool) -> None:
    s, t = Span.of(SENTENCE, *a), Span.of(SENTENCE, *b)
    assert s.overlaps(t) is overlaps
    assert s.contains(t) is contains


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 4)])
def test_span_rejects_bad_ranges(start: int, end: int) -> None:
    with pytest.raises(ValueError):
        Span(start, end, "")


def test_spans_order_by_position_not_text() -> None:
    assert sorted([Span(5, 9, "a"), Span(0, 3, "z"), Span(0, 2, "y")]) == [
        Span(0, 2, "y"), Span(0, 3, "z"), Span(5, 9, "a")]


def test_records_are_frozen() -> None:
    span = Span.of(SENTENCE, 0, 4)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 1  # type: ignore[misc]


@pytest.mark.parametrize("kind", CUE_KINDS)
def test_every_cue_kind_is_accepted(kind: str) -> None:
    assert Cue(Span.of(SENTENCE, 0, 4), "نفى", kind).kind == kind


@pytest.mark.parametrize(("field", "value"), [
    ("kind", "rumour"), ("form", "adverb"),
])
def test_cue_rejects_unknown_labels(field: str, value: str) -> None:
    kwargs = {"kind": "denial", "form": "verb", field: value}
    with pytest.raises(ValueError):
        Cue(Span.of(SENTENCE, 0, 4), "نفى", **kwargs)  # type: ignore[arg-type]


def test_label_sets_are_what_the_records_accept() -> None:
    span = Span.of(SENTENCE, 5, 12)
    for t in SOURCE_TYPES:
        assert Source(span, t).type == t
    for m in CONTENT_MODES:
        assert Content(span, m).mode == m
    for f in CUE_FORMS:
        assert Cue(span, "x", "neutral", f).form == f
    with pytest.raises(ValueError):
        Source(span, "celebrity")
    with pytest.raises(ValueError):
        Content(span, "paraphrase")


@pytest.mark.parametrize(("mode", "direct"), [("direct", True), ("mixed", True), ("indirect", False)])
def test_content_direct(mode: str, direct: bool) -> None:
    content = Content(Span.of(SENTENCE, 30, len(SENTENCE)), mode)
    assert content.direct is direct
    att = Attribution(Cue(Span.of(SENTENCE, 0, 4), "نفى", "denial"), None, content)
    assert att.direct is direct


def test_attribution_properties() -> None:
    cue = Cue(Span.of(SENTENCE, 0, 4), "نفى", "denial")
    source = Source(Span.of(SENTENCE, 5, 12), "official")
    agentless = Attribution(cue, None, None)
    assert agentless.agentless and not agentless.direct
    relay = Source(Span.of(SENTENCE, 18, 25), "organization")
    att = Attribution(cue, source, None, [Via(Span.of(SENTENCE, 13, 17), relay)])
    assert not att.agentless
    assert att.source is not None and att.source.text == "المتحدث"
    assert isinstance(att.via, tuple) and att.via[0].source.text == "البلدية"


def test_article_length_and_tuples() -> None:
    cue = Cue(Span.of(SENTENCE, 0, 4), "نفى", "denial")
    art = Article(SENTENCE, [Attribution(cue, None, None)],
                  diagnostics=[Diagnostic("noise", "skipped a line")])
    assert len(art) == 1
    assert isinstance(art.attributions, tuple) and isinstance(art.diagnostics, tuple)
    assert not repr(art).startswith("Article(text=")  # the article text is left out of the repr
