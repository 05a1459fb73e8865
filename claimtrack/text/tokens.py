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
import itertools
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
# The same tokens as _TOKEN_RE, as one capturing group for re.split.
_SPLIT_RE = re.compile(rf"({_WORD}|\n|[^\s\w{DELETED}])")
_WORD_CHAR_RE = re.compile(rf"[\w{DELETED}]")
_SINGLE_KINDS: dict[str, str] = {}
# Tokens are made by the hundred thousand: build them without NamedTuple.__new__.
_new_token = functools.partial(tuple.__new__, Token)


def _single_kind(ch: str) -> str:
    """The kind of a one-character token *ch*."""
    kind = _SINGLE_KINDS.get(ch)
    if kind is None:
        if ch == "\n":
            kind = "newline"
        elif _WORD_CHAR_RE.match(ch):
            kind = "word"
        else:
            kind = "quote" if ch in QUOTES else "punct"
        if len(_SINGLE_KINDS) < 65536:
            _SINGLE_KINDS[ch] = kind
    return kind


def tokenize(text: str) -> list[Token]:
    """Split *text* into word, punctuation, quote and newline tokens (whitespace dropped)."""
    # One C-level pass: split() alternates the whitespace between tokens with the tokens,
    # so running sums of the lengths give every token's offsets.
    parts = _SPLIT_RE.split(text)
    texts = parts[1::2]
    ends = list(itertools.accumulate(map(len, parts)))
    out: list[Token] = []
    append = out.append
    new = _new_token
    kinds = _SINGLE_KINDS
    for s, e, t, n in zip(ends[0::2], ends[1::2], texts, map(_norm_word, texts)):
        if len(t) > 1:  # only a word is longer than one character
            if n:  # (a word of format characters only is dropped)
                append(new((s, e, t, n, "word")))
            continue
        kind = kinds.get(t) or _single_kind(t)
        if kind == "word":
            if n:
                append(new((s, e, t, n, "word")))
        elif kind == "newline":
            append(new((s, e, t, "\n", "newline")))
        else:
            append(new((s, e, t, t, kind)))
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
