"""``claimtrack compare FILE... --format table | json | jsonl | html``.

Extracts every article, links the same claim across outlets and prints the
comparison: ``table`` (for reading: claims with their outlets, sources and flags,
then who cites whom), ``json`` (every view in one document), ``jsonl`` (the same
per-document lines as ``extract --format jsonl``, each attribution carrying its
``claim_id``: the scorer's input) or ``html`` (the offline graph page).
"""

from __future__ import annotations

import argparse
import json

from claimtrack.commands.common import add_input_arguments
from claimtrack.commands.graph import add_link_arguments, linked_articles, write_output
from claimtrack.jsonio import article_to_dict
from claimtrack.model import Article

__all__ = ["register", "run", "format_table", "comparison"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``compare`` subcommand."""
    p = sub.add_parser("compare", help="compare how outlets report the same claims",
                       description="Link the same claim across articles and compare outlets: "
                                   "who carries which claim, from which source, where they disagree.")
    add_input_arguments(p)
    p.add_argument("--format", choices=("table", "json", "jsonl", "html"), default="table",
                   help="table: for reading (default); json: every view; jsonl: one line per file "
                        "with claim ids (the scorer's input); html: the offline graph page")
    add_link_arguments(p)
    p.set_defaults(func=run)


def comparison(articles: list[Article]) -> dict[str, object]:
    """Every comparison view of linked *articles*, as one JSON-ready dict."""
    from claimtrack.graph import views

    return {
        "claims": views.claim_rows(articles),
        "claim_outlet": views.claim_outlet(articles),
        "outlet_source": views.outlet_source(articles),
        "single_source": views.single_source_claims(articles),
        "anonymous_only": views.anonymous_only_claims(articles),
        "one_side": views.one_side_claims(articles),
        "disputed": views.disputed_claims(articles),
    }


def _cut(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def format_table(articles: list[Article]) -> str:
    """A plain-text report: claims carried by more than one article first, then outlet × source."""
    from claimtrack.graph import views

    rows = views.claim_rows(articles)
    rows.sort(key=lambda r: (-r["outlets"], -r["attributions"]))
    out = [f"# {len(articles)} articles, {sum(len(a) for a in articles)} attributions, "
           f"{len(rows)} claims"]
    for r in rows:
        flags = f"  [{r['flags']}]" if r["flags"] else ""
        out.append(f"{r['claim']}  outlets={r['outlets']} sources={r['sources']}{flags}\t"
                   f"{_cut(r['text'], 70)}\t← {_cut(r['source_names'], 50)}\t({r['outlet_names']})")
    out.append("")
    out.append("# outlet × source")
    for r in views.outlet_source(articles):
        relayed = f" (relayed {r['relayed']})" if r["relayed"] else ""
        out.append(f"{r['outlet']}\t{r['source'] or '—'}\t{r['source_type'] or ''}\t"
                   f"{r['attributions']}{relayed}")
    return "\n".join(out) + "\n"


def run(args: argparse.Namespace) -> int:
    """Run ``compare``; exit 1 if any input failed (the others are still compared)."""
    arts, failed = linked_articles(args)
    if args.format == "jsonl":
        text = "".join(json.dumps(article_to_dict(a), ensure_ascii=False) + "\n" for a in arts)
    elif args.format == "json":
        text = json.dumps(comparison(arts), ensure_ascii=False, indent=1) + "\n"
    elif args.format == "html":
        from claimtrack.graph.build import build_graph
        from claimtrack.graph.html import to_html

        text = to_html(build_graph(arts))
    else:
        text = format_table(arts)
    write_output(text, args.output)
    return 1 if failed else 0
