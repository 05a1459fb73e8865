"""Article-level resolution: context, coreference, the publisher, and :func:`resolve_article`.

An :class:`ArticleContext` scans the article once for registry names and for words that
tell which country a passage is about. With it a mention is resolved in place:

* «الوكالة»، «المنظمة»، «الحركة نفسها»، «المكتب الإعلامي للحركة» refer to the nearest
  entity named earlier whose name starts with that noun (later in a headline);
* «الحكومة»، «وزارة الداخلية»، «النظام» (context names shared by several entries) go to
  the one named earlier, else to the one of the country the passage is about;
* «موقعها الإلكتروني»، «بعثتها» go to the nearest outlet or body named before;
* «البيان» goes to the issuer of the nearest earlier statement («في بيان لحماس»);
* «المصدر»، «المتحدث» share the side of the nearest earlier source of their kind, and an
  implicit speaker shares its antecedent's resolution.

Examples:
    >>> from claimtrack.model import Article, Attribution, Cue, Source, Span
    >>> text = "أعلنت وكالة سانا أن القصف توقف. ونقلت الوكالة عن مصدر عسكري أن الهدوء عاد."
    >>> i = text.index("الوكالة")
    >>> src = Source(Span.of(text, i, i + 7))
    >>> att = Attribution(Cue(Span.of(text, i - 5, i - 1), "نقل", "relay"), src, None)
    >>> art = resolve_article(Article(text, [att]))
    >>> s = art.attributions[0].source
    >>> s.type, s.canonical, s.canonical_name
    ('outlet', 'sana', 'SANA')
"""

from __future__ import annotations

import bisect
import functools
import itertools
import logging
import re
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from claimtrack.model import Article, Attribution, Source, Via
from claimtrack.sources.classify import classify_words, mention_side, possessive_head
from claimtrack.sources.mention import clitic_variants, strip_article, tokens
from claimtrack.sources.registry import Entry, Registry, builtin_registry
from claimtrack.sources.resolve import resolve
from claimtrack.sources.wordlists import WordLists, first_word_forms, word_lists
from claimtrack.text.normalize import normalize, normalize_with_offsets

__all__ = ["ArticleContext", "Hit", "resolve_article", "resolve_mention", "detect_publisher", "outlet_key",
           "Resolution"]

logger = logging.getLogger(__name__)

_WORD_SPLIT_RE = re.compile(r"([^\W_]+)")
_URL_RE = re.compile(r"(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})", re.IGNORECASE)
# Every character _URL_RE can match: with IGNORECASE, [a-z] also matches İ ı ſ and the
# Kelvin sign (spelt out: a case-insensitive class is twice as slow to scan).
_URL_CHARS_RE = re.compile("[A-Za-z0-9\\-./:\u0130\u0131\u017f\u212a]+")
_MAX_NAME_WORDS = 12
_MAX_PLANS = 200_000
_SCANS = 16  # forms looked up by scanning the words before they are indexed
_UNPLANNED: Any = object()
_PUBLISHER_VERBS = ("نشرته", "نشرتها", "اوردته", "اوردتها", "بثته", "بثتها", "نقلته", "نقلتها")


@attrs.frozen
class Hit:
    """A registry name found in the article: ``[start, end)`` in the original text."""

    start: int
    end: int
    id: str
    alias: tuple[str, ...]


@attrs.frozen
class Resolution:
    """What a source mention resolves to in its article."""

    type: str
    canonical: str | None = None
    canonical_name: str | None = None
    side: str | None = None


@functools.lru_cache(maxsize=8)
def _scan_table(reg: Registry) -> tuple[dict[tuple[str, ...], str], int, dict[str, int]]:
    """Names by word tuple, the longest name's length, and for each first word the
    longest name it starts (to skip words that start no name at once)."""
    table = {tuple(k.split(" ")): v for k, v in reg.exact.items()}
    firsts: dict[str, int] = {}
    for k in table:
        firsts[k[0]] = max(firsts.get(k[0], 0), len(k))
    return table, max((len(k) for k in table), default=1), firsts


@functools.lru_cache(maxsize=8)
def _name_pairs(reg: Registry) -> frozenset[tuple[str, ...]]:
    """The first two words of every registry name of two words or more."""
    table, _, _ = _scan_table(reg)
    return frozenset(k[:2] for k in table if len(k) > 1)


#: What the scan needs to know of one word: the clitic variants that start a registry
#: name, the most words such a name has, and the forms that start a country word.
_WordPlan = tuple[tuple[str, ...], int, tuple[str, ...]]


