"""Resolving a source mention to a registry entry.

:func:`resolve` tries, in order and stopping at the first success:

1. **exact**: the whole mention (normalised, quote marks and leading clitics dropped) is a
   name of an entry;
2. **inner**: a part in quote marks or brackets is a name («وكالة الأنباء الرسمية "سانا"»),
   unless the rest names another entry;
3. **part**: the longest run of words that is a name, when it starts the mention or
   follows a relational noun (بيان، بعثة، مراسل، موقع ...) and is not one of two
   coordinated names («المرصد ووحدات حماية الشعب» resolves to nothing);
4. **context**: a context name («النظام»، «الحكومة الشرعية») shared by one entry only;
5. **fuzzy**: rapidfuzz ``ratio`` (with ``processor=normalize``) against the names that
   share character trigrams with the mention, at or above *threshold*.

Examples:
    >>> resolve("للمرصد السوري لحقوق الإنسان").id
    'sohr'
    >>> m = resolve("وكالة الأنباء السورية الرسمية")
    >>> m.id, m.name, m.method
    ('sana', 'SANA', 'exact')
    >>> m = resolve('وكالة الأنباء الرسمية "سانا"')
    >>> m.id, m.method
    ('sana', 'inner')
    >>> resolve("وزارة الخارجية الأميركية").id
    'us-state-department'
    >>> resolve("بعثة الأمم المتحدة في سوريا").id
    'un'
    >>> resolve("منظمة حظر الاسلحة الكيماويه").id
    'opcw'
    >>> resolve("المرصد السوري لحقوق الإنسان ووحدات حماية الشعب الكردية") is None
    True
    >>> resolve("مستشفى ريف دمشق") is None
    True
"""

from __future__ import annotations

import collections
import functools
import itertools
from collections.abc import Sequence

import attrs
from rapidfuzz import fuzz, process

from claimtrack.sources.mention import clitic_variants, inner_parts, tokens
from claimtrack.sources.registry import Registry, builtin_registry
from claimtrack.sources.wordlists import first_word_forms, word_lists
from claimtrack.text.normalize import normalize

__all__ = ["Match", "resolve", "resolve_words", "Candidate", "DEFAULT_THRESHOLD"]

#: The fuzzy score (rapidfuzz ``ratio``, 0-100) a mention needs to resolve; calibrated on
#: the dev gold (see ``docs/sources.rst`` and ``benchmarks/eval_sources.py``).
DEFAULT_THRESHOLD = 88.0
_MIN_FUZZY_LEN = 5
_TOP_BLOCK = 12
# Words that may stand between a transparent quantifier and the names («كلا من موسكو ودمشق»).
_QUANTIFIERS = frozenset({"كلا", "كل", "كلتا", "كلاهما"})


@attrs.frozen
class Match:
    """A mention resolved to a registry entry.

    ``score`` is 100 for exact matches and the rapidfuzz ratio for fuzzy ones; ``method``
    is how it was found (exact, inner, part, context, fuzzy, anaphora, publisher);
    ``alias`` is the registry name that matched (normalised).
    """

    id: str
    name: str
    type: str
    score: float
    method: str
    alias: str = ""


@attrs.frozen
class Candidate:
    """What the words of a mention point to: one entry, or entries sharing a context name.

    ``ids`` has one id for a definite result and several for a context name that the
    article's context must choose among.
    """

    ids: tuple[str, ...]
    method: str
    score: float
    alias: str
    start: int = 0
    end: int = 0


def _lookup(reg: Registry, words: Sequence[str], *, weak: bool) -> str | None:
    k = " ".join(words)
    hit = reg.exact.get(k)
    if hit is None and weak:
        hit = reg.weak.get(k)
    return hit


def _lookup_variants(reg: Registry, words: Sequence[str], *, weak: bool) -> tuple[str, str] | None:
    """Exact lookup of *words*, then with the first word's clitics stripped."""
    if not words:
        return None
    for first in clitic_variants(words[0]):
        cand = [first, *words[1:]]
        hit = _lookup(reg, cand, weak=weak)
        if hit is not None:
            return hit, " ".join(cand)
    return None


