from __future__ import annotations

import pytest

from claimtrack.graph.disagree import FLAGS, claims
from claimtrack.graph.link import link_claims

from .helpers import event, said


def test_flags_on_the_event() -> None:
    cs = {c.text: c for c in claims(link_claims(event()))}
    toll = cs["القصف قتل 70 شخصاً في سوق المدينة"]
    assert "numbers" in toll.flags
    assert toll.numbers == (40, 70)
    assert len(toll.outlets) == 2
    assert "anonymous-only" in toll.flags
    assert set(toll.flags) <= set(FLAGS)


@pytest.mark.parametrize(("contents", "kinds", "flag", "present"), [
    (["قتل 70", "قتل 40"], ["neutral", "neutral"], "numbers", True),
    (["قتل 70", "قتل 70 بينهم 7 أطفال"], ["neutral", "neutral"], "numbers", False),
    (["قتل 70", "قتل مدنيين"], ["neutral", "denial"], "denial", True),
    (["قتل 70", "قتل مدنيين"], ["denial", "denial"], "denial", False),
])
def test_flags(contents: list[str], kinds: list[str], flag: str, present: bool) -> None:
    arts = [said(f"d{i}", f"o{i}", f"مصدر{i}", c, kind=k, claim_id="c1")
            for i, (c, k) in enumerate(zip(contents, kinds))]
    (claim,) = claims(arts)
    assert (flag in claim.flags) is present


def test_unlinked_attributions_are_claims_of_their_own() -> None:
    cs = claims(event())
    assert len(cs) == 5
    assert all(c.id.startswith("u") for c in cs)


def test_one_side() -> None:
    arts = [said("a", "أ", "الجيش", "لم نستهدف السوق", side="government", claim_id="c"),
            said("b", "ب", "الوزير", "لم نستهدف السوق", side="government", claim_id="c")]
    (c,) = claims(arts)
    assert "one-side" in c.flags and "sources" in c.flags
