"""Source typing and side: (mention, expected) tables."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.model import SOURCE_TYPES
from claimtrack.sources import mention_side, source_type

TYPES = [
    ("شهود عيان", "collective"),
    ("ناشطون", "collective"),
    ("الأهالي", "collective"),
    ("سكان محليون", "collective"),
    ("مصدر عسكري", "anonymous"),
    ("مصادر مطلعة", "anonymous"),
    ("المصادر", "anonymous"),
    ("مسؤول", "anonymous"),
    ("مسؤول في وزارة الخارجية", "anonymous"),
    ("المسؤول", "anonymous"),
    ("قائد ميداني", "anonymous"),
    ("مسؤولة كبيرة تدعى سلمى", "official"),
    ("متحدث باسم الجيش", "official"),
    ("المتحدث", "official"),
    ("وزير الخارجية التركي", "official"),
    ("الناطق باسم الحكومة", "official"),
    ("اللواء خالد حسن", "official"),
    ("قائد القوات سعيد حامد", "official"),
    ("سعيد حامد المتحدث باسم الجبهة", "official"),
    ("بيان", "document"),
    ("التقارير", "document"),
    ("تقارير إعلامية محلية", "document"),
    ("بيان لحماس", "organization"),
    ("بيان المنظمة", "organization"),
    ("بيان النائب العام", "official"),
    ("بيان سانا", "document"),
    ("رويترز", "outlet"),
    ("وكالات أنباء محلية", "outlet"),
    ("وسائل الإعلام الرسمية", "outlet"),
    ("صحيفة محلية", "outlet"),
    ("وزارة الصحة", "organization"),
    ("الجيش", "organization"),
    ("حركة حماس", "organization"),
    ("المعارضة السورية", "organization"),
    ("الكرملين", "organization"),
    ("المتحدث باسمها", "official"),
    ("المكتب الإعلامي للحركة", "organization"),
    ("الشرطة", "organization"),
    ("واشنطن وباريس", "organization"),
    ("كلا من أنقرة وطهران", "organization"),
    ("سمير الأحمد", "person"),
    ("", "unknown"),
]

SIDES = [
    ("مصادر إعلامية معارضة", "opposition"),
    ("مصدر عسكري في الجيش السوري", "government"),
    ("مصادر حكومية", "government"),
    ("ناشطون معارضون", "opposition"),
    ("مصدر في المرصد السوري", "opposition"),
    ("شهود عيان", None),
]


@pytest.mark.parametrize(("text", "expected"), TYPES)
def test_type(text: str, expected: str) -> None:
    assert source_type(text) == expected


@pytest.mark.parametrize(("text", "expected"), SIDES)
def test_side(text: str, expected: str | None) -> None:
    assert mention_side(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=50))
def test_type_is_always_valid(text: str) -> None:
    assert source_type(text) in SOURCE_TYPES
