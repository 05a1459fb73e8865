"""Attributions read off a dependency tree (UD v1 or v2 labels), with the rules' cue lexicon.

For each reporting verb or participle (found by lemma, or by its form when the lemma is
not in the lexicon — lemmas vary and names are often tagged ``X``):

* the **source** is its ``nsubj`` subtree, cut before appositions, relative clauses and
  anything set off by a comma; an ``عن`` dependent («نقلت X عن Y») is the source and the
  subject becomes a relay (``via``); a verb without a subject takes the previous speaker
  (``implicit``); a passive verb has none (agentless);
* the **content** is its ``ccomp`` (or a clause marked أن/إن, after بـ/إلى/على), a quoted
  ``parataxis``, the ``ccomp`` of a «قوله» object, or — for a verb in parentheses after a
  quote — the quoted clause it hangs from; the complementiser and edge punctuation are
  left out;
* **prepositional cues** (بحسب، حسب ما أفاد، وفق، وفقاً لـ، نقلاً عن، طبقاً لـ، على لسان) make a
  relay attribution of the clause they modify, or a ``via`` of the cue verb they modify;
* an outer «ذكرت X أن Y قال ...» becomes a ``via`` of the inner attribution.

:func:`tree_frames` returns the per-cue findings (:class:`Frame`) that the hybrid mode
merges with the rules; :func:`tree_attributions` turns them into attributions.

Examples:
    >>> from claimtrack.backends.conllu import read_conllu
    >>> rows = [("قال", "قال", "VERB", 0, "root"), ("الوزير", "وزير", "NOUN", 1, "nsubj"),
    ...         ("إن", "إن", "SCONJ", 5, "mark"), ("الحدود", "حد", "NOUN", 5, "nsubj"),
    ...         ("مفتوحة", "مفتوح", "ADJ", 1, "ccomp"), (".", ".", "PUNCT", 1, "punct")]
    >>> conllu = "# text = قال الوزير إن الحدود مفتوحة.\\n" + "".join(
    ...     f"{i}\\t{f}\\t{l}\\t{u}\\t_\\t_\\t{h}\\t{d}\\t_\\t{'SpaceAfter=No' if i == 5 else '_'}\\n"
    ...     for i, (f, l, u, h, d) in enumerate(rows, 1))
    >>> doc = read_conllu(conllu)[0].doc
    >>> [(a.cue.span.text, a.source.text, a.content.span.text) for a in tree_attributions(doc)[0]]
    [('قال', 'الوزير', 'الحدود مفتوحة')]
"""

from __future__ import annotations

import logging

import attrs

from claimtrack.backends.parse import ParsedDoc, Sentence, Word
from claimtrack.lexicon.loader import CueEntry, Lexicon, load_lexicon
from claimtrack.model import Attribution, Content, Cue, Diagnostic, Source, Span, Via
from claimtrack.text.normalize import normalize

__all__ = ["Frame", "tree_frames", "tree_attributions", "subtree", "find_cue"]

logger = logging.getLogger(__name__)

_VERBAL = frozenset({"VERB", "X", "AUX", "_"})
_PARTICIPIAL = frozenset({"ADJ", "NOUN", "VERB", "X"})
_SUBJ = frozenset({"nsubj"})
_PASS_SUBJ = frozenset({"nsubj:pass", "nsubjpass", "csubj:pass", "csubjpass"})
_CUT = frozenset({"acl", "acl:relcl", "parataxis", "punct", "advcl", "dep", "ccomp"})
_COMPLEMENTISERS = frozenset({"ان", "انه", "انها", "بان", "بانه"})
_LEADING = frozenset({"ب", "الي", "علي", "ل", "من"})
_OBLIQUE = frozenset({"obl", "nmod", "iobj", "obl:arg", "dobj", "obj"})
_QUOTES = frozenset('"«»“”\'‘’')
_NEGATIONS = frozenset({"لم", "لن", "لا", "ما"})
_RELAY_LEMMAS = frozenset({"نقل", "روي", "ذكر", "اورد", "افاد", "نسب"})
_OBJ_KINDS = frozenset({"denial", "announcement", "disclosure", "condemnation", "finding"})
_PREP_CUES = {"حسب": "", "بحسب": "", "وفق": "", "وفقا": "ل", "طبقا": "ل", "نقلا": "عن",
              "استنادا": "الي", "حسبما": "", "وفقما": ""}


