"""Paragraphs, sentences and quote pairs over a token list.

Sentences end at ``.``, ``؟``, ``?``, ``!``, ``…`` and line breaks; a period after a
one-letter abbreviation (``د.``) does not end one. Quote marks are paired inside a
paragraph: directional marks (« », “ ”) by kind, straight marks (") by which side
they stick to — an opening mark is followed by a word, a closing one follows a word —
so nested straight quotes pair correctly and an unbalanced mark is left unpaired.

Examples:
    >>> from claimtrack.text.tokens import tokenize
    >>> toks = tokenize('قال: "نحن "هنا" الآن". وذهب.')
    >>> seg = segment(toks)
    >>> [(toks[s].text, toks[e - 1].text) for s, e in seg.sentences]
    [('قال', '.'), ('وذهب', '.')]
    >>> sorted((toks[o].start, toks[c].start) for o, c in seg.quotes.items())
    [(5, 20), (10, 14)]
"""

from __future__ import annotations

import attrs

from claimtrack.text.tokens import CLOSING_QUOTES, OPENING_QUOTES, SENTENCE_END, Token

__all__ = ["Segmentation", "segment"]

_PAIRS = {"«": "»", "“": "”", "„": "”", "‹": "›"}


@attrs.frozen
class Segmentation:
    """Token-index ranges of paragraphs and sentences, and paired quotes.

    ``sentences`` and ``paragraphs`` are half-open ``(first, last + 1)`` token ranges;
    ``sentence_of[i]`` is the sentence number of token *i*; ``quotes`` maps the index of
    an opening quote token to its closing one, ``closers`` the reverse.
    """

    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[tuple[int, int], ...]
    sentence_of: tuple[int, ...] = attrs.field(repr=False)
    quotes: dict[int, int] = attrs.field(repr=False)
    closers: dict[int, int] = attrs.field(repr=False)


def _straight_side(tokens: list[Token], i: int) -> str:
    """'open' or 'close' for an ambiguous quote mark, judged by what it touches."""
    t = tokens[i]
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    touches_prev = prev is not None and prev.end == t.start and prev.kind in ("word", "punct", "quote")
    touches_next = nxt is not None and nxt.start == t.end and nxt.kind == "word"
    if touches_next and not touches_prev:
        return "open"
    if touches_prev and not touches_next:
        return "close"
    if nxt is None or nxt.kind == "newline" or (nxt.kind == "punct" and nxt.text in ".،,؛:"):
        return "close"
    return "either"


def _pair_quotes(tokens: list[Token], marks: list[int], quotes: dict[int, int]) -> None:
    """Pair the quote tokens *marks* (the quote marks of one paragraph, in order)."""
    stack: list[int] = []
    for i in marks:
        ch = tokens[i].text
        if ch in OPENING_QUOTES:
            stack.append(i)
        elif ch in CLOSING_QUOTES:
            for k in range(len(stack) - 1, -1, -1):
                if _PAIRS.get(tokens[stack[k]].text) == ch:
                    quotes[stack[k]] = i
                    del stack[k:]
                    break
        else:
            side = _straight_side(tokens, i)
            open_same = [k for k in range(len(stack)) if tokens[stack[k]].text == ch]
            if side == "open" or (side == "either" and not open_same):
                stack.append(i)
            elif open_same:
                k = open_same[-1]
                quotes[stack[k]] = i
                del stack[k:]


def segment(tokens: list[Token]) -> Segmentation:
    """Find the paragraphs, sentences and quote pairs of a token list."""
    paragraphs: list[tuple[int, int]] = []
    sentences: list[tuple[int, int]] = []
    # A token's sentence number is the count of sentences ended before it, so it is
    # filled in by runs between the tokens that can end one (line breaks, sentence
    # marks, quote marks); only those are looked at one by one.
    sentence_of: list[int] = []
    marks: list[list[int]] = [[]]  # the quote marks of each paragraph
    quotes: dict[int, int] = {}
    p_start = s_start = 0
    n = len(tokens)
    done = 0  # sentence_of is filled up to here
    for i in [i for i, t in enumerate(tokens) if t.kind != "word" and (
            t.kind != "punct" or t.norm in SENTENCE_END)]:
        t = tokens[i]
        sentence_of += [len(sentences)] * (i + 1 - done)
        done = i + 1
        if t.kind == "newline":
            if s_start < i:
                sentences.append((s_start, i))
            s_start = i + 1
            if p_start < i:
                paragraphs.append((p_start, i))
                marks.append([])
            p_start = i + 1
        elif t.norm in SENTENCE_END:
            prev = tokens[i - 1] if i else None
            if prev is not None and prev.kind == "word" and len(prev.norm) == 1 and prev.end == t.start:
                continue  # د. — an abbreviation
            nxt = tokens[i + 1] if i + 1 < n else None
            if nxt is not None and nxt.norm in SENTENCE_END and nxt.kind != "newline":
                continue  # '..' or '.?': end at the last mark
            if nxt is not None and nxt.kind == "quote" and nxt.start == t.end:
                continue  # '."' — the quote mark closes with the sentence
            sentences.append((s_start, i + 1))
            s_start = i + 1
        elif t.kind == "quote":
            marks[-1].append(i)
            if s_start < i and tokens[i - 1].norm in SENTENCE_END \
                    and tokens[i - 1].kind != "newline" and tokens[i - 1].end == t.start:
                sentences.append((s_start, i + 1))
                s_start = i + 1
    sentence_of += [len(sentences)] * (n - done)
    if s_start < n:
        sentences.append((s_start, n))
    if p_start < n:
        paragraphs.append((p_start, n))
    for paragraph_marks in marks:
        _pair_quotes(tokens, paragraph_marks, quotes)
    closers = {c: o for o, c in quotes.items()}
    return Segmentation(tuple(paragraphs), tuple(sentences), tuple(sentence_of), quotes, closers)
