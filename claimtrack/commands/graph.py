"""``claimtrack graph FILE... --dot | --graphml | --gexf | --json | --html [-o FILE]``.

Extracts the attributions of every article, links the same claim across articles,
builds the claim–source graph and writes it in one format (DOT by default).
``--articles articles.jsonl`` names each file's outlet and event cluster.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import attrs

from claimtrack.api import extract
from claimtrack.commands.common import add_input_arguments, iter_inputs, registry_from_args, warn
from claimtrack.errors import ClaimtrackError, InputError
from claimtrack.model import Article

__all__ = ["register", "run", "load_metadata", "linked_articles", "add_link_arguments", "write_output"]


def add_link_arguments(p: argparse.ArgumentParser) -> None:
    """``--articles``, ``--publisher`` and ``--threshold``: options shared by graph and compare."""
    p.add_argument("--articles", metavar="JSONL",
                   help="metadata, one JSON object a line: {\"doc\": file name, \"outlet\": ..., "
                        "\"cluster\": ...}; claims are linked only inside one cluster")
    p.add_argument("--publisher", metavar="NAME",
                   help="the outlet of every file not named in --articles")
    p.add_argument("--threshold", type=float, default=None,
                   help="claim-linking similarity threshold inside a cluster "
                        "(default 0.4; higher = fewer, surer links)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")


def load_metadata(path: str) -> dict[str, dict[str, str | None]]:
    """Read ``--articles``: doc (file name) -> ``{"outlet", "cluster"}``.

    Raises:
        InputError: when the file cannot be read or a line is not a JSON object with ``doc``.
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read --articles file {path!r}: {exc}") from exc
    out: dict[str, dict[str, str | None]] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            doc = str(d["doc"])
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{n}: expected a JSON object with a \"doc\" key "
                             f"(the article's file name), got {line[:60]!r}") from exc
        outlet = d.get("outlet") or d.get("publisher")
        out[Path(doc).name] = {"outlet": None if outlet is None else str(outlet),
                               "cluster": None if d.get("cluster") is None else str(d["cluster"])}
    return out


def linked_articles(args: argparse.Namespace) -> tuple[list[Article], int]:
    """Extract every input file, apply the metadata and link claims; return (articles, failures)."""
    from claimtrack.graph.link import DEFAULT_THRESHOLD, link_claims

    meta = load_metadata(args.articles) if getattr(args, "articles", None) else {}
    registry = registry_from_args(args)
    failed = 0
    arts: list[Article] = []
    for name, text, error in iter_inputs(args.files):
        if error is not None or text is None:
            warn(str(error))
            failed += 1
            continue
        m = meta.get(name, {})
        publisher = m.get("outlet") or getattr(args, "publisher", None)
        try:
            art = extract(text, doc_id=name, publisher=publisher, registry=registry)
        except ClaimtrackError as exc:
            warn(f"{name}: {exc}")
            failed += 1
            continue
        if m.get("cluster"):
            art = attrs.evolve(art, meta=tuple(art.meta) + (("cluster", str(m["cluster"])),))
        arts.append(art)
    threshold = DEFAULT_THRESHOLD if getattr(args, "threshold", None) is None else args.threshold
    return link_claims(arts, threshold=threshold), failed


def write_output(text: str, output: str | None) -> None:
    """Write *text* to *output* (a file path) or to standard output."""
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot write {output!r}: {exc.strerror or exc}") from exc
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``graph`` subcommand."""
    p = sub.add_parser("graph", help="draw the claim-source graph of articles",
                       description="Build the graph of outlets, articles, claims and sources "
                                   "(claims linked across outlets) and export it.")
    add_input_arguments(p)
    fmt = p.add_mutually_exclusive_group()
    for name, help_ in (("dot", "Graphviz DOT (default): dot -Tsvg"),
                        ("graphml", "GraphML for Gephi / yEd"),
                        ("gexf", "GEXF for Gephi"),
                        ("json", "networkx node-link JSON"),
                        ("html", "one offline HTML page to explore the graph")):
        fmt.add_argument(f"--{name}", dest="format", action="store_const", const=name, help=help_)
    p.set_defaults(format="dot")
    add_link_arguments(p)
    p.add_argument("--no-sentences", action="store_true",
                   help="leave the sentence of each report out of the graph")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``graph``; exit 1 if any input failed (the graph of the others is still written)."""
    from claimtrack.graph.build import build_graph
    from claimtrack.graph.export import export

    arts, failed = linked_articles(args)
    graph = build_graph(arts, sentences=not args.no_sentences)
    write_output(export(graph, args.format), args.output)
    return 1 if failed else 0
