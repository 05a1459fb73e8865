"""Reading CoNLL-U files and strings into :class:`~claimtrack.backends.parse.ParsedDoc` records.

No stanza needed: any parser's CoNLL-U output works (stanza, UDPipe, CAMeL tools...).
``# newdoc`` starts a document; a file without it is split on the document part of
``# orig_file_sentence`` (as in PADT), or read as one document. Sentences without
``# text`` get their text rebuilt from the tokens and the document says so
(:attr:`ConlluDoc.diagnostics`, code ``text-rebuilt``, and a logged warning).

A malformed document (broken line, bad multi-word range, missing head, cycle) becomes a
:class:`ConlluDoc` whose ``error`` is a :class:`~claimtrack.errors.ParseError` naming the
file and line; the other documents of the file are still read.

Examples:
    >>> src = '''# newdoc id = d1
    ... # text = وقال نعم.
    ... 1-2\\tوقال\\t_\\t_\\t_\\t_\\t_\\t_\\t_\\t_
    ... 1\\tو\\tو\\tCCONJ\\t_\\t_\\t0\\troot\\t_\\t_
    ... 2\\tقال\\tقال\\tVERB\\t_\\t_\\t1\\tparataxis\\t_\\t_
    ... 3\\tنعم\\tنعم\\tINTJ\\t_\\t_\\t2\\tccomp\\t_\\tSpaceAfter=No
    ... 4\\t.\\t.\\tPUNCT\\t_\\t_\\t1\\tpunct\\t_\\t_
    ... '''
    >>> [d] = read_conllu(src)
    >>> d.ok, d.doc.doc_id, [(w.form, d.doc.text[w.start:w.end]) for w in d.doc.sentences[0].words]
    (True, 'd1', [('و', 'و'), ('قال', 'قال'), ('نعم', 'نعم'), ('.', '.')])
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import attrs

from claimtrack.backends.parse import ParsedDoc, TokenRow, WordRow, build_doc, check_tree
from claimtrack.errors import InputError, ParseError
from claimtrack.model import Diagnostic

__all__ = ["ConlluDoc", "read_conllu", "parse_conllu"]

logger = logging.getLogger(__name__)


@attrs.frozen
class ConlluDoc:
    """One document of a CoNLL-U input: the parse, or the error that stopped it."""

    doc_id: str | None
    doc: ParsedDoc | None
    error: ParseError | None = None
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the document was read."""
        return self.error is None


@attrs.frozen
class _RawSentence:
    sent_id: str | None
    text: str | None
    rows: tuple[tuple[int, list[str]], ...]  # (line number, 10 fields)
    first_line: int


@attrs.define
class _RawDoc:
    doc_id: str | None
    sentences: list[_RawSentence] = attrs.field(factory=list)
    error: ParseError | None = None


def read_conllu(source: str | os.PathLike[str], *, name: str | None = None) -> list[ConlluDoc]:
    """Read a CoNLL-U file (a path) or CoNLL-U text (a string holding a tab or a newline).

    Args:
        source: a path to a ``.conllu`` file, or CoNLL-U text.
        name: the name used in messages (default: the path, or ``<string>``).

    Returns:
        One :class:`ConlluDoc` per document, in order; a bad document carries its error.

    Raises:
        InputError: the file cannot be read.
    """
    if isinstance(source, str) and ("\n" in source or "\t" in source):
        return parse_conllu(source, name=name or "<string>")
    path = Path(source)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read CoNLL-U file {str(path)!r}: {exc}; give a UTF-8 .conllu file "
                         "or pass the CoNLL-U text itself") from exc
    return parse_conllu(text, name=name or str(path))


def _split(text: str, where: str) -> list[_RawDoc]:
    docs: list[_RawDoc] = []
    has_newdoc = any(line.startswith("# newdoc") for line in text.splitlines())
    stem = None if where == "<string>" else Path(where).stem
    current: _RawDoc | None = None
    rows: list[tuple[int, list[str]]] = []
    sent_id: str | None = None
    sent_text: str | None = None
    orig_doc: str | None = None
    first = 0

    def start_doc(doc_id: str | None) -> _RawDoc:
        d = _RawDoc(doc_id)
        docs.append(d)
        return d

    def flush() -> None:
        nonlocal rows, sent_id, sent_text, current
        if rows:
            if current is None or (not has_newdoc and orig_doc is not None and current.doc_id != orig_doc):
                current = start_doc(orig_doc if not has_newdoc and orig_doc else stem)
            current.sentences.append(_RawSentence(sent_id, sent_text, tuple(rows), first))
        rows, sent_id, sent_text = [], None, None

    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r")
        if not line.strip():
            flush()
            continue
        if line.startswith("#"):
            if rows:
                flush()
            body = line[1:].strip()
            key, sep, value = body.partition("=")
            if not sep:  # "# orig_file_sentence X#1" (PADT) has no '='
                key, _, value = body.partition(" ")
            key, value = key.strip(), value.strip()
            if key.startswith("newdoc"):
                if current is None or not value or value != current.doc_id:
                    current = start_doc(value or None)
            elif key == "sent_id":
                sent_id = value
            elif key == "text":
                sent_text = value
            elif key == "orig_file_sentence" and value:
                orig_doc = value.rsplit("#", 1)[0]
            continue
        if not rows:
            first = n
        fields = line.split("\t")
        if len(fields) != 10:
            if current is None:
                current = start_doc(orig_doc if not has_newdoc and orig_doc else stem)
            if current.error is None:
                current.error = ParseError(f"{where}, line {n}: expected 10 tab-separated columns, found "
                                           f"{len(fields)}; separate the CoNLL-U columns with tabs")
            continue
        rows.append((n, fields))
    flush()
    return docs


