"""Cross-outlet claim linking: give attributions that report one proposition one claim id.

Two attributions are the *same claim* when they report the same proposition, even
in different words, from different speakers or with different numbers: «قتل 70
شخصاً» and «مقتل 40 على الأقل» are one claim on which two sources disagree.

How it works:

1. Each attribution becomes a bag of *content terms*
   (:func:`~claimtrack.graph.features.content_terms`: normalised, lightly stemmed
   content words, news concepts of ``lexicon/data/concepts.txt`` folded, nisba
   adjectives folded onto their noun), plus its figures, its frame (death toll), its
   speech act (:func:`~claimtrack.graph.features.act`: report, deny, condemn, blame,
   demand), the acts its content carries anyway
   (:func:`~claimtrack.graph.features.act_hints`: a negation, «تتحمل المسؤولية») and its
   lead figure (:func:`~claimtrack.graph.features.lead_figure`). Terms are weighted by
   inverse document frequency *inside the event cluster*, so the words the whole event
   uses (its town, its actors) weigh little.
2. *Blocking*: an inverted index per cluster from term to attributions proposes only
   pairs that share a term carried by at most 64 attributions of the cluster, so the
   cost grows about linearly with the number of attributions.
3. Each proposed pair is scored: cosine of the weighted terms, blended with the
   rapidfuzz ``token_sort_ratio`` of the normalised contents (``processor=normalize``);
   a bonus when both are death tolls; for two reports a small bonus when the speakers
   agree (different speakers can carry one claim); for two denials (condemnations,
   accusations, demands) a bonus that grows with the speakers' agreement, since who
   denies is part of what is claimed — the same speaker, or one *camp* (state bodies of
   one country in the source registry: government, army, ministries; or one side), and
   an unnamed speaker counts as unknown; a penalty when one denies what the other
   reports (unless the report's own content negates, blames or demands), when they
   name different days of the week, or when *one* speaker names two different lead
   figures (two counts, where two speakers' figures are a disagreement on one claim);
   a small bonus when the two name the same lead figure.
   *Speaker anchoring*: across two articles of one cluster, the attributions of one
   speaker are matched one to one (each the other's best-scoring attribution of that
   speaker in the other article); a matched pair gets a bonus, so what one speaker is
   reported to say by two outlets links at a lower content similarity.
4. Groups are agglomerated best mean first (average linkage): two groups join when
   their best pair reaches the threshold and their mean pair score (unscored pairs
   count 0) reaches :data:`_AVG_SHARE` of it, so one loose pair cannot chain two
   claims together. Each group gets an id ``c`` + 10 hex digits, a hash of its
   members, stable from run to run.

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
import heapq
import logging
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs
from rapidfuzz import fuzz

from claimtrack.errors import InputError
from claimtrack.graph.features import act, act_hints, content_terms, lead_figure, frames, numbers, source_terms, weekdays
from claimtrack.model import Article, Attribution
from claimtrack.sources.registry import builtin_registry
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
DEFAULT_THRESHOLD = 0.4
#: Score needed when no cluster says the two articles report one event.
POOL_THRESHOLD = 0.72

_MAX_POSTING = 64  # terms carried by more attributions of a pool than this do not propose pairs
_W_COSINE = 0.9  # weight of the idf-weighted term cosine
_W_FUZZY = 0.1  # weight of rapidfuzz token_sort_ratio of the normalised contents
_SAME_SOURCE_BONUS = 0.1  # times the speakers' word overlap, for two reports
_ACT_BONUS = 0.3  # both deny, both condemn, both blame or both demand
_ACT_SPEAKER = 2.0  # ... and then the speaker decides: ± this times (overlap - 0.5)
_ACT_PENALTY = 0.6  # one denies (condemns ...) what the other reports
_FRAME_BONUS = 0.2  # both are death tolls
_DAY_PENALTY = 0.3  # the two name different days of the week
_FIGURE_PENALTY = 0.5  # one speaker names two different lead figures
_FIGURE_BONUS = 0.1  # the two name the same lead figure
_ANCHOR_BONUS = 0.1  # one speaker, and each is the other's best match in the other's article
_ANCHOR_FLOOR = 0.25  # ... given at least this score
_ANCHOR_SPEAKER = 0.75  # speaker overlap (same canonical id = 1) that makes one speaker
_FLOOR = 0.1  # pair scores below this are not kept
_AVG_SHARE = 0.6  # two groups' mean pair score must reach this share of the threshold


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
    text: str  # normalised
    source: str | None
    speaker: frozenset[str]
    camps: frozenset[str]
    known: bool
    act: str
    hints: frozenset[str]
    frames: frozenset[str]
    figure: int | None
    days: frozenset[str]


def _items(articles: Sequence[Article], clusters: Mapping[str, str | None] | None) -> list[_Item]:
    out = []
    for ai, art in enumerate(articles):
        pool = cluster_of(art, clusters)
        for i, att in enumerate(art.attributions):
            text = att.content.span.text if att.content is not None else ""
            base = frozenset(_nisba(t) for t in content_terms(text))
            kind = att.cue.kind
            fr = frames(text, cue_kind=kind, terms=base)
            sp = act(text, cue_kind=kind, terms=base)
            terms = base | {"@" + f for f in fr} | {"#" + str(n) for n in numbers(text) if n > 2}
            if sp != "report":
                terms |= {"@" + sp}
            speaker = source_terms(att.source.text) if att.source is not None else frozenset()
            out.append(_Item(ai, i, pool, terms, normalize(text), source_key(att), speaker,
                             _camps(att), _known(att), sp, act_hints(text, terms=base), fr,
                             lead_figure(text), weekdays(text)))
    return out


def _nisba(term: str) -> str:
    """Fold a nisba adjective onto its noun: «الروسية» and «روسيا» give one term."""
    return term[:-1] if len(term) >= 4 and term.endswith("ي") and term[0] != "#" else term


#: Registry kinds whose entries speak for their country's state.
_STATE_KINDS = frozenset({"government", "ministry", "army", "security", "office", "judiciary"})
#: Source types that do not say who is speaking (unnamed sources, bare documents).
_UNNAMED_TYPES = frozenset({"anonymous", "document"})


def _camps(att: Attribution) -> frozenset[str]:
    """The camps a speaker belongs to: its country's state (registry kind), its side."""
    s = att.source
    if s is None:
        return frozenset()
    out = set()
    if s.canonical:
        entry = builtin_registry().get(s.canonical)
        if entry is not None and entry.kind in _STATE_KINDS:
            out.add("state:" + entry.country)
    if s.side:
        out.add("side:" + s.side)
    return frozenset(out)


