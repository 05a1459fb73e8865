from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.graph.features import content_terms, frames, numbers, stem, weekdays


@pytest.mark.parametrize(("word", "expected"), [
    ("والمصادر", "مصادر"),
    ("بالصواريخ", "صواريخ"),
    ("للمدنيين", "مدني"),
    ("قواتها", "قوات"),
    ("وزير", "وزير"),
    ("الأمم", "امم"),
    ("كتاب", "كتاب"),
])
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل 70 شخصاً", (70,)),
    ("مقتل ما لا يقل عن أربعين", (40,)),
    ("٤٣ مدنياً بينهم سبعة أطفال", (7, 43)),
    ("عشرات القتلى ومئات الجرحى", ()),
    ("1,500 نازح", (1500,)),
    ("الطريق مغلق", ()),
])
def test_numbers(text: str, expected: tuple[int, ...]) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(("a", "b"), [
    ("قتل 70 شخصاً", "مقتل 40 شخصاً"),
    ("القتلى", "الضحايا"),
    ("الغارات الجوية", "القصف الجوي"),
])
def test_same_concepts(a: str, b: str) -> None:
    assert content_terms(a) & content_terms(b)


def test_numbers_are_not_terms() -> None:
    assert content_terms("قتل 70") == content_terms("قتل 40")


@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("الحصيلة 40 قتيلاً", None, {"toll"}),
    ("عشرات القتلى", None, {"toll"}),
    ("الطريق مغلق", None, set()),
    ("هذه المعلومات", "denial", {"denial"}),
])
def test_frames(text: str, kind: str | None, expected: set[str]) -> None:
    assert frames(text, cue_kind=kind) == expected


def test_weekdays() -> None:
    assert weekdays("قتل السبت وفي الجمعة") == {"السبت", "الجمعه"}


@given(st.text())
def test_features_never_crash(text: str) -> None:
    content_terms(text)
    numbers(text)
    frames(text)
    assert all(len(stem(w)) >= 1 for w in text.split() if stem(w))
