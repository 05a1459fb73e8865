"""Score cross-outlet claim linking of ``claimtrack compare`` on the dev corpus in ``../shared``.

Skipped when ``../shared/corpus/dev`` (or its scorer or articles.jsonl) is not beside the
repository. The floor is a little below the link F1 measured when it was set, so a
regression of linking (or of the extraction it runs on) fails here.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from claimtrack.cli import main

#: Lowest accepted link F1 of ``compare --format jsonl`` (measured 0.687 with the ta-marbuta
#: stemming, the wider concepts.txt and its =exact short stems; 0.683 with speaker anchoring and
#: the lead-figure bonus; 0.649 on the branch that added camps, act hints, lead figures and
#: concepts.txt; 0.476 when the floor was first set).
LINK_F1_FLOOR = 0.68

pytestmark = pytest.mark.devset


@pytest.fixture(scope="module")
def link_scores(dev_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    scorer = dev_corpus.parents[1] / "eval" / "score.py"
    articles = dev_corpus / "articles.jsonl"
    if not scorer.is_file() or not articles.is_file():
        pytest.skip(f"no scorer at {scorer} or no {articles}")
    texts = sorted(str(p) for p in (dev_corpus / "texts").glob("*.txt"))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["compare", "--articles", str(articles), "--format", "jsonl", *texts])
    assert status == 0, "claimtrack compare failed on a dev text"
    pred = tmp_path_factory.mktemp("devset-link") / "pred.jsonl"
    pred.write_text(out.getvalue(), encoding="utf-8")
    run = subprocess.run([sys.executable, str(scorer), str(dev_corpus / "gold.jsonl"), str(pred),
                          "--articles", str(articles), "--json"],
                         capture_output=True, text=True, check=False, timeout=600)
    assert run.returncode == 0, run.stderr
    scores: dict[str, Any] = json.loads(run.stdout)
    print("dev link scores:", {k: v for k, v in scores.items() if k.startswith("link")})
    return scores


def test_every_attribution_has_a_claim_id(dev_corpus: Path) -> None:
    texts = sorted(str(p) for p in (dev_corpus / "texts").glob("*.txt"))[:3]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["compare", "--articles", str(dev_corpus / "articles.jsonl"), "--format", "jsonl",
              *texts])
    atts = [a for line in out.getvalue().splitlines() for a in json.loads(line)["attributions"]]
    assert atts and all(a.get("claim_id") for a in atts)


def test_link_f1_at_or_above_floor(link_scores: dict[str, Any]) -> None:
    assert "link_f1" in link_scores, "the scorer no longer reports link_f1"
    assert link_scores["link_f1"] >= LINK_F1_FLOOR, (
        f"link_f1 = {link_scores['link_f1']:.3f} < floor {LINK_F1_FLOOR}")
