"""The fast paths of the text layer and the article context give what the plain
definitions give, on any input.

Each test writes the plain definition out (one regex match at a time, one character at
a time, one line at a time) and compares it with the optimised function.
"""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.sources.article import _URL_CHARS_RE, _URL_RE, ArticleContext, _url_matches
from claimtrack.sources.mention import clitic_variants
from claimtrack.text.noise import _key, _line_keys
from claimtrack.text.normalize import _TABLE, _DELETED_RUN_RE, normalize, normalized
from claimtrack.text.segment import _PAIRS, Segmentation, _straight_side, segment
from claimtrack.text.tokens import _TOKEN_RE, CLOSING_QUOTES, OPENING_QUOTES, QUOTES, SENTENCE_END, Token, tokenize

# Pieces real pages are made of, and the characters the fast paths treat specially.
PIECES = st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.sampled_from(["\u200b", "\u200f", "\u202b", "\ufeff", "\u00ad", "\u00a0", "\u0640", "\u064b",
                     " ", "  ", "\t", "\r\n", "\n", ".", "..", "،", ":", "-", "_", "#", "@", "3.5", "1,000",
                     "«", "»", "\"", "'", "“", "”", "İ", "Σ", "Ⓐ", "ﬁ", "ſ", "K", "www.sana.sy", "http://x.com",
                     "قال", "وأكدت", "بحسب", "الأكثر قراءة", "وكالة", "المصدر", "للمرصد"]),
    st.characters(),
)
TEXT = st.lists(PIECES, max_size=60).map("".join)


def _plain_tokenize(text: str) -> list[Token]:
    out = []
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        t = m.group()
        if m.lastgroup == "word":
            if normalize(t):
                out.append(Token(s, e, t, normalize(t), "word"))
        elif m.lastgroup == "nl":
            out.append(Token(s, e, t, "\n", "newline"))
        else:
            out.append(Token(s, e, t, t, "quote" if t in QUOTES else "punct"))
    return out


def _plain_normalized(text: str) -> tuple[str, tuple[int, ...]]:
    # The kept runs between deleted characters, each folded and lowercased as a whole.
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _DELETED_RUN_RE.finditer(text + "\x00"):
        run = text[pos:m.start()]
        folded = run.translate(_TABLE).lower()
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
    return "".join(out), tuple(offsets)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_tokenize_is_one_match_at_a_time(text: str) -> None:
    assert tokenize(text) == _plain_tokenize(text)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_normalized_is_one_character_at_a_time(text: str) -> None:
    n = normalized(text)
    assert (n.text, n.offsets) == _plain_normalized(text)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_line_keys_are_the_keys_of_each_line(text: str) -> None:
    assert _line_keys(text) == [_key(line.strip()) for line in text.split("\n")]


def test_url_characters_are_those_the_address_regex_matches() -> None:
    folded = re.compile(r"[a-z0-9\-./:]", re.IGNORECASE)
    assert all(bool(_URL_CHARS_RE.fullmatch(chr(i))) == bool(folded.fullmatch(chr(i)))
               for i in range(sys.maxunicode + 1))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_url_matches_are_the_address_regex_matches(text: str) -> None:
    assert [m.group(1) for m in _url_matches(text)] == [m.group(1) for m in _URL_RE.finditer(text)]


FORMS = st.one_of(st.sampled_from(["المرصد", "مرصد", "بيان", "بيانها", "الوكاله", "وكاله", "حسب", "قال"]),
                  st.text(alphabet="والفبكلمرصدني", min_size=1, max_size=5))


@settings(max_examples=100, deadline=None)
@given(TEXT.map(lambda t: t * 3), st.lists(FORMS, max_size=40))
def test_word_positions_are_those_of_every_clitic_variant(text: str, forms: list[str]) -> None:
    ctx = ArticleContext.build(text)
    for form in forms:  # (past the first forms, a long article's words are indexed)
        want = tuple(k for k, w in enumerate(ctx.words) if form in clitic_variants(w[2]))
        assert ctx.positions_of(form) == want


def _plain_pair_quotes(tokens: list[Token], start: int, end: int, quotes: dict[int, int]) -> None:
    stack: list[int] = []
    for i in range(start, end):
        t = tokens[i]
        if t.kind != "quote":
            continue
        ch = t.text
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


def _plain_segment(tokens: list[Token]) -> Segmentation:
    # token by token
    paragraphs: list[tuple[int, int]] = []
    sentences: list[tuple[int, int]] = []
    sentence_of = [0] * len(tokens)
    quotes: dict[int, int] = {}
    p_start = s_start = 0
    n = len(tokens)
    for i, t in enumerate(tokens):
        sentence_of[i] = len(sentences)
        if t.kind == "newline":
            if s_start < i:
                sentences.append((s_start, i))
                sentence_of[i] = len(sentences) - 1
            s_start = i + 1
            if p_start < i:
                paragraphs.append((p_start, i))
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
        elif t.kind == "quote" and s_start < i and tokens[i - 1].norm in SENTENCE_END \
                and tokens[i - 1].kind != "newline" and tokens[i - 1].end == t.start:
            sentences.append((s_start, i + 1))
            s_start = i + 1
    if s_start < n:
        sentences.append((s_start, n))
        for i in range(s_start, n):
            sentence_of[i] = len(sentences) - 1
    if p_start < n:
        paragraphs.append((p_start, n))
    for ps, pe in paragraphs:
        _plain_pair_quotes(tokens, ps, pe, quotes)
    closers = {c: o for o, c in quotes.items()}
    return Segmentation(tuple(paragraphs), tuple(sentences), tuple(sentence_of), quotes, closers)


SEGMENT_PIECES = st.lists(st.sampled_from(["قال", " ", "د", ".", "..", "؟", "!", "…", "\n", "\n\n", "«", "»",
                                           "\"", "'", "“", "”", "„", "‹", "›", "‘", "’", ":", "،", "x", "3.5"]),
                          max_size=60).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(SEGMENT_PIECES, TEXT))
def test_segment_is_token_by_token(text: str) -> None:
    tokens = tokenize(text)
    assert segment(tokens) == _plain_segment(tokens)
