"""The JSON form: its fields, round trips of arbitrary records, and bad input."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.errors import InputError
from claimtrack.jsonio import (
    article_from_dict,
    article_to_dict,
    attribution_from_dict,
    attribution_to_dict,
    span_to_dict,
)
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

TEXTS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=60)
OPTIONAL_STR = st.none() | st.text(max_size=12)


def spans(text: str) -> st.SearchStrategy[Span]:
    return st.integers(0, len(text)).flatmap(
        lambda s: st.integers(s, len(text)).map(lambda e: Span.of(text, s, e)))


def sources(text: str) -> st.SearchStrategy[Source]:
    return st.builds(Source, spans(text), st.sampled_from(SOURCE_TYPES), OPTIONAL_STR,
                     OPTIONAL_STR, st.booleans(), OPTIONAL_STR)


def attributions(text: str) -> st.SearchStrategy[Attribution]:
    cue = st.builds(Cue, spans(text), st.text(max_size=8), st.sampled_from(CUE_KINDS),
                    st.sampled_from(CUE_FORMS), st.booleans())
    content = st.none() | st.builds(Content, spans(text), st.sampled_from(CONTENT_MODES))
    via = st.lists(st.builds(Via, spans(text), sources(text)), max_size=3).map(tuple)
    return st.builds(Attribution, cue, st.none() | sources(text), content, via, OPTIONAL_STR)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    text = draw(TEXTS)
    atts = draw(st.lists(attributions(text), max_size=4))
    diags = draw(st.lists(st.builds(Diagnostic, st.text(max_size=8), st.text(max_size=20),
                                    st.none() | spans(text)), max_size=2))
    return Article(text, atts, draw(OPTIONAL_STR), draw(OPTIONAL_STR), diags)


@given(articles())
def test_article_round_trips_through_json_text(article: Article) -> None:
    d = article_to_dict(article)
    again = json.loads(json.dumps(d, ensure_ascii=False))
    assert again == d
    assert article_from_dict(again, article.text) == article


@given(articles())
def test_attribution_round_trips_without_the_text(article: Article) -> None:
    for att in article.attributions:
        assert attribution_from_dict(attribution_to_dict(att)) == att


@given(articles())
def test_every_span_in_the_json_slices_the_text(article: Article) -> None:
    def check(span: dict[str, object]) -> None:
        assert article.text[span["start"]:span["end"]] == span["text"]  # type: ignore[misc]

    for a in article_to_dict(article)["attributions"]:
        check(a["cue"])
        for key in ("source", "content"):
            if a[key] is not None:
                check(a[key])
        for v in a["via"]:
            check(v["cue"])
            check(v["source"])


# An invented sentence:  "The minister said that the road is closed", per the relay of an agency.
T = "قال الوزير لوكالة محلية إن الطريق مغلق"


def _example() -> Attribution:
    return Attribution(
        Cue(Span.of(T, 0, 3), "قال", "neutral"),
        Source(Span.of(T, 4, 10), "official"),
        Content(Span.of(T, 27, 38), "indirect"),
        [Via(Span.of(T, 11, 17), Source(Span.of(T, 11, 23), "outlet", "local-agency", "وكالة محلية"))],
        "road-closed",
    )


def test_exact_field_set() -> None:
    d = attribution_to_dict(_example())
    assert list(d) == ["cue", "source", "content", "direct", "via", "claim_id"]
    assert list(d["cue"]) == ["start", "end", "text", "lemma", "kind", "form", "passive"]
    assert list(d["source"]) == ["start", "end", "text", "type", "canonical", "canonical_name",
                                 "implicit", "side"]
    assert list(d["content"]) == ["start", "end", "text", "mode"]
    assert list(d["via"][0]) == ["cue", "source"]
    assert list(d["via"][0]["cue"]) == ["start", "end", "text"]
    art = article_to_dict(Article(T, [_example()], "doc.txt", "outlet",
                                  [Diagnostic("noise", "skipped", Span.of(T, 0, 3))]))
    assert list(art) == ["doc", "publisher", "attributions", "diagnostics"]
    assert art["diagnostics"] == [{"code": "noise", "message": "skipped",
                                   "span": {"start": 0, "end": 3, "text": "قال"}}]


@pytest.mark.parametrize(("path", "expected"), [
    (("cue", "text"), "قال"),
    (("source", "text"), "الوزير"),
    (("content", "text"), "الطريق مغلق"),
    (("content", "mode"), "indirect"),
    (("direct",), False),
    (("via", 0, "source", "canonical"), "local-agency"),
    (("claim_id",), "road-closed"),
])
def test_example_values(path: tuple[str | int, ...], expected: object) -> None:
    value: object = attribution_to_dict(_example())
    for key in path:
        value = value[key]  # type: ignore[index]
    assert value == expected


def test_null_source_and_content() -> None:
    att = Attribution(Cue(Span.of(T, 0, 3), "قال", "neutral", passive=True), None, None)
    d = attribution_to_dict(att)
    assert d["source"] is None and d["content"] is None and d["direct"] is False
    assert attribution_from_dict(d, T) == att


def test_span_to_dict() -> None:
    assert span_to_dict(Span.of(T, 4, 10)) == {"start": 4, "end": 10, "text": "الوزير"}


def test_reading_with_text_slices_span_texts_from_it() -> None:
    d = attribution_to_dict(_example())
    d["source"]["text"] = "stale"
    assert attribution_from_dict(d, T).source == _example().source


def test_missing_optional_fields_get_defaults() -> None:
    att = attribution_from_dict({"cue": {"start": 0, "end": 3}, "content": {"start": 27, "end": 38},
                                 "direct": True}, T)
    assert att.cue.kind == "neutral" and att.cue.form == "verb"
    assert att.content is not None and att.content.mode == "direct"
    assert att.source is None and att.via == ()


@pytest.mark.parametrize(("cue", "says"), [
    ({"start": 0}, "start"),
    ({"start": "x", "end": 3}, "start"),
    ({"start": 0, "end": 999}, "past the text"),
])
def test_bad_spans_raise_input_error(cue: dict[str, object], says: str) -> None:
    with pytest.raises(InputError, match=says):
        attribution_from_dict({"cue": cue}, T)
