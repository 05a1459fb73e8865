"""The normaliser: its folding table, idempotence, and the offset map back to the original."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.text.normalize import is_deleted, normalize, normalized

# Arabic letters, harakat, tatweel, Arabic-Indic digits, the format characters the
# normaliser deletes, and a little Latin: the alphabet real pages are made of.
ARABIC_ISH = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.sampled_from("\u200b\u200c\u200d\u200e\u200f\u202b\u2066\u2069\ufeff\u00ad\u00a0 .,:«»\"'\nAbİ"),
    ),
    max_size=80,
)
ANY_TEXT = st.text(max_size=80)


@pytest.mark.parametrize(("text", "expected"), [
    ("أعلنت", "اعلنت"),                   # hamza above
    ("إلى", "الي"),                        # hamza below, alef maqsura
    ("آخر", "اخر"),                        # madda
    ("ٱلحكومة", "الحكومه"),                # wasla, ta marbuta
    ("وأكّدَ", "واكد"),                     # shadda and fatha deleted
    ("الوزيـــر", "الوزير"),                # tatweel
    ("مصادرُ مطّلعةٌ", "مصادر مطلعه"),       # damma, tanwin
    ("یکشف", "يكشف"),                      # Persian ya and kaf
    ("٢٠٢٦ و۱۲", "2026 و12"),              # Arabic-Indic and Persian digits
    ("قال\u200fالمصدر", "قالالمصدر"),        # right-to-left mark
    ("\ufeffبيان", "بيان"),                 # byte order mark
    ("نقل\u00a0عن", "نقل عن"),              # no-break space
    ("AFP وكالة", "afp وكاله"),             # Latin lowercased
    ("", ""),
])
def test_normalize_table(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize("ch", ["\u064e", "\u0651", "\u0640", "\u200d", "\u2067", "\ufeff", "\u00ad"])
def test_deleted_characters(ch: str) -> None:
    assert is_deleted(ch)
    assert normalize(ch) == ""


@pytest.mark.parametrize("ch", ["ا", "ء", "ؤ", "ئ", " ", "a", "1"])
def test_kept_characters(ch: str) -> None:
    assert not is_deleted(ch)


@given(st.one_of(ARABIC_ISH, ANY_TEXT))
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(st.one_of(ARABIC_ISH, ANY_TEXT))
def test_normalized_text_is_normalize(text: str) -> None:
    assert normalized(text).text == normalize(text)


@given(st.one_of(ARABIC_ISH, ANY_TEXT))
def test_offsets_map_every_kept_character_back(text: str) -> None:
    n = normalized(text)
    assert len(n.offsets) == len(n.text) + 1
    assert n.offsets[-1] == len(text)
    assert list(n.offsets) == sorted(n.offsets)
    for i, ch in enumerate(n.text):
        o = n.to_original(i)
        assert 0 <= o < len(text)
        assert not is_deleted(text[o])
        assert ch in normalize(text[o])
    # every character the normaliser keeps appears in the map
    kept = {i for i, ch in enumerate(text) if normalize(ch)}
    assert kept == set(n.offsets[:-1])


@given(ARABIC_ISH, st.data())
def test_span_to_original_covers_the_normalised_range(text: str, data: st.DataObject) -> None:
    n = normalized(text)
    start = data.draw(st.integers(0, len(n.text)))
    end = data.draw(st.integers(start, len(n.text)))
    a, b = n.span_to_original(start, end)
    assert 0 <= a <= b <= len(text)
    # equal, except where the range cuts through one character that lowercases to
    # two ('İ' -> 'i' + combining dot): then the original slice holds a little more
    assert n.text[start:end] in normalize(text[a:b])
    if "İ" not in text:
        assert normalize(text[a:b]) == n.text[start:end]


@pytest.mark.parametrize(("text", "needle", "original"), [
    ("وقـــال المتحـدث", "قال", "قـــال"),
    ("أكّدَ الوزيرُ", "الوزير", "الوزيرُ"[:-1]),   # the trailing damma is left out
    ("قال ‏المصدر", "المصدر", "المصدر"),
])
def test_finding_a_word_in_normalised_text_gives_original_span(text: str, needle: str,
                                                               original: str) -> None:
    n = normalized(text)
    i = n.text.index(needle)
    a, b = n.span_to_original(i, i + len(needle))
    assert text[a:b] == original


def test_capital_sigma_folds_alike_on_both_paths() -> None:
    # «İ» grows under lower(), which sends the text down the character-by-character path;
    # a final capital sigma must fold there as it does in normalize()
    for text in ("İΣ", "ΟΔΟΣ", "قال ΟΔΟΣ"):
        assert normalized(text).text == normalize(text)
