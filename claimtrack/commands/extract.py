"""``claimtrack extract FILE... [--format jsonl|json|table]``."""

from __future__ import annotations

import argparse
from typing import Any

from claimtrack.api import extract
from claimtrack.commands.common import (
    add_input_arguments,
    finish_output,
    iter_inputs,
    registry_from_args,
    warn,
    write_article,
)
from claimtrack.model import Article

__all__ = ["register", "run", "format_table"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``extract`` subcommand."""
    p = sub.add_parser("extract", help="list the attributions of articles",
                       description="Find who is reported as saying what in each article.")
    add_input_arguments(p)
    p.add_argument("--format", choices=("jsonl", "json", "table"), default="table",
                   help="jsonl: one line per file (the scorer's input); json: one document; "
                        "table: for reading (default)")
    p.add_argument("--backend", choices=("rules", "stanza", "hybrid"), default="rules",
                   help="rules (default); stanza: from dependency parses; hybrid: rules with parse "
                        "boundaries (stanza/hybrid need --conllu or pip install 'claimtrack[stanza]')")
    p.add_argument("--publisher", metavar="NAME",
                   help="the articles' own outlet (a registry id or name): statements made to it are "
                        "not relays")
    p.add_argument("--conllu", metavar="FILE",
                   help="read parses from this CoNLL-U file instead of parsing the FILEs")
    for action in p._actions:
        if action.dest == "files":
            action.nargs = "*"  # not needed with --conllu
    p.set_defaults(func=run)


def format_table(article: Article) -> str:
    """A plain-text table of an article's attributions, one per line."""
    rows = [f"# {article.doc_id or ''}: {len(article.attributions)} attributions"]
    for a in article.attributions:
        src = "—" if a.source is None else a.source.text + (" (implicit)" if a.source.implicit else "")
        canon = f" [{a.source.canonical}]" if a.source is not None and a.source.canonical else ""
        via = "".join(f" ← {v.source.text}" for v in a.via)
        content = "" if a.content is None else a.content.span.text
        if len(content) > 80:
            content = content[:77] + "..."
        mark = "«»" if a.direct else "  "
        rows.append(f"{a.cue.span.start:>6}  {a.cue.span.text}\t{src}{canon}{via}\t{mark} {content}")
    return "\n".join(rows)


def run(args: argparse.Namespace) -> int:
    """Run ``extract``; exit 1 if any input failed (the others are still printed)."""
    registry = registry_from_args(args)
    if getattr(args, "backend", "rules") != "rules" or getattr(args, "conllu", None):
        from claimtrack.backends.cli import run_backend

        return run_backend(args, registry)
    if not args.files:
        warn("give at least one FILE (or --conllu FILE)")
        return 2
    failed = 0
    docs: list[dict[str, Any]] = []
    for name, text, error in iter_inputs(args.files):
        if error is not None or text is None:
            warn(str(error))
            failed += 1
            continue
        article = extract(text, doc_id=name, registry=registry, publisher=getattr(args, "publisher", None))
        write_article(article, args.format, docs)
    finish_output(args.format, docs)
    return 1 if failed else 0