@attrs.frozen
class Frame:
    """What the tree says about one cue.

    ``source_confident``/``content_confident`` say whether the finding comes from an
    unambiguous relation (a nominal ``nsubj``; a marked or quoted complement).
    """

    sentence: int
    cue_word: int
    cue: Cue
    source: Source | None
    content: Content | None
    via: tuple[Via, ...] = ()
    source_confident: bool = False
    content_confident: bool = False
    content_head: int | None = None


_INDEX: dict[int, tuple[Lexicon, dict[str, CueEntry]]] = {}


def _lemma_index(lex: Lexicon) -> dict[str, CueEntry]:
    got = _INDEX.get(id(lex))
    if got is None or got[0] is not lex:
        got = (lex, {normalize(k): v for k, v in lex.entries.items()})
        _INDEX[id(lex)] = got
    return got[1]


def subtree(sent: Sentence, wid: int, *, cut: frozenset[str] = frozenset()) -> set[int]:
    """The ids of *wid* and all its dependents, not descending into *cut* relations."""
    kids: dict[int, list[Word]] = {}
    for w in sent.words:
        kids.setdefault(w.head, []).append(w)
    out, todo = set(), [wid]
    while todo:
        i = todo.pop()
        out.add(i)
        todo.extend(k.id for k in kids.get(i, []) if k.deprel not in cut and k.id not in out)
    return out


def find_cue(word: Word, *, lex: Lexicon | None = None) -> tuple[CueEntry, str] | None:
    """The lexicon entry and form (``verb``/``participle``) of *word* as a cue, or ``None``."""
    lex = lex or load_lexicon()
    entry = _lemma_index(lex).get(word.norm_lemma) if word.upos in _VERBAL else None
    if entry is not None:
        return entry, "verb"
    info = lex.lookup(word.form)
    if info is None:
        return None
    if info.form == "verb" and word.upos in _VERBAL:
        return info.entry, "verb"
    if info.form == "participle" and word.upos in _PARTICIPIAL:
        return info.entry, "participle"
    return None


def _span(doc: ParsedDoc, start: int, end: int) -> Span:
    return Span(start, end, doc.text[start:end])


def _trim(sent: Sentence, ids: set[int], *, prepositions: bool = False) -> list[Word]:
    """The words of *ids* in order, without punctuation and complementisers at the edges.

    With *prepositions*, a leading عن or لـ goes too (for a speaker: «عن مسؤول»).
    """
    strip = _COMPLEMENTISERS | ({"عن", "ل"} if prepositions else set())
    ws = [sent.word(i) for i in sorted(ids)]
    while ws and (ws[0].upos == "PUNCT" or (ws[0].deprel in ("mark", "case", "compound:prt")
                                            and ws[0].norm in strip and len(ws) > 1)):
        ws.pop(0)
    while ws and ws[-1].upos == "PUNCT":
        ws.pop()
    return ws


def _contiguous(sent: Sentence, ids: set[int], anchor: int) -> set[int]:
    """The run of consecutive ids of *ids* around *anchor*."""
    lo = hi = anchor
    while lo - 1 in ids:
        lo -= 1
    while hi + 1 in ids:
        hi += 1
    return set(range(lo, hi + 1))


def _source_ids(sent: Sentence, head: int) -> set[int]:
    ids = subtree(sent, head, cut=_CUT)
    # cut anything set off by a comma, a dash or a bracket
    for w in sent.words:
        if w.id in ids and w.id > head and w.upos == "PUNCT":
            ids = {i for i in ids if i < w.id}
    return _contiguous(sent, ids, head)


def _source(doc: ParsedDoc, sent: Sentence, head: int) -> Source | None:
    ws = _trim(sent, _source_ids(sent, head), prepositions=True)
    if not ws:
        return None
    return Source(_span(doc, ws[0].start, ws[-1].end))


def _has_mark(sent: Sentence, w: Word) -> bool:
    return any(k.deprel in ("mark", "case", "compound:prt") and k.norm in _COMPLEMENTISERS
               for k in sent.children(w.id))


def _quoted(doc: ParsedDoc, sent: Sentence, ids: set[int]) -> bool:
    lo, hi = min(ids), max(ids)
    before = doc.text[sent.start:sent.word(lo).start].rstrip()
    first = sent.word(lo)
    return (before[-1:] in _QUOTES or first.form in _QUOTES
            or any(sent.word(i).form in _QUOTES for i in range(lo, min(hi, lo + 3) + 1)))


