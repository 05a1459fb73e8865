"""Typing a source mention: outlet, official, organization, person, anonymous, collective,
document or unknown, and reading the side of an unnamed source.

The word lists are in ``data/types.toml``. The first matching rule decides:

1. collective nouns (ناشطون، شهود عيان، سكان) → ``collective``;
2. anonymous nouns (مصدر، مصادر) → ``anonymous``;
3. document nouns (بيان، تقرير): with a named issuer the issuer's type
   («بيان لحماس» → organization, «بيان النائب العام» → official), else ``document``;
4. nouns that are anonymous unless named (مسؤول، قائد، متحدث): ``official`` when a name,
   a «باسم X» or a definite complement follows, else ``anonymous``;
5. office titles (وزير، المتحدث باسم، رئيس، اللواء) → ``official``;
6. a registry entry → its type (``outlet`` or ``organization``);
7. outlet and organisation nouns (وكالة، قناة | وزارة، جيش، حركة) → that type;
8. anything else is taken for a person's name → ``person``.

Examples:
    >>> [source_type(m) for m in ("شهود عيان", "مصادر طبية", "البيان", "بيان لحماس")]
    ['collective', 'anonymous', 'document', 'organization']
    >>> [source_type(m) for m in ("مسؤول أمني", "متحدثة باسم يونيسيف", "وزير الخارجية الإيراني")]
    ['anonymous', 'official', 'official']
    >>> [source_type(m) for m in ("رويترز", "الجيش التركي", "وسائل إعلام محلية", "عمرو خالد")]
    ['outlet', 'organization', 'outlet', 'person']
    >>> mention_side("مصادر إعلامية معارضة"), mention_side("مصدر عسكري في الجيش السوري")
    ('opposition', 'government')
"""

from __future__ import annotations

from collections.abc import Sequence

from claimtrack.sources.mention import clitic_variants, strip_article, tokens
from claimtrack.sources.registry import Registry, builtin_registry
from claimtrack.sources.resolve import Candidate, resolve_words
from claimtrack.sources.wordlists import WordLists, first_word_forms, word_lists
from claimtrack.text.tokens import possessive_base

__all__ = ["source_type", "mention_side", "classify_words", "NAME_MARKERS"]

#: Words that introduce a person's name («مسؤولة كردية تدعى ...»).
NAME_MARKERS = frozenset({"تدعي", "يدعي", "اسمه", "اسمها", "ويدعي", "وتدعي", "يدعى", "تدعى"})
_NON_COMPLEMENT = frozenset({"في", "من", "فى", "ب", "عن", "لدى", "لدي", "داخل", "بارز", "كبير",
                             "رفيع", "رفيع المستوى", "مطلع"})
_REPORTERS = frozenset({"مراسل", "مراسله"})
# Speaker nouns that, made definite and standing alone, mean a known official («المتحدث»).
_DEFINITE_OFFICIAL = frozenset({"متحدث", "متحدثه", "ناطق", "ناطقه", "قائد", "قياديه", "قيادي"})


def _is_name_like(words: Sequence[str]) -> bool:
    return any(w in NAME_MARKERS for w in words)


def _unnamed_official(words: Sequence[str], n: int, raw: str) -> bool:
    """For «مسؤول/قائد/متحدث ...»: True when the rest names or places the person."""
    rest = list(words[n:])
    if not rest:
        return False
    if rest[0] in ("باسم", "بإسم", "باسم") or rest[0].startswith("باسم") or _is_name_like(rest):
        return True  # (also «المتحدث باسمها»)
    if rest[0].startswith("ال") and rest[0] not in _NON_COMPLEMENT:
        return True
    # «المسؤول في "جيش الإسلام" محمد علوش»: words after a quoted name are the person's name.
    closing = max(raw.rfind("»"), raw.rfind('"'), raw.rfind("”"))
    return closing > 0 and len(tokens(raw[closing + 1:])) >= 1