@functools.lru_cache(maxsize=8)
def _plans(reg: Registry) -> dict[str, _WordPlan | None]:
    """A per-registry memo of :func:`_word_plan` (``None``: the word starts nothing)."""
    return {}


def _word_plan(word: str, reg: Registry) -> _WordPlan | None:
    """What the registry and country scan needs to know of the normalised *word*."""
    _, _, firsts = _scan_table(reg)
    variants = tuple(v for v in clitic_variants(word) if v in firsts)
    reach = max((firsts[v] for v in variants), default=0)
    country_firsts = _country_firsts()
    forms = tuple(f for f in first_word_forms(word) if f in country_firsts)
    if not reach and not forms:
        return None
    return variants, reach, forms


@functools.lru_cache(maxsize=1)
def _country_firsts() -> frozenset[str]:
    """The first words of the country words and names."""
    return frozenset(k[0] for k in word_lists().country_index)


def _clitic_sources(form: str) -> list[str]:
    """Every word that :func:`clitic_variants` could turn into *form* (a superset: the
    caller checks each)."""
    out = [form]
    for x in "وفلبك":
        out.append(x + form)
    for x in "وف":
        for y in "لبك":
            out.append(x + y + form)
    if form.startswith("ال"):
        rest = form[2:]
        for head in ("لل", "ل"):
            out.append(head + rest)
            out.append("و" + head + rest)
            out.append("ف" + head + rest)
    return out


def _article_words(text: str) -> tuple[list[int], list[int], list[str]]:
    """The words of the normalised *text*: their starts, their ends (offsets into *text*)
    and the words themselves."""
    norm, off = normalize_with_offsets(text)
    flat = _WORD_SPLIT_RE.split(norm)  # separator, word, separator, ..., word, separator
    cum = list(itertools.accumulate(map(len, flat)))
    starts, ends = cum[0:-1:2], cum[1::2]
    if off is not None:
        starts = list(map(off.__getitem__, starts))
        ends = [off[e - 1] + 1 for e in ends]
    return starts, ends, flat[1::2]


