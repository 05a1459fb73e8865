"""Stage 5: implicit speakers — «وقال:»، «وأضاف»، «موضحاً» — resolved to an antecedent.

The antecedent is the nearest earlier speaker whose gender agrees with the cue
(أضافت → a feminine head such as «الوزارة» or «مصادر»; أضاف → a masculine one).
A participle in the same sentence as an attribution takes that attribution's speaker.

Examples:
    >>> gender_of("الوزارة"), gender_of("مصادر ميدانية"), gender_of("المتحدث باسم الجيش")
    ('f', 'f', 'm')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from claimtrack.lexicon import Lexicon, load_lexicon
from claimtrack.text.normalize import normalize

__all__ = ["gender_of", "pick_antecedent", "is_title"]

def is_title(word: str, *, lexicon: Lexicon | None = None) -> bool:
    """True when the normalised *word* is an office or rank title (``grammar.txt`` [titles]).

    Examples:
        >>> is_title("الوزير"), is_title("المتحدثه"), is_title("الجسر")
        (True, True, False)
    """
    words = (lexicon or load_lexicon()).words
    return word in words["titles"] or word in words["feminine_titles"]


def gender_of(phrase: str, *, lexicon: Lexicon | None = None) -> str | None:
    """The grammatical gender a source phrase takes on its verb: 'f', 'm' or None."""
    words = normalize(phrase).replace('"', " ").replace("«", " ").split()
    if not words:
        return None
    lex = lexicon or load_lexicon()
    head = words[0].lstrip("#")
    if head in lex.words["feminine_titles"]:
        return "f"
    if head in lex.words["titles"]:
        return "m"
    bare = head[2:] if head.startswith("ال") else head
    if head in lex.words["feminine"] or bare in lex.words["feminine"]:
        return "f"
    if head in lex.words["masculine"] or bare in lex.words["masculine"]:
        return "m"
    if head.endswith("ه") or head.endswith("ات"):
        return "f"
    return "m"


T = TypeVar("T")


def pick_antecedent(candidates: Sequence[tuple[str, T]], gender: str | None) -> T | None:
    """The most recent candidate ``(phrase, payload)`` agreeing with *gender* (latest last)."""
    if not candidates:
        return None
    if gender is None:
        return candidates[-1][1]
    for phrase, payload in reversed(candidates[-8:]):
        if gender_of(phrase) == gender:
            return payload
    return candidates[-1][1]
