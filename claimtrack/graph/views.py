"""Comparison views: lists of plain dicts that go straight into ``pandas.DataFrame(...)``.

Each view takes linked articles (see :func:`~claimtrack.graph.link.link_claims`)
or the :class:`~claimtrack.graph.disagree.Claim` records made from them, and returns
rows with the same keys in every row (``None`` for unknown values); nothing here
needs pandas.

Examples:
    >>> from claimtrack.model import Article, Attribution, Content, Cue, Source, Span
    >>> def att(src, typ, content, cid):
    ...     t = f"قال {src} إن {content}"
    ...     return Attribution(Cue(Span.of(t, 0, 3), "قال", "neutral"),
    ...                        Source(Span.of(t, 4, 4 + len(src)), typ),
    ...                        Content(Span.of(t, 8 + len(src), len(t))), claim_id=cid)
    >>> arts = [Article("", [att("مصادر ميدانية", "anonymous", "قتل 70", "c1")], doc_id="a", publisher="أ"),
    ...         Article("", [att("مصادر ميدانية", "anonymous", "مقتل 40", "c1"),
    ...                      att("الوزارة", "official", "الطريق مغلق", "c2")], doc_id="b", publisher="ب")]
    >>> [(r["outlet"], r["source"], r["attributions"]) for r in outlet_source(arts)]
    [('أ', 'مصادر ميدانية', 1), ('ب', 'مصادر ميدانية', 1), ('ب', 'الوزارة', 1)]
    >>> [r["claim"] for r in anonymous_only_claims(arts)]
    ['c1']
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from claimtrack.graph.disagree import Claim, claims

__all__ = [
    "outlet_source",
    "claim_outlet",
    "claim_rows",
    "single_source_claims",
    "anonymous_only_claims",
    "one_side_claims",
    "disputed_claims",
]

Row = dict[str, Any]


def _claims(items: Iterable[Any]) -> list[Claim]:
    items = list(items)
    if items and all(isinstance(x, Claim) for x in items):
        return items
    return claims(items)


def outlet_source(articles: Iterable[Any]) -> list[Row]:
    """Outlet × source: who cites whom, how often (one row per pair, claims in order).

    Keys: ``outlet``, ``source`` (label), ``source_key``, ``source_type``, ``side``,
    ``attributions`` (how many times), ``claims`` (how many distinct claims),
    ``relayed`` (how many of those reached the outlet through a relay).
    """
    counts: Counter[tuple[str, str]] = Counter()
    relayed: Counter[tuple[str, str]] = Counter()
    claim_sets: dict[tuple[str, str], set[str]] = defaultdict(set)
    info: dict[tuple[str, str], Row] = {}
    for c in _claims(articles):
        for m in c.members:
            key = (m.outlet, m.source if m.source is not None else "")
            if key not in info:
                info[key] = {"outlet": m.outlet, "source": m.source_label, "source_key": m.source,
                             "source_type": m.source_type, "side": m.side}
            counts[key] += 1
            claim_sets[key].add(c.id)
            if m.relays:
                relayed[key] += 1
    return [{**info[k], "attributions": counts[k], "claims": len(claim_sets[k]), "relayed": relayed[k]}
            for k in info]


def claim_outlet(articles: Iterable[Any]) -> list[Row]:
    """Claim × outlet: who carries which claim, through which source and relay.

    One row per attribution. Keys: ``claim``, ``claim_text``, ``flags``, ``outlet``,
    ``doc``, ``source``, ``source_type``, ``side``, ``relay`` (the relay chain as
    ``"A ← B"``, or ``None``), ``cue``, ``cue_kind``, ``direct``, ``text``, ``numbers``.
    """
    rows = []
    for c in _claims(articles):
        for m in c.members:
            rows.append({
                "claim": c.id, "claim_text": c.text, "flags": " ".join(c.flags),
                "outlet": m.outlet, "doc": m.doc, "source": m.source_label,
                "source_type": m.source_type, "side": m.side,
                "relay": " ← ".join(m.relays) if m.relays else None,
                "cue": m.cue, "cue_kind": m.cue_kind, "direct": m.direct, "text": m.text,
                "numbers": " ".join(str(n) for n in m.numbers),
            })
    return rows


def claim_rows(articles: Iterable[Any]) -> list[Row]:
    """One row per claim: ``claim``, ``text``, ``outlets`` (count), ``outlet_names``,
    ``sources`` (count), ``source_names``, ``attributions``, ``numbers``, ``flags``."""
    rows = []
    for c in _claims(articles):
        labels = sorted({m.source_label or "" for m in c.members if m.source is not None})
        rows.append({
            "claim": c.id, "text": c.text, "outlets": len(c.outlets),
            "outlet_names": "، ".join(c.outlets), "sources": len(c.sources),
            "source_names": "، ".join(labels), "attributions": len(c.members),
            "numbers": " ".join(str(n) for n in c.numbers), "flags": " ".join(c.flags),
        })
    return rows


def _with_flag(articles: Iterable[Any], flag: str) -> list[Row]:
    return [r for r in claim_rows(articles) if flag in r["flags"].split()]


def single_source_claims(articles: Iterable[Any]) -> list[Row]:
    """Claims that rest on one source only (however many outlets carry them); rows as :func:`claim_rows`."""
    return _with_flag(articles, "single-source")


def anonymous_only_claims(articles: Iterable[Any]) -> list[Row]:
    """Claims whose every source is anonymous (``Source.type == "anonymous"``)."""
    return _with_flag(articles, "anonymous-only")


def one_side_claims(articles: Iterable[Any]) -> list[Row]:
    """Claims whose sources, where their side is known, are all on one side; adds a ``side`` key."""
    out = []
    by_id = {c.id: c for c in _claims(articles)}
    for r in _with_flag(list(by_id.values()), "one-side"):
        sides = {m.side for m in by_id[r["claim"]].members if m.side}
        out.append({**r, "side": sides.pop() if len(sides) == 1 else None})
    return out


def disputed_claims(articles: Iterable[Any]) -> list[Row]:
    """Claims whose reports disagree: different figures (``numbers``) or a denial (``denial``)."""
    keep = {"numbers", "denial"}
    return [r for r in claim_rows(articles) if keep & set(r["flags"].split())]

