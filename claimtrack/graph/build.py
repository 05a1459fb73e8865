"""Building the claim–source graph from articles.

The graph is a :class:`networkx.MultiDiGraph`. Its schema:

Nodes (attribute ``kind``; every node has a ``label``, the Arabic text to show):

========== =================== ==============================================================
kind       id                  other attributes
========== =================== ==============================================================
publisher  ``pub:<slug>``      ``articles`` (count)
article    ``art:<slug>``      ``publisher``, ``cluster``
source     ``src:<slug>``      ``source_type``, ``side``, ``canonical`` (``""`` when unknown)
claim      ``claim:<id>``      ``text``, ``flags`` (space-separated), ``outlets``, ``members``
========== =================== ==============================================================

Edges (attribute ``kind``):

============ ===================== ===========================================================
kind         from → to             other attributes
============ ===================== ===========================================================
publishes    publisher → article
reports      article → claim       ``cue``, ``cue_kind``, ``direct``, ``cue_start``,
                                   ``cue_end``, ``content_start``, ``content_end``,
                                   ``sentence`` (the sentence around the cue)
said_by      claim → source        ``article``, ``cue``, ``cue_kind``, ``direct``
relayed_by   source → source       ``claim``, ``article``, ``order`` (0 = nearest the
                                   speaker): speaker → first relay → next relay ...
============ ===================== ===========================================================

A ``<slug>`` is the key itself when it is plain ASCII (``src:sana``), else a short
hash (``src:3f2a...``), so ids are safe in DOT, GraphML, GEXF, JSON and HTML. All
attribute values are str, int or bool (never ``None``), and labels are cleaned of
characters XML cannot carry, so every export round-trips.

Examples:
    >>> from claimtrack.model import Article, Attribution, Content, Cue, Source, Span, Via
    >>> t = "نقلت وكالة سانا عن مصدر عسكري أن الطريق مفتوح"
    >>> a = Attribution(Cue(Span.of(t, 0, 4), "نقل", "neutral"),
    ...                 Source(Span.of(t, 19, 29), "anonymous"),
    ...                 Content(Span.of(t, 33, len(t))),
    ...                 via=[Via(Span.of(t, 0, 4), Source(Span.of(t, 5, 15), "outlet", "sana", "سانا"))])
    >>> g = build_graph([Article(t, [a], doc_id="a1", publisher="الوطن")])
    >>> sorted(k for _, k in g.nodes(data="kind"))
    ['article', 'claim', 'publisher', 'source', 'source']
    >>> [(g.nodes[u]["label"], k, g.nodes[v]["label"]) for u, v, k in g.edges(data="kind")
    ...  if k == "relayed_by"]
    [('مصدر عسكري', 'relayed_by', 'سانا')]
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import networkx as nx

from claimtrack.graph.disagree import UNKNOWN_OUTLET, claim_id_of, claims
from claimtrack.graph.link import cluster_of
from claimtrack.model import Article, Source
from claimtrack.text.normalize import normalize

__all__ = ["build_graph", "node_id", "clean_label", "sentence_around", "NODE_KINDS", "EDGE_KINDS"]

#: Node kinds, in the order exports list them.
NODE_KINDS = ("publisher", "article", "source", "claim")
#: Edge kinds.
EDGE_KINDS = ("publishes", "reports", "said_by", "relayed_by")

_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
# Characters XML 1.0 cannot carry (C0 controls but tab/newline, surrogates, U+FFFE/U+FFFF).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_label(text: str) -> str:
    """*text* made safe for every export: CR and CRLF become LF, XML-illegal characters go.

    Bidi marks, quotes, brackets and HTML stay as they are (exports escape them).

    Examples:
        >>> clean_label('a\\r\\nb\\x00 <"c">')
        'a\\nb <"c">'
    """
    return _XML_ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def node_id(kind: str, key: str) -> str:
    """The node id of a *kind* node for *key*: ``kind:key`` when *key* is safe ASCII, else a hash.

    Examples:
        >>> node_id("src", "sana")
        'src:sana'
        >>> node_id("src", "مصدر عسكري")
        'src:h...'
    """
    if _SAFE.fullmatch(key):
        return f"{kind}:{key}"
    return f"{kind}:h" + hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()


def sentence_around(text: str, start: int, end: int, *, limit: int = 400) -> str:
    """The sentence of *text* holding ``[start, end)`` (at most *limit* characters either side).

    Examples:
        >>> sentence_around("أولاً. قال الوزير إن الطريق مغلق. ثانياً", 7, 10)
        'قال الوزير إن الطريق مغلق.'
    """
    if not text:
        return ""
    lo = max(0, start - limit)
    hi = min(len(text), end + limit)
    s = start
    while s > lo and text[s - 1] not in ".؟?!\n":
        s -= 1
    e = end
    while e < hi and text[e] not in ".؟?!\n":
        e += 1
    if e < len(text) and text[e] in ".؟?!":
        e += 1
    return text[s:e].strip()


def _source_node(g: nx.MultiDiGraph, src: Source) -> str:
    key = src.canonical or " ".join(normalize(src.text).split()) or "?"
    nid = node_id("src", key)
    if nid not in g:
        g.add_node(nid, kind="source", label=clean_label(src.canonical_name or src.text or key),
                   source_type=src.type, side=src.side or "", canonical=src.canonical or "")
    return nid


def build_graph(articles: Iterable[Article], *, sentences: bool = True) -> nx.MultiDiGraph:
    """The claim–source graph of *articles* (see the module docstring for the schema).

    Link the articles first (:func:`~claimtrack.graph.link.link_claims`) so that one
    claim carried by several outlets is one node; an attribution without a claim id
    becomes a claim node of its own.

    Args:
        articles: the articles (their ``publisher`` names the outlet node).
        sentences: store the sentence around each cue on ``reports`` edges (needs
            ``Article.text``; turn off for smaller graphs).

    Returns:
        A new ``MultiDiGraph``; empty (but valid) when there are no articles.
    """
    arts = list(articles)
    g = nx.MultiDiGraph(name="claimtrack claim-source graph")
    by_id = {c.id: c for c in claims(arts)}
    for pos, art in enumerate(arts):
        outlet = art.publisher or UNKNOWN_OUTLET
        pub = node_id("pub", outlet)
        if pub not in g:
            g.add_node(pub, kind="publisher", label=clean_label(outlet), articles=0)
        g.nodes[pub]["articles"] += 1
        doc = art.doc_id if art.doc_id is not None else f"article-{pos}"
        aid = node_id("art", doc)
        g.add_node(aid, kind="article", label=clean_label(doc), publisher=clean_label(outlet),
                   cluster=clean_label(cluster_of(art) or ""))
        g.add_edge(pub, aid, kind="publishes")
        for i, att in enumerate(art.attributions):
            cid = claim_id_of(art, i, position=pos)
            claim = by_id[cid]
            cnode = node_id("claim", cid)
            if cnode not in g:
                text = clean_label(claim.text) or clean_label(att.cue.span.text)
                short = text if len(text) <= 60 else text[:57] + "…"
                g.add_node(cnode, kind="claim", label=short, text=text, flags=" ".join(claim.flags),
                           outlets=len(claim.outlets), members=len(claim.members))
            content = att.content
            sentence = ""
            if sentences and art.text:
                hi = content.span.end if content is not None else att.cue.span.end
                lo = min(att.cue.span.start, content.span.start if content is not None else hi)
                sentence = sentence_around(art.text, lo, hi)
            g.add_edge(aid, cnode, kind="reports", cue=clean_label(att.cue.span.text),
                       cue_kind=att.cue.kind, direct=att.direct,
                       cue_start=att.cue.span.start, cue_end=att.cue.span.end,
                       content_start=-1 if content is None else content.span.start,
                       content_end=-1 if content is None else content.span.end,
                       sentence=clean_label(sentence or (content.span.text if content else "")))
            if att.source is None:
                continue
            snode = _source_node(g, att.source)
            g.add_edge(cnode, snode, kind="said_by", article=aid, cue=clean_label(att.cue.span.text),
                       cue_kind=att.cue.kind, direct=att.direct)
            prev = snode
            for order, via in enumerate(att.via):
                vnode = _source_node(g, via.source)
                g.add_edge(prev, vnode, kind="relayed_by", claim=cnode, article=aid, order=order)
                prev = vnode
    return g