def _content(doc: ParsedDoc, sent: Sentence, head: int, *, exclude: set[int] | None = None,
             only: set[int] | None = None) -> Content | None:
    if only is not None:
        ids = set(only)
    else:
        ids = subtree(sent, head) - (exclude or set())
        if not ids:
            return None
        ids = _contiguous(sent, ids, head) if head in ids else ids
    # complementisers and the prepositions before them are not content
    ws = _trim(sent, ids)
    while ws and ws[0].upos in ("CCONJ", "CONJ") and len(ws) > 1 and only is not None:
        ws.pop(0)
    while ws and (ws[0].form in _QUOTES or ws[0].norm in _COMPLEMENTISERS
                  or (ws[0].norm in _LEADING and len(ws) > 1 and ws[1].norm in _COMPLEMENTISERS)):
        ws.pop(0)
    while len(ws) > 1 and ws[0].upos == "PRON" and ws[0].id > 1 and sent.word(ws[0].id - 1).end == ws[0].start \
            and sent.word(ws[0].id - 1).norm in _COMPLEMENTISERS | {"ان"}:
        ws.pop(0)  # the pronoun of أنه / إنها belongs to the complementiser
        while len(ws) > 1 and ws[0].form in _QUOTES:
            ws.pop(0)
    while ws and ws[-1].form in _QUOTES and _quote_count(doc, ws) % 2:
        ws.pop()
    while ws and ws[0].form in _QUOTES and _quote_count(doc, ws) % 2:
        ws.pop(0)
    if not ws:
        return None
    span = _span(doc, ws[0].start, ws[-1].end)
    before = doc.text[sent.start:span.start].rstrip()
    direct = before[-1:] in _QUOTES or doc.text[span.end:span.end + 1] in _QUOTES
    return Content(span, "direct" if direct else "indirect")


def _quote_count(doc: ParsedDoc, ws: list[Word]) -> int:
    return sum(doc.text[ws[0].start:ws[-1].end].count(q) for q in _QUOTES)


def _complement(doc: ParsedDoc, sent: Sentence, cue: Word, entry: CueEntry) -> tuple[int | None, bool]:
    """(content head, confident) for *cue*."""
    kids = sent.children(cue.id)
    for k in kids:
        if k.deprel == "ccomp":
            return k.id, _has_mark(sent, k) or _quoted(doc, sent, subtree(sent, k.id))
    for k in kids:  # أشار إلى أن، شدد على أن، طالب بأن
        if k.id > cue.id and k.deprel in ("advcl", "obl", "nmod", "xcomp", "dep", "csubj") and _has_mark(sent, k):
            return k.id, True
    for k in kids:
        if k.deprel == "parataxis" and k.id > cue.id and _quoted(doc, sent, subtree(sent, k.id)):
            return k.id, True
    for k in kids:  # نقلت X عن Y قوله إن ...
        if k.deprel in ("obj", "dobj") and k.norm_lemma in ("قول", "قال"):
            for kk in sent.children(k.id):
                if kk.deprel in ("ccomp", "parataxis", "acl", "nmod", "obj", "dobj") and kk.id > k.id \
                        and kk.upos != "PRON":
                    return kk.id, True
    if cue.deprel == "parataxis" and cue.head:  # "...", قال المتحدث
        h = sent.word(cue.head)
        if h.upos not in ("CCONJ", "CONJ", "PUNCT") and h.id < cue.id and _quoted(doc, sent, subtree(sent, h.id)):
            return h.id, True
    if entry.has("obj") and entry.kind in _OBJ_KINDS and not cue.deprel.startswith("acl"):
        for k in kids:
            if k.deprel in ("obj", "dobj") and k.id > cue.id and k.upos in ("NOUN", "PROPN", "X"):
                return k.id, False
    return None, False


def _cue_span(doc: ParsedDoc, sent: Sentence, w: Word) -> Span:
    start = w.token_start
    if w.id > 1:  # a proclitic written apart in the treebank but joined in the text (PADT)
        prev = sent.word(w.id - 1)
        if prev.end == w.token_start and prev.norm in ("و", "ف"):
            start = prev.start
    return _span(doc, start, w.token_end)


def _negated_without_content(sent: Sentence, w: Word, has_content: bool) -> bool:
    if has_content:
        return False
    return any(k.norm in _NEGATIONS and k.id < w.id for k in sent.children(w.id))


