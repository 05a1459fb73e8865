"""The JSON form of claimtrack's records.

An article becomes ``{"doc": ..., "publisher": ..., "attributions": [...], "diagnostics": [...]}``;
each attribution carries the fields ``../shared/eval/score.py`` reads::

    {"cue": {"start", "end", "text", "lemma", "kind", "form", "passive"},
     "source": {"start", "end", "text", "type", "canonical", "canonical_name",
                "implicit", "side"} | null,
     "content": {"start", "end", "text", "mode"} | null,
     "direct": bool,
     "via": [{"cue": {"start", "end", "text"}, "source": {...}}],
     "claim_id": str | null}

:func:`article_from_dict` reads the same form back, so records round-trip.

Examples:
    >>> from claimtrack.model import Span, Cue, Source, Content, Attribution, Article
    >>> t = "قال الوزير إن الطريق مغلق"
    >>> a = Attribution(Cue(Span.of(t, 0, 3), "قال", "neutral"),
    ...                 Source(Span.of(t, 4, 10), "official"),
    ...                 Content(Span.of(t, 14, 25)))
    >>> d = attribution_to_dict(a)
    >>> d["source"]["text"], d["content"]["text"], d["direct"]
    ('الوزير', 'الطريق مغلق', False)
    >>> article_from_dict(article_to_dict(Article(t, [a])), t).attributions[0] == a
    True
"""

from __future__ import annotations

from typing import Any

from claimtrack.errors import InputError
from claimtrack.model import Article, Attribution, Content, Cue, Diagnostic, Source, Span, Via

__all__ = [
    "span_to_dict",
    "attribution_to_dict",
    "article_to_dict",
    "attribution_from_dict",
    "article_from_dict",
]

JSON = dict[str, Any]


def span_to_dict(span: Span) -> JSON:
    """``{"start", "end", "text"}`` of a span."""
    return {"start": span.start, "end": span.end, "text": span.text}


def _source_to_dict(source: Source | None) -> JSON | None:
    if source is None:
        return None
    return {
        **span_to_dict(source.span),
        "type": source.type,
        "canonical": source.canonical,
        "canonical_name": source.canonical_name,
        "implicit": source.implicit,
        "side": source.side,
    }


def attribution_to_dict(att: Attribution) -> JSON:
    """The JSON form of one attribution."""
    cue = att.cue
    return {
        "cue": {**span_to_dict(cue.span), "lemma": cue.lemma, "kind": cue.kind,
                "form": cue.form, "passive": cue.passive},
        "source": _source_to_dict(att.source),
        "content": (None if att.content is None
                    else {**span_to_dict(att.content.span), "mode": att.content.mode}),
        "direct": att.direct,
        "via": [{"cue": span_to_dict(v.cue), "source": _source_to_dict(v.source)} for v in att.via],
        "claim_id": att.claim_id,
    }


def article_to_dict(article: Article) -> JSON:
    """The JSON form of an article (without its text)."""
    return {
        "doc": article.doc_id,
        "publisher": article.publisher,
        "attributions": [attribution_to_dict(a) for a in article.attributions],
        "diagnostics": [
            {"code": d.code, "message": d.message,
             "span": None if d.span is None else span_to_dict(d.span)}
            for d in article.diagnostics
        ],
    }


def _span(d: JSON, text: str | None) -> Span:
    try:
        start, end = int(d["start"]), int(d["end"])
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"span {d!r} needs integer 'start' and 'end'") from exc
    if text is not None:
        if end > len(text):
            raise InputError(f"span {start}:{end} runs past the text's end ({len(text)})")
        return Span.of(text, start, end)
    return Span(start, end, str(d.get("text", "")))


def _source(d: JSON | None, text: str | None) -> Source | None:
    if d is None:
        return None
    return Source(_span(d, text), d.get("type") or "unknown", d.get("canonical"),
                  d.get("canonical_name"), bool(d.get("implicit", False)), d.get("side"))


def attribution_from_dict(d: JSON, text: str | None = None) -> Attribution:
    """Read an attribution back from its JSON form; with *text*, span texts are sliced from it."""
    c = d["cue"]
    cue = Cue(_span(c, text), c.get("lemma") or "", c.get("kind") or "neutral",
              c.get("form") or "verb", bool(c.get("passive", False)))
    content = None
    if d.get("content") is not None:
        mode = d["content"].get("mode") or ("direct" if d.get("direct") else "indirect")
        content = Content(_span(d["content"], text), mode)
    via = []
    for v in d.get("via") or []:
        vs = _source(v.get("source"), text)
        if vs is not None:
            via.append(Via(_span(v["cue"], text), vs))
    return Attribution(cue, _source(d.get("source"), text), content, tuple(via), d.get("claim_id"))


def article_from_dict(d: JSON, text: str) -> Article:
    """Read an article back from its JSON form and its original *text*."""
    diags = tuple(
        Diagnostic(x["code"], x["message"], None if x.get("span") is None else _span(x["span"], text))
        for x in d.get("diagnostics") or []
    )
    return Article(text, tuple(attribution_from_dict(a, text) for a in d.get("attributions") or []),
                   d.get("doc"), d.get("publisher"), diags)
