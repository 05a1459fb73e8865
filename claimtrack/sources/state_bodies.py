"""State bodies built from a nationality × body table (``data/state_bodies.toml``).

News names a country's ministries, army, police and presidency with one pattern, the
body followed by the nationality adjective («وزارة الداخلية المصرية»، «الجيش السوداني»).
Rather than writing each by hand, the registry builds one entry per nationality and body
from the table, with the id ``<prefix>-<body>`` and the body's bare name as a context
name. Hand-written entries always win: a body whose first Arabic name (or id) is already
taken is not built, and a built name that a hand-written entry claims is left out.

Examples:
    >>> from claimtrack.sources import resolve
    >>> m = resolve("وزارة الداخلية المصرية")
    >>> m.id, m.name, m.type
    ('egyptian-interior-ministry', 'Egyptian Interior Ministry', 'organization')
    >>> resolve("الجيش السوداني").id
    'sudanese-army'
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any

from claimtrack.errors import RegistryError
from claimtrack.sources.mention import key

__all__ = ["state_body_entries"]

_FILE = "state_bodies.toml"


def _table() -> dict[str, Any]:
    text = (resources.files("claimtrack.sources") / "data" / _FILE).read_text(encoding="utf-8")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"sources/data/{_FILE}: not valid TOML ({exc})") from None


def _field(table: Mapping[str, Any], name: str, where: str) -> Any:
    if name not in table:
        raise RegistryError(f"sources/data/{_FILE}: {where} lacks the field {name!r}")
    return table[name]


def state_body_entries(existing: Iterable[Any], *, table: Mapping[str, Any] | None = None) -> list[Any]:
    """The state-body entries to add to the hand-written *existing* ones.

    Args:
        existing: the hand-written :class:`~claimtrack.sources.registry.Entry` records.
        table: the nationality × body table (the built-in ``state_bodies.toml`` when ``None``).

    Raises:
        RegistryError: the table is malformed (a missing field, an unknown kind or gender).
    """
    from claimtrack.sources.registry import KINDS, Entry

    existing = list(existing)
    ids = {e.id for e in existing}
    claimed = {key(n) for e in existing for n in (*e.ar, *e.en, *e.weak)}
    table = _table() if table is None else table
    out: list[Entry] = []
    for code, nat in table.get("nationalities", {}).items():
        where = f"nationality {code!r}"
        prefix, en = _field(nat, "prefix", where), _field(nat, "en", where)
        adjectives = {"m": _field(nat, "m", where), "f": _field(nat, "f", where)}
        for body_key, body in table.get("bodies", {}).items():
            bwhere = f"body {body_key!r}"
            kind, gender = _field(body, "kind", bwhere), _field(body, "gender", bwhere)
            if kind not in KINDS:
                raise RegistryError(f"sources/data/{_FILE}: {bwhere} has the unknown kind {kind!r}; "
                                    f"use one of {', '.join(KINDS)}")
            if gender not in adjectives:
                raise RegistryError(f"sources/data/{_FILE}: {bwhere} has the gender {gender!r}; use m or f")
            forms = list(_field(body, "ar", bwhere))
            entry_id = f"{prefix}-{body_key}"
            names = [f"{form} {adjectives[gender]}" for form in forms]
            if entry_id in ids or key(names[0]) in claimed:
                continue  # written by hand
            names = [n for n in names if key(n) not in claimed]
            name = f"{en} {_field(body, 'en', bwhere)}"
            out.append(Entry(entry_id, name, kind, code, tuple(names), en=(name,), context=tuple(forms),
                             origin=f"sources/data/{_FILE}"))
            claimed.update(key(n) for n in names)
    return out
