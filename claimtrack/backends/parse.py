"""Dependency parses as plain records, with character offsets into the original text.

A :class:`ParsedDoc` is what every parse-based backend works on, whatever produced the
parse (a CoNLL-U file, a stanza ``Document``). Its records hold plain values only.
Every :class:`Word` carries the half-open character range of the word in the document
text and the range of the surface token it belongs to, so that a multi-word token
(``وقال`` → ``و`` + ``قال``) keeps exact offsets for each part.

:func:`build_sentence` turns token rows into a :class:`Sentence`: it aligns the token
forms with the sentence text (or rebuilds the text when there is none) and checks the
tree (heads in range, no cycles).

Examples:
    >>> rows = [TokenRow("وقال", (WordRow(1, "و", "و", "CCONJ", "_", 0, "root"),
    ...                           WordRow(2, "قال", "قال", "VERB", "_", 1, "parataxis")))]
    >>> s = build_sentence(rows, text="وقال", sent_id="s1")
    >>> [(w.form, w.start, w.end, w.token_start, w.token_end) for w in s.words]
    [('و', 0, 1, 0, 4), ('قال', 1, 4, 0, 4)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from claimtrack.errors import ParseError
from claimtrack.text.normalize import normalize

__all__ = [
    "Word",
    "Sentence",
    "ParsedDoc",
    "WordRow",
    "TokenRow",
    "build_sentence",
    "join_sentences",
    "build_doc",
    "rebuild_text",
    "check_tree",
]

_HARAKAT = re.compile("[\u064b-\u0652\u0670\u0640]")
_PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "س"})
_ENCLITICS = frozenset({"ه", "ها", "هما", "هن", "ي", "ني", "نا", "ك", "كم", "كما", "كن"})
_AMBIGUOUS_ENCLITICS = frozenset({"هم"})
_NO_SPACE_BEFORE = frozenset(".,،:;؛!?؟)]}»”%")
_NO_SPACE_AFTER = frozenset("([{«“")


@attrs.frozen
class Word:
    """One syntactic word of a parse, with its offsets in the document text.

    ``head`` is the id of the governing word in the same sentence (0 for the root);
    ``start``/``end`` cover the word itself, ``token_start``/``token_end`` the surface
    token it is part of (the same range unless the token is a multi-word token).
    """

    id: int
    form: str
    lemma: str
    upos: str
    feats: str
    head: int
    deprel: str
    start: int
    end: int
    token_start: int
    token_end: int

    @property
    def norm(self) -> str:
        """The normalised form."""
        return normalize(self.form)

    @property
    def norm_lemma(self) -> str:
        """The normalised lemma (diacritics and hamza folded)."""
        return normalize(self.lemma)

    def feat(self, name: str) -> str | None:
        """The value of the morphological feature *name*, or ``None``."""
        for item in self.feats.split("|"):
            key, _, value = item.partition("=")
            if key == name:
                return value
        return None


@attrs.frozen
class Sentence:
    """A parsed sentence: its words in order and its range in the document text."""

    sent_id: str | None
    start: int
    end: int
    words: tuple[Word, ...] = attrs.field(repr=False)
    text_rebuilt: bool = False

    def word(self, wid: int) -> Word:
        """The word with id *wid* (1-based)."""
        return self.words[wid - 1]

    def children(self, wid: int) -> list[Word]:
        """The dependents of word *wid*, in order."""
        return [w for w in self.words if w.head == wid]


@attrs.frozen
class ParsedDoc:
    """A parsed document: its text, its sentences, and what the parse provides."""

    text: str = attrs.field(repr=False)
    sentences: tuple[Sentence, ...] = attrs.field(repr=False)
    doc_id: str | None = None
    has_lemma: bool = True
    has_depparse: bool = True
    has_upos: bool = True
    source: str | None = None  # the file (or "<string>") it was read from

    @property
    def text_rebuilt(self) -> bool:
        """True when some sentence text was rebuilt from the tokens."""
        return any(s.text_rebuilt for s in self.sentences)


@attrs.frozen
class WordRow:
    """One word as a parser gives it (before alignment); ``head`` is ``None`` when absent."""

    id: int
    form: str
    lemma: str
    upos: str
    feats: str
    head: int | None
    deprel: str


@attrs.frozen
class TokenRow:
    """One surface token and its words; ``space_after`` is ``None`` when unknown."""

    form: str
    words: tuple[WordRow, ...]
    space_after: bool | None = None
    line: int | None = None


def rebuild_text(tokens: Sequence[TokenRow]) -> str:
    """Rebuild a sentence text from its tokens, as a news text would spell it.

    ``SpaceAfter=No`` is honoured when given. Where the treebank gives no spacing (PADT
    splits clitics into tokens of their own), one-letter proclitics are joined to the
    next word, pronoun enclitics to the previous one and punctuation to its neighbour;
    vowel marks are left out.

    Examples:
        >>> rows = [TokenRow(f, ()) for f in ["وَ", "قَالَ", "إِنَّ", "هُ", "جَاءَ", "."]]
        >>> rebuild_text(rows)
        'وقال إنه جاء.'
    """
    forms = [_HARAKAT.sub("", t.form) or t.form for t in tokens]
    known = any(t.space_after is not None for t in tokens)
    out: list[str] = []
    quote_open = False
    for i, (tok, form) in enumerate(zip(tokens, forms)):
        out.append(form)
        if i == len(tokens) - 1:
            break
        nxt = forms[i + 1]
        if known:
            if tok.space_after is not False:
                out.append(" ")
            continue
        glue = False
        if form in _PROCLITICS and len(tokens[i].words) <= 1 and nxt[:1].isalpha():
            glue = True
        elif form in _NO_SPACE_AFTER or nxt[:1] in _NO_SPACE_BEFORE and len(nxt) == 1:
            glue = True
        elif nxt in _ENCLITICS and form[:1].isalpha() and form not in _PROCLITICS:
            glue = True
        elif nxt in _AMBIGUOUS_ENCLITICS and tokens[i + 1].words and \
                "Case=Nom" not in tokens[i + 1].words[0].feats and form[:1].isalpha():
            glue = True
        if form == '"':
            quote_open = not quote_open
            glue = quote_open  # an opening quote sticks to the next word
        elif nxt == '"':
            glue = quote_open  # a closing quote sticks to the previous word
        if not glue:
            out.append(" ")
    return "".join(out)


def _match_len(text: str, pos: int, form: str) -> int | None:
    """The length of the longest stretch of *text* at *pos* that normalises to *form*."""
    if text.startswith(form, pos):
        return len(form)
    target = normalize(form)
    if not target:
        return None
    best = None
    limit = min(len(text), pos + 2 * len(form) + 4)
    for end in range(pos + 1, limit + 1):
        got = normalize(text[pos:end])
        if got == target:
            best = end - pos
        elif not target.startswith(got):
            break
    return best


def build_sentence(
    tokens: Sequence[TokenRow],
    *,
    text: str | None,
    sent_id: str | None = None,
    offset: int = 0,
    where: str = "<string>",
) -> Sentence:
    """Align *tokens* with *text* (rebuilt when ``None``) and check the tree.

    Args:
        tokens: the surface tokens with their words, in order.
        text: the sentence text, or ``None`` to rebuild it (see :func:`rebuild_text`).
        sent_id: the sentence id, carried on the result.
        offset: where the sentence starts in the document text (added to every offset).
        where: the file name used in error messages.

    Returns:
        The :class:`Sentence`; word offsets are ``offset`` + positions in *text*.

    Raises:
        ParseError: the tree has a head out of range or a cycle, or a token's form cannot
            be found in *text*.
    """
    rebuilt = text is None
    if text is None:
        text = rebuild_text(tokens)
    words: list[Word] = []
    pos = 0
    for tok in tokens:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        n = _match_len(text, pos, tok.form)
        if n is None:
            found = text.find(tok.form, pos, pos + 40 + len(tok.form))
            if found < 0:
                line = f", line {tok.line}" if tok.line else ""
                raise ParseError(f"{where}{line}: token {tok.form!r} of sentence {sent_id!r} is not "
                                 f"in its '# text' at offset {pos}; fix the text or the token form")
            pos, n = found, len(tok.form)
        t_start, t_end = pos, pos + n
        wpos = t_start
        for k, w in enumerate(tok.words):
            if k == len(tok.words) - 1:
                w_start, w_end = wpos, t_end
            else:
                m = _match_len(text[:t_end], wpos, w.form)
                w_start, w_end = wpos, wpos + (m or 0)
            wpos = w_end
            words.append(Word(w.id, w.form, w.lemma, w.upos, w.feats, -1 if w.head is None else w.head,
                              w.deprel, offset + w_start, offset + w_end, offset + t_start, offset + t_end))
        pos = t_end
    return Sentence(sent_id, offset, offset + len(text), tuple(words), rebuilt)


def check_tree(words: Sequence[WordRow], *, where: str, sent_id: str | None,
               lines: Sequence[int | None] = ()) -> None:
    """Raise :class:`ParseError` when *words* do not form a tree (ids, heads, cycles).

    Heads that are all ``None`` mean "no parse" and pass; a mix does not.

    Examples:
        >>> ws = [WordRow(1, "a", "a", "X", "_", 2, "dep"), WordRow(2, "b", "b", "X", "_", 1, "dep")]
        >>> check_tree(ws, where="f.conllu", sent_id="s1")
        Traceback (most recent call last):
        ...
        claimtrack.errors.ParseError: f.conllu: sentence 's1' has a cycle through words 1, 2; ...
    """
    def at(i: int) -> str:
        line = lines[i] if i < len(lines) else None
        return f"{where}, line {line}" if line else where

    for i, w in enumerate(words):
        if w.id != i + 1:
            raise ParseError(f"{at(i)}: word id {w.id} of sentence {sent_id!r} should be {i + 1}; "
                             "word ids must run 1, 2, 3, ... in each sentence")
    heads = [w.head for w in words]
    if all(h is None for h in heads):
        return
    for i, w in enumerate(words):
        if w.head is None:
            raise ParseError(f"{at(i)}: word {w.id} ({w.form!r}) of sentence {sent_id!r} has no head "
                             "while others have one; give every word a head (0 for the root)")
        if not 0 <= w.head <= len(words) or w.head == w.id:
            raise ParseError(f"{at(i)}: word {w.id} ({w.form!r}) of sentence {sent_id!r} has head "
                             f"{w.head}, which is not a word of the sentence; heads run 0..{len(words)}")
    for i, w in enumerate(words):
        seen = [w.id]
        h = w.head
        while h:
            if h in seen:
                cycle = sorted(seen[seen.index(h):])
                raise ParseError(f"{at(i)}: sentence {sent_id!r} has a cycle through words "
                                 f"{', '.join(map(str, cycle))}; every word must reach the root (head 0)")
            seen.append(h)
            h = heads[h - 1]


def build_doc(
    sentences: Sequence[tuple[Sequence[TokenRow], str | None, str | None]],
    *,
    doc_id: str | None = None,
    where: str = "<string>",
    has_lemma: bool = True,
    has_upos: bool = True,
) -> ParsedDoc:
    """Build a :class:`ParsedDoc` from ``(tokens, text or None, sent_id)`` triples.

    Sentence texts are joined with one space; a missing text is rebuilt from the tokens.

    Examples:
        >>> row = lambda i, f, h, d: TokenRow(f, (WordRow(i, f, f, "X", "_", h, d),))
        >>> doc = build_doc([([row(1, "نعم", 0, "root")], None, "a"), ([row(1, "لا", 0, "root")], "لا", "b")])
        >>> doc.text, [(s.start, s.end, s.text_rebuilt) for s in doc.sentences]
        ('نعم لا', [(0, 3, True), (4, 6, False)])
    """
    texts = [t if t is not None else rebuild_text(toks) for toks, t, _ in sentences]
    text, starts = join_sentences(texts)
    out = []
    for (toks, given, sid), t, start in zip(sentences, texts, starts):
        s = build_sentence(toks, text=t, sent_id=sid, offset=start, where=where)
        out.append(attrs.evolve(s, text_rebuilt=given is None))
    has_depparse = bool(out) and all(w.head >= 0 for s in out for w in s.words)
    return ParsedDoc(text, tuple(out), doc_id, has_lemma, has_depparse, has_upos, where)


def join_sentences(texts: Sequence[str]) -> tuple[str, list[int]]:
    """The document text of sentence texts joined by a space, and where each one starts.

    Examples:
        >>> join_sentences(["أ ب.", "ج."])
        ('أ ب. ج.', [0, 5])
    """
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    return " ".join(texts), starts
