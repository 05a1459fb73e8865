"""Cross-outlet claim linking: give attributions that report one proposition one claim id.

Two attributions are the *same claim* when they report the same proposition, even
in different words, from different speakers or with different numbers: «قتل 70
شخصاً» and «مقتل 40 على الأقل» are one claim on which two sources disagree.

How it works:

1. Each attribution becomes a bag of *content terms*
   (:func:`~claimtrack.graph.features.content_terms`: normalised, lightly stemmed
   content words, news concepts folded, numbers left out) weighted by inverse
   document frequency over everything being linked.
2. *Blocking*: an inverted index from term to attributions proposes only pairs that
   share a reasonably rare term, inside one event cluster; frequent terms are left out
   of the index, so the cost grows about linearly with the number of attributions.
3. Each proposed pair is scored: weighted overlap of the terms, blended with the
   rapidfuzz ``token_set_ratio`` of the normalised contents
   (``processor=normalize``), plus a bonus when both name the same source.
4. Pairs at or above the threshold are joined (union-find); each group gets an id
   ``c`` + 10 hex digits, a hash of its members, stable from run to run.

Attributions in the same article may join a claim too (a statement repeated by its
speaker), but the point is the cross-article links.

Examples:
    >>> from claimtrack.model import Article, Attribution, Content, Cue, Source, Span
    >>> def art(doc, src, content):
    ...     t = f"قال {src} إن {content}"
    ...     s = Span.of(t, 4, 4 + len(src))
    ...     c = Span.of(t, s.end + 4, len(t))
    ...     return Article(t, [Attribution(Cue(Span.of(t, 0, 3), "قال", "neutral"),
    ...                                    Source(s), Content(c))], doc_id=doc)
    >>> arts = [art("a", "المرصد", "الغارات قتلت 70 مدنياً في مدينة دوما"),
    ...         art("b", "ناشطون", "مقتل 40 مدنياً على الأقل بغارات على دوما"),
    ...         art("c", "الوزارة", "الحدود مع الأردن مفتوحة أمام الشاحنات")]
    >>> linked = link_claims(arts, clusters={"a": "ev", "b": "ev", "c": "ev"})
    >>> ids = [a.attributions[0].claim_id for a in linked]
    >>> ids[0] == ids[1], ids[0] == ids[2]
    (True, False)
"""

from __future__ import annotations

import hashlib
import logging
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs
from rapidfuzz import fuzz

from claimtrack.errors import InputError
from claimtrack.graph.features import content_terms, frames, weekdays
from claimtrack.model import Article, Attribution
from claimtrack.text.normalize import normalize

__all__ = [
    "link_claims",
    "claim_groups",
    "attribution_key",
    "cluster_of",
    "source_key",
    "DEFAULT_THRESHOLD",
    "POOL_THRESHOLD",
]

logger = logging.getLogger(__name__)

#: Score at which two attributions of one event cluster are the same claim.
DEFAULT_THRESHOLD = 0.5
#: Score needed when no cluster says the two articles report one event.
POOL_THRESHOLD = 0.72

_MAX_POSTING = 64  # terms carried by more attributions than this do not propose pairs
_SAME_SOURCE_BONUS = 0.15
_FRAME_BONUS = 0.3
_DAY_PENALTY = 0.3  # the two name different days of the week
_FLOOR = 0.15  # pair scores below this are not kept
_AVG_SHARE = 0.8  # a group's mean pair score must reach this share of the threshold


def attribution_key(article: Article, index: int, *, position: int | None = None) -> str:
    """A stable key for attribution *index* of *article*: ``doc:cue-start``.

    Examples:
        >>> from claimtrack.model import Article
        >>> attribution_key(Article("", [], doc_id="x.txt"), 0, position=3)
        'x.txt#0'
    """
    doc = article.doc_id if article.doc_id is not None else f"article-{position}"
    if index < len(article.attributions):
        return f"{doc}:{article.attributions[index].cue.span.start}"
    return f"{doc}#{index}"


