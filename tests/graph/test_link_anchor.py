"""Claim linking: one speaker matched one to one across articles, one lead figure (invented sentences)."""

from __future__ import annotations

from claimtrack.graph.link import _anchor, _items, claim_groups
from claimtrack.model import Article

from .helpers import make_attribution
from .test_link_acts import _pair

# Unrelated statements of the same event, so that the pool's idf is not degenerate.
_FILLER = [
    ("قال", "رئيس البلدية", "محطة المياه متوقفة منذ يومين"),
    ("وأكد", "مدير المدرسة", "الدروس ستستأنف الأسبوع المقبل"),
    ("وأوضح", "مهندس", "الطريق الساحلي مغلق بسبب الانهيار"),
]


def _article(doc: str, rows: list[tuple[str, str, str]]) -> Article:
    """One article of cluster «ev» with one attribution per row (cue, source, content)."""
    text = " ".join(f"{c} {s} {t}." for c, s, t in rows)
    return Article(text, [make_attribution(text, c, s, t) for c, s, t in rows],
                   doc_id=doc, publisher=doc, meta=[("cluster", "ev")])


def _event() -> list[Article]:
    a = _article("a", [("قال", "الهلال الأحمر", "فرقه أسعفت عشرات الجرحى في الساحة العامة"),
                       ("وأضاف", "الهلال الأحمر", "المستودع الطبي في الميناء تعرض لأضرار جسيمة")])
    b = _article("b", [("وأعلن", "الهلال الأحمر", "طواقمه نقلت المصابين من الساحة إلى المستشفيات"),
                       ("وذكر", "الهلال الأحمر", "قوافل الإغاثة لم تصل بعد إلى القرى الشمالية")])
    c = _article("c", [("وقال", "رئيس البلدية", "عشرات المتطوعين تجمعوا في الساحة العامة للتبرع بالدم"),
                       ("وأوضح", "مدير المرفأ", "الرافعات في الميناء متوقفة عن العمل")])
    return [a, b, c] + [_article(f"f{i}", [row]) for i, row in enumerate(_FILLER)]


def test_one_speaker_in_other_words_links() -> None:
    # the Red Crescent's account of the wounded in two outlets shares few words
    # («أسعفت الجرحى» / «نقلت المصابين»), but it is that speaker's best match in the
    # other article both ways: one claim
    groups = claim_groups(_event())
    assert [(0, 0), (1, 0)] in groups


def test_another_speaker_alike_does_not_link() -> None:
    # the mayor's volunteers in the same square share as many words, but another
    # speaker gets no anchor: still apart; so do the speaker's unmatched statements
    groups = claim_groups(_event())
    group_of = {m: tuple(g) for g in groups for m in g}
    assert group_of[(2, 0)] == ((2, 0),)
    assert group_of[(0, 1)] == ((0, 1),) and group_of[(1, 1)] == ((1, 1),)


def test_anchor_is_one_to_one() -> None:
    # two statements of one speaker in article b both resemble article a's: only the
    # better one is raised
    arts = [_article("a", [("قال", "الهلال الأحمر", "فرقه أسعفت الجرحى في الساحة")]),
            _article("b", [("وأعلن", "الهلال الأحمر", "طواقمه نقلت المصابين من الساحة"),
                           ("وذكر", "الهلال الأحمر", "الساحة مغلقة أمام السيارات")])]
    items = _items(arts, None)
    scores = {(0, 1): 0.35, (0, 2): 0.3}
    got = _anchor(items, scores)
    assert got[(0, 1)] > 0.35 and got[(0, 2)] == 0.3
    # below the anchor floor nothing is raised; with no cluster nothing is raised
    assert _anchor(items, {(0, 1): 0.1}) == {(0, 1): 0.1}
    pooled = [Article(a.text, a.attributions, a.doc_id, a.publisher) for a in arts]
    assert _anchor(_items(pooled, None), scores) == scores


def test_same_lead_figure_links_different_figure_does_not() -> None:
    first = ("قال", "الدفاع المدني", "انهيار المبنى أدى إلى محاصرة 23 عاملاً تحت الركام")
    assert _pair(first, ("وذكر", "شهود", "23 عاملاً ما زالوا عالقين تحت أنقاض المبنى المنهار"))
    assert not _pair(first, ("وذكر", "شهود", "9 عمال ما زالوا عالقين تحت أنقاض المبنى المنهار"))