@attrs.frozen(eq=False)
class ArticleContext:
    """An article scanned once: registry names and country words with their positions.

    ``positions`` (a clitic variant → the indexes of the words having it), ``officials``
    and ``by_word`` are filled in as lookups need them.
    """

    text: str = attrs.field(repr=False)
    registry: Registry = attrs.field(repr=False)
    words: tuple[tuple[int, int, str], ...] = attrs.field(repr=False)
    hits: tuple[Hit, ...]
    countries: tuple[tuple[int, str], ...] = attrs.field(repr=False)
    positions: dict[str, tuple[int, ...]] = attrs.field(repr=False, factory=dict)
    hit_starts: tuple[int, ...] = attrs.field(repr=False, default=())
    word_ends: tuple[int, ...] = attrs.field(repr=False, default=())
    officials: dict[int, bool] = attrs.field(repr=False, factory=dict)
    by_word: dict[str, list[int]] = attrs.field(repr=False, factory=dict)

    @classmethod
    def build(cls, text: str, registry: Registry | None = None) -> ArticleContext:
        """Scan *text* for registry names (longest first) and country words."""
        reg = registry if registry is not None else builtin_registry()
        starts, ends, toks = _article_words(text)
        table, _, _ = _scan_table(reg)
        pairs = _name_pairs(reg)
        plans = _plans(reg)
        country_index = word_lists().country_index
        hits: list[Hit] = []
        countries: list[tuple[int, str]] = []
        n_toks = len(toks)
        get = plans.get
        # Only words that start a name or a country word (or are not planned yet) matter.
        todo = [i for i, t in enumerate(toks) if get(t, _UNPLANNED) is not None]
        skip_to = 0
        for i in todo:
            if i < skip_to:
                continue  # inside a name found before
            tok = toks[i]
            plan = get(tok, _UNPLANNED)
            if plan is _UNPLANNED:
                if len(plans) >= _MAX_PLANS:
                    plans.clear()
                plan = plans[tok] = _word_plan(tok, reg)
            if plan is None:
                continue
            variants, reach, forms = plan
            found = None
            top = min(reach, n_toks - i)
            if top > 1:
                nxt = toks[i + 1]
                for first in variants:
                    if (first, nxt) in pairs:
                        break
                else:
                    top = 1  # (no name goes on with the next word)
            for n in range(top, 0, -1):
                rest = tuple(toks[i + 1:i + n])
                for first in variants:
                    entry_id = table.get((first,) + rest)
                    if entry_id is not None:
                        found = (n, entry_id, (first,) + rest)
                        break
                if found:
                    break
            if found:
                n, entry_id, alias = found
                hits.append(Hit(starts[i], ends[i + n - 1], entry_id, alias))
            for n in (3, 2, 1) if forms else ():
                if i + n > n_toks:
                    continue
                rest = tuple(toks[i + 1:i + n])
                code = None
                for first in forms:
                    code = country_index.get((first,) + rest)
                    if code:
                        break
                if code:
                    countries.append((starts[i], code))
                    break
            skip_to = i + (found[0] if found else 1)
        return cls(text, reg, tuple(zip(starts, ends, toks)), tuple(hits), tuple(countries), {},
                   tuple([h.start for h in hits]), tuple(ends))

    def positions_of(self, form: str) -> tuple[int, ...]:
        """The indexes of the words one of whose clitic variants is *form*, in order
        (looked up on first use and kept in :attr:`positions`)."""
        found = self.positions.get(form)
        if found is None:
            sources = {t for t in _clitic_sources(form) if form in clitic_variants(t)}
            if len(self.positions) < _SCANS:  # a few forms: one scan each
                found = tuple([k for k, w in enumerate(self.words) if w[2] in sources])
            else:  # many (a long article): index the words once
                by_word = self.by_word
                if not by_word:
                    for k, w in enumerate(self.words):
                        by_word.setdefault(w[2], []).append(k)
                found = tuple(sorted(k for t in sources for k in by_word.get(t, ())))
            self.positions[form] = found
        return found

    def official_at(self, j: int) -> bool:
        """True when an office title starts at word *j* (remembered per word)."""
        found = self.officials.get(j)
        if found is None:
            found = self.officials[j] = bool(word_lists().head([w[2] for w in self.words[j:j + 3]], "official"))
        return found

    # ------------------------------------------------------------------ lookups
    def _ordered(self, pos: int, hits: Sequence[Hit]) -> list[Hit]:
        """*hits* before *pos*, nearest first, then those after it, nearest first."""
        before = [h for h in hits if h.end <= pos]
        after = [h for h in hits if h.start > pos]
        return before[::-1] + after

    def named(self, pos: int, ids: Sequence[str], *, later: bool = True) -> str | None:
        """The one of *ids* named nearest before *pos* (or after it, with *later*)."""
        wanted = set(ids)
        for h in self._ordered(pos, [h for h in self.hits if h.id in wanted]):
            if h.end <= pos or later:
                return h.id
        return None

    def by_prefix(self, pos: int, words: Sequence[str], *, later: bool = True) -> str | None:
        """The entity named nearest *pos* by a name that starts with *words*
        («الحكومة» ← «الحكومة اليمنية»; the article «ال» does not count)."""
        if not words:
            return None
        want = (strip_article(words[0]), *words[1:])
        for h in self._ordered(pos, self.hits):
            if h.start > pos and not later:
                break
            a = (strip_article(h.alias[0]), *h.alias[1:])
            if len(a) > len(want) and a[:len(want)] == want:
                return h.id
        return None

    def by_head(self, pos: int, head: str, *, later: bool = True) -> str | None:
        """The nearest entity one of whose names starts with the noun *head*."""
        ids = self.registry.heads.get(head, ())
        return self.named(pos, ids, later=later) if ids else None

    def nearest(self, pos: int, *, types: Sequence[str] = ("outlet", "organization"),
                window: int = 1500) -> str | None:
        """The entity of one of *types* named nearest before *pos* (within *window*)."""
        for h in reversed(self.hits):
            if h.end <= pos and pos - h.end <= window and self.registry[h.id].type in types:
                return h.id
        return None

    def country_scores(self, pos: int) -> dict[str, float]:
        """How strongly the text around *pos* is about each country."""
        scores: dict[str, float] = {}
        for p, code in self.countries:
            w = 1.0 + (3.0 if 0 <= pos - p <= 600 else 0.0)
            scores[code] = scores.get(code, 0.0) + w
        for h in self.hits:
            entry = self.registry[h.id]
            if entry.type == "outlet":
                continue  # an agency quoted («رويترز») says nothing of what the passage is about
            code = entry.country
            w = 1.0 + (3.0 if 0 <= pos - h.start <= 600 else 0.0)
            scores[code] = scores.get(code, 0.0) + w
        return scores

    def choose(self, pos: int, ids: Sequence[str], words: Sequence[str]) -> str | None:
        """Among entries sharing a context name, the one this passage means (or None)."""
        if len(ids) == 1:
            # A context name («الدفاع المدني») of one body still needs the passage to be
            # about that body's country, or the body named before; a speaker named like an
            # outlet («الشرق الأوسط») is the outlet.
            only = ids[0]
            if self.registry[only].type == "outlet" or self.named(pos, ids, later=False) == only or \
                    self.country_scores(pos).get(self.registry[only].country, 0.0) > 0:
                return only
            return None
        by_name = self.by_prefix(pos, words, later=False)
        if by_name in ids:
            return by_name
        named = self.named(pos, ids, later=False)
        if named is not None:
            return named
        scores = self.country_scores(pos)
        ranked = sorted(((scores.get(self.registry[i].country, 0.0), i) for i in ids), reverse=True)
        if ranked and ranked[0][0] > 0 and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
            return ranked[0][1]
        return None

    def statement_issuer(self, pos: int) -> str | None:
        """The issuer of the statement («بيان») mentioned nearest before *pos*."""
        ends = self.word_ends
        limit = bisect.bisect_right(ends, pos)  # words[:limit] end at or before pos
        idx = []
        for f in ("بيان", "بيانها", "بيانه"):
            lst = self.positions_of(f)
            k = bisect.bisect_left(lst, limit)
            if k:
                idx.append(lst[k - 1])
        if not idx:
            return None
        i = max(idx)
        bstart, bend = self.words[i][0], self.words[i][1]
        nxt = self.words[i + 1][2] if i + 1 < len(self.words) else ""
        if nxt not in _PUBLISHER_VERBS:
            for h in self.hits:
                if bend <= h.start <= bend + 12 and self.registry[h.id].type != "outlet":
                    return h.id
        lo = max(0, bstart - 2000)
        sent = max(self.text.rfind(". ", lo, bstart), self.text.rfind("\n", lo, bstart), lo - 1)
        for k in range(bisect.bisect_left(self.hit_starts, bstart) - 1, -1, -1):
            h = self.hits[k]
            if h.start <= sent:
                break
            if h.end <= bstart and self.registry[h.id].type != "outlet":
                return h.id
        return None


    def titled(self, words: Sequence[str], pos: int, *, window: int = 6) -> bool:
        """True when the name *words* appears in the article next to an office title
        («رئيس الوزراء العراقي حيدر العبادي» makes a later «العبادي» an official)."""
        if not words:
            return False
        last = words[-1]
        n = len(self.words)
        occurrences = self.positions_of(last)
        if len(occurrences) > 40:  # the occurrences nearest the mention are enough
            mid = bisect.bisect_left(self.word_ends, pos)
            k = bisect.bisect_left(occurrences, mid)
            occurrences = occurrences[max(0, k - 20):k + 20]
        for i in occurrences:
            lo, hi = max(0, i - window - len(words)), min(n, i + window + 1)
            for j in range(lo, hi):
                if j != i and self.official_at(j):
                    return True
        return False

    def government_of(self, code: str) -> str | None:
        """The government entry of country *code*."""
        for e in self.registry:
            if e.country == code and e.kind == "government":
                return e.id
        return None