def cluster_of(article: Article, clusters: Mapping[str, str | None] | None = None) -> str | None:
    """The event cluster of *article*: from *clusters* (doc id -> cluster) or its ``meta``.

    Examples:
        >>> from claimtrack.model import Article
        >>> cluster_of(Article("", [], doc_id="a", meta=[("cluster", "ev1")]))
        'ev1'
        >>> cluster_of(Article("", [], doc_id="a"), {"a": "ev2"})
        'ev2'
        >>> cluster_of(Article("", [], doc_id="b"), {"a": "ev2"}) is None
        True
    """
    if clusters is not None and article.doc_id is not None and article.doc_id in clusters:
        return clusters[article.doc_id]
    for k, v in article.meta:
        if k == "cluster":
            return v or None
    return None


def source_key(att: Attribution) -> str | None:
    """Who said it, for comparison: the canonical id when resolved, else the normalised mention.

    Examples:
        >>> from claimtrack.model import Attribution, Cue, Source, Span
        >>> cue = Cue(Span(0, 3, "قال"), "قال", "neutral")
        >>> source_key(Attribution(cue, Source(Span(4, 10, "الوزيرُ")), None))
        'الوزير'
        >>> source_key(Attribution(cue, Source(Span(4, 7, "x"), canonical="sana"), None))
        'sana'
        >>> source_key(Attribution(cue, None, None)) is None
        True
    """
    s = att.source
    if s is None:
        return None
    if s.canonical:
        return s.canonical
    key = " ".join(normalize(s.text).split())
    return key or None


@attrs.frozen
class _Item:
    article: int
    index: int
    pool: str | None
    terms: frozenset[str]
    text: str
    source: str | None
    frames: frozenset[str]
    days: frozenset[str]