def _author_voice(sent: Sentence, w: Word, lex: Lexicon) -> bool:
    words = [x.norm for x in sent.words]
    for phrase in lex.traps.get("author", ()):
        for i in range(max(0, w.id - len(phrase)), w.id):
            if tuple(words[i:i + len(phrase)]) == phrase and i <= w.id - 1 < i + len(phrase):
                return True
    # «يذكر أن» written as و + يذكر in a treebank
    return w.norm in ("يذكر", "يشار") and not any(k.deprel in _SUBJ for k in sent.children(w.id))


def _verb_frames(doc: ParsedDoc, si: int, sent: Sentence, lex: Lexicon) -> list[Frame]:
    out = []
    for w in sent.words:
        found = find_cue(w, lex=lex)
        if found is None:
            continue
        entry, form = found
        if _author_voice(sent, w, lex):
            continue
        chead, cconf = _complement(doc, sent, w, entry)
        if entry.has("strict") and not cconf:
            continue
        if _negated_without_content(sent, w, chead is not None):
            continue
        if chead is None:
            continue
        if w.feat("Person") in ("1", "2"):
            continue  # «نرى أن ...» inside a quote: the speaker's own words
        kids = sent.children(w.id)
        passive = w.feat("Voice") == "Pass" or any(k.deprel in _PASS_SUBJ for k in kids)
        subj = next((k for k in kids if k.deprel in _SUBJ), None)
        source: Source | None = None
        sconf = False
        via: tuple[Via, ...] = ()
        if subj is not None and not passive:
            if subj.upos == "PRON" and subj.norm_lemma in ("الذي", "التي", "الذين") and w.deprel.startswith("acl"):
                subj = sent.word(w.head)  # the noun the relative clause modifies
            if subj.upos != "PRON":
                source = _source(doc, sent, subj.id)
                sconf = subj.upos in ("NOUN", "PROPN", "X") and source is not None
        if source is None and not passive and w.deprel in ("advcl", "xcomp", "conj", "acl") and w.head:
            hsubj = next((k for k in sent.children(w.head) if k.deprel in _SUBJ and k.upos != "PRON"), None)
            if hsubj is not None:  # مؤكداً، وأضاف: the governing verb's speaker, implicit
                shared = _source(doc, sent, hsubj.id)
                source = None if shared is None else attrs.evolve(shared, implicit=True)
        relay_from = None
        if entry.has("relay") or normalize(entry.lemma) in _RELAY_LEMMAS:
            relay_from = next((k for k in kids if k.deprel in _OBLIQUE and k.id > w.id and any(
                c.deprel == "case" and c.norm == "عن" for c in sent.children(k.id))), None)
        cue_span = _cue_span(doc, sent, w)
        if relay_from is not None:
            inner = _source(doc, sent, relay_from.id)
            if inner is not None:
                if source is not None:
                    via = (Via(cue_span, source),)
                source, sconf = inner, True
        content = None
        if chead is not None:
            exclude = subtree(sent, w.id) if chead == w.head else set()
            content = _content(doc, sent, chead, exclude=exclude)
        cue = Cue(cue_span, entry.lemma, entry.kind, form, passive)
        out.append(Frame(si, w.id, cue, source, content, via, sconf, cconf and content is not None, chead))
    return out


def _prep_frames(doc: ParsedDoc, si: int, sent: Sentence, lex: Lexicon) -> list[tuple[int, Frame]]:
    """(id of the word the phrase modifies, frame) for each prepositional cue."""
    out = []
    for w in sent.words:
        key = w.norm if w.norm in _PREP_CUES else None
        if key is None and w.norm in ("لسان",) and w.id > 1 and sent.word(w.id - 1).norm == "علي":
            key = "لسان"
        if key is None:
            continue
        cue_ids = {w.id}
        if w.id > 1 and sent.word(w.id - 1).norm in ("ب", "و", "علي") and sent.word(w.id - 1).end == w.start:
            cue_ids.add(w.id - 1)
        if key == "لسان":
            cue_ids.add(w.id - 1)
        noun: Word | None = None
        if w.deprel in ("case", "fixed", "mark") and w.head > w.id:
            noun = sent.word(w.head)
        elif w.deprel == "fixed" and w.head:
            noun = sent.word(sent.word(w.head).head) if sent.word(w.head).head else None
        else:
            noun = next((k for k in sent.children(w.id) if k.id > w.id and k.upos != "PUNCT"), None)
        if noun is None:
            continue
        for c in sent.children(noun.id):
            if c.deprel in ("case", "fixed") and c.id < noun.id:
                cue_ids.add(c.id)
        top = noun if noun.head != w.id else w
        src_head = noun
        if noun.norm in ("ما",):  # بحسب ما أفاد X
            verb = next((k for k in sent.children(noun.id) if find_cue(k, lex=lex) is not None), None)
            if verb is None:
                continue
            cue_ids |= set(range(min(cue_ids), verb.id + 1))
            subj = next((k for k in sent.children(verb.id) if k.deprel in _SUBJ | {"nmod", "obl"}), None)
            if subj is None:
                continue
            src_head = subj
        source = _source(doc, sent, src_head.id)
        if source is None:
            continue
        lo, hi = min(cue_ids), max(cue_ids)
        cue_span = _span(doc, sent.word(lo).token_start, sent.word(hi).token_end)
        if source.span.start < cue_span.end and source.span.end > cue_span.end:
            source = Source(_span(doc, max(source.span.start, cue_span.end + 1), source.span.end))
        attach = top.head
        content = None
        if attach:
            phrase = subtree(sent, top.id) | cue_ids
            ids = subtree(sent, attach) - phrase
            left = {i for i in ids if i < lo}
            right = {i for i in ids if i > hi}
            part = right if len(right) >= len(left) else left
            if part:
                content = _content(doc, sent, min(part), exclude=ids - part | phrase, only=part)
        cue = Cue(cue_span, normalize(sent.word(w.id).form), "relay", "preposition")
        # the clause a prepositional phrase attaches to is often misparsed: boundaries are not confident
        out.append((attach, Frame(si, w.id, cue, source, content, (), noun.norm != "ما", False)))
    return out