def _anaphor(words: Sequence[str], wl: WordLists) -> tuple[str, int] | None:
    """(head noun, word index) when the mention refers back by a definite noun."""
    tail = wl.lists["anaphoric_tail"]
    for i, w in enumerate(words):
        for v in clitic_variants(w):
            if v.startswith("ال") and (strip_article(v),) in wl.lists["anaphoric"]:
                rest = words[i + 1:]
                if i == 0 and all((r,) in tail for r in rest):
                    return strip_article(v), i
                if i > 0 and all(r.startswith("ال") or (r,) in tail for r in rest):
                    return strip_article(v), i
    return None


def _possessive(words: Sequence[str], wl: WordLists) -> str | None:
    """``outlet``/``any`` when the mention is «موقعها ...», «بعثة ... تابعة لها»."""
    if not words:
        return None
    if words[-1] in ("لها", "له", "لهم") and len(words) > 1:
        return "any"
    head = possessive_head(words[0], wl)
    return None if head is None else ("outlet" if head == "outlet" else "any")


def resolve_mention(mention: str, pos: int, ctx: ArticleContext, *, prior: str | None = None) -> Resolution:
    """Type and resolve *mention* (starting at *pos* in the article of *ctx*) in context.

    *prior* is the entity of the nearest speaker before the mention, if any: a possessive
    mention («بعثة تابعة لها»، «موقعها») refers to it before any other body named nearby.
    """
    reg = ctx.registry
    wl = word_lists()
    words = tokens(mention)
    typ, cand = classify_words(words, reg, raw=mention, wl=wl)
    if typ in ("anonymous", "collective"):
        return Resolution(typ, side=mention_side(words, registry=reg))
    if typ == "person" and ctx.titled(words, pos):
        return Resolution("official")
    if typ in ("official", "person", "unknown"):
        return Resolution(typ)
    entry_id: str | None = None
    if cand is not None:
        sub = words[cand.start:cand.end] if cand.end > cand.start else words
        entry_id = ctx.choose(pos, cand.ids, sub)
    if entry_id is None:
        ana = _anaphor(words, wl)
        if ana is not None:
            head, i = ana
            entry_id = (ctx.by_prefix(pos, [f"ال{head}"]) if i == 0 else None) \
                or ctx.by_head(pos, head)
    if entry_id is None:
        kind = _possessive(words, wl)
        if kind is not None:
            types = ("outlet",) if kind == "outlet" else ("outlet", "organization")
            entry_id = prior if prior is not None and reg[prior].type in types else ctx.nearest(pos, types=types)
    if entry_id is None and typ == "document":
        n = wl.head(words, "document")
        for w in words[n:n + 2]:
            for f in first_word_forms(w):
                code = wl.country_index.get((f,))
                if code:
                    entry_id = ctx.government_of(code)
                    break
            if entry_id:
                break
        if entry_id is None and n == len(words):
            firsts = first_word_forms(words[0])
            if any(f in ("بيان", "البيان") for f in firsts):
                entry_id = ctx.statement_issuer(pos)
    if entry_id is None:
        return Resolution(typ)
    entry = reg[entry_id]
    if typ not in ("document",):
        typ = entry.type if typ in ("outlet", "organization") else typ
    return Resolution(typ, entry.id, entry.name, entry.side)


