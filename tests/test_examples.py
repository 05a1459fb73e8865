"""Every script in examples/ runs and exits 0 (in a scratch directory)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))


def test_there_are_examples() -> None:
    assert {p.name for p in SCRIPTS} >= {"extract_one.py", "compare_outlets.py", "export_gephi.py",
                                         "pandas_views.py"}
    assert len(list((EXAMPLES / "articles").glob("*.txt"))) >= 4


@pytest.mark.parametrize("script", SCRIPTS, ids=[p.stem for p in SCRIPTS])
def test_example_runs(script: Path, tmp_path: Path) -> None:
    res = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True,
                         text=True, timeout=120, check=False)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip()
    assert "Traceback" not in res.stderr


def test_export_writes_files(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(EXAMPLES / "export_gephi.py"), str(EXAMPLES / "articles"),
                    str(tmp_path)], check=True, capture_output=True)
    for suffix in ("gexf", "graphml", "dot", "html"):
        assert (tmp_path / f"claims.{suffix}").stat().st_size > 0
