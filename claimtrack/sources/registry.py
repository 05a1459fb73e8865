"""The source registry: named outlets and bodies, loaded from commented TOML files.

The built-in registry lives in ``claimtrack/sources/data/*.toml`` (every file except the
word lists ``types.toml`` and ``countries.toml``, plus the state bodies built from the
nationality × body table ``state_bodies.toml``); the format is described at the top of
``outlets_international.toml`` and in ``docs/sources.rst``. :func:`builtin_registry`
loads and validates it once. :func:`load_registry` merges user files over it.

A malformed file raises :class:`~claimtrack.errors.RegistryError` naming the file, the line
and the field; nothing is half-loaded.

Examples:
    >>> reg = builtin_registry()
    >>> reg["sana"].name, reg["sana"].type, reg["sana"].country
    ('SANA', 'outlet', 'SY')
    >>> reg.lookup("وكالة سانا")
    'sana'
    >>> reg.lookup("الإخبارية السورية")
    'syrian-state-tv'
    >>> "no-such-id" in reg
    False
"""

from __future__ import annotations

import functools
import logging
import os
import re
import tomllib
import warnings
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Union

import attrs

from claimtrack.errors import RegistryError
from claimtrack.sources.mention import key, strip_article, tokens

__all__ = [
    "Entry",
    "Registry",
    "builtin_registry",
    "load_registry",
    "parse_registry_text",
    "OUTLET_KINDS",
    "ORGANIZATION_KINDS",
    "KINDS",
    "SIDES",
    "WORDLIST_FILES",
]

logger = logging.getLogger(__name__)

#: Kinds of entry that are news outlets (Source.type "outlet").
OUTLET_KINDS = ("agency", "newspaper", "channel", "radio", "website", "media")
#: Kinds of entry that are organisations (Source.type "organization").
ORGANIZATION_KINDS = (
    "government", "ministry", "army", "security", "office", "judiciary", "commission",
    "armed-group", "movement", "party", "coalition", "monitor", "ngo", "international",
    "media-office",
)
KINDS = OUTLET_KINDS + ORGANIZATION_KINDS
#: Values of the ``side`` field.
SIDES = ("government", "opposition")
#: Files in the data directory that are word lists, not registry files.
WORDLIST_FILES = ("types.toml", "countries.toml", "state_bodies.toml")

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COUNTRY_RE = re.compile(r"^(?:[A-Z]{2}|INT)$")
_LIST_FIELDS = ("ar", "en", "weak", "context", "domains")
_STR_FIELDS = ("name", "kind", "country", "alignment", "side")
_REQUIRED = ("name", "kind", "country", "ar")

PathLike = Union[str, "os.PathLike[str]"]


@attrs.frozen
class Entry:
    """One outlet or body of the registry.

    ``ar``/``en`` are its names; ``weak`` names match only a whole mention; ``context``
    names («الحكومة») mean this entry only when the article is about its country.
    ``origin`` is ``"file:line"`` of its definition.
    """

    id: str
    name: str
    kind: str
    country: str
    ar: tuple[str, ...]
    en: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    alignment: str | None = None
    side: str | None = None
    origin: str = ""

    @property
    def type(self) -> str:
        """The source type a mention of this entry gets: ``outlet`` or ``organization``."""
        return "outlet" if self.kind in OUTLET_KINDS else "organization"

    @property
    def names(self) -> tuple[str, ...]:
        """Every name that identifies the entry on its own (Arabic, Latin and weak)."""
        return self.ar + self.en + self.weak


