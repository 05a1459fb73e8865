"""``claimtrack extract --backend stanza|hybrid [--conllu FILE]``: the parse-based backends on the CLI.

Called by :mod:`claimtrack.commands.extract` when ``--backend`` is not ``rules`` or
``--conllu`` is given. With ``--conllu`` the parses come from the file (no stanza needed);
otherwise each FILE is parsed by a stanza pipeline built offline from
``$STANZA_RESOURCES_DIR`` (or stanza's default directory).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import Any

from claimtrack.errors import ClaimtrackError
from claimtrack.model import Article

__all__ = ["run_backend", "iter_backend_articles"]


def iter_backend_articles(args: argparse.Namespace) -> Iterator[tuple[str, Article | None, ClaimtrackError | None]]:
    """``(name, article, None)`` per document, ``(name, None, error)`` per failure."""
    from claimtrack.backends.stanza import extract_from_doc, extract_from_text, read_conllu

    mode = "stanza" if args.backend == "rules" else args.backend
    if args.conllu:
        try:
            docs = read_conllu(args.conllu)
        except ClaimtrackError as exc:
            yield args.conllu, None, exc
            return
        for i, d in enumerate(docs):
            name = d.doc_id or f"{args.conllu}#{i + 1}"
            try:
                yield name, extract_from_doc(d, mode=mode), None  # type: ignore[arg-type]
            except ClaimtrackError as exc:
                yield name, None, exc
        return
    from claimtrack.backends.models import load_pipeline
    from claimtrack.commands.common import iter_inputs

    pipeline: Any = None
    for name, text, error in iter_inputs(args.files):
        if error is not None or text is None:
            yield name, None, error
            continue
        try:
            if pipeline is None:
                pipeline = load_pipeline(attribution=False, logging_level="WARN")
            yield name, extract_from_text(text, pipeline, mode=mode, doc_id=name), None  # type: ignore[arg-type]
        except ClaimtrackError as exc:
            yield name, None, exc


def run_backend(args: argparse.Namespace, registry: Any = None) -> int:
    """Print the articles as ``extract`` does; exit 1 if any input failed."""
    from claimtrack.commands.common import warn
    from claimtrack.commands.common import finish_output, write_article
    from claimtrack.sources import resolve_article

    failed = 0
    docs: list[dict[str, Any]] = []
    for name, article, error in iter_backend_articles(args):
        if error is not None or article is None:
            warn(str(error))
            failed += 1
            continue
        article = resolve_article(article, registry=registry)
        write_article(article, args.format, docs)
    finish_output(args.format, docs)
    return 1 if failed else 0
