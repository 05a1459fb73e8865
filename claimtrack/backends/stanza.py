"""The stanza backend: attributions from stanza Documents, CoNLL-U, or a stanza pipeline.

stanza itself is only imported by the functions that need it (:func:`require_stanza`,
:func:`load_pipeline`, :func:`extract_from_text`); a stanza ``Document`` passed in is read
through its attributes. Without the extra those raise
:class:`~claimtrack.errors.MissingDependencyError` (``pip install 'claimtrack[stanza]'``).

Modes: ``"stanza"`` reads everything off the tree (needs lemmas and a dependency parse);
``"hybrid"`` lets the rules find the cues, chains and implicit speakers and lets the tree
set source and content boundaries (needs a dependency parse).

Examples:
    >>> art = extract_from_conllu('''# text = قالت الوزارة إن الحدود مفتوحة.
    ... 1\\tقالت\\tقال\\tVERB\\t_\\t_\\t0\\troot\\t_\\t_
    ... 2\\tالوزارة\\tوزارة\\tNOUN\\t_\\t_\\t1\\tnsubj\\t_\\t_
    ... 3\\tإن\\tإن\\tSCONJ\\t_\\t_\\t5\\tmark\\t_\\t_
    ... 4\\tالحدود\\tحد\\tNOUN\\t_\\t_\\t5\\tnsubj\\t_\\t_
    ... 5\\tمفتوحة\\tمفتوح\\tADJ\\t_\\t_\\t1\\tccomp\\t_\\tSpaceAfter=No
    ... 6\\t.\\t.\\tPUNCT\\t_\\t_\\t1\\tpunct\\t_\\t_
    ... ''')[0]
    >>> [(a.cue.lemma, a.source.text, a.content.span.text) for a in art.attributions]
    [('قال', 'الوزارة', 'الحدود مفتوحة')]
"""

from __future__ import annotations

import logging
import os
from types import ModuleType
from typing import Any, Literal

from claimtrack.backends.conllu import ConlluDoc, read_conllu
from claimtrack.backends.hybrid import hybrid_attributions
from claimtrack.backends.parse import ParsedDoc, Sentence, TokenRow, WordRow, build_doc, build_sentence
from claimtrack.backends.tree import tree_attributions
from claimtrack.errors import InputError, MissingDependencyError, ParseError
from claimtrack.lexicon.loader import Lexicon
from claimtrack.model import Article, Attribution, Diagnostic

__all__ = [
    "Mode",
    "MODES",
    "require_stanza",
    "from_stanza",
    "check_annotations",
    "extract_from_doc",
    "extract_from_conllu",
    "extract_from_text",
    "read_conllu",
]

logger = logging.getLogger(__name__)

Mode = Literal["stanza", "hybrid"]
MODES = ("stanza", "hybrid")
_PIPELINE_HINT = "stanza.Pipeline('ar', processors='tokenize,mwt,pos,lemma,depparse')"


def require_stanza() -> ModuleType:
    """Import and return stanza, or raise :class:`MissingDependencyError` with the pip line."""
    try:
        import stanza
    except ImportError as exc:
        raise MissingDependencyError("stanza", "stanza") from exc
    module: ModuleType = stanza
    return module


def _rows(sentence: Any) -> list[TokenRow]:
    rows = []
    for tok in sentence.tokens:
        words = tuple(WordRow(int(w.id), w.text, w.lemma if w.lemma is not None else "_", w.upos or "_",
                              w.feats or "_", None if w.head is None else int(w.head), w.deprel or "_")
                      for w in tok.words)
        misc = tok.misc or ""
        space = False if "SpaceAfter=No" in misc.split("|") else None
        rows.append(TokenRow(tok.text, words, space))
    return rows


def _comment_text(sentence: Any) -> str | None:
    for c in getattr(sentence, "comments", None) or ():
        key, sep, value = c.lstrip("#").partition("=")
        if sep and key.strip() == "text":
            return str(value.strip())
    return None


