"""Claims as records, and the disagreements inside each one.

:func:`claims` gathers the attributions of linked articles (see
:func:`~claimtrack.graph.link.link_claims`) into :class:`Claim` records, one per
claim id, and flags what the reports disagree on:

``numbers``
    members report different figures («قتل 70» / «مقتل 40»);
``denial``
    one member denies (cue kind ``denial``, نفى) what others assert;
``sources``
    the same proposition is attributed to more than one source.

and describe who carries it: ``single-source``, ``anonymous-only`` (every source is
of type ``anonymous``), ``one-side`` (every source whose ``side`` is known is on the
same side).

Examples:
    >>> from claimtrack.model import Article, Attribution, Content, Cue, Source, Span
    >>> def att(src, content, kind="neutral", typ="unknown"):
    ...     t = f"قال {src} إن {content}"
    ...     return Attribution(Cue(Span.of(t, 0, 3), "قال", kind), Source(Span.of(t, 4, 4 + len(src)), typ),
    ...                        Content(Span.of(t, 8 + len(src), len(t))), claim_id="c1")
    >>> arts = [Article("", [att("ناشطون", "قتل 70 شخصاً")], doc_id="a", publisher="أ"),
    ...         Article("", [att("المرصد", "مقتل 40 على الأقل")], doc_id="b", publisher="ب"),
    ...         Article("", [att("الجيش", "مقتل مدنيين", kind="denial")], doc_id="c", publisher="ج")]
    >>> [(c.id, len(c.members), c.flags) for c in claims(arts)]
    [('c1', 3, ('numbers', 'denial', 'sources'))]
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs

from claimtrack.graph.features import numbers
from claimtrack.graph.link import attribution_key, cluster_of, source_key
from claimtrack.model import Article, Attribution

__all__ = ["Claim", "ClaimMember", "claims", "claim_id_of", "FLAGS", "UNKNOWN_OUTLET"]

#: Every flag a :class:`Claim` can carry, in the order they are listed.
FLAGS = ("numbers", "denial", "sources", "single-source", "anonymous-only", "one-side")

#: The outlet name used for an article with no publisher.
UNKNOWN_OUTLET = "(unknown outlet)"


@attrs.frozen
class ClaimMember:
    """One attribution of a claim, as plain values.

    ``source`` is the comparison key of the speaker (canonical id, else the normalised
    mention; ``None`` when agentless); ``relays`` are the via sources' labels, nearest
    the speaker first.
    """

    key: str
    doc: str
    index: int
    outlet: str
    source: str | None
    source_label: str | None
    source_type: str | None
    side: str | None
    cue: str
    cue_kind: str
    direct: bool
    text: str
    numbers: tuple[int, ...]
    relays: tuple[str, ...] = ()
    cluster: str | None = None


@attrs.frozen
class Claim:
    """A proposition reported by one or more attributions, possibly in several outlets.

    ``text`` is the content of its first member; ``flags`` come from :data:`FLAGS`.
    """

    id: str
    members: tuple[ClaimMember, ...]
    flags: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The content of the first member (empty when it has none)."""
        return self.members[0].text if self.members else ""

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets carrying the claim, sorted."""
        return tuple(sorted({m.outlet for m in self.members}))

    @property
    def sources(self) -> tuple[str, ...]:
        """The distinct source keys of its members, sorted (agentless members left out)."""
        return tuple(sorted({m.source for m in self.members if m.source is not None}))

    @property
    def numbers(self) -> tuple[int, ...]:
        """Every figure any member reports, sorted."""
        return tuple(sorted({n for m in self.members for n in m.numbers}))


def claim_id_of(article: Article, index: int, *, position: int = 0) -> str:
    """The claim id of attribution *index*: its ``claim_id``, or one made from its key when unset.

    Examples:
        >>> from claimtrack.model import Article
        >>> claim_id_of(Article("", [], doc_id="a"), 0)
        'u...'
    """
    if index < len(article.attributions) and article.attributions[index].claim_id:
        cid = article.attributions[index].claim_id
        assert cid is not None
        return cid
    key = attribution_key(article, index, position=position)
    return "u" + hashlib.blake2b(key.encode("utf-8"), digest_size=5).hexdigest()


def _member(article: Article, index: int, position: int) -> ClaimMember:
    att: Attribution = article.attributions[index]
    src = att.source
    text = att.content.span.text if att.content is not None else ""
    return ClaimMember(
        key=attribution_key(article, index, position=position),
        doc=article.doc_id if article.doc_id is not None else f"article-{position}",
        index=index,
        outlet=article.publisher or UNKNOWN_OUTLET,
        source=source_key(att),
        source_label=None if src is None else (src.canonical_name or src.text),
        source_type=None if src is None else src.type,
        side=None if src is None else src.side,
        cue=att.cue.span.text,
        cue_kind=att.cue.kind,
        direct=att.direct,
        text=text,
        numbers=numbers(text),
        relays=tuple(v.source.canonical_name or v.source.text for v in att.via),
        cluster=cluster_of(article),
    )


def _flags(members: Sequence[ClaimMember]) -> tuple[str, ...]:
    flags: set[str] = set()
    firsts = {m.numbers[0] for m in members if m.numbers}
    # Different leading figures, or one member's figures all missing from another's.
    with_numbers = [set(m.numbers) for m in members if m.numbers]
    if len(firsts) > 1 and any(not (a & b) for a in with_numbers for b in with_numbers):
        flags.add("numbers")
    kinds = {m.cue_kind == "denial" for m in members}
    if kinds == {True, False}:
        flags.add("denial")
    sources = {m.source for m in members if m.source is not None}
    if len(sources) > 1:
        flags.add("sources")
    if len(sources) == 1:
        flags.add("single-source")
    types = {m.source_type for m in members}
    if types == {"anonymous"}:
        flags.add("anonymous-only")
    sides = {m.side for m in members if m.side}
    if len(sides) == 1:
        flags.add("one-side")
    return tuple(f for f in FLAGS if f in flags)


def claims(articles: Iterable[Article]) -> list[Claim]:
    """The claims of *articles*, grouped by ``Attribution.claim_id``, in order of first mention.

    An attribution without a claim id is a claim of its own (id ``u`` + hash). Link the
    articles first with :func:`~claimtrack.graph.link.link_claims` to group across outlets.
    """
    groups: dict[str, list[ClaimMember]] = defaultdict(list)
    for pos, art in enumerate(articles):
        for i in range(len(art.attributions)):
            groups[claim_id_of(art, i, position=pos)].append(_member(art, i, pos))
    return [Claim(cid, tuple(ms), _flags(ms)) for cid, ms in groups.items()]