def tree_frames(doc: ParsedDoc, *, lex: Lexicon | None = None) -> list[Frame]:
    """Every cue the tree shows, with its source, content and relays, in text order.

    Relays are folded in: a prepositional cue modifying a cue verb becomes that verb's
    ``via``; an outer «ذكرت X أن Y قال» becomes a ``via`` of the inner attribution.
    Implicit speakers are *not* resolved here (see :func:`tree_attributions`).
    """
    lex = lex or load_lexicon()
    frames: list[Frame] = []
    for si, sent in enumerate(doc.sentences):
        verbs = _verb_frames(doc, si, sent, lex)
        by_word = {f.cue_word: f for f in verbs}
        preps = []
        for attach, pf in _prep_frames(doc, si, sent, lex):
            target = by_word.get(attach)
            if target is not None and pf.source is not None:
                by_word[attach] = attrs.evolve(target, via=target.via + (Via(pf.cue.span, pf.source),))
            elif not any(pf.cue.span.overlaps(v.cue.span) for v in verbs):
                preps.append(pf)
        verbs = list(by_word.values())
        # an outer cue whose content holds an inner cue with its own speaker becomes a relay
        outer_ids: set[int] = set()
        for f in verbs:
            if f.content_head is None or f.source is None:
                continue
            inside = subtree(sent, f.content_head)
            for g in verbs:
                if g is not f and g.cue_word in inside and g.source is not None and g.cue.form == "verb":
                    by_word[g.cue_word] = attrs.evolve(by_word[g.cue_word],
                                                       via=by_word[g.cue_word].via + (Via(f.cue.span, f.source),))
                    outer_ids.add(f.cue_word)
                    break
        frames.extend(f for f in by_word.values() if f.cue_word not in outer_ids)
        frames.extend(preps)
    frames.sort(key=lambda f: f.cue.span.start)
    return frames


def tree_attributions(doc: ParsedDoc, *, lex: Lexicon | None = None) -> tuple[list[Attribution], list[Diagnostic]]:
    """The attributions of a parsed document, from the tree alone.

    A verb without a subject (``وقال``, a participle, a verb coordinated with a cue verb)
    takes the previous explicit speaker of the document as its implicit source.

    Returns:
        ``(attributions in text order, diagnostics)``.
    """
    out: list[Attribution] = []
    diags: list[Diagnostic] = []
    last: Source | None = None
    for f in tree_frames(doc, lex=lex):
        source = f.source
        if source is None and not f.cue.passive and f.cue.form != "preposition":
            if last is not None:
                source = attrs.evolve(last, implicit=True)
            else:
                diags.append(Diagnostic("no-speaker", f"cue {f.cue.span.text!r} has no subject and no "
                                        "earlier speaker", f.cue.span))
        if source is not None and not source.implicit:
            last = source
        if f.content is None:
            diags.append(Diagnostic("no-content", f"cue {f.cue.span.text!r}: the tree shows no complement",
                                    f.cue.span))
        out.append(Attribution(f.cue, source, f.content, f.via))  # attrs converter
    return out, diags