def _known(att: Attribution) -> bool:
    """True when the speaker is named: not absent, unnamed or a bare document."""
    s = att.source
    return s is not None and (s.canonical is not None or s.type not in _UNNAMED_TYPES)


def _speaker_overlap(a: _Item, b: _Item) -> float:
    """Share of the shorter speaker mention's words found in the other (1.0 for the same canonical id)."""
    if a.source is not None and a.source == b.source:
        return 1.0
    if not a.speaker or not b.speaker:
        return 0.0
    return len(a.speaker & b.speaker) / min(len(a.speaker), len(b.speaker))


def _act_speaker(a: _Item, b: _Item) -> float:
    """How far two denials (condemnations ...) come from one speaker: 0 (two others) .. 1 (one).

    Word overlap of the mentions or the same canonical id; else one camp (the state of
    one country: its government, army, ministries; or one side) counts 0.75, and an
    unnamed speaker (none, «مصدر», a bare «بيان») 0.5: it neither helps nor hurts.
    """
    overlap = _speaker_overlap(a, b)
    if overlap >= 0.75:
        return overlap
    if a.camps & b.camps:
        return 0.75
    if not (a.known and b.known):
        return max(overlap, 0.5)
    return overlap


def _score(a: _Item, b: _Item, shared: float, wa: float, wb: float) -> float:
    """The similarity of two attributions of one pool (roughly 0..1.3)."""
    if wa <= 0 or wb <= 0:
        return 0.0
    cosine = shared / math.sqrt(wa * wb)  # of binary, pool-idf-weighted term vectors
    score = _W_COSINE * cosine
    speaker = _speaker_overlap(a, b)
    if a.act != b.act:
        if not (a.act == "report" and b.act in a.hints or b.act == "report" and a.act in b.hints):
            score -= _ACT_PENALTY
    elif a.act != "report":
        # «X denies / condemns / blames ...»: the speaker is part of the proposition
        # (an unnamed speaker neither helps nor hurts)
        score += _ACT_BONUS + _ACT_SPEAKER * (_act_speaker(a, b) - 0.5)
    else:
        score += _SAME_SOURCE_BONUS * speaker
    if a.frames & b.frames and a.pool is not None:
        score += _FRAME_BONUS
    if a.days and b.days and not a.days & b.days:
        score -= _DAY_PENALTY
    if a.figure is not None and b.figure is not None and a.figure != b.figure \
            and _speaker_overlap(a, b) >= 0.75:
        score -= _FIGURE_PENALTY  # one speaker, two figures: two counts, not a disagreement
    elif a.figure is not None and a.figure == b.figure:
        score += _FIGURE_BONUS  # one headline figure: one count
    if score + _W_FUZZY < _FLOOR:
        return 0.0  # cannot reach the floor whatever the string similarity
    if _W_FUZZY:
        # the texts are normalised once in _items: the same as processor=normalize, per pair
        score += _W_FUZZY * fuzz.token_sort_ratio(a.text, b.text, processor=None) / 100.0
    return score


