"""Tokens with offsets into the original text.

A word token keeps its clitics (``وقال`` is one token); diacritics, tatweel and
zero-width or bidi control characters inside a word stay inside the token, so cue
matching works on the normalised form while offsets point at the original.

Examples:
    >>> toks = tokenize("وقـال: «نعم»")
    >>> [(t.text, t.norm, t.kind) for t in toks]
    [('وقـال', 'وقال', 'word'), (':', ':', 'punct'), ('«', '«', 'quote'), ('نعم', 'نعم', 'word'), ('»', '»', 'quote')]
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from claimtrack.text.normalize import DELETED, normalize

__all__ = ["Token", "tokenize", "possessive_base", "QUOTES", "OPENING_QUOTES", "CLOSING_QUOTES", "SENTENCE_END"]

#: Quote marks: directional pairs and the ambiguous straight ones.
OPENING_QUOTES = "«“„‹"
CLOSING_QUOTES = "»”›"
AMBIGUOUS_QUOTES = "\"'‘’"
QUOTES = OPENING_QUOTES + CLOSING_QUOTES + AMBIGUOUS_QUOTES
SENTENCE_END = frozenset({".", "؟", "?", "!", "\n", "…"})

# A word: letters/digits with any diacritics, tatweel or format characters inside,
# plus '#' hashtags, '_' joins, and decimal or grouped numbers (3.5، 1,000).
_WORD = rf"[#@]?[\w{DELETED}]+(?:[.,٫٬][0-9٠-٩]+)*"
_TOKEN_RE = re.compile(rf"(?P<word>{_WORD})|(?P<nl>\n)|(?P<punct>[^\s\w{DELETED}])", re.UNICODE)


class Token(NamedTuple):
    """One token: ``text[start:end]``, its normalised form and its kind.

    ``kind`` is ``word``, ``punct``, ``quote`` or ``newline``. A named tuple: tokens are
    made by the hundred thousand and must be cheap.
    """

    start: int
    end: int
    text: str
    norm: str
    kind: str

    @property
    def is_word(self) -> bool:
        """True for word tokens."""
        return self.kind == "word"


_norm_word = functools.lru_cache(maxsize=200_000)(normalize)


def tokenize(text: str) -> list[Token]:
    """Split *text* into word, punctuation, quote and newline tokens (whitespace dropped)."""
    out: list[Token] = []
    append = out.append
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        t = m.group()
        if m.lastgroup == "word":
            n = _norm_word(t)
            if not n:  # only format characters
                continue
            append(Token(s, e, t, n, "word"))
        elif m.lastgroup == "nl":
            append(Token(s, e, t, "\n", "newline"))
        else:
            if t in QUOTES:
                append(Token(s, e, t, t, "quote"))
            else:
                append(Token(s, e, t, t, "punct"))
    return out


def possessive_base(word: str) -> str | None:
    """The noun of a normalised *word* that carries a possessive pronoun (ه، ها، هم), with
    its ta marbuta restored, or ``None``.

    Examples:
        >>> possessive_base("صفحتها"), possessive_base("موقعه"), possessive_base("بيان")
        ('صفحه', 'موقع', None)
    """
    for suffix in ("ها", "هم", "ه"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)]
            return base[:-1] + "ه" if base.endswith("ت") else base
    return None
