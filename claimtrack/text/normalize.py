"""The Arabic normaliser, with a map of offsets back to the original text.

One normaliser is used wherever claimtrack compares strings (cue matching, source
resolution, claim linking). It folds hamza and madda forms of alef to bare alef,
alef maqsura to ya, ta marbuta to ha, Persian ya and kaf to their Arabic forms and
Arabic-Indic digits to ASCII digits; it lowercases Latin letters and deletes
diacritics, tatweel and invisible format characters (zero-width joiners, bidi
controls, the byte order mark). Every output character comes from exactly one input
character, so a position in the normalised text maps back to the original.

Examples:
    >>> normalize("أكّدَ الوزيـــرُ")
    'اكد الوزير'
    >>> normalize(normalize("إلى")) == normalize("إلى")
    True
    >>> n = normalized("وقـال")
    >>> n.text, n.to_original(1), n.to_original(2)
    ('وقال', 1, 3)
"""

from __future__ import annotations

import re

import attrs

__all__ = ["normalize", "normalized", "normalize_with_offsets", "Normalized", "DELETED", "is_deleted"]

# Characters dropped altogether: harakat, tanwin, shadda, sukun, dagger alef, Quranic
# marks, tatweel, and invisible format characters (ZWSP..RLM, bidi embeddings and
# isolates, word joiner, Arabic letter mark, BOM, soft hyphen).
DELETED = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
    "\u0640"
    "\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
)
_DELETED_RE = re.compile(f"[{DELETED}]")
_DELETED_RUN_RE = re.compile(f"[{DELETED}]+|\x00$")
_DELETED_RUNS = re.compile(f"[{DELETED}]+")

_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي",
    "ة": "ه", "ۀ": "ه", "ە": "ه",
    "ک": "ك", "ڪ": "ك",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4",
    "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4",
    "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    # Lowercase capital sigma before lower() sees it: lower() would pick the final form by
    # context, and the offset-mapped path lowers character by character.
    "Σ": "σ",
}
_TABLE = str.maketrans(_FOLD)
# No folded character is itself folded again, so replacing one character at a time gives
# what ``translate`` gives; on long strings a chain of ``str.replace`` calls (each a fast
# scan in C) is some thirty times faster than ``translate`` with a dict table.
_FOLD_ITEMS = tuple(_FOLD.items())
_REPLACE_FROM = 48


def _fold(text: str) -> str:
    """``text.translate(_TABLE)``, faster on long strings."""
    if len(text) < _REPLACE_FROM:
        return text.translate(_TABLE)
    for a, b in _FOLD_ITEMS:
        text = text.replace(a, b)
    return text


def is_deleted(ch: str) -> bool:
    """True when the normaliser deletes the character *ch*."""
    return bool(_DELETED_RE.match(ch))


def normalize(text: str) -> str:
    """Normalise Arabic *text* for comparison. Idempotent: ``normalize(normalize(t)) == normalize(t)``.

    Usable as a rapidfuzz ``processor=``.
    """
    return _fold(_DELETED_RE.sub("", text)).lower()


@attrs.frozen
class Normalized:
    """A normalised text with, for each of its characters, the index it came from.

    ``offsets`` has one entry per character of ``text`` plus a final entry equal to
    the length of the original, so half-open ranges map back with :meth:`span_to_original`.
    """

    text: str
    offsets: tuple[int, ...] = attrs.field(repr=False)

    def to_original(self, i: int) -> int:
        """The original index of normalised position *i* (``len(text)`` maps to the original's end)."""
        return self.offsets[i]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the half-open normalised range ``[start, end)`` to the original text.

        The result starts at the original of the first character and ends just after
        the original of the last one, so deleted characters at the edges are left out.
        """
        if end <= start:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1


def normalized(text: str) -> Normalized:
    """Normalise *text* and keep the offset map back to it."""
    norm, offsets = normalize_with_offsets(text)
    return Normalized(norm, tuple(range(len(text) + 1)) if offsets is None else tuple(offsets))


def normalize_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """:func:`normalized` as ``(text, offsets)``, with ``None`` for the identity map
    (nothing deleted, every character folded to one).

    Examples:
        >>> normalize_with_offsets("قال")
        ('قال', None)
        >>> normalize_with_offsets("قـال")
        ('قال', [0, 2, 3, 4])
    """
    offsets: list[int] = []
    folded = _fold(text).lower()
    if len(folded) == len(text) and "Σ" not in text:
        # Every character folds to exactly one (and lowercasing needs no context: the
        # final sigma is the one exception): the kept runs map one to one.
        if _DELETED_RE.search(text) is None:
            return folded, None
        out: list[str] = []
        pos = 0
        for m in _DELETED_RUNS.finditer(text):
            out.append(folded[pos:m.start()])
            offsets.extend(range(pos, m.start()))
            pos = m.end()
        out.append(folded[pos:])
        offsets.extend(range(pos, len(text)))
        offsets.append(len(text))
        return "".join(out), offsets
    out = []
    pos = 0
    for m in _DELETED_RUN_RE.finditer(text + "\x00"):
        # The kept run text[pos:m.start()] maps one to one, unless lower() grows a letter.
        run = text[pos:m.start()]
        folded = _fold(run).lower()
        if len(folded) == len(run):
            out.append(folded)
            offsets.extend(range(pos, m.start()))
        else:
            for i, ch in enumerate(run, pos):
                f = ch.translate(_TABLE).lower()
                out.append(f)
                offsets.extend([i] * len(f))
        pos = m.end()
    offsets.append(len(text))
    return "".join(out), offsets
