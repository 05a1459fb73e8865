"""Mention resolution: (text, expected id) tables and invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.sources import resolve
from claimtrack.text.normalize import normalize

CASES = [
    ("رويترز", "reuters"),
    ("وكالة رويترز للأنباء", "reuters"),
    ("ولوكالة رويترز", "reuters"),
    ("فرانس برس", "afp"),
    ("أ ف ب", "afp"),
    ("الوكالة الفرنسية", "afp"),
    ("د ب أ", "dpa"),
    ("وكالة الأناضول", "anadolu"),
    ("شينخوا", "xinhua"),
    ("وكالة الإعلام الروسية", "ria-novosti"),
    ("إرنا", "irna"),
    ("وكالة \"فارس\" للأنباء", "fars"),
    ("للمرصد السوري لحقوق الإنسان", "sohr"),
    ("بالمرصد", "sohr"),
    ("وكالة الأنباء السورية الرسمية «سانا»", "sana"),
    ("وكالة الأنباء الرسمية (سانا)", "sana"),
    ("وزارة الدفاع الأمريكية", "pentagon"),
    ("وزارة الدفاع الأميركية", "pentagon"),
    ("الخوذ البيضاء", "white-helmets"),
    ("منظمة الخوذ البيضاء", "white-helmets"),
    ("#تحالف_دعم_الشرعية", "arab-coalition"),
    ("قناة المسيرة", "al-masirah"),
    ("المسيرة", "al-masirah"),
    ("وكالة أعماق", "amaq"),
    ("وكالته الدعائية أعماق", "amaq"),
    ("مراسل «سكاي نيوز عربية» في بيروت", "sky-news-arabia"),
    ("بعثة الأمم المتحدة في اليمن", "un"),
    ("بيان لمنظمة الصحة العالمية", "who"),
    ("أمن حماس في خان يونس", "hamas"),
    ("منظمة حظر الأسلحه الكيمياويه", "opcw"),
    ("الصليب الاحمر", "icrc"),
    ("وكالة الأنباء السعودية واس", "spa"),
    ("لجيش الروسي", "russian-army"),
    ("النظام", "syrian-government"),
]

NONE_CASES = [
    "مصدر عسكري",
    "الحكومة",            # a context name shared by many governments
    "وزارة الداخلية",      # same
    "قال لي صديقي",
    "المرصد السوري لحقوق الإنسان ووحدات حماية الشعب",
    "مستشفى ريف دمشق التخصصي",
    "العربية الفصحى لغة جميلة",
    "",
    "«»",
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_resolves(text: str, expected: str) -> None:
    m = resolve(text)
    assert m is not None and m.id == expected


@pytest.mark.parametrize("text", NONE_CASES)
def test_no_match(text: str) -> None:
    assert resolve(text) is None


def test_match_record() -> None:
    m = resolve("رويترز")
    assert m is not None
    assert (m.id, m.name, m.type, m.score, m.method) == ("reuters", "Reuters", "outlet", 100.0, "exact")


def test_fuzzy_below_threshold_is_none() -> None:
    assert resolve("منظمة حظر الأسلحه الكيمياويه", threshold=101) is None or \
        resolve("منظمة حظر الأسلحه الكيمياويه", threshold=101).method != "fuzzy"  # type: ignore[union-attr]


def test_transliteration_typo_is_fuzzy() -> None:
    m = resolve("رويتزر")
    assert m is not None and (m.id, m.method) == ("reuters", "fuzzy")


@pytest.mark.xfail(strict=True, reason="descriptor nouns (قناة/تلفزيون/فضائية) are not "
                   "interchangeable yet: only the listed spellings match")
def test_descriptor_swap() -> None:
    m = resolve("تلفزيون المنار")
    assert m is not None and m.id == "al-manar"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_never_crashes(text: str) -> None:
    m = resolve(text)
    assert m is None or m.id


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([c[0] for c in CASES]))
def test_normalisation_invariant(text: str) -> None:
    a, b = resolve(text), resolve(normalize(text))
    assert (a.id if a else None) == (b.id if b else None)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([c[0] for c in CASES]), st.sampled_from(["\u064e", "\u0640", "\u200f"]))
def test_diacritics_and_tatweel_invariant(text: str, mark: str) -> None:
    marked = "".join(ch + (mark if i % 3 == 1 else "") for i, ch in enumerate(text))
    a, b = resolve(text), resolve(marked)
    assert (a.id if a else None) == (b.id if b else None)
