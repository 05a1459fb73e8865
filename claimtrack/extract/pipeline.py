"""Run the extraction stages over a text (work in progress)."""

from __future__ import annotations

from claimtrack.model import Attribution, Diagnostic


def extract_attributions(text: str) -> tuple[list[Attribution], list[Diagnostic]]:
    """Find the attributions of *text*."""
    return [], []