def _items(articles: Sequence[Article], clusters: Mapping[str, str | None] | None) -> list[_Item]:
    out = []
    for ai, art in enumerate(articles):
        pool = cluster_of(art, clusters)
        for i, att in enumerate(art.attributions):
            text = att.content.span.text if att.content is not None else ""
            base = content_terms(text)
            fr = frames(text, cue_kind=att.cue.kind, terms=base)
            terms = base | {"@" + f for f in fr}
            out.append(_Item(ai, i, pool, terms, text, source_key(att), fr, weekdays(text)))
    return out


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        p = self.parent
        while p[x] != x:
            p[x] = p[p[x]]
            x = p[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _score(a: _Item, b: _Item, shared: float, wa: float, wb: float, need: float) -> float:
    """The similarity of two attributions; rapidfuzz runs only when the pair can reach *need*."""
    if wa <= 0 or wb <= 0:
        return 0.0
    overlap = shared / math.sqrt(wa * wb)  # cosine of binary idf-weighted vectors
    bonus = 0.0
    if a.source is not None and a.source == b.source:
        bonus += _SAME_SOURCE_BONUS
    if a.frames & b.frames and a.pool is not None:
        bonus += _FRAME_BONUS
    if a.days and b.days and not a.days & b.days:
        bonus -= _DAY_PENALTY
    partial = 0.7 * overlap + bonus
    if partial + 0.3 < _FLOOR:
        return 0.0  # cannot reach the floor whatever the string similarity
    fuzzy = fuzz.token_set_ratio(a.text, b.text, processor=normalize) / 100.0
    return partial + 0.3 * fuzzy


def claim_groups(
    articles: Sequence[Article],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    pool_threshold: float = POOL_THRESHOLD,
    clusters: Mapping[str, str | None] | None = None,
) -> list[list[tuple[int, int]]]:
    """Group the attributions of *articles* into claims, without changing the articles.

    Args:
        articles: the articles to link.
        threshold: the score two attributions of one event cluster need to be joined.
        pool_threshold: the score needed by attributions of articles with no cluster.
        clusters: doc id -> event cluster; articles may also carry ``("cluster", ...)``
            in their ``meta``. Articles of different clusters are never linked.

    Returns:
        The groups as lists of ``(article index, attribution index)``, each sorted,
        in order of their first member.
    """
    if not 0.0 <= threshold <= 2.0 or not 0.0 <= pool_threshold <= 2.0:
        raise InputError(f"threshold {threshold!r} / pool_threshold {pool_threshold!r} must lie "
                         "between 0 and 2 (try 0.5 inside clusters, 0.72 without)")
    items = _items(articles, clusters)
    n = len(items)
    df: dict[str, int] = defaultdict(int)
    for it in items:
        for t in it.terms:
            df[t] += 1
    idf = {t: math.log(1.0 + n / c) for t, c in df.items()}

    weights = [sum(idf[t] ** 2 for t in it.terms) for it in items]

    index: dict[tuple[str | None, str], list[int]] = defaultdict(list)
    scored: list[tuple[float, int, int]] = []
    scores: dict[tuple[int, int], float] = {}
    for j, it in enumerate(items):
        shared: dict[int, float] = defaultdict(float)
        for t in it.terms:
            posting = index[(it.pool, t)]
            if len(posting) > _MAX_POSTING:
                continue
            w = idf[t] ** 2
            for i in posting:
                shared[i] += w
            posting.append(j)
        need = threshold if it.pool is not None else pool_threshold
        wj = weights[j]
        for i, sh in shared.items():
            sc = _score(items[i], it, sh, weights[i], wj, need)
            if sc >= _FLOOR:
                scores[(i, j)] = sc
                scored.append((sc, i, j))
    pairs = len(scores)
    # Average-linkage agglomeration: join two groups when their best pair passes the
    # threshold and their mean pair score (unscored pairs count 0) passes avg_threshold.
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    uf = _UnionFind(n)
    members: dict[int, list[int]] = {k: [k] for k in range(n)}
    for sc, i, j in scored:
        need = threshold if items[j].pool is not None else pool_threshold
        if sc < need:
            continue
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            continue
        ma, mb = members[ri], members[rj]
        if len(ma) * len(mb) > 1:
            total = 0.0
            for a in ma:
                for b in mb:
                    total += scores.get((a, b) if a < b else (b, a), 0.0)
            if total / (len(ma) * len(mb)) < need * _AVG_SHARE:
                continue
        uf.union(ri, rj)
        root = uf.find(ri)
        merged = ma + mb
        members.pop(ri, None)
        members.pop(rj, None)
        members[root] = merged
    logger.debug("linked %d attributions, %d candidate pairs scored", n, pairs)
    groups: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for k, it in enumerate(items):
        groups[uf.find(k)].append((it.article, it.index))
    return [sorted(g) for _, g in sorted(groups.items())]


def _claim_id(keys: Iterable[str]) -> str:
    h = hashlib.blake2b("\n".join(sorted(keys)).encode("utf-8"), digest_size=5)
    return "c" + h.hexdigest()


def link_claims(
    articles: Iterable[Article],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    pool_threshold: float = POOL_THRESHOLD,
    clusters: Mapping[str, str | None] | None = None,
) -> list[Article]:
    """Set ``claim_id`` on every attribution so that the same claim has the same id across outlets.

    Args:
        articles: the articles; their attributions' existing claim ids are replaced.
        threshold: similarity needed inside one event cluster (default
            :data:`DEFAULT_THRESHOLD`); raise it for fewer, surer links.
        pool_threshold: similarity needed between articles with no cluster
            (default :data:`POOL_THRESHOLD`): with no clusters at all, every article
            is in one pool and only close paraphrases are linked.
        clusters: doc id -> event cluster (``None`` = unknown). Articles may instead
            carry ``("cluster", name)`` in ``Article.meta``.

    Returns:
        New articles (``attrs.evolve``-d), in the same order.
    """
    arts = list(articles)
    groups = claim_groups(arts, threshold=threshold, pool_threshold=pool_threshold,
                          clusters=clusters)
    ids: dict[tuple[int, int], str] = {}
    for g in groups:
        cid = _claim_id(attribution_key(arts[a], i, position=a) for a, i in g)
        for m in g:
            ids[m] = cid
    out = []
    for ai, art in enumerate(arts):
        atts = tuple(attrs.evolve(att, claim_id=ids[(ai, i)])
                     for i, att in enumerate(art.attributions))
        out.append(attrs.evolve(art, attributions=atts))
    return out