def classify_words(words: Sequence[str], reg: Registry, *, raw: str = "",
                   wl: WordLists | None = None) -> tuple[str, Candidate | None]:
    """The type of a mention given its normalised *words*, and what it resolves to.

    The candidate is the registry entry (or context name) the mention or its issuer
    names, when its type is one that has a canonical entry (outlet, organization,
    document); otherwise ``None``.
    """
    wl = wl or word_lists()
    words = list(words)
    if len(words) > 2 and words[0] in ("كلا", "كل", "كلتا") and words[1] == "من":
        words = words[2:]
    if not words:
        return "unknown", None
    if wl.head(words, "collective"):
        return "collective", None
    if wl.head(words, "anonymous"):
        return "anonymous", None
    n = wl.head(words, "document")
    if n:
        rest = words[n:]
        if rest and wl.head(rest, "official"):
            return "official", None
        cand = resolve_words(reg, words, raw) if rest else None
        if cand is not None and cand.start == 0 and cand.end == len(words):
            cand = None
        if cand is not None and len(cand.ids) == 1 and reg[cand.ids[0]].type == "outlet":
            return "document", cand
        if cand is not None:
            return "organization", cand
        for w in rest[:3]:
            if any((strip_article(v),) in wl.lists["anaphoric"] and v.startswith("ال")
                   for v in clitic_variants(w)):
                return "organization", None
        return "document", None
    first_forms = clitic_variants(words[0])
    if len(words) == 1 and any(f.startswith("ال") and strip_article(f) in _DEFINITE_OFFICIAL
                               for f in first_forms):
        return "official", None
    n = wl.head(words, "anonymous_unnamed")
    official = wl.head(words, "official")
    if n and official <= n:
        if any(f in _REPORTERS for f in first_word_forms(words[0])):
            cand = resolve_words(reg, words[n:], raw) if len(words) > n else None
            if cand is not None and len(cand.ids) == 1:
                return "outlet", cand
            return ("outlet", None) if len(words) > n else ("anonymous", None)
        return ("official" if _unnamed_official(words, n, raw) else "anonymous"), None
    if official:
        return "official", None
    cand = resolve_words(reg, words, raw)
    if cand is not None:
        return reg[cand.ids[0]].type, cand
    first = resolve_words(reg, words[:1]) if len(words) > 1 else None
    if first is not None:  # coordinated names: «واشنطن وباريس»
        return reg[first.ids[0]].type, None
    if any(wl.head(words[i:], "official") for i in range(1, len(words))):
        return "official", None  # «علي الحريري المتحدث باسم المقاومة»
    if wl.head(words, "outlet"):
        return "outlet", None
    if wl.head(words, "organization"):
        return "organization", None
    if possessive_head(words[0], wl) is not None:
        return possessive_head(words[0], wl) or "organization", None
    return "person", None


def possessive_head(word: str, wl: WordLists) -> str | None:
    """``outlet``/``organization`` for «موقعها»، «بعثتها» (a noun with a pronoun), else None."""
    base = possessive_base(word)
    if base is None:
        return None
    for f in first_word_forms(base):
        if (f,) in wl.lists["possessive"]:
            return "outlet" if (f,) in wl.lists["outlet"] else "organization"
    return None


def source_type(mention: str, *, registry: Registry | None = None) -> str:
    """The source type of *mention* (one of :data:`claimtrack.model.SOURCE_TYPES`).

    Examples:
        >>> source_type("الناطقة باسم وزارة الخارجية")
        'official'
        >>> source_type("تقارير إعلامية")
        'document'
        >>> source_type("")
        'unknown'
    """
    reg = registry if registry is not None else builtin_registry()
    return classify_words(tokens(mention), reg, raw=mention)[0]


def mention_side(mention: str | Sequence[str], *, registry: Registry | None = None) -> str | None:
    """``"opposition"``, ``"government"`` or ``None``: the side an unnamed source is on.

    Opposition words win over government ones; a named body in the mention («مصدر في
    المقاومة الشعبية») lends its registry side.
    """
    reg = registry if registry is not None else builtin_registry()
    wl = word_lists()
    words = tokens(mention) if isinstance(mention, str) else list(mention)
    if wl.contains(words, "opposition"):
        return "opposition"
    for i in range(1, len(words)):
        for size in range(len(words) - i, 0, -1):
            for first in clitic_variants(words[i]):
                hit = reg.exact.get(" ".join([first, *words[i + 1:i + size]]))
                if hit is not None and reg[hit].side:
                    return reg[hit].side
    if wl.contains(words, "government"):
        return "government"
    return None
