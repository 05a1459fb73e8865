from __future__ import annotations

from claimtrack.graph import views
from claimtrack.graph.link import link_claims

from .helpers import event


def _same_keys(rows: list[dict[str, object]]) -> bool:
    return all(r.keys() == rows[0].keys() for r in rows)


def test_views_are_plain_rows() -> None:
    arts = link_claims(event())
    for fn in (views.outlet_source, views.claim_outlet, views.claim_rows, views.single_source_claims,
               views.anonymous_only_claims, views.one_side_claims, views.disputed_claims):
        rows = fn(arts)
        assert isinstance(rows, list)
        assert all(isinstance(r, dict) for r in rows)
        if rows:
            assert _same_keys(rows)
            for r in rows:
                assert all(v is None or isinstance(v, (str, int, float, bool)) for v in r.values())


def test_outlet_source_counts() -> None:
    rows = views.outlet_source(link_claims(event()))
    pairs = {(r["outlet"], r["source"]): r for r in rows}
    assert pairs[("المدى", "مصدر طبي")]["relayed"] == 1
    assert pairs[("الفجر", "الجيش")]["attributions"] == 1


def test_claim_outlet_relay() -> None:
    rows = views.claim_outlet(link_claims(event()))
    assert any(r["relay"] == "وكالة الأنباء" for r in rows)


def test_selections() -> None:
    arts = link_claims(event())
    anon = views.anonymous_only_claims(arts)
    assert [r["text"] for r in anon] == ["القصف قتل 70 شخصاً في سوق المدينة"]
    assert any("numbers" in r["flags"] for r in views.disputed_claims(arts))
    sides = views.one_side_claims(arts)
    assert sides and all(r["side"] == "government" for r in sides)
    assert len(views.single_source_claims(arts)) >= 2


def test_empty_views() -> None:
    assert views.outlet_source([]) == []
    assert views.claim_rows([]) == []
