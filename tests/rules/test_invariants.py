"""Properties of the rules backend that hold for any input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack
from claimtrack.rules.pipeline import extract_attributions
from claimtrack.model import Span

# Arabic letters and marks, cue words, punctuation, quotes, format characters.
_PIECES = st.sampled_from([
    "قال", "وقالت", "أكد", "وأضاف", "مشيرا", "بحسب", "وفقاً لـ", "نقلاً عن", "إن", "أن", "بأن", "إلى",
    "الوزير", "مصادر", "وكالة", "\"", "«", "»", "“", "”", "،", ".", ":", "؟", "\n", " ", "ـ",
    "\u064e", "\u0651", "\u200f", "\u200b", "\ufeff", "عن", "في بيان", "(CNN)--", "اقرأ أيضا", "x",
    # words of the later constructions (masdars, «كما/هكذا», affiliations, issuers, channels)
    "كما", "هكذا", "بعد", "تأكيد", "إلا", "أنها", "حذرت", "من", "التابعة", "لها", "لرويترز",
    "قائلا", "بالقول", "حسبما نقلت", "وذلك", "فيه", "بيانا", "أصدرت", "ونشرت", "صورا", "..",
    "طلبت", "عدم", "وبين", "يمكن", "لكنها", "تقول", "في الوقت ذاته", "على حسابها", "التحالف",
])
_TEXTS = st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=60).map(" ".join),
                   st.lists(_PIECES, max_size=60).map("".join))


def _spans(text: str) -> list[Span]:
    atts, diags = extract_attributions(text)
    out: list[Span] = []
    for a in atts:
        out.append(a.cue.span)
        if a.source is not None:
            out.append(a.source.span)
        if a.content is not None:
            out.append(a.content.span)
        for v in a.via:
            out.extend([v.cue, v.source.span])
    out.extend(d.span for d in diags if d.span is not None)
    return out


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_offsets_are_exact_for_any_text(text: str) -> None:
    for s in _spans(text):
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start:s.end] == s.text


@settings(max_examples=100, deadline=None)
@given(_TEXTS)
def test_records_are_in_text_order(text: str) -> None:
    atts, _ = extract_attributions(text)
    starts = [a.cue.span.start for a in atts]
    assert starts == sorted(starts)


def test_diacritics_tatweel_and_format_characters_do_not_break_cues() -> None:
    plain = "وقال الوزير إن الطريق مغلق."
    marked = "وقَالَ الوزيـــر إنّ الطر\u200cيق مغلق."
    a, b = claimtrack.extract(plain), claimtrack.extract(marked)
    assert len(a.attributions) == len(b.attributions) == 1
    att = b.attributions[0]
    assert att.cue.span.text == "وقَالَ"
    assert att.source is not None and att.source.text == "الوزيـــر"
    assert marked[att.content.span.start:att.content.span.end] == att.content.span.text  # type: ignore[union-attr]


def test_empty_text_gives_no_attributions() -> None:
    assert claimtrack.extract("").attributions == ()


def test_long_text_without_punctuation_finishes() -> None:
    text = " ".join(["كلمة"] * 20000 + ["قال", "الوزير", "إن", "الجسر", "مغلق"])
    art = claimtrack.extract(text)
    assert len(art.attributions) == 1


def test_page_noise_is_reported_not_removed() -> None:
    text = "عنوان الخبر\nعنوان الخبر\nوقال الوزير إن الجسر مغلق.\nالأكثر قراءة\nخبر آخر قال فيه أحدهم إن شيئا حدث"
    art = claimtrack.extract(text)
    assert [a.cue.span.text for a in art.attributions] == ["وقال"]
    noise = [d.span.text for d in art.diagnostics if d.code == "page-noise" and d.span is not None]
    assert "الأكثر قراءة" in noise