def _context_variants(reg: Registry, words: Sequence[str]) -> tuple[tuple[str, ...], str] | None:
    if not words:
        return None
    for first in clitic_variants(words[0]):
        k = " ".join([first, *words[1:]])
        ids = reg.context.get(k)
        if ids:
            return ids, k
    return None


def _relational(word: str) -> bool:
    """True for a noun after which a name may follow: بيان، بعثة، مراسل، وكالته ..."""
    wl = word_lists()
    forms = first_word_forms(word)
    # A possessive pronoun on the noun («وكالته»، «بعثتها»).
    for suffix in ("ها", "ه", "هم"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)]
            forms += first_word_forms(base[:-1] + "ه" if base.endswith("ت") else base)
    return any((f,) in wl.lists["document"] or (f,) in wl.lists["possessive"] for f in forms)


def _coordinated(reg: Registry, rest: Sequence[str], entry_id: str) -> bool:
    """True when *rest* (the words after a name) adds a second, coordinated name."""
    for i, w in enumerate(rest):
        if len(w) > 2 and w[0] == "و" and not reg.exact.get(w) and not reg.weak.get(w):
            return True
        if len(w) > 2 and w[0] == "و":
            hit = reg.exact.get(w) or reg.weak.get(w)
            if hit is not None and hit != entry_id:
                return True
        if i == 0 and w in ("او", "ام"):
            return True
    return False


def _part(reg: Registry, words: Sequence[str]) -> Candidate | None:
    """The longest run of *words* that names an entry, where a name may stand."""
    n = len(words)
    for size in range(n - 1, 0, -1):
        for i in range(0, n - size + 1):
            if i > 0 and not _relational(words[0]):
                continue
            sub = words[i:i + size]
            hit = _lookup_variants(reg, sub, weak=False)
            if hit is not None:
                if _coordinated(reg, words[i + size:], hit[0]):
                    return None
                return Candidate((hit[0],), "part", 100.0, hit[1], i, i + size)
            ctx = _context_variants(reg, sub)
            if ctx is not None and size >= 2:
                if _coordinated(reg, words[i + size:], ""):
                    return None
                return Candidate(ctx[0], "context", 100.0, ctx[1], i, i + size)
    return None


def _trigrams(text: str) -> set[str]:
    t = f" {text} "
    return {t[i:i + 3] for i in range(len(t) - 2)}


@functools.lru_cache(maxsize=8)
def _fuzzy_index(reg: Registry) -> tuple[tuple[str, ...], tuple[str, ...], dict[str, list[int]]]:
    """(alias keys, their entry ids, trigram -> alias indexes) for fuzzy blocking."""
    keys: list[str] = []
    ids: list[str] = []
    index: dict[str, list[int]] = {}
    for k, entry_id in reg.exact.items():
        if len(k) < _MIN_FUZZY_LEN:
            continue
        idx = len(keys)
        keys.append(k)
        ids.append(entry_id)
        for g in _trigrams(k):
            index.setdefault(g, []).append(idx)
    return tuple(keys), tuple(ids), index


