"""Shared fixtures of the test suite.

The dev corpus lives outside the repository, in ``../shared`` beside the repo root;
tests that need it skip when it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository root."""
    return ROOT


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    """``../shared/corpus/dev``; the test skips when it is not there."""
    if not (DEV / "texts").is_dir() or not (DEV / "gold.jsonl").is_file():
        pytest.skip(f"no dev corpus at {DEV}")
    return DEV