def _pair_scores(items: Sequence[_Item]) -> dict[tuple[int, int], float]:
    """Score the pairs that blocking proposes: same pool, sharing a term that is rare in the pool."""
    by_pool: dict[str | None, list[int]] = defaultdict(list)
    for k, it in enumerate(items):
        by_pool[it.pool].append(k)
    scores: dict[tuple[int, int], float] = {}
    for members in by_pool.values():
        n = len(members)
        df: dict[str, int] = defaultdict(int)
        for k in members:
            for t in items[k].terms:
                df[t] += 1
        # idf inside the pool: words the whole event uses (its place, its actors) weigh little
        idf2 = {t: math.log(1.0 + n / c) ** 2 for t, c in df.items()}
        weights = {k: sum(idf2[t] for t in items[k].terms) for k in members}
        index: dict[str, list[int]] = defaultdict(list)
        for j in members:
            it = items[j]
            shared: dict[int, float] = defaultdict(float)
            for t in it.terms:
                posting = index[t]
                if len(posting) <= _MAX_POSTING:
                    w = idf2[t]
                    for i in posting:
                        shared[i] += w
                posting.append(j)
            for i, sh in shared.items():
                sc = _score(items[i], it, sh, weights[i], weights[j])
                if sc >= _FLOOR:
                    scores[(i, j)] = sc
    return _anchor(items, scores)


