"""The word lists of source typing and context: ``data/types.toml`` and ``data/countries.toml``.

Loaded once (cached) and validated; a malformed file raises
:class:`~claimtrack.errors.RegistryError` naming file, line and field.

Examples:
    >>> wl = word_lists()
    >>> wl.head("مصادر طبية", "anonymous")
    1
    >>> wl.head("المتحدث باسم الوزارة", "official")
    2
    >>> wl.head("وزارة الدفاع", "anonymous")
    0
    >>> wl.country_words["IQ"][:2]
    ('العراق', 'العراقي')
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping, Sequence
from importlib import resources

import attrs

from claimtrack.errors import RegistryError
from claimtrack.sources.mention import clitic_variants, strip_article, tokens

__all__ = ["WordLists", "word_lists", "LIST_NAMES", "first_word_forms"]

#: Lists ``types.toml`` must define under ``[lists]``.
LIST_NAMES = ("collective", "anonymous", "anonymous_unnamed", "document", "official", "outlet",
              "organization", "anaphoric", "anaphoric_tail", "possessive")
_SIDE_NAMES = ("opposition", "government")


@functools.lru_cache(maxsize=65536)
def first_word_forms(word: str) -> tuple[str, ...]:
    """The forms a mention's first word is looked up under: clitics and «ال» stripped.

    Examples:
        >>> first_word_forms("وللمصادر")
        ('وللمصادر', 'للمصادر', 'المصادر', 'مصادر')
    """
    out: list[str] = []
    for v in clitic_variants(word):
        for f in (v, strip_article(v)):
            if f not in out:
                out.append(f)
    return tuple(out)


def _phrases(words: Sequence[str]) -> frozenset[tuple[str, ...]]:
    out = set()
    for w in words:
        t = tokens(w)
        if t:
            out.add(tuple(t))
            out.add((strip_article(t[0]),) + tuple(t[1:]))
    return frozenset(out)


@attrs.frozen(eq=False)
class WordLists:
    """Normalised word lists: each list is a set of word tuples (with and without «ال»)."""

    lists: Mapping[str, frozenset[tuple[str, ...]]] = attrs.field(repr=False)
    sides: Mapping[str, frozenset[tuple[str, ...]]] = attrs.field(repr=False)
    country_words: Mapping[str, tuple[str, ...]] = attrs.field(repr=False)
    country_index: Mapping[tuple[str, ...], str] = attrs.field(repr=False)
    #: For each list, the first words of its entries.
    firsts: Mapping[str, frozenset[str]] = attrs.field(init=False, repr=False)

    @firsts.default
    def _firsts(self) -> Mapping[str, frozenset[str]]:
        return {name: frozenset(e[0] for e in entries if e) for name, entries in self.lists.items()}

    def head(self, mention: str | Sequence[str], name: str) -> int:
        """How many first words of *mention* are an entry of list *name* (0 = none).

        *mention* is a string or its :func:`~claimtrack.sources.mention.tokens`.
        """
        words = tokens(mention) if isinstance(mention, str) else list(mention)
        if not words:
            return 0
        firsts = self.firsts[name]
        forms = [f for f in first_word_forms(words[0]) if f in firsts]
        if not forms:
            return 0
        table = self.lists[name]
        for n in (3, 2, 1):
            if len(words) < n:
                continue
            rest = tuple(words[1:n])
            for first in forms:
                if (first,) + rest in table:
                    return n
        return 0

    def contains(self, words: Sequence[str], name: str) -> bool:
        """True when any word (or two-word run) of *words* is in list/side *name*."""
        table = self.lists.get(name) or self.sides[name]
        for i, w in enumerate(words):
            for f in first_word_forms(w):
                if (f,) in table:
                    return True
                if i + 1 < len(words) and (f, words[i + 1]) in table:
                    return True
        return False


def _load_toml(name: str) -> tuple[dict[str, object], list[str]]:
    text = (resources.files("claimtrack.sources") / "data" / name).read_text(encoding="utf-8")
    try:
        return tomllib.loads(text), text.splitlines()
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise RegistryError(f"sources/data/{name}:{m.group(1) if m else '?'}: not valid TOML "
                            f"({exc})") from None


def _field_line(lines: list[str], field: str) -> int:
    for i, line in enumerate(lines):
        if re.match(r"^\s*" + re.escape(field) + r"\s*=", line):
            return i + 1
    return 0


def _strings(value: object, where: str, field: str, lines: list[str]) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RegistryError(f"{where}:{_field_line(lines, field)}: field {field!r} must be a "
                            "list of non-empty strings")
    return [str(v) for v in value]


@functools.lru_cache(maxsize=1)
def word_lists() -> WordLists:
    """The word lists of ``types.toml`` and ``countries.toml`` (loaded once, cached)."""
    data, lines = _load_toml("types.toml")
    where = "sources/data/types.toml"
    lists_raw = data.get("lists")
    sides_raw = data.get("side")
    if not isinstance(lists_raw, dict) or not isinstance(sides_raw, dict):
        raise RegistryError(f"{where}:0: needs the tables [lists] and [side]")
    lists: dict[str, frozenset[tuple[str, ...]]] = {}
    for name in LIST_NAMES:
        if name not in lists_raw:
            raise RegistryError(f"{where}:0: list {name!r} is missing from [lists]")
        lists[name] = _phrases(_strings(lists_raw[name], where, name, lines))
    for name in lists_raw:
        if name not in LIST_NAMES:
            raise RegistryError(f"{where}:{_field_line(lines, name)}: unknown list {name!r}; "
                                "lists are " + ", ".join(LIST_NAMES))
    sides = {name: _phrases(_strings(sides_raw.get(name), where, name, lines))
             for name in _SIDE_NAMES}
    cdata, clines = _load_toml("countries.toml")
    cwhere = "sources/data/countries.toml"
    country_words: dict[str, tuple[str, ...]] = {}
    index: dict[tuple[str, ...], str] = {}
    for code, words in cdata.items():
        if not re.match(r"^[A-Z]{2}$", code):
            raise RegistryError(f"{cwhere}:{_field_line(clines, code)}: bad country code "
                                f"{code!r}; use ISO 3166 alpha-2")
        ws = _strings(words, cwhere, code, clines)
        country_words[code] = tuple(ws)
        for w in ws:
            t = tokens(w)
            if t:
                index.setdefault(tuple(t), code)
                index.setdefault((strip_article(t[0]),) + tuple(t[1:]), code)
    return WordLists(lists, sides, country_words, index)