@attrs.frozen(eq=False)
class Registry:
    """A validated set of entries with its lookup tables (build one with :meth:`build`).

    ``exact`` maps a name key to its entry id (weak names excluded); ``weak`` holds the
    weak names; ``context`` maps a context-name key to the ids sharing it; ``heads`` maps
    a head noun (normalised, without «ال») to the ids having a name that starts with it.
    """

    entries: Mapping[str, Entry] = attrs.field(repr=lambda e: f"<{len(e)} entries>")
    exact: Mapping[str, str] = attrs.field(repr=False)
    weak: Mapping[str, str] = attrs.field(repr=False)
    context: Mapping[str, tuple[str, ...]] = attrs.field(repr=False)
    heads: Mapping[str, tuple[str, ...]] = attrs.field(repr=False)

    def __getitem__(self, entry_id: str) -> Entry:
        return self.entries[entry_id]

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self.entries

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> Entry | None:
        """The entry with id *entry_id*, or ``None``."""
        return self.entries.get(entry_id)

    def lookup(self, name: str) -> str | None:
        """The id of the entry *name* exactly names (after normalisation), or ``None``."""
        k = key(name)
        return self.exact.get(k) or self.weak.get(k)

    @classmethod
    def build(cls, entries: Iterable[Entry], *, strict: bool = True) -> Registry:
        """Index *entries* (later ones override earlier ones with the same id).

        With *strict*, a name claimed by two entries raises :class:`RegistryError`;
        otherwise it is logged and warned about and the later entry keeps it.
        """
        by_id: dict[str, Entry] = {}
        for e in entries:
            by_id[e.id] = e
        exact: dict[str, str] = {}
        weak: dict[str, str] = {}
        context: dict[str, list[str]] = {}
        heads: dict[str, list[str]] = {}
        for e in by_id.values():
            for table, names in ((exact, e.ar + e.en), (weak, e.weak)):
                for name in names:
                    k = key(name)
                    if not k:
                        continue
                    other = exact.get(k) or weak.get(k)
                    if other is not None and other != e.id:
                        msg = (f"the name {name!r} is claimed by {other!r} "
                               f"({by_id[other].origin}) and {e.id!r} ({e.origin})")
                        if strict:
                            raise RegistryError(msg + "; give it to one entry only")
                        logger.warning("%s; %r keeps it", msg, e.id)
                        warnings.warn(msg + f"; {e.id!r} keeps it", stacklevel=3)
                        exact.pop(k, None)
                        weak.pop(k, None)
                    table[k] = e.id
            for name in e.context:
                context.setdefault(key(name), []).append(e.id)
            for name in e.ar + e.context:
                words = tokens(name)
                if len(words) >= 2 or name in e.context:
                    head = strip_article(words[0]) if words else ""
                    ids = heads.setdefault(head, [])
                    if e.id not in ids:
                        ids.append(e.id)
        return cls(by_id, exact, weak,
                   {k: tuple(v) for k, v in context.items()},
                   {k: tuple(v) for k, v in heads.items()})


def _line_of(lines: list[str], entry_id: str, field: str | None = None) -> int:
    """1-based line of ``[entry_id]`` (or of *field* inside it) in *lines*; 0 if unknown."""
    header = re.compile(r"^\s*\[\s*[\"']?" + re.escape(entry_id) + r"[\"']?\s*\]")
    for i, line in enumerate(lines):
        if header.match(line):
            if field is None:
                return i + 1
            fre = re.compile(r"^\s*" + re.escape(field) + r"\s*=")
            for j in range(i + 1, len(lines)):
                if lines[j].lstrip().startswith("["):
                    break
                if fre.match(lines[j]):
                    return j + 1
            return i + 1
    return 0


