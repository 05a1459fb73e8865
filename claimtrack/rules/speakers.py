"""Stage 5: implicit speakers — «وقال:»، «وأضاف»، «موضحاً» — resolved to an antecedent.

The antecedent is the nearest earlier speaker whose gender agrees with the cue
(أضافت → a feminine head such as «الوزارة» or «مصادر»; أضاف → a masculine one).
A participle in the same sentence as an attribution takes that attribution's speaker.

Examples:
    >>> gender_of("الوزارة"), gender_of("مصادر ميدانية"), gender_of("المتحدث باسم الجيش")
    ('f', 'f', 'm')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from claimtrack.lexicon import Lexicon, load_lexicon
from claimtrack.model import Span
from claimtrack.rules.context import Doc
from claimtrack.rules.frame import Frame, first_token_at, span_tokens
from claimtrack.rules.nesting import covered
from claimtrack.rules.sources import is_media_word, noun_phrase_forward
from claimtrack.rules.skips import skip_channel
from claimtrack.text.normalize import normalize

__all__ = ["gender_of", "pick_antecedent", "is_title", "resolve_implicit"]

def is_title(word: str, *, lexicon: Lexicon | None = None) -> bool:
    """True when the normalised *word* is an office or rank title (``grammar.txt`` [titles]).

    Examples:
        >>> is_title("الوزير"), is_title("المتحدثه"), is_title("الجسر")
        (True, True, False)
    """
    words = (lexicon or load_lexicon()).words
    return word in words["titles"] or word in words["feminine_titles"]


def gender_of(phrase: str, *, lexicon: Lexicon | None = None) -> str | None:
    """The grammatical gender a source phrase takes on its verb: 'f', 'm' or None."""
    words = normalize(phrase).replace('"', " ").replace("«", " ").split()
    if not words:
        return None
    lex = lexicon or load_lexicon()
    head = words[0].lstrip("#")
    if head in lex.words["feminine_titles"]:
        return "f"
    if head in lex.words["titles"]:
        return "m"
    bare = head[2:] if head.startswith("ال") else head
    if head in lex.words["feminine"] or bare in lex.words["feminine"]:
        return "f"
    if head in lex.words["masculine"] or bare in lex.words["masculine"]:
        return "m"
    if head.endswith("ه") or head.endswith("ات"):
        return "f"
    return "m"


T = TypeVar("T")


def pick_antecedent(candidates: Sequence[tuple[str, T]], gender: str | None) -> T | None:
    """The most recent candidate ``(phrase, payload)`` agreeing with *gender* (latest last)."""
    if not candidates:
        return None
    if gender is None:
        return candidates[-1][1]
    for phrase, payload in reversed(candidates[-8:]):
        if gender_of(phrase) == gender:
            return payload
    return candidates[-1][1]


def _issuers(doc: Doc) -> list[tuple[int, Span]]:
    """«أصدرت الحركة بياناً»: (token, subject) for each statement issued in *doc*; the
    subject is a speaker the cues after it («، أكدت فيه») may continue."""
    out: list[tuple[int, Span]] = []
    verbs = doc.lex.words["statement_verbs"]
    for k, t in enumerate(doc.tokens):
        if t.kind != "word" or (t.norm not in verbs and not (t.norm[:1] in "وف" and t.norm[1:] in verbs)):
            continue
        np = noun_phrase_forward(doc, k + 1, limit=doc.paragraph_end(k))
        if np is None:
            continue
        s, e = np
        if e - s > 1 and doc.document_noun(e - 1):
            e -= 1  # «الحركة بياناً»: the document noun closes the subject
        else:
            m = skip_channel(doc, e, len(doc.tokens))  # «نشرت الرئاسة على موقعها بياناً»
            if e < len(doc.tokens) and doc.tokens[e].text in ("،", ","):  # «X، المسماة "Y"، صوراً»
                m = next((x + 1 for x in range(e + 1, min(len(doc.tokens), e + 9))
                          if doc.tokens[x].text in ("،", ",")), e)
            if not doc.document_noun(m):
                continue
        if e > s:
            out.append((k, span_tokens(doc, (s, e))))
    return out


def resolve_implicit(doc: Doc, frames: list[Frame], contents: list[tuple[int, int]]) -> None:
    """Give implicit cues their antecedents; *contents* are the content spans before any
    frame was folded into a relay (a cue inside one is not the speaker a later «، مشيراً»
    continues)."""
    history: list[tuple[str, Span]] = []
    relays_seen: list[Span] = []
    last_by_sentence: dict[int, Span] = {}
    by_source: dict[Span, Frame] = {}
    nested = covered(contents, strict=True)
    issuers = _issuers(doc)
    next_issuer = 0
    for f in frames:
        if f.dropped:
            continue
        sent = doc.seg.sentence_of[f.cue.start]
        while next_issuer < len(issuers) and issuers[next_issuer][0] < f.cue.start:
            k, issuer = issuers[next_issuer]
            next_issuer += 1
            history.append((issuer.text, issuer))
            last_by_sentence[doc.seg.sentence_of[k]] = issuer
        if f.source is None and f.pronoun is not None:  # «على حد قوله»: the pronoun's antecedent
            ante_own = pick_antecedent(history, f.pronoun if f.pronoun in ("m", "f") else None)
            if ante_own is not None:
                f.source = ante_own
                f.implicit = True
        elif f.source is None and not f.cue.passive and f.cue.form in ("verb", "participle"):
            ante: Span | None = None
            if (f.cue.form == "participle" or (f.cue.info is not None and f.cue.info.clitic)) \
                    and sent in last_by_sentence:
                ante = last_by_sentence[sent]
            else:
                info = f.cue.info
                gender = info.gender if info is not None and info.form == "verb" and info.number == "sg" else None
                if info is not None and info.form == "participle":
                    gender = info.gender
                ante = pick_antecedent(history, gender)
            if ante is not None:
                f.source = ante
                f.implicit = True
                prior = by_source.get(ante)
                if prior is not None and not f.vias and (
                        _same_statement(doc, f.cue.end) or doc.seg.sentence_of[prior.cue.start] == sent):
                    # «وأضافت في بيانها ...»، «قال X لقناة Y إن ...، مرجحا أن ...»: the same
                    # statement, relayed alike
                    f.vias.extend(prior.vias)
        if f.relay_implicit and not f.vias:
            # «ونقلت عن الوزارة قولها»: the relaying outlet is the last one named before,
            # as a relay or as a speaker («قالت وكالة X إن ... ونقلت عن الوزارة»).
            if relays_seen:
                f.vias.append((f.cue_span, max(relays_seen, key=lambda s: s.start)))
        relays_seen.extend(v[1] for v in f.vias)
        if f.source is not None and not f.implicit and _outlet_phrase(doc, f.source):
            relays_seen.append(f.source)
        if f.outer is not None:  # «وأضافت الوزارة أن اللجنة أكدت ...، مشيرة»: the reporting
            history.append((f.outer.text, f.outer))  # speaker is the one a participle continues
            last_by_sentence[sent] = f.outer
        if f.source is not None:
            history.append((f.source.text, f.source))
            if not nested(f.cue_span.start):  # an attribution inside another's content is not
                last_by_sentence[sent] = f.source  # the speaker a later «، مشيراً» continues
            by_source[f.source] = f


def _outlet_phrase(doc: Doc, span: Span) -> bool:
    """True when *span* is headed by an outlet noun (وكالة، قناة، صحيفة ...)."""
    k = first_token_at(doc, span.start)
    return k is not None and doc.is_word(k) and is_media_word(doc, k)


def _same_statement(doc: Doc, k: int) -> bool:
    """«وأضافت في بيانها»: the cue points back to the statement already quoted."""
    return doc.norm(k) == "في" and doc.bare(k + 1) in doc.lex.words["own_statement"]
