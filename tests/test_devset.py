"""Score ``claimtrack extract`` on the dev corpus in ``../shared`` and hold the floors.

Skipped when ``../shared/corpus/dev`` is not beside the repository. The floors below are
the lowest accepted value of each metric of ``../shared/eval/score.py --json``.
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

# Floors per metric: a little below the level extraction has reached on the dev set
# (measured 2026-11-25), so that no later change can quietly lose accuracy. Raise them
# when extraction improves.
FLOORS: dict[str, float] = {
    "attribution_f1": 0.97,
    "attribution_p": 0.97,
    "attribution_r": 0.96,
    "source_acc": 0.97,
    "content_f1": 0.95,
    "via_recall": 0.94,
    "canonical_acc": 0.96,
    "strict_f1": 0.935,
}

pytestmark = pytest.mark.devset


@pytest.fixture(scope="module")
def dev_scores(dev_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    scorer = dev_corpus.parents[1] / "eval" / "score.py"
    if not scorer.is_file():
        pytest.skip(f"no scorer at {scorer}")
    texts = sorted(str(p) for p in (dev_corpus / "texts").glob("*.txt"))
    assert texts, "the dev corpus has no texts"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["extract", "--format", "jsonl", *texts])
    assert status == 0, "claimtrack extract failed on a dev text"
    pred = tmp_path_factory.mktemp("devset") / "pred.jsonl"
    pred.write_text(out.getvalue(), encoding="utf-8")
    assert len(out.getvalue().splitlines()) == len(texts)
    cmd = [sys.executable, str(scorer), str(dev_corpus / "gold.jsonl"), str(pred), "--json"]
    if (dev_corpus / "articles.jsonl").is_file():
        cmd += ["--articles", str(dev_corpus / "articles.jsonl")]
    run = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=600)
    assert run.returncode == 0, run.stderr
    scores: dict[str, Any] = json.loads(run.stdout)
    print("dev scores:", json.dumps(scores, sort_keys=True))
    return scores


def test_every_dev_document_is_scored(dev_scores: dict[str, Any], dev_corpus: Path) -> None:
    gold_docs = sum(1 for line in (dev_corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines()
                    if line.strip())
    assert dev_scores["docs"] == gold_docs


@pytest.mark.parametrize(("metric", "floor"), sorted(FLOORS.items()))
def test_metric_at_or_above_floor(dev_scores: dict[str, Any], metric: str, floor: float) -> None:
    assert metric in dev_scores, f"the scorer no longer reports {metric!r}"
    assert dev_scores[metric] >= floor, f"{metric} = {dev_scores[metric]:.3f} < floor {floor}"
