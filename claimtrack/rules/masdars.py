"""Verbal-noun cues: «بعد تأكيد رئيس الوزراء، علي حسن، أن ...» — the masdar of a reporting
verb, its speaker as genitive, then a complementiser.

The masdars are listed with their verbs in ``cues.txt`` (``masdar=``). To keep the many
other uses of these nouns («الإعلان عن الاتفاق»، «تأكيد الحجز») out, a masdar is a cue
only after one of the words of ``[masdar_heads]`` in ``grammar.txt`` (بعد، عقب، إثر ...),
with a noun phrase after it and «أن/إن/بأن» right after that phrase (or after a
comma-set name).

Examples:
    >>> from claimtrack.rules.context import build_doc
    >>> doc = build_doc("وجاء القرار بعد إعلان الوزارة أن المدارس ستغلق.")
    >>> [(f.cue_span.text, f.source.text, doc.text[f.content[0]:f.content[1]]) for f in masdar_frames(doc)]
    [('إعلان', 'الوزارة', 'المدارس ستغلق')]
"""

from __future__ import annotations

from claimtrack.rules.contents import Opener, content_extent
from claimtrack.rules.context import Doc
from claimtrack.rules.cues import CueCandidate
from claimtrack.rules.frame import Frame
from claimtrack.rules.sources import noun_phrase_forward
from claimtrack.model import Span


__all__ = ["masdar_frames"]

#: Most words of a comma-set name between the speaker and the complementiser.
MAX_APPOSITION = 5


def masdar_frames(doc: Doc) -> list[Frame]:
    """Frames for the verbal-noun cues of *doc*."""
    out: list[Frame] = []
    masdars = doc.lex.masdars
    if not masdars:
        return out
    tokens = doc.tokens
    heads = doc.lex.words["masdar_heads"]
    for k in [k for k, t in enumerate(tokens) if t.norm in masdars and t.kind == "word"]:
        t = tokens[k]
        if k in doc.noisy:
            continue
        entry = masdars[t.norm]
        if not (doc.is_word(k - 1) and (doc.norm(k - 1) in heads or doc.bare(k - 1) in heads)):
            continue
        limit = doc.paragraph_end(k)
        np = noun_phrase_forward(doc, k + 1, limit=limit)
        if np is None:
            continue
        j = _after_apposition(doc, np[1], limit)
        if not (doc.is_word(j) and doc.norm(j) in doc.lex.words["complementizers"]):
            continue
        opener = Opener(j + 1, tokens[j + 1].start if j + 1 < len(tokens) else t.end, False, None, "comp")
        if j + 1 < len(tokens) and tokens[j + 1].kind == "quote" and j + 1 in doc.seg.quotes:
            opener = Opener(j + 2, tokens[min(j + 2, len(tokens) - 1)].start, True, j + 1, "quote")
        s, e, mode = content_extent(doc, opener)
        if e <= s:
            continue
        cue = CueCandidate(k, k + 1, "noun", entry.lemma, entry.kind, source_at=k + 1)
        source = Span.of(doc.text, tokens[np[0]].start, tokens[np[1] - 1].end)
        out.append(Frame(cue, doc.span(k, k + 1), source=source, content=(s, e, mode), opener_kind="comp"))
    return out


def _after_apposition(doc: Doc, j: int, limit: int) -> int:
    """Skip «، علي حسن،» after the speaker: the token after the closing comma, else *j*."""
    tokens = doc.tokens
    if not (j < limit and tokens[j].text in ("،", ",")):
        return j
    if doc.is_word(j + 1) and doc.norm(j + 1) in doc.lex.words["complementizers"]:
        return j + 1  # «رئيس الوزراء، حيدر حسن، بأن»: the name is already in the phrase
    m = j + 1
    while m < limit and doc.is_word(m) and m - j <= MAX_APPOSITION:
        m += 1
    if m < limit and tokens[m].text in ("،", ",") and m > j + 1:
        return m + 1
    return j