def detect_publisher(article: Article, *, registry: Registry | None = None,
                     ctx: ArticleContext | None = None) -> Entry | None:
    """The registry entry of the article's own outlet, or ``None``.

    ``article.publisher`` (an id or a name) is used when set; otherwise a web address of a
    registry outlet in the text, or an outlet named alone on one of the first or last
    lines (a page header or footer).

    Examples:
        >>> from claimtrack.model import Article
        >>> detect_publisher(Article("خبر قصير.\\nwww.aawsat.com", [])).id
        'asharq-al-awsat'
        >>> detect_publisher(Article("نص", [], publisher="Sky News Arabia")).id
        'sky-news-arabia'
        >>> detect_publisher(Article("نص بلا مصدر", [])) is None
        True
    """
    reg = registry if registry is not None else builtin_registry()
    if article.publisher:
        if article.publisher in reg:
            return reg[article.publisher]
        match = resolve(article.publisher, registry=reg)
        if match is not None:
            return reg[match.id]
        logger.info("publisher %r is not in the registry", article.publisher)
        return None
    domains = _domains(reg)
    for m in _url_matches(article.text):
        host = m.group(1).lower()
        parts = host.split(".")
        for i in range(len(parts) - 1):
            e = domains.get(".".join(parts[i:]))
            if e is not None:
                return e
    lines = [ln.strip() for ln in article.text.splitlines() if ln.strip()]
    for line in lines[:2] + lines[-3:]:
        if len(tokens(line)) <= 5:
            hit = reg.lookup(line)
            if hit is not None and reg[hit].type == "outlet":
                return reg[hit]
    return None


def _url_matches(text: str) -> Iterator[re.Match[str]]:
    """``_URL_RE.finditer(text)``, but only over the runs of characters a web address can
    hold (no match can cross any other character), which is much faster on Arabic text."""
    for run in _URL_CHARS_RE.findall(text):
        if "." in run:  # (an address has at least one dot)
            yield from _URL_RE.finditer(run)


@functools.lru_cache(maxsize=8)
def _domains(reg: Registry) -> dict[str, Entry]:
    """The registry's web domains (lowercase) → their entries."""
    return {d.lower(): e for e in reg for d in e.domains}


def _apply(src: Source, res: Resolution) -> Source:
    return attrs.evolve(src, type=res.type, canonical=res.canonical,
                        canonical_name=res.canonical_name,
                        side=res.side if res.side is not None else src.side)


#: How far back (in characters) a speaker is the referent of a possessive mention.
_PRIOR_WINDOW = 600


