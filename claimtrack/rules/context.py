"""The working state shared by the extraction stages: tokens, sentences, quotes, noise.

Stages are functions over a :class:`Doc`; the Doc is built once per text and never
changes after :func:`build_doc`.
"""

from __future__ import annotations

import bisect

import attrs

from claimtrack.lexicon import FormInfo, Lexicon, load_lexicon
from claimtrack.lexicon.loader import spelling_key
from claimtrack.model import Span
from claimtrack.text.noise import find_noise
from claimtrack.text.segment import Segmentation, segment
from claimtrack.text.tokens import Token, tokenize

__all__ = ["Doc", "build_doc"]


@attrs.frozen
class Doc:
    """A text prepared for extraction."""

    text: str = attrs.field(repr=False)
    tokens: list[Token] = attrs.field(repr=False)
    seg: Segmentation = attrs.field(repr=False)
    noise: tuple[Span, ...]
    noisy: frozenset[int] = attrs.field(repr=False)
    lex: Lexicon = attrs.field(repr=False)
    starts: list[int] = attrs.field(repr=False)
    para_end: list[int] = attrs.field(repr=False)
    infos: list[FormInfo | None] = attrs.field(repr=False)
    #: The tokens that have a cue reading, in order.
    cue_positions: list[int] = attrs.field(repr=False, factory=list)

    # --- token helpers ------------------------------------------------------------------
    def info(self, i: int) -> FormInfo | None:
        """The cue reading of token *i* (looked up once per token), or None."""
        if 0 <= i < len(self.infos):
            return self.infos[i]
        return None

    def norm(self, i: int) -> str:
        """The normalised text of token *i* ('' past either end)."""
        if 0 <= i < len(self.tokens):
            return self.tokens[i].norm
        return ""

    def is_word(self, i: int) -> bool:
        """True when token *i* exists and is a word."""
        return 0 <= i < len(self.tokens) and self.tokens[i].kind == "word"

    def cues_in(self, start: int, stop: int) -> list[int]:
        """The tokens in ``[start, stop)`` that have a cue reading (:meth:`info`), in order."""
        pos = self.cue_positions
        return pos[bisect.bisect_left(pos, start):bisect.bisect_left(pos, stop)]

    def sentence(self, i: int) -> tuple[int, int]:
        """The token range of the sentence holding token *i*."""
        return self.seg.sentences[self.seg.sentence_of[i]]

    def paragraph_end(self, i: int) -> int:
        """The token index just past the paragraph holding token *i*."""
        return self.para_end[i] if i < len(self.para_end) else len(self.tokens)

    def is_headline(self, k: int) -> bool:
        """True when token *k* is in a headline: a short line with no sentence-final mark."""
        end = self.paragraph_end(k)
        start = k
        while start > 0 and self.tokens[start - 1].kind != "newline":
            start -= 1
            if k - start > 20:
                return False
        words = sum(1 for m in range(start, end) if self.is_word(m))
        last = end - 1
        while last > start and self.tokens[last].kind == "quote":
            last -= 1
        return 2 <= words <= 15 and self.tokens[last].norm not in (".", "؟", "?", "!", ":", "،")

    def span(self, start_tok: int, end_tok: int) -> Span:
        """The character span covering tokens ``[start_tok, end_tok)``."""
        return Span.of(self.text, self.tokens[start_tok].start, self.tokens[end_tok - 1].end)

    def word_in(self, i: int, section: str) -> bool:
        """True when token *i* is a word of the grammar section *section*."""
        return self.is_word(i) and self.tokens[i].norm in self.lex.words[section]

    def document_noun(self, i: int) -> bool:
        """True when word *i* is an attributive noun of ``nouns.txt`` (بيان، تقرير), with or
        without «ال» or the accusative alif (البيان، بياناً)."""
        if not self.is_word(i):
            return False
        w = self.tokens[i].norm
        nouns = self.lex.nouns
        return w in nouns or w.rstrip("ا") in nouns or (w.startswith("ال") and w[2:] in nouns)

    def possessed(self, i: int) -> bool:
        """True when word *i* is a noun with a possessive pronoun as written (مسؤوليتها،
        اجتماعه): an object, or the speaker's own occasion."""
        if not self.is_word(i):
            return False
        raw = self.tokens[i].text
        return len(raw) > 4 and raw.endswith(("ه", "ها", "هم", "هما"))

    def bare(self, i: int) -> str:
        """Token *i* normalised, without a leading و/ف conjunction (a word whose و is its
        own, ``grammar.txt`` [waw_words] such as «والي» or «وزير», keeps it)."""
        w = self.norm(i)
        if len(w) > 2 and w[0] in "وف" and w not in self.lex.words["waw_words"]:
            return w[1:]
        return w



def _noncue(text: str, noncue: frozenset[str]) -> bool:
    """True when *text* (or it without a leading و/ف) is a word the traps say is no cue."""
    key = spelling_key(text)
    return key in noncue or (len(key) > 3 and key[0] in "وف" and key[1:] in noncue)


def build_doc(text: str, *, lexicon: Lexicon | None = None) -> Doc:
    """Tokenise and segment *text*, and find its page noise."""
    tokens = tokenize(text)
    noise = tuple(find_noise(text))
    noisy: set[int] = set()
    if noise:
        k = 0
        for i, t in enumerate(tokens):
            while k < len(noise) and noise[k].end <= t.start:
                k += 1
            if k < len(noise) and noise[k].start <= t.start < noise[k].end:
                noisy.add(i)
    para_end = [0] * len(tokens)
    end = len(tokens)
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i].kind == "newline":
            end = i
        para_end[i] = end
    lex = lexicon or load_lexicon()
    lookup = lex.lookup
    noncue = lex.noncue
    cue_words = lex.cue_words  # (only these words have a cue reading: test them first)
    infos = [lookup(t.norm) if t.norm in cue_words and t.kind == "word" and not _noncue(t.text, noncue)
             else None for t in tokens]
    return Doc(text, tokens, segment(tokens), noise, frozenset(noisy), lex,
               [t.start for t in tokens], para_end, infos, [i for i, f in enumerate(infos) if f is not None])
