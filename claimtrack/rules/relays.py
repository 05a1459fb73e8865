"""Stage 4: relay chains — the outlets and bodies a claim reached the article through.

Relays come from: a prepositional cue inside a verb's frame or right after its
content («وأفادت مصادر، بحسب شبكة X، بأن ...», «...، وفقاً لما نقلته الوكالة»);
«نقلت X عن Y» (Y speaks, X relays); «X نقلاً عن Y»; a statement made to an outlet
(«قال Y لوكالة X»); a publishing verb after a document noun («في بيان نشرته X»);
and an attribution whose content opens with another attribution («ذكرت X أن مسؤولاً
قال إن ...»: the inner one is kept, X becomes its relay).

Examples:
    >>> from claimtrack.rules.context import build_doc
    >>> doc = build_doc("وقال المتحدث لوكالة رويترز إن")
    >>> r = recipient_outlet(doc, 2, 5)
    >>> doc.text[r[0]:r[1]]
    'وكالة رويترز'
"""

from __future__ import annotations

from claimtrack.rules.context import Doc
from claimtrack.rules.sources import is_media_word, lam_outlet, noun_phrase_forward, quoted_body_after
from claimtrack.text.tokens import possessive_base

__all__ = ["recipient_outlet", "published_by", "origin_after_an", "is_relay_clause"]


def is_relay_clause(doc: Doc, k: int) -> bool:
    """«، نقلت عنه وكالة X،»: a relaying verb with عنه inside another cue's frame."""
    if doc.norm(k + 1) not in ("عنه", "عنها", "عنهم") or not doc.is_word(k):
        return False
    info = doc.info(k)
    return info is not None and info.form == "verb" and "relay" in info.entry.flags



def _closed(doc: Doc, end: int) -> int:
    """The character end of a phrase ending before token *end*, with the closing mark of a
    quotation it opened («لقناة "الجزيرة"» → قناة "الجزيرة", not قناة "الجزيرة)."""
    tokens = doc.tokens
    if end < len(tokens) and tokens[end].kind == "quote" and end in doc.seg.closers \
            and doc.seg.closers[end] < end:
        return tokens[end].end
    return tokens[end - 1].end


def recipient_outlet(doc: Doc, start: int, limit: int) -> tuple[int, int] | None:
    """A «لـ X» outlet between tokens *start* and *limit*: the character range of X, or None."""
    tokens = doc.tokens
    k = start
    while k < limit:
        t = tokens[k]
        if t.kind == "word":
            w = t.norm
            if w in ("ل", "لـ"):
                if quoted_body_after(doc, k):
                    return None  # «المركز الإعلامي لـ"قوات سوريا الديمقراطية"»: whose office, no outlet told
                j = k + 1
                if j < limit and tokens[j].kind == "quote" and j in doc.seg.quotes:
                    c = doc.seg.quotes[j]
                    if c <= limit and c - j > 1:
                        return tokens[j + 1].start, tokens[c - 1].end
                if j < limit and doc.is_word(j):
                    np = noun_phrase_forward(doc, j, limit=limit)
                    if np is not None:
                        return tokens[np[0]].start, tokens[np[1] - 1].end
                return None
            if lam_outlet(doc, k):
                return t.start + 1, t.end  # «لرويترز»، «للجزيرة»
            if len(w) > 2 and w[0] == "ل" and not w.startswith("لل") and (
                    is_media_word(doc, k) or w[1:] in doc.lex.words["latin_outlets"] or w[1:] in ("بي",)):
                np = noun_phrase_forward(doc, k + 1, limit=limit)
                end = _closed(doc, np[1]) if np is not None else t.end
                return t.start + 1, end
            if w.startswith("لل") and is_media_word(doc, k):
                np = noun_phrase_forward(doc, k + 1, limit=limit)
                end = _closed(doc, np[1]) if np is not None else t.end
                return t.start + 1, end
            if w == "مع" and (doc.document_noun(k - 1) or doc.document_noun(k - 2)) and k + 1 < limit \
                    and doc.is_word(k + 1) and (
                    is_media_word(doc, k + 1) or lam_outlet(doc, k + 1, bare=True)):
                np = noun_phrase_forward(doc, k + 1, limit=limit)  # «في مقابلة مع قناة X»
                if np is not None:
                    return tokens[np[0]].start, tokens[np[1] - 1].end
            if len(w) > 2 and w[0] == "ل" and k + 1 < limit and tokens[k + 1].kind == "quote" \
                    and tokens[k + 1].start == t.end:
                j = k + 1
                if j in doc.seg.quotes:
                    c = doc.seg.quotes[j]
                    return tokens[j + 1].start, tokens[c - 1].end
        k += 1
    return None


def published_by(doc: Doc, start: int, limit: int) -> tuple[int, tuple[int, int]] | None:
    """«نشرته X» between *start* and *limit*: (the verb's token, X's token range), or None."""
    for k in range(start, limit):
        if is_relay_clause(doc, k):
            np = noun_phrase_forward(doc, k + 2, limit=max(limit, k + 10))
            if np is not None:
                return k, np
        if doc.is_word(k) and doc.norm(k) in doc.lex.words["relay_verbs"]:
            j = k + 1
            if doc.is_word(j) and doc.norm(j) in ("علي", "عبر", "في", "من"):
                j += 1
                if doc.is_word(j) and (doc.word_in(j, "channels") or (
                        (base := possessive_base(doc.norm(j))) is not None and base in doc.lex.words["channels"])):
                    return None  # «في بيان نشره على منصة "إكس"»: the speaker's own channel, no relay
            if doc.word_in(j, "prepositions") or doc.word_in(j, "time"):
                return None  # «في بيان أصدرته عند إحالة القضية»: no publisher named
            np = noun_phrase_forward(doc, j, limit=max(limit, j + 8))
            if np is not None:
                return k, np
    return None


def own_office(doc: Doc, np: tuple[int, int]) -> bool:
    """True when the phrase *np* that published a statement is the speaker's own office
    («في بيان نشره مركزها الإعلامي»، «نشره مستشاره»): a channel, not a relay."""
    raw = doc.tokens[np[0]].text
    if not (doc.is_word(np[0]) and not doc.norm(np[0]).startswith("ال") and len(raw) > 4
            and raw.endswith(("ها", "هم", "هما", "ه")) and not raw.endswith("الله")):
        return False
    base = possessive_base(doc.norm(np[0]))
    return not (base and base in doc.lex.words["media"])  # (but «على وكالته "أعماق"»: an outlet)


def origin_after_an(doc: Doc, k: int, limit: int, *, prep: str = "عن") -> tuple[int, int] | None:
    """After «نقلت X», the speaker phrase Y of «عن Y» when token *k* is عن, or None.

    *prep* is the normalised preposition of the relay verb: عن (نقل، روى), or الي for a
    relay cue with the ``ila`` flag («نسبت الصحيفة إلى مصدر قوله ...»)."""
    if doc.norm(k) != prep:
        return None
    j = k + 1
    if j < limit and doc.tokens[j].kind == "quote" and j in doc.seg.quotes:
        c = doc.seg.quotes[j]
        if c - j <= 6:
            return j + 1, c
    return noun_phrase_forward(doc, j, limit=limit)
