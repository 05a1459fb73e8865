"""Helpers shared by the subcommands: reading a batch of inputs, loading a registry."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimtrack.errors import ClaimtrackError
from claimtrack.jsonio import article_to_dict
from claimtrack.model import Article
from claimtrack.text.read import decode, read_text

if TYPE_CHECKING:
    from claimtrack.sources.registry import Registry

__all__ = ["add_input_arguments", "iter_inputs", "registry_from_args", "warn", "write_article", "finish_output"]


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """``FILE...`` (``-`` for standard input) and ``--registry FILE``."""
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="article text files; '-' reads standard input")
    parser.add_argument("--registry", action="append", default=[], metavar="FILE",
                        help="an extra source-registry file (may be repeated)")


def warn(message: str) -> None:
    """Print a one-line message on stderr."""
    print(f"claimtrack: {message}", file=sys.stderr)


def iter_inputs(files: list[str]) -> Iterator[tuple[str, str | None, ClaimtrackError | None]]:
    """Yield ``(name, text, None)`` per readable input, ``(name, None, error)`` per bad one."""
    for f in files:
        if f == "-":
            try:
                yield "-", decode(sys.stdin.buffer.read(), name="<stdin>"), None
            except ClaimtrackError as exc:
                yield "-", None, exc
            continue
        try:
            yield Path(f).name, read_text(f), None
        except ClaimtrackError as exc:
            yield Path(f).name, None, exc


def registry_from_args(args: argparse.Namespace) -> Registry | None:
    """The registry to use: the built-in one plus any ``--registry`` files (``None`` = built-in)."""
    files = getattr(args, "registry", None) or []
    if not files:
        return None
    from claimtrack.sources.registry import load_registry

    return load_registry(files)


def write_article(article: Article, fmt: str, collected: list[dict[str, Any]]) -> None:
    """Print *article* in *fmt* (``jsonl`` and ``table`` at once, ``json`` at the end)."""
    from claimtrack.commands.extract import format_table

    if fmt == "jsonl":
        sys.stdout.write(json.dumps(article_to_dict(article), ensure_ascii=False) + "\n")
        sys.stdout.flush()
    elif fmt == "json":
        collected.append(article_to_dict(article))
    else:
        sys.stdout.write(format_table(article) + "\n")


def finish_output(fmt: str, collected: list[dict[str, Any]]) -> None:
    """Print what ``json`` output held back: one JSON array of the articles."""
    if fmt == "json":
        sys.stdout.write(json.dumps(collected, ensure_ascii=False, indent=2) + "\n")