def from_stanza(document: Any, *, doc_id: str | None = None) -> ParsedDoc:
    """Convert a stanza ``Document`` into a :class:`ParsedDoc` (plain records).

    A Document from a pipeline keeps its text and token offsets; one built from
    CoNLL-U (``CoNLL.conll2doc``) uses each sentence's ``# text`` or, when absent, a text
    rebuilt from the tokens (a ``text-rebuilt`` diagnostic is then added by
    :func:`extract_from_doc`). Multi-word tokens (وقال → و + قال) get exact offsets per word.
    """
    sentences = list(getattr(document, "sentences", None) or [])
    if not hasattr(document, "sentences"):
        raise InputError(f"expected a stanza Document, got {type(document).__name__}; run a "
                         f"stanza.Pipeline on the text first, or use read_conllu()")
    all_words = [w for s in sentences for w in s.words]
    has_lemma = any(w.lemma is not None for w in all_words)
    has_upos = any(w.upos is not None for w in all_words)
    text: str | None = getattr(document, "text", None)
    positioned = text is not None and all(t.start_char is not None for s in sentences for t in s.tokens)
    if positioned and text is not None:
        out: list[Sentence] = []
        for i, s in enumerate(sentences):
            start, end = s.tokens[0].start_char, s.tokens[-1].end_char
            out.append(build_sentence(_rows(s), text=text[start:end], offset=start,
                                      sent_id=getattr(s, "sent_id", None) or str(i + 1), where="<Document>"))
        has_dep = bool(out) and all(w.head >= 0 for s in out for w in s.words)
        return ParsedDoc(text, tuple(out), doc_id, has_lemma, has_dep, has_upos, "<Document>")
    triples = [(_rows(s), getattr(s, "text", None) or _comment_text(s), getattr(s, "sent_id", None))
               for s in sentences]
    return build_doc(triples, doc_id=doc_id, where="<Document>", has_lemma=has_lemma, has_upos=has_upos)


def check_annotations(doc: ParsedDoc, *, mode: Mode) -> None:
    """Raise :class:`ParseError` naming the stanza processor a *mode* needs and *doc* lacks."""
    if mode not in MODES:
        raise InputError(f"mode {mode!r} is not one of {', '.join(MODES)}")
    missing = []
    if not doc.has_depparse:
        missing.append(("depparse", "dependency heads"))
    if mode == "stanza" and not doc.has_upos:
        missing.append(("pos", "part-of-speech tags"))
    if mode == "stanza" and not doc.has_lemma:
        missing.append(("lemma", "lemmas"))
    if missing:
        names = ", ".join(f"{what} (processor {proc!r})" for proc, what in missing)
        raise ParseError(f"the parse of document {doc.doc_id!r} has no {names}, which mode {mode!r} needs; "
                         f"build the Document with {_PIPELINE_HINT}, or give CoNLL-U with those columns")


def extract_from_doc(
    doc: Any,
    *,
    mode: Mode = "stanza",
    doc_id: str | None = None,
    lex: Lexicon | None = None,
) -> Article:
    """Find the attributions of a parsed document.

    Args:
        doc: a stanza ``Document``, a :class:`ParsedDoc` or a :class:`ConlluDoc`.
        mode: ``"stanza"`` (tree only) or ``"hybrid"`` (rules + tree boundaries).
        doc_id: carried on the result (default: the document's own id).
        lex: the cue lexicon (default: the built-in one).

    Returns:
        An :class:`~claimtrack.model.Article` whose text is the document text.

    Raises:
        ParseError: the document lacks an annotation *mode* needs, or is a failed
            :class:`ConlluDoc`.
    """
    extra: list[Diagnostic] = []
    if isinstance(doc, ConlluDoc):
        if doc.error is not None or doc.doc is None:
            raise doc.error or ParseError(f"document {doc.doc_id!r} could not be read")
        extra.extend(doc.diagnostics)
        parsed = doc.doc
    elif isinstance(doc, ParsedDoc):
        parsed = doc
    else:
        parsed = from_stanza(doc, doc_id=doc_id)
        if parsed.text_rebuilt:
            n = sum(s.text_rebuilt for s in parsed.sentences)
            extra.append(Diagnostic("text-rebuilt", f"{n} sentences had no text; rebuilt from the tokens"))
    check_annotations(parsed, mode=mode)
    atts: list[Attribution]
    if mode == "hybrid":
        atts, diags = hybrid_attributions(parsed, lex=lex)
    else:
        atts, diags = tree_attributions(parsed, lex=lex)
    # (attrs' converter=tuple on Article confuses mypy; the values are tuples already)
    return Article(parsed.text, tuple(atts), doc_id or parsed.doc_id, None,
                   tuple(extra + diags))


def extract_from_conllu(
    source: str | os.PathLike[str],
    *,
    mode: Mode = "stanza",
    lex: Lexicon | None = None,
) -> list[Article]:
    """Read CoNLL-U (a path or the text) and extract from each document.

    Raises:
        ParseError: a document is malformed (use :func:`read_conllu` and
            :func:`extract_from_doc` to keep the good documents of a bad file).
    """
    return [extract_from_doc(d, mode=mode, lex=lex) for d in read_conllu(source)]


def extract_from_text(text: str, pipeline: Any, *, mode: Mode = "hybrid", doc_id: str | None = None) -> Article:
    """Parse *text* with a user's stanza *pipeline* and extract; offsets index *text*."""
    require_stanza()
    document = pipeline(text)
    parsed = from_stanza(document, doc_id=doc_id)
    if parsed.text != text:
        raise ParseError("the pipeline's Document text differs from the input text; pass the raw text")
    return extract_from_doc(parsed, mode=mode, doc_id=doc_id)
