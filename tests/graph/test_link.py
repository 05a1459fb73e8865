from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.errors import InputError
from claimtrack.graph.link import claim_groups, cluster_of, link_claims
from claimtrack.model import Article

from .helpers import event, said


def _ids(arts: list[Article]) -> list[str | None]:
    return [a.claim_id for art in arts for a in art.attributions]


def test_disputed_numbers_are_one_claim() -> None:
    linked = link_claims(event())
    ids = _ids(linked)
    assert ids[0] == ids[2]  # 70 killed / at least 40 killed
    assert ids[0] != ids[4]  # the call for an inquiry is another claim
    assert all(i is not None and i.startswith("c") for i in ids)


def test_paraphrase_across_outlets() -> None:
    arts = [said("a", "أ", "الوزارة", "الحدود مع الأردن ستبقى مفتوحة أمام الشاحنات", ),
            said("b", "ب", "وزارة النقل", "إبقاء الحدود مع الأردن مفتوحة أمام حركة الشاحنات")]
    ids = _ids(link_claims(arts, clusters={"a": "x", "b": "x"}))
    assert ids[0] == ids[1]


def test_clusters_keep_events_apart() -> None:
    arts = [said("a", "أ", "الوزارة", "الحدود مع الأردن ستبقى مفتوحة أمام الشاحنات"),
            said("b", "ب", "الوزارة", "الحدود مع الأردن ستبقى مفتوحة أمام الشاحنات")]
    assert len(set(_ids(link_claims(arts, clusters={"a": "x", "b": "y"})))) == 2
    assert len(set(_ids(link_claims(arts, clusters={"a": "x", "b": "x"})))) == 1


def test_one_pool_needs_strong_similarity() -> None:
    close = [said("a", "أ", "الوزارة", "الحدود مع الأردن ستبقى مفتوحة أمام الشاحنات"),
             said("b", "ب", "الوزارة", "الحدود مع الأردن ستبقى مفتوحة أمام الشاحنات")]
    loose = [said("a", "أ", "ناشطون", "القصف قتل 70 شخصاً في السوق"),
             said("b", "ب", "المرصد", "مقتل 40 على الأقل")]
    assert len(set(_ids(link_claims(close)))) == 1
    assert len(set(_ids(link_claims(loose)))) == 2


def test_ids_are_stable_and_input_unchanged() -> None:
    arts = event()
    assert _ids(link_claims(arts)) == _ids(link_claims(arts))
    assert all(i is None for i in _ids(arts))


def test_empty() -> None:
    assert link_claims([]) == []
    assert claim_groups([Article("", [], doc_id="x")]) == []


def test_bad_threshold() -> None:
    with pytest.raises(InputError, match="threshold"):
        link_claims(event(), threshold=-1)


def test_cluster_of_meta() -> None:
    assert cluster_of(event()[0]) == "ev"


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["أ", "ب", "ج"]), st.text(min_size=1, max_size=40)),
                max_size=8))
def test_every_attribution_gets_an_id(items: list[tuple[str, str]]) -> None:
    arts = [said(f"d{i}", o, "مصدر", c) for i, (o, c) in enumerate(items)]
    linked = link_claims(arts)
    assert len(_ids(linked)) == len(items)
    assert all(_ids(linked))


def test_linking_scales_roughly_linearly() -> None:
    base = event()
    arts = []
    for k in range(300):
        for a in base:
            arts.append(Article(a.text, a.attributions, f"{k}-{a.doc_id}", a.publisher,
                                meta=[("cluster", f"ev{k}")]))
    t0 = time.perf_counter()
    linked = link_claims(arts)
    assert time.perf_counter() - t0 < 10
    assert len(set(_ids(linked))) < len(_ids(linked))
