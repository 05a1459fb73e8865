"""Claim linking by proposition: speech acts, speakers, frames, average linkage (invented sentences)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.graph.features import act, source_terms
from claimtrack.graph.link import _average_linkage, claim_groups, link_claims
from claimtrack.model import Article

from .helpers import make_attribution


def _art(doc: str, cue: str, source: str, content: str, kind: str = "neutral") -> Article:
    text = f"{cue} {source} {content}."
    return Article(text, [make_attribution(text, cue, source, content, kind=kind)],
                   doc_id=doc, publisher=doc, meta=[("cluster", "ev")])


def _same(arts: list[Article]) -> list[list[bool]]:
    ids = [a.attributions[0].claim_id for a in link_claims(arts)]
    return [[x == y for y in ids] for x in ids]


@pytest.mark.parametrize(("content", "kind", "expected"), [
    ("مقتل 12 شخصاً في الحي الشرقي", "denial", "deny"),
    ("تدين بشدة قصف المدرسة", "neutral", "condemn"),
    ("الجسر مغلق أمام السيارات", "assertive", "report"),
    ("الحكومة المسؤولية عن انقطاع المياه", "allegation", "blame"),
    ("بفتح تحقيق في الحريق", "demand", "demand"),
    ("تنفي وجود قوات أجنبية", "neutral", "deny"),
])
def test_act(content: str, kind: str, expected: str) -> None:
    assert act(content, cue_kind=kind) == expected


@pytest.mark.parametrize(("a", "b", "same"), [
    ("الجيش التركي", "جيش تركيا", True),
    ("وزارة الصحة السورية", "وزارة الصحة في سوريا", True),
    ("الرئاسة", "الحركة", False),
])
def test_source_terms(a: str, b: str, same: bool) -> None:
    assert (source_terms(a) == source_terms(b)) is same


# (doc, cue, source, content, cue kind); rows with the same group letter are one claim.
_EVENT = [
    ("a", "قال", "الدفاع المدني", "القصف قتل 12 شخصاً في الحي الشرقي من البلدة", "neutral", "toll"),
    ("b", "وأكد", "مسعفون", "مقتل 15 شخصاً على الأقل بالقصف على الحي الشرقي", "assertive", "toll"),
    ("c", "ونفى", "الجيش", "القصف قتل 12 شخصاً في الحي الشرقي من البلدة", "denial", "deny"),
    ("d", "نفت", "قيادة الجيش", "هذه الأنباء", "denial", "deny"),
    ("a", "وأدانت", "نقابة الأطباء", "قصف المستوصف في الحي الشرقي", "condemnation", "union"),
    ("b", "واستنكر", "المحافظ", "قصف المستوصف في الحي الشرقي", "condemnation", "governor"),
    ("c", "وقال", "رئيس البلدية", "محطة المياه الرئيسية متوقفة عن العمل منذ يومين", "neutral", "water"),
    ("d", "وأوضح", "مهندس في البلدية", "توقف محطة المياه الرئيسية عن العمل منذ يومين", "explanation", "water"),
]


def test_acts_speakers_and_paraphrase() -> None:
    arts = [_art(f"{d}{i}", c, s, t, k) for i, (d, c, s, t, k, _) in enumerate(_EVENT)]
    same = _same(arts)
    groups = [row[-1] for row in _EVENT]
    for i, gi in enumerate(groups):
        for j, gj in enumerate(groups):
            assert same[i][j] == (gi == gj), (i, j, _EVENT[i][3], _EVENT[j][3])


def test_one_loose_pair_does_not_chain() -> None:
    # two tight pairs joined by one pair just over the threshold stay two groups
    scores = {(0, 1): 0.9, (2, 3): 0.9, (1, 2): 0.45}
    rep = _average_linkage(4, scores, lambda k: 0.4)
    assert rep[0] == rep[1] and rep[2] == rep[3] and rep[0] != rep[2]
    # a third member alike to both joins
    scores = {(0, 1): 0.9, (0, 2): 0.8, (1, 2): 0.7}
    assert len(set(_average_linkage(3, scores, lambda k: 0.4))) == 1


@settings(max_examples=50, deadline=None)
@given(st.dictionaries(st.tuples(st.integers(0, 7), st.integers(0, 7)).filter(lambda p: p[0] < p[1]),
                       st.floats(0.0, 1.3), max_size=20),
       st.floats(0.1, 1.0))
def test_average_linkage_invariants(scores: dict[tuple[int, int], float], th: float) -> None:
    rep = _average_linkage(8, scores, lambda k: th)
    assert all(rep[rep[k]] == rep[k] for k in range(8))  # representatives are their own
    # every member of a group of two or more has a scored pair at or above the threshold
    # with some other member, or the group is a single item
    for k in range(8):
        mates = [m for m in range(8) if rep[m] == rep[k] and m != k]
        if mates:
            assert any(scores.get((min(k, m), max(k, m)), 0.0) > 0 for m in mates)
    # nothing scored at all: every item alone
    assert len(set(_average_linkage(8, {}, lambda k: th))) == 8


@settings(max_examples=30, deadline=None)
@given(st.permutations(list(range(len(_EVENT)))))
def test_groups_do_not_depend_on_order(order: list[int]) -> None:
    rows = [_EVENT[i] for i in order]
    arts = [_art(f"{d}{i}", c, s, t, k) for i, (d, c, s, t, k, _) in enumerate(rows)]
    got = {frozenset(rows[a][3] + rows[a][4] for a, _ in g) for g in claim_groups(arts)}
    arts0 = [_art(f"{d}{i}", c, s, t, k) for i, (d, c, s, t, k, _) in enumerate(_EVENT)]
    want = {frozenset(_EVENT[a][3] + _EVENT[a][4] for a, _ in g) for g in claim_groups(arts0)}
    assert got == want


def _one(doc: str, cue: str, source: str, content: str, kind: str = "neutral", **kw: object) -> Article:
    text = f"{cue} {source} {content}."
    return Article(text, [make_attribution(text, cue, source, content, kind=kind, **kw)],  # type: ignore[arg-type]
                   doc_id=doc, publisher=doc, meta=[("cluster", "ev")])


def _linked(arts: list[Article]) -> list[str | None]:
    return [a.attributions[0].claim_id for a in link_claims(arts)]


# (first, second, same claim?): each row two outlets' attributions of one invented event,
# with unrelated filler so that the pool's idf is not degenerate.
_FILLER = [
    ("قال", "رئيس البلدية", "محطة المياه متوقفة منذ يومين"),
    ("وأكد", "مدير المدرسة", "الدروس ستستأنف الأسبوع المقبل"),
    ("وأوضح", "مهندس", "الطريق الساحلي مغلق بسبب الانهيار"),
]


def _pair(a: tuple[str, ...], b: tuple[str, ...], **kw: object) -> bool:
    arts = [_one("x", *a[:3], kind=a[3] if len(a) > 3 else "neutral", **kw),
            _one("y", *b[:3], kind=b[3] if len(b) > 3 else "neutral", **kw)]
    arts += [_one(f"f{i}", *f) for i, f in enumerate(_FILLER)]
    ids = _linked(arts)
    return ids[0] == ids[1]


@pytest.mark.parametrize(("a", "b", "same"), [
    # synonyms of the concept classes: a fire, a withdrawal
    (("قال", "الدفاع المدني", "حريق كبير اندلع في مستودع الوقود قرب الميناء"),
     ("وأفاد", "شهود", "النيران اشتعلت في مستودع الوقود بالميناء"), True),
    (("قال", "الجيش", "المسلحين انسحبوا من الحي القديم"),
     ("وأعلن", "المحافظ", "إجلاء المسلحين من الحي القديم"), True),
    # unrelated claims of the same event stay apart
    (("قال", "الدفاع المدني", "حريق كبير اندلع في مستودع الوقود قرب الميناء"),
     ("وأعلن", "المحافظ", "إجلاء المسلحين من الحي القديم"), False),
])
def test_synonyms_link(a: tuple[str, ...], b: tuple[str, ...], same: bool) -> None:
    assert _pair(a, b) is same


def test_one_speaker_two_figures_are_two_claims() -> None:
    # the same monitor gives the day's toll and one strike's toll: two claims ...
    same_speaker = _pair(("قال", "المرصد", "مقتل 30 مدنياً في قصف على البلدة الجمعة"),
                         ("وقال", "المرصد", "مقتل 12 مدنياً بينهم أطفال في القصف على البلدة"))
    # ... while two speakers with two figures disagree on one claim
    two_speakers = _pair(("قال", "المرصد", "مقتل 30 مدنياً في قصف على البلدة الجمعة"),
                         ("وقال", "مسعفون", "مقتل 12 مدنياً بينهم أطفال في القصف على البلدة"))
    assert not same_speaker and two_speakers


@pytest.mark.parametrize(("a", "b", "same"), [
    # two state bodies of one country deny: one denial (the camp of their country's state)
    (("ونفت", "دمشق", "استهداف المدنيين", "denial", "syrian-government"),
     ("نفت", "القيادة العامة للجيش", "هذه الاتهامات", "denial", "syrian-army"), True),
    # a government's and a rebel movement's denials are two claims
    (("ونفت", "دمشق", "استهداف المدنيين", "denial", "syrian-government"),
     ("نفت", "حركة حماس", "هذه الاتهامات", "denial", "hamas"), False),
])
def test_denials_by_camp(a: tuple[str, ...], b: tuple[str, ...], same: bool) -> None:
    arts = [_one("x", *a[:3], kind=a[3], source_type="organization", canonical=a[4]),
            _one("y", *b[:3], kind=b[3], source_type="organization", canonical=b[4])]
    arts += [_one(f"f{i}", *f) for i, f in enumerate(_FILLER)]
    ids = _linked(arts)
    assert (ids[0] == ids[1]) is same


def test_negated_report_links_with_denial() -> None:
    # «قال الجيش إن المستشفى لم يتعرض للقصف» is the army's denial in other words
    arts = [_one("x", "نفى", "الجيش", "قصف المستشفى", "denial"),
            _one("y", "وقال", "الجيش", "المستشفى لم يتعرض للقصف"),
            *[_one(f"f{i}", *f) for i, f in enumerate(_FILLER)]]
    ids = _linked(arts)
    assert ids[0] == ids[1]