#: Outlet nouns left out when a relay is compared with the page's own outlet by name.
_OUTLET_NOUNS = frozenset(normalize(w) for w in (
    "صحيفة", "جريدة", "موقع", "شبكة", "قناة", "وكالة", "منصة", "بوابة", "إذاعة", "تلفزيون", "مجلة"))


_OUTLET_TAILS = frozenset(normalize(w) for w in ("الإخبارية", "الإخباري", "نيوز", "نت", "24"))


def outlet_key(name: str) -> str:
    """*name* normalised without quotes and a leading outlet noun, to compare a relay with
    the page's own outlet («موقع "نخيل العراق"» and «نخيل العراق» give the same key).

    Examples:
        >>> outlet_key('موقع "نخيل العراق"') == outlet_key("«نخيل العراق»")
        True
    """
    words = tokens(normalize(name))
    if len(words) > 1 and words[0] in _OUTLET_NOUNS:
        words = words[1:]
    if len(words) > 1 and words[-1] in _OUTLET_TAILS:
        words = words[:-1]  # «المشرق الإخبارية» is called «المشرق» too
    return " ".join(words)


def resolve_article(article: Article, *, registry: Registry | None = None) -> Article:
    """Type and resolve every source (and relay source) of *article* against the registry.

    Returns a new :class:`~claimtrack.model.Article` (spans untouched) whose sources carry
    ``type``, ``canonical``, ``canonical_name`` and ``side``; relays through the article's
    own publisher are dropped (a statement made *to* the publisher is not a relay), and
    ``publisher`` is filled in when detected from the text.

    Args:
        article: the article, as the extractor returns it.
        registry: the registry to use (the built-in one when ``None``).
    """
    reg = registry if registry is not None else builtin_registry()
    ctx = ArticleContext.build(article.text, reg)
    publisher = detect_publisher(article, registry=reg, ctx=ctx)
    # An outlet the registry does not know is still the page itself: its relays match by name.
    own_key = outlet_key(article.publisher) if publisher is None and article.publisher else None
    done: dict[tuple[int, int], Resolution] = {}
    history: list[tuple[int, tuple[str, ...], Resolution]] = []
    # The last resolution of each (head noun, type): what «المصدر» after «مصدر ...» takes,
    # found at once instead of by a walk back through the whole history.
    last_of: dict[tuple[str, str], Resolution] = {}

    def resolve_source(src: Source) -> Source:
        span_key = (src.span.start, src.span.end)
        res = done.get(span_key)
        if res is None:
            prior = None
            for start, _, r in reversed(history):
                if src.span.start - start > _PRIOR_WINDOW:
                    break
                if r.canonical is not None:
                    prior = r.canonical
                    break
            res = resolve_mention(src.span.text, src.span.start, ctx, prior=prior)
            words = tokens(src.span.text)
            if res.canonical is None and res.side is None and words and len(words) <= 2 \
                    and words[0].startswith("ال") and res.type in ("anonymous", "official"):
                prev = last_of.get((strip_article(words[0]), res.type))
                if prev is not None:
                    res = attrs.evolve(res, side=prev.side, canonical=prev.canonical,
                                       canonical_name=prev.canonical_name)
            done[span_key] = res
            history.append((src.span.start, tuple(words), res))
            if words:
                last_of[(strip_article(words[0]), res.type)] = res
        return _apply(src, res)

    # Resolve in text order (coreference looks back), then keep the article's order.
    new: dict[int, Attribution] = {}
    for i, att in sorted(enumerate(article.attributions), key=lambda p: p[1].cue.span.start):
        source = resolve_source(att.source) if att.source is not None else None
        vias: list[Via] = []
        for via in att.via:
            vsrc = resolve_source(via.source)
            if publisher is not None and vsrc.canonical == publisher.id:
                logger.debug("dropping a relay through the publisher %s", publisher.id)
                continue
            if own_key and outlet_key(via.source.span.text) == own_key:
                logger.debug("dropping a relay through the publisher %r", article.publisher)
                continue
            vias.append(attrs.evolve(via, source=vsrc))
        changes: dict[str, Any] = {"source": source, "via": tuple(vias)}
        new[i] = attrs.evolve(att, **changes)
    new_pub = article.publisher
    if new_pub is None and publisher is not None:
        new_pub = publisher.name
    result: dict[str, Any] = {"attributions": tuple(new[i] for i in range(len(new))),
                              "publisher": new_pub}
    return attrs.evolve(article, **result)

