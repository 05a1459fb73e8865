"""Score ``claimtrack extract`` on the second invented set, ``tests/data/invented2``.

The twelve articles are invented text (see ``tests/data/invented2/README.md``), annotated by
``../shared/eval/GUIDELINES.md`` before the extractor was ever run on them. The first invented
set (``test_invented.py``) has since been used for development; this one is a fresh, blind
generalisation check, in other outlets' voices and genres. The compiled ``gold.jsonl`` is
committed; the scorer is ``../shared/eval/score.py``, and the scoring tests skip when it is
absent (as in ``test_devset.py``). The consistency test of the gold runs everywhere.
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

HERE = Path(__file__).resolve().parent
INVENTED = HERE / "data" / "invented2"
SCORER = HERE.parents[1] / "shared" / "eval" / "score.py"  # ../shared beside the repo root

# Floors: a little below what extraction reaches on this set (attribution F1 0.980, strict F1
# 0.955; 124 gold attributions). Its first, blind run scored 0.955 / 0.833 (claimtrack at
# a86143e); the rules were then improved on the constructions it showed, so it is a
# regression set now, not a generalisation measure. Raise the floors when it improves; do
# not tune the gold to the extractor.
FLOORS: dict[str, float] = {
    "attribution_f1": 0.96,
    "strict_f1": 0.93,
}


def _gold() -> list[dict[str, Any]]:
    lines = (INVENTED / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_invented2_gold_spans_match_the_texts() -> None:
    """Every compiled span still points at its text (guards edits of texts without recompiling)."""
    gold = _gold()
    texts = sorted(p.name for p in (INVENTED / "texts").glob("*.txt"))
    assert sorted(g["doc"] for g in gold) == texts
    for g in gold:
        text = (INVENTED / "texts" / g["doc"]).read_text(encoding="utf-8")
        for a in g["attributions"]:
            spans = [a["cue"], a["content"], a["source"]]
            spans += [s for v in a["via"] for s in (v["cue"], v["source"])]
            for s in spans:
                if s is not None:
                    assert text[s["start"]:s["end"]] == s["text"], (g["doc"], s)


@pytest.fixture(scope="module")
def invented2_scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    if not SCORER.is_file():
        pytest.skip(f"no scorer at {SCORER}")
    texts = sorted(str(p) for p in (INVENTED / "texts").glob("*.txt"))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["extract", "--format", "jsonl", *texts])
    assert status == 0, "claimtrack extract failed on an invented text"
    assert len(out.getvalue().splitlines()) == len(texts)
    pred = tmp_path_factory.mktemp("invented2") / "pred.jsonl"
    pred.write_text(out.getvalue(), encoding="utf-8")
    cmd = [sys.executable, str(SCORER), str(INVENTED / "gold.jsonl"), str(pred), "--json",
           "--articles", str(INVENTED / "articles.jsonl")]
    run = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=600)
    assert run.returncode == 0, run.stderr
    scores: dict[str, Any] = json.loads(run.stdout)
    print("invented2-set scores:", json.dumps(scores, sort_keys=True))
    return scores


def test_every_invented2_document_is_scored(invented2_scores: dict[str, Any]) -> None:
    assert invented2_scores["docs"] == len(_gold())


@pytest.mark.parametrize(("metric", "floor"), sorted(FLOORS.items()))
def test_invented2_metric_at_or_above_floor(invented2_scores: dict[str, Any], metric: str,
                                           floor: float) -> None:
    assert metric in invented2_scores, f"the scorer no longer reports {metric!r}"
    assert invented2_scores[metric] >= floor, (
        f"{metric} = {invented2_scores[metric]:.3f} < floor {floor} on the invented2 set")