def _fuzzy(reg: Registry, k: str, threshold: float) -> Candidate | None:
    if len(k) < _MIN_FUZZY_LEN:
        return None
    keys, ids, index = _fuzzy_index(reg)
    # Block on the informative trigrams: those shared by many names (« ال», "وكا") are
    # skipped, which keeps the candidate count small.
    common = max(50, len(keys) // 20)
    grams = [g for g in _trigrams(k) if len(index.get(g, ())) <= common]
    if len(grams) < 2:
        return None
    counts = collections.Counter(itertools.chain.from_iterable(index.get(g, ()) for g in grams))
    need = max(2, int(0.4 * len(grams)))
    ranked = sorted((c, i) for i, c in counts.items() if c >= need)[-_TOP_BLOCK:]
    pool = [keys[i] for _, i in ranked if 0.6 <= len(keys[i]) / len(k) <= 1.6]
    if not pool:
        return None
    # A name of another country is a different entity however close the spelling
    # («وكالة الأنباء الروسية» is not «وكالة الأنباء القطرية»).
    mine = _countries(k)
    pool = [a for a in pool if _alias_countries(a) == mine]
    if not pool:
        return None
    # (scored as with processor=normalize: the pool's keys normalised once and for all)
    best = process.extractOne(normalize(k), [_normalized_alias(a) for a in pool], scorer=fuzz.ratio,
                              processor=None, score_cutoff=threshold)
    if best is None:
        return None
    alias = pool[best[2]]
    return Candidate((reg.exact[alias],), "fuzzy", float(best[1]), alias)


@functools.lru_cache(maxsize=65536)
def _alias_countries(alias: str) -> frozenset[str]:
    """:func:`_countries` of a registry name (names are few and fixed: kept once known)."""
    return _countries(alias)


_normalized_alias = functools.lru_cache(maxsize=65536)(normalize)


def _countries(k: str) -> frozenset[str]:
    """The countries named in the key *k* (by name, capital or adjective)."""
    index = word_lists().country_index
    out = set()
    for w in k.split(" "):
        for f in first_word_forms(w):
            code = index.get((f,))
            if code:
                out.add(code)
                break
    return frozenset(out)


def resolve_words(reg: Registry, words: Sequence[str], raw: str = "", *,
                  threshold: float = DEFAULT_THRESHOLD) -> Candidate | None:
    """The :class:`Candidate` the normalised *words* of a mention point to, or ``None``.

    *raw* is the mention as written (used to find parts in quote marks). Context names
    give a candidate with every id sharing the name; the caller chooses among them.
    """
    words = list(words)
    if len(words) > 2 and words[0] in _QUANTIFIERS and words[1] == "من":
        words = words[2:]
    if not words:
        return None
    hit = _lookup_variants(reg, words, weak=True)
    if hit is not None:
        return Candidate((hit[0],), "exact", 100.0, hit[1], 0, len(words))
    for part in inner_parts(raw) if raw else ():
        pw = tokens(part)
        inner = _lookup_variants(reg, pw, weak=True)
        if inner is None:
            continue
        outer = [w for w in words if w not in pw]
        other = _lookup_variants(reg, outer, weak=False) if outer else None
        if other is None or other[0] == inner[0]:
            return Candidate((inner[0],), "inner", 100.0, inner[1])
    shared = _context_variants(reg, words)
    if shared is not None:
        return Candidate(shared[0], "context", 100.0, shared[1], 0, len(words))
    piece = _part(reg, words)
    if piece is not None:
        return piece
    return _fuzzy(reg, " ".join(words), threshold)


@functools.lru_cache(maxsize=65536)
def _resolve_cached(reg: Registry, mention: str, threshold: float) -> Match | None:
    cand = resolve_words(reg, tokens(mention), mention, threshold=threshold)
    if cand is None or len(cand.ids) != 1:
        return None
    entry = reg[cand.ids[0]]
    return Match(entry.id, entry.name, entry.type, cand.score, cand.method, cand.alias)


def resolve(mention: str, *, registry: Registry | None = None,
            threshold: float = DEFAULT_THRESHOLD) -> Match | None:
    """Resolve a source *mention* to the registry entry it names, or ``None`` when unsure.

    This looks at the mention alone; :func:`claimtrack.sources.resolve_article` adds the
    article's context (earlier mentions, the country it is about) for mentions such as
    «الوكالة» or «الحكومة».

    Args:
        mention: the mention as written (clitics, quote marks and diacritics allowed).
        registry: the registry to use (the built-in one when ``None``).
        threshold: the lowest fuzzy score (0-100) accepted.

    Returns:
        A :class:`Match`, or ``None`` when the mention names no entry (or an entry only
        in context) or the best fuzzy score is below *threshold*.

    Examples:
        >>> resolve("رويترز").id
        'reuters'
        >>> resolve("وكالة الانباء الالمانية").name
        'DPA'
        >>> resolve("النظام").id
        'syrian-government'
        >>> resolve("الحكومة") is None
        True
        >>> resolve("قال لي صديقي") is None
        True
    """
    if not isinstance(mention, str):
        raise TypeError(f"resolve() takes a str mention, not {type(mention).__name__}")
    reg = registry if registry is not None else builtin_registry()
    return _resolve_cached(reg, mention, float(threshold))
