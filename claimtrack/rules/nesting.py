"""Attributions inside attributions: a plain report folded into the relay chain of the
attribution that opens its content («ذكرت الوكالة أن مسؤولاً قال إن ...»), a relayed
statement's own «قال فيه», and the cues inside a content that have no speaker of their own.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from claimtrack.rules.context import Doc
from claimtrack.rules.frame import Frame, first_token_at
from claimtrack.rules.sources import is_masdar_shaped
from claimtrack.text.normalize import normalize

__all__ = ["SPEECH_ACTS", "fold_nested", "fold_statement_clause", "covered", "drop_nested_implicit",
           "reported_inside_quote"]

#: Cue kinds that report someone's words (an inner «قال/أكد/أعلن» can be relayed; an inner
#: belief «تعتقد» or evaluation is part of what the outer speaker says).
SPEECH_ACTS = frozenset({"neutral", "assertive", "announcement", "disclosure", "explanation", "denial", "prediction"})


def fold_nested(frames: list[Frame]) -> None:
    """An attribution whose content opens with another attribution becomes its relay."""
    by_lead: dict[int, list[Frame]] = {}
    for b in frames:
        if b.dropped or b.content is None or b.source is None or b.implicit or b.cue.form != "verb" \
                or b.opener_kind not in ("comp", "colon", "quote", "object") or b.cue.kind not in SPEECH_ACTS:
            continue
        by_lead.setdefault(min(b.source.start, b.cue_span.start), []).append(b)
    for a in frames:
        if a.dropped or a.content is None or a.source is None or a.cue.kind not in ("neutral", "addition"):
            continue  # only a plain report («ذكرت X أن ...»، «وأضافت X أن») relays another's words
        inner = [b for lead in range(a.content[0], a.content[0] + 3) for b in by_lead.get(lead, ())
                 if b is not a and not b.dropped and b.cue_span.start < a.content[1]]
        if inner:
            b = inner[0]
            b.vias.append((a.cue_span, a.source))
            b.vias.extend(a.vias)
            b.outer = a.source
            a.dropped = True


def fold_statement_clause(doc: Doc, frames: list[Frame]) -> None:
    """«نقلت X بياناً عن Y، قال فيه إن ...»: the relayed statement's own «قال فيه» is the
    attribution; Y speaks it and X relays it, the outer frame goes."""
    by_cue = {f.cue_span.start: f for f in frames if not f.dropped}
    for a in frames:
        if a.dropped or a.content is None or a.source is None or not a.vias:
            continue
        k = first_token_at(doc, a.content[0])
        b = by_cue.get(doc.tokens[k].start) if k is not None else None
        if b is None or b is a or b.source not in (None, a.source) or b.cue.form != "verb" \
                or doc.norm(b.cue.end) not in doc.lex.words["statement_pronouns"]:
            continue
        b.source = a.source
        b.vias.extend(a.vias)
        a.dropped = True


def covered(spans: list[tuple[int, int]], *, strict: bool) -> Callable[[int], bool]:
    """A test of whether a position lies inside any of *spans* (O(log n) per query)."""
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    reach: list[int] = []
    top = -1
    for _, e in spans:
        top = max(top, e)
        reach.append(top)

    def inside(x: int) -> bool:
        i = bisect.bisect_left(starts, x) if strict else bisect.bisect_right(starts, x)
        return i > 0 and reach[i - 1] > x

    return inside


def drop_nested_implicit(doc: Doc, frames: list[Frame]) -> None:
    """A cue without its own speaker inside another attribution's content is part of that
    content («أفاد البيان أن البعثة توصلت إلى ...»)."""
    inside = covered([(f.content[0], f.content[1]) for f in frames if not f.dropped and f.content is not None],
                      strict=True)
    for f in frames:
        if f.dropped or f.source is not None or f.cue.form not in ("verb", "participle"):
            continue
        if inside(f.cue_span.start):
            f.dropped = True


def reported_inside_quote(doc: Doc, f: Frame) -> bool:
    """A cue inside a direct quotation that reports a third party with its own named
    source («قال: "أظهرت التحقيقات أن ..."») is an attribution of its own; the speaker's
    own first-person or implicit cues («"أؤكد أن ..."») stay part of the quotation."""
    info = f.cue.info
    if info is not None and info.tense == "present" and info.clitic:
        return False  # «... وتؤكد محاسبة المتورطين»: the quoted body goes on speaking
    if f.source is not None and is_masdar_shaped(normalize(f.source.text.split(" ")[0])):
        return False  # «"تصعيد خطير يكشف نوايا ..."»: an event, not a third party, "reveals" it
    return f.source is not None and not f.implicit and f.cue.form == "verb" and f.content is not None \
        and f.cue.kind in SPEECH_ACTS | {"finding", "allegation"}