def _anchor(items: Sequence[_Item], scores: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """Speaker-anchored matching: raise the pairs where one speaker says the same in two articles.

    Across two articles of one event cluster, the attributions of *one* speaker (same
    canonical id, or most words of the mention shared) are matched one to one: a pair
    whose members are each other's best-scoring attribution of that speaker in the
    other article, with a score of at least :data:`_ANCHOR_FLOOR`, gets
    :data:`_ANCHOR_BONUS`; two different lead figures of one speaker are two counts and
    are never anchored. What one speaker is reported to say about one event by two
    outlets is most often the same statement, told in other words; the one-to-one
    match keeps its other statements apart. Linear in the number of scored pairs.
    """
    best: dict[tuple[int, int], tuple[float, int]] = {}
    anchored = []
    for (i, j), sc in scores.items():
        a, b = items[i], items[j]
        if a.pool is None or a.article == b.article or sc < _ANCHOR_FLOOR \
                or _speaker_overlap(a, b) < _ANCHOR_SPEAKER \
                or a.figure is not None and b.figure is not None and a.figure != b.figure:
            continue  # (one speaker's two figures are two counts: never anchored)
        anchored.append((i, j))
        for x, y in ((i, j), (j, i)):
            key = (x, items[y].article)
            if sc > best.get(key, (-1.0, -1))[0]:
                best[key] = (sc, y)
    out = dict(scores)
    for i, j in anchored:
        if best[(i, items[j].article)][1] == j and best[(j, items[i].article)][1] == i:
            out[(i, j)] += _ANCHOR_BONUS
    return out


def _average_linkage(n: int, scores: Mapping[tuple[int, int], float],
                     need: Callable[[int], float]) -> list[int]:
    """Agglomerate *n* items, best mean first: average linkage with a best-pair condition.

    Two groups join when their best pair reaches *need* and their mean pair score
    (unscored pairs count 0) reaches :data:`_AVG_SHARE` of it: one loose pair cannot
    chain two claims together. Returns each item's group representative.
    """
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    best: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), sc in scores.items():
        sums[i][j] = sums[j][i] = sc
        best[i][j] = best[j][i] = sc
    size = [1] * n
    rep = list(range(n))
    alive = [True] * n
    heap = [(-sc, i, j) for (i, j), sc in scores.items()]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]):
            continue
        avg = sums[a].get(b, 0.0) / (size[a] * size[b])
        if abs(avg + neg) > 1e-12:
            continue  # stale entry: a newer one for this pair is in the heap
        th = min(need(a), need(b))
        if avg < th * _AVG_SHARE or best[a].get(b, 0.0) < th:
            continue
        if size[a] < size[b] or (size[a] == size[b] and a > b):
            a, b = b, a
        alive[b] = False
        rep[b] = a
        size[a] += size[b]
        sa, ba = sums[a], best[a]
        sa.pop(b, None)
        ba.pop(b, None)
        nb, bb = sums.pop(b, {}), best.pop(b, {})
        for x, v in nb.items():
            if x == a:
                continue
            sa[x] = sa.get(x, 0.0) + v
            ba[x] = max(ba.get(x, 0.0), bb[x])
            sums[x].pop(b, None)
            best[x].pop(b, None)
            sums[x][a] = sa[x]
            best[x][a] = ba[x]
        for x, v in sa.items():
            heapq.heappush(heap, (-(v / (size[a] * size[x])), min(a, x), max(a, x)))
    out = []
    for k in range(n):
        r = k
        while rep[r] != r:
            r = rep[r]
        out.append(r)
    return out


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
        threshold: the mean score two groups of one event cluster need to be joined.
        pool_threshold: the score needed by attributions of articles with no cluster.
        clusters: doc id -> event cluster; articles may also carry ``("cluster", ...)``
            in their ``meta``. Articles of different clusters are never linked.

    Returns:
        The groups as lists of ``(article index, attribution index)``, each sorted,
        in order of their first member.
    """
    if not 0.0 <= threshold <= 2.0 or not 0.0 <= pool_threshold <= 2.0:
        raise InputError(f"threshold {threshold!r} / pool_threshold {pool_threshold!r} must lie "
                         f"between 0 and 2 (try {DEFAULT_THRESHOLD} inside clusters, "
                         f"{POOL_THRESHOLD} without)")
    items = _items(articles, clusters)
    scores = _pair_scores(items)
    rep = _average_linkage(
        len(items), scores, lambda k: threshold if items[k].pool is not None else pool_threshold)
    logger.debug("linked %d attributions, %d candidate pairs scored", len(items), len(scores))
    groups: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for k, it in enumerate(items):
        groups[rep[k]].append((it.article, it.index))
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


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