def _int(value: str, what: str, where: str, n: int) -> int:
    try:
        return int(value)
    except ValueError:
        raise ParseError(f"{where}, line {n}: {what} {value!r} is not a number; "
                         "use an integer (or '_' for a missing head)") from None


def _tokens(sent: _RawSentence, where: str) -> tuple[list[TokenRow], list[WordRow], list[int]]:
    words: list[WordRow] = []
    lines: list[int] = []
    misc: dict[int, str] = {}
    ranges: list[tuple[int, int, str, str, int]] = []
    for n, f in sent.rows:
        wid = f[0]
        if "." in wid:
            continue  # empty nodes of enhanced dependencies
        if "-" in wid:
            a, _, b = wid.partition("-")
            lo, hi = _int(a, "range start", where, n), _int(b, "range end", where, n)
            if hi <= lo:
                raise ParseError(f"{where}, line {n}: multi-word range {wid!r} must span two words or more "
                                 "(like 1-2)")
            ranges.append((lo, hi, f[1], f[9], n))
            continue
        i = _int(wid, "word id", where, n)
        head = None if f[6] == "_" else _int(f[6], "head", where, n)
        words.append(WordRow(i, f[1], f[2], f[3], f[5], head, f[7]))
        lines.append(n)
        misc[i] = f[9]
    check_tree(words, where=where, sent_id=sent.sent_id, lines=lines)
    tokens: list[TokenRow] = []
    by_start = {lo: (lo, hi, form, m, n) for lo, hi, form, m, n in ranges}
    last_end = 0
    for lo, hi, _form, _m, n in sorted(ranges):
        if lo <= last_end or hi > len(words):
            raise ParseError(f"{where}, line {n}: multi-word range {lo}-{hi} overlaps another range or "
                             f"runs past the last word ({len(words)}); fix the range")
        last_end = hi
    i = 1
    while i <= len(words):
        if i in by_start:
            lo, hi, form, m, n = by_start[i]
            tokens.append(TokenRow(form, tuple(words[lo - 1:hi]), _space_after(m), n))
            i = hi + 1
        else:
            tokens.append(TokenRow(words[i - 1].form, (words[i - 1],), _space_after(misc[i]), lines[i - 1]))
            i += 1
    for lo, _hi, _form, _m, n in ranges:
        if lo not in {w.id for w in words}:
            raise ParseError(f"{where}, line {n}: multi-word range starts at word {lo}, which is missing")
    return tokens, words, lines


def _space_after(misc: str) -> bool | None:
    return False if "SpaceAfter=No" in misc.split("|") else None


def parse_conllu(text: str, *, name: str = "<string>") -> list[ConlluDoc]:
    """Parse CoNLL-U *text*; see :func:`read_conllu`."""
    out: list[ConlluDoc] = []
    n_rebuilt = 0
    for raw in _split(text, name):
        if raw.error is not None:
            out.append(ConlluDoc(raw.doc_id, None, raw.error))
            continue
        try:
            triples = []
            lemmas: set[str] = set()
            upos: set[str] = set()
            for sent in raw.sentences:
                tokens, words, _ = _tokens(sent, name)
                if any(w.head is None for w in words) and any(w.head is not None for w in words):
                    raise ParseError(f"{name}, line {sent.first_line}: sentence {sent.sent_id!r} has heads "
                                     "for some words only")
                lemmas.update(w.lemma for w in words)
                upos.update(w.upos for w in words)
                triples.append((tokens, sent.text, sent.sent_id))
            doc = build_doc(triples, doc_id=raw.doc_id, where=name,
                            has_lemma=lemmas != {"_"}, has_upos=upos != {"_"})
        except ParseError as exc:
            logger.warning("%s", exc)
            out.append(ConlluDoc(raw.doc_id, None, exc))
            continue
        diags = []
        rebuilt = [s for s in doc.sentences if s.text_rebuilt]
        if rebuilt:
            n_rebuilt += 1
            msg = (f"{len(rebuilt)} of {len(doc.sentences)} sentences of document {raw.doc_id!r} in {name} "
                   "have no '# text'; their text was rebuilt from the tokens")
            diags.append(Diagnostic("text-rebuilt", msg))
        out.append(ConlluDoc(raw.doc_id, doc, None, tuple(diags)))
    if n_rebuilt:
        logger.warning("%s: %d document(s) have sentences without '# text'; their text was rebuilt "
                       "from the tokens (see each document's 'text-rebuilt' diagnostic)", name, n_rebuilt)
    return out