def parse_registry_text(text: str, *, filename: str = "<string>") -> list[Entry]:
    """Parse and validate registry TOML *text*; *filename* is used in error messages.

    Examples:
        >>> [e.id for e in parse_registry_text('[x-agency]\\nname = "X"\\nkind = "agency"\\n'
        ...                                    'country = "SY"\\nar = ["وكالة إكس"]\\n')]
        ['x-agency']
        >>> parse_registry_text('[x]\\nname = "X"\\nkind = "blog"\\ncountry = "SY"\\nar = ["س"]\\n',
        ...                     filename="mine.toml")
        Traceback (most recent call last):
        ...
        claimtrack.errors.RegistryError: mine.toml:3: entry 'x', field 'kind': unknown kind 'blog'; use one of agency, newspaper, ...
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        line = m.group(1) if m else "?"
        raise RegistryError(f"{filename}:{line}: not valid TOML ({exc}); check quotes, "
                            "brackets and commas on that line") from None
    lines = text.splitlines()
    out: list[Entry] = []
    for entry_id, table in data.items():
        def fail(field: str | None, problem: str, _id: str = entry_id) -> RegistryError:
            line = _line_of(lines, _id, field)
            where = f"entry {_id!r}" + (f", field {field!r}" if field else "")
            return RegistryError(f"{filename}:{line}: {where}: {problem}")

        if not isinstance(table, dict):
            raise fail(None, "a top-level key must be an entry table like [my-outlet]")
        if not _ID_RE.match(entry_id):
            raise fail(None, f"bad id {entry_id!r}; ids are lowercase English words joined "
                             "by hyphens, e.g. [syrian-state-tv]")
        for field in _REQUIRED:
            if field not in table:
                raise fail(None, f"missing required field {field!r}")
        values: dict[str, Any] = {}
        for field, value in table.items():
            if field in _LIST_FIELDS:
                if not isinstance(value, list) or not all(isinstance(v, str) and v.strip()
                                                          for v in value):
                    raise fail(field, "must be a list of non-empty strings, e.g. [\"...\", \"...\"]")
                values[field] = tuple(v.strip() for v in value)
            elif field in _STR_FIELDS:
                if not isinstance(value, str) or not value.strip():
                    raise fail(field, "must be a non-empty string")
                values[field] = value.strip()
            else:
                raise fail(field, f"unknown field {field!r}; fields are "
                                  + ", ".join(_STR_FIELDS + _LIST_FIELDS))
        if values["kind"] not in KINDS:
            raise fail("kind", f"unknown kind {values['kind']!r}; use one of "
                               + ", ".join(KINDS[:3]) + ", ...")
        if not _COUNTRY_RE.match(values["country"]):
            raise fail("country", f"bad country {values['country']!r}; use an ISO 3166 "
                                  "alpha-2 code such as SY, or INT")
        if "side" in values and values["side"] not in SIDES:
            raise fail("side", f"unknown side {values['side']!r}; use one of " + ", ".join(SIDES))
        if not values["ar"]:
            raise fail("ar", "needs at least one Arabic name")
        for field in ("ar", "en", "weak", "context"):
            for name in values.get(field, ()):
                if not key(name):
                    raise fail(field, f"the name {name!r} is empty once punctuation is removed")
        values["origin"] = f"{filename}:{_line_of(lines, entry_id)}"
        out.append(Entry(id=entry_id, **values))
    return out


def _read(path: PathLike) -> tuple[str, str]:
    p = Path(path)
    try:
        return p.read_text(encoding="utf-8"), str(p)
    except FileNotFoundError:
        raise RegistryError(f"registry file {str(p)!r} not found; check the path") from None
    except UnicodeDecodeError:
        raise RegistryError(f"registry file {str(p)!r} is not UTF-8; save it as UTF-8") from None
    except OSError as exc:
        raise RegistryError(f"cannot read registry file {str(p)!r}: {exc.strerror}") from None


def _builtin_entries() -> list[Entry]:
    entries: list[Entry] = []
    folder = resources.files("claimtrack.sources") / "data"
    for item in sorted(folder.iterdir(), key=lambda t: t.name):
        if item.name.endswith(".toml") and item.name not in WORDLIST_FILES:
            entries.extend(parse_registry_text(item.read_text(encoding="utf-8"),
                                               filename=f"sources/data/{item.name}"))
    from claimtrack.sources.state_bodies import state_body_entries

    return entries + state_body_entries(entries)


@functools.lru_cache(maxsize=1)
def builtin_registry() -> Registry:
    """The built-in registry (loaded, validated and indexed once, then cached)."""
    entries = _builtin_entries()
    seen: dict[str, str] = {}
    for e in entries:
        if e.id in seen:
            raise RegistryError(f"{e.origin}: entry {e.id!r} is defined twice (also at "
                                f"{seen[e.id]}); keep one")
        seen[e.id] = e.origin
    return Registry.build(entries, strict=True)


def load_registry(files: Iterable[PathLike], *, builtin: bool = True) -> Registry:
    """The built-in registry with the entries of *files* merged over it.

    An entry whose id is already known replaces the earlier one. A name claimed by two
    entries is warned about (``warnings`` and ``logging``, naming both) and kept by the
    later one. Every file is parsed before anything is merged, so an error leaves no
    half-loaded registry.

    Args:
        files: registry TOML files, in the format of the built-in ones.
        builtin: start from the built-in registry (default) or from nothing.

    Raises:
        RegistryError: a file is missing, unreadable or malformed.
    """
    parsed: list[Entry] = []
    for f in files:
        text, name = _read(f)
        parsed.extend(parse_registry_text(text, filename=name))
    base = list(builtin_registry()) if builtin else []
    return Registry.build(base + parsed, strict=False)
