"""Turning a mention (or an alias) into comparable tokens.

Every comparison of names goes through :func:`key`: the claimtrack normaliser, then
quote marks, brackets, hashtags and punctuation become spaces, and a lone preposition
letter left in front («لـ«الشرق الأوسط»» → «ل الشرق الاوسط») is dropped.

Examples:
    >>> key('وكالة الأنباء السورية "سانا"')
    'وكاله الانباء السوريه سانا'
    >>> key("لـ«الشرق الأوسط»")
    'الشرق الاوسط'
    >>> key("#تحالف_دعم_الشرعية")
    'تحالف دعم الشرعيه'
    >>> clitic_variants("للمرصد")
    ('للمرصد', 'المرصد')
    >>> clitic_variants("وبحسب")
    ('وبحسب', 'بحسب', 'حسب')
    >>> clitic_variants("لجيش")
    ('لجيش', 'جيش', 'الجيش')
    >>> strip_article(normalize("الوكالة"))
    'وكاله'
"""

from __future__ import annotations

import functools

import re

from claimtrack.text.normalize import normalize

__all__ = ["key", "tokens", "clitic_variants", "strip_article", "inner_parts", "PUNCT"]

#: Characters that separate words in names: quotes, brackets, punctuation, hashtags.
PUNCT = "«»\"“”„‟'‘’‹›()[]{}<>#_.,،;؛:!?؟…/\\|*+=~`^-–—"
_PUNCT_RE = re.compile("[" + re.escape(PUNCT) + "]")
_SPACES = re.compile(r"\s+")
_PREP_LETTERS = frozenset("لبوفك")
_INNER_RE = re.compile(r"[«\"“”„(\[]([^«»\"“”„()\[\]]{2,60})[»\"“”‟)\]]")


def tokens(text: str) -> list[str]:
    """The normalised words of *text*, punctuation dropped and lone prepositions removed."""
    words = _PUNCT_RE.sub(" ", normalize(text)).split()
    # «لـ"X"» or «بـ(X)» leaves a one-letter word in front of the name.
    while len(words) > 1 and len(words[0]) == 1 and words[0] in _PREP_LETTERS:
        words = words[1:]
    return words


def key(text: str) -> str:
    """The comparison key of a name or mention: normalised words joined by one space."""
    return " ".join(tokens(text))


@functools.lru_cache(maxsize=65536)
def clitic_variants(word: str) -> tuple[str, ...]:
    """*word* and the forms left after stripping leading و/ف and ل/ب/ك clitics.

    «لل» before a noun stands for «ل» + «ال», so «للمرصد» also gives «المرصد». A stripped
    form must keep at least two letters. The word itself comes first.
    """
    out = [word]
    w = word
    if len(w) > 3 and w[0] in "وف":
        w = w[1:]
        out.append(w)
    if len(w) > 3 and w.startswith("لل"):
        out.append("ال" + w[2:])
    elif len(w) > 2 and w[0] in "لبك":
        out.append(w[1:])
        if w[0] == "ل" and len(w) > 3 and not w.startswith("ال"):
            out.append("ال" + w[1:])  # «لجيش» cut from «للجيش»
    return tuple(out)


def strip_article(word: str) -> str:
    """*word* without a leading «ال» (normalised form), when at least two letters remain."""
    if word.startswith("ال") and len(word) > 3:
        return word[2:]
    return word


def inner_parts(text: str) -> list[str]:
    """Stretches of *text* inside quote marks or brackets, in order («"سانا"» → «سانا»)."""
    return [m.group(1).strip() for m in _INNER_RE.finditer(normalize(text)) if m.group(1).strip()]


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space and strip the ends."""
    return _SPACES.sub(" ", text).strip()
