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
from claimtrack.text.tokens import _TOKEN_RE, QUOTES, Token, tokenize

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
    assert n.text == normalize(text)


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
