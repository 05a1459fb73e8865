"""The rules backend: run the stages over a text and build the records.

cues → sources → contents → relays → speakers, then nested attributions are folded
into relay chains (:mod:`~claimtrack.rules.nesting`), implicit speakers resolved
(:mod:`~claimtrack.rules.speakers`), and records built with exact offsets into the
original text. This module assembles a :class:`~claimtrack.rules.frame.Frame` per cue.

Examples:
    >>> atts, _ = extract_attributions("ونقلت وكالة سانا عن محافظ المدينة قوله إن الطريق آمن.")
    >>> a = atts[0]
    >>> a.cue.span.text, a.source.text, [v.source.text for v in a.via], a.content.span.text
    ('ونقلت', 'محافظ المدينة', ['وكالة سانا'], 'الطريق آمن')
"""

from __future__ import annotations

import bisect
import functools

from claimtrack.rules.contents import Opener, clause_break, content_extent, find_opener, quote_before
from claimtrack.rules.context import Doc, build_doc
from claimtrack.rules.cues import CueCandidate, find_cues, relay_cue_at, trapped_reading
from claimtrack.rules.headlines import colon_headlines
from claimtrack.rules.masdars import masdar_frames
from claimtrack.rules.prepositions import MAX_CLAUSE_TOKENS, noun_frames, own_words_frame, prep_frame, prep_source
from claimtrack.rules.relays import is_relay_clause, origin_after_an, own_office, published_by, recipient_outlet
from claimtrack.rules.skips import (
    opens_here,
    skip_apposition,
    skip_channel,
    skip_document_phrase,
    skip_recipient,
    skip_time,
)
from claimtrack.rules.sources import (
    is_media_word,
    noun_phrase_backward,
    noun_phrase_forward,
    split_at_entity,
    split_at_quantifier,
    split_object,
)
from claimtrack.rules.frame import Frame, first_token_at, span_tokens
from claimtrack.rules.nesting import (
    covered,
    drop_nested_implicit,
    fold_nested,
    fold_statement_clause,
    reported_inside_quote,
)
from claimtrack.rules.speakers import resolve_implicit
from claimtrack.rules.subjects import (
    clause_subject,
    cut_after_hashtag,
    framed_subject,
    head_title,
    in_subject_relative,
    lone_object,
    noun_before,
    object_like,
    relative_antecedent,
    told_outlet,
)
from claimtrack.lexicon import Lexicon
from claimtrack.model import Attribution, Content, Cue, Diagnostic, Source, Span, Via
from claimtrack.text.normalize import normalize
from claimtrack.text.tokens import SENTENCE_END, possessive_base

__all__ = ["extract_attributions", "extract_from_doc"]

#: How far (in tokens) after a cue its content may open.
OPENER_WINDOW = 40


#: The particle each cue flag governs (normalised): a source phrase never keeps one.
_PARTICLES = {"min": "من", "fi": "في", "an": "عن"}
_PARTICLE_FLAGS = frozenset(_PARTICLES)


@functools.lru_cache(maxsize=64)
def _particle_stops(flags: frozenset[str]) -> frozenset[str]:
    return frozenset(_PARTICLES[f] for f in flags & _PARTICLE_FLAGS)


#: The longest addressee kept in the content between a speaker and its particle
#: («دعت الوزارة المواطنين إلى ...»).
MAX_ADDRESSEE_WORDS = 5


def _governed_particle(doc: Doc, k: int, flags: frozenset[str]) -> bool:
    """Word *k* is a particle the cue governs («إلى» of دعا, «بـ» of طالب): a quotation after
    it is the particle's complement, and the phrase before it holds an object."""
    if not doc.is_word(k):
        return False
    w = doc.norm(k)
    return (("ila" in flags and w == "الي") or ("ala" in flags and w == "علي") or ("min" in flags and w == "من")
            or ("an" in flags and w == "عن") or ("bi" in flags and w[:1] == "ب" and w not in doc.lex.words["b_words"]))


def _particle_token(doc: Doc, opener: Opener) -> int | None:
    """The separate particle (إلى، على، من) that opened *opener*, or None."""
    k = (opener.quote if opener.quote is not None else opener.tok) - 1
    if doc.word_in(k, "complementizers"):
        k -= 1
    return k if doc.is_word(k) and doc.norm(k) in ("الي", "علي", "من", "ب", "بـ") else None


def _comp_token(opener: Opener) -> int:
    """The token of the complementiser that opened *opener* (before its quote, if any)."""
    return (opener.quote if opener.quote is not None else opener.tok) - 1


#: Cue kinds whose present tense is never an impersonal passive («ويضيف أن ...» has a
#: speaker, unlike «ويُعتقد أن ...»).
PERSONAL_KINDS = frozenset({"addition", "explanation"})


def _sentence_limit(doc: Doc, i: int) -> int:
    return doc.sentence(i)[1]


def _closing_quotation(doc: Doc, q: int) -> bool:
    """Whether the quotation opened at token *q* holds a clause (four words or more) and
    ends its sentence: «وقال الرئيس أمام تصفيق آلاف المؤيدين الذين ... "نحن هنا ..."» —
    such a quotation is the content even after a long circumstantial phrase."""
    close = doc.seg.quotes.get(q)
    if close is None or sum(1 for m in range(q + 1, close) if doc.is_word(m)) < 4:
        return False
    nxt = close + 1
    while nxt < len(doc.tokens) and doc.tokens[nxt].kind not in ("word", "newline", "quote") \
            and doc.tokens[nxt].norm not in SENTENCE_END:
        nxt += 1
    return nxt >= len(doc.tokens) or doc.tokens[nxt].kind == "newline" or doc.tokens[nxt].norm in SENTENCE_END


def _as_clause(doc: Doc, c: CueCandidate, after: int) -> tuple[int, int] | None:
    """«...، كما أفاد أحد الضباط.»: a cue after «كما» ([as_words]) whose speaker ends the
    sentence reports the clause before it; its character range, or None."""
    if not doc.word_in(c.start - 1, "as_words"):
        return None
    s_start, s_end = doc.sentence(c.start)
    k = after
    while k < s_end and not doc.is_word(k) and doc.tokens[k].kind != "newline":
        k += 1
    if k < s_end and doc.is_word(k):
        return None  # words follow: the cue has a content of its own
    e = c.start - 2
    while e >= s_start and not doc.is_word(e) and doc.tokens[e].kind != "quote":
        e -= 1
    first = s_start
    while first <= e and not doc.is_word(first) and doc.tokens[first].kind != "quote":
        first += 1
    if e - first < 2:
        return None
    return doc.tokens[first].start, doc.tokens[e].end


def _speaks_here(doc: Doc, k: int) -> bool:
    """True when a colon or a quotation follows token *k* directly («ويقول: "..."»): a
    speaker talking, never an impersonal «يُقال/يُعتقد أن»."""
    return k < len(doc.tokens) and (doc.tokens[k].text == ":" or (
        doc.tokens[k].kind == "quote" and k in doc.seg.quotes))


def _previous_clause(doc: Doc, c: CueCandidate) -> tuple[int, int] | None:
    """For «...، الأمر الذي نفاه X» / «وهو ما نفاه X»: the clause before, as characters."""
    k = c.start - 1
    if not (doc.is_word(k) and doc.norm(k) in ("الذي", "ما", "التي")):
        return None
    k -= 1
    if not (doc.is_word(k) and doc.bare(k) in doc.lex.words["comment_heads"]):
        return None
    s_start = max(doc.sentence(c.start)[0], k - MAX_CLAUSE_TOKENS)
    e = k
    for m in range(s_start, k):  # «...، بحسب المرصد، الأمر الذي ...»: stop before the relay
        if doc.is_word(m) and relay_cue_at(doc, m):
            e = m
            break
    while e > s_start and doc.tokens[e - 1].kind != "word":
        e -= 1
    if e <= s_start:
        return None
    start = s_start
    while start < e and doc.tokens[start].kind != "word":
        start += 1
    return doc.tokens[start].start, doc.tokens[e - 1].end


def _headline_segment_before(doc: Doc, c: CueCandidate, source: Span) -> tuple[int, int] | None:
    """«مقتل العشرات بهجوم محتمل.. والنظام ينفي»: a headline ending with its subject-first
    cue denies (or confirms) the segment before the subject, as characters."""
    if not doc.is_headline(c.start):
        return None
    k = c.end
    while k < len(doc.tokens) and doc.tokens[k].kind not in ("newline", "word"):
        k += 1
    if k < len(doc.tokens) and doc.tokens[k].kind == "word":
        return None  # the cue has words after it: its own content
    m = bisect.bisect_right(doc.starts, source.start) - 2  # the token before the one holding the source
    if m < 0 or doc.tokens[m].kind in ("word", "newline"):
        return None  # no separator: the subject opens the line
    while m >= 0 and doc.tokens[m].kind == "punct":
        m -= 1
    e = m + 1
    while m >= 0 and doc.tokens[m].kind in ("word", "quote"):
        m -= 1
    s = m + 1
    if e - s < 2:
        return None
    return doc.tokens[s].start, doc.tokens[e - 1].end


def _prep_skips(doc: Doc, preps: dict[int, CueCandidate], start: int, limit: int) -> dict[int, int]:
    """Token index of each prepositional cue in ``[start, limit)`` → where its phrase ends."""
    out: dict[int, int] = {}
    for k in range(start, limit):
        p = preps.get(k)
        if p is not None:
            np = prep_source(doc, p, limit)
            out[p.start] = np[1] if np is not None else p.end
    return out


def _saying(doc: Doc, k: int) -> bool:
    """«قائلاً / قائلة / بالقول»: the manner of a preceding cue, not a cue of its own."""
    info = doc.info(k)
    return info is not None and info.entry.lemma == "قال" and (info.form == "participle" or doc.norm(k) == "بالقول")


def _contrast_clause(doc: Doc, comp: int) -> bool:
    """«...، إلا أنها حذرت من ...»، «غير أنه أكد ...»: a complementiser with a pronoun after
    a contrastive head opens a new clause whose verb is the speaker's own cue."""
    return comp > 0 and doc.is_word(comp - 1) and (
        doc.norm(comp - 1) in doc.lex.words["contrast_heads"] or doc.bare(comp - 1) in doc.lex.words["contrast_heads"])


def _circumstantial(doc: Doc, c: CueCandidate) -> bool:
    """A participle set off by a comma after a clause («، محملة الحركة المسؤولية»): a
    circumstantial cue, which may take an object as its content like its verb."""
    return c.form == "participle" and c.start > 0 and doc.tokens[c.start - 1].text in ("،", ",")


def _verb_frame(doc: Doc, c: CueCandidate, consumed: set[int], preps: dict[int, CueCandidate]) -> Frame | None:
    tokens = doc.tokens
    s_start, s_end = doc.sentence(c.start)
    para_end = doc.paragraph_end(c.start)
    limit = min(para_end, c.end + OPENER_WINDOW)
    info = c.info
    flags = info.entry.flags if info is not None else frozenset()
    frame = Frame(c, doc.span(c.start, c.end))
    after = c.end
    # Another verb cue closes this cue's window.
    sayings: list[int] = []
    window = doc.cues_in(c.end, limit)  # (only a word with a cue reading can close it)
    inside_prep = {m for k in range(c.end, limit) if k in preps for m in range(k, preps[k].end)}
    inside_prep.update(k for k in window if is_relay_clause(doc, k))
    for k in window:
        nxt = doc.info(k)
        if doc.is_word(k) and k not in consumed and nxt is not None \
                and doc.norm(k) not in doc.lex.words["relay_verbs"] and k not in inside_prep \
                and not trapped_reading(doc, k) \
                and not (c.form == "verb" and in_subject_relative(doc, c.end, k)):
            if nxt is not None and _saying(doc, k) and c.form == "verb":
                sayings.append(k)  # «وأضاف قائلاً:», «وتابع بالقول إن» — one cue
                continue
            if nxt is not None and (nxt.form == "verb" or nxt.form == "participle"):
                limit = k
                break
    src_rng: tuple[int, int] | None = None
    quote_only = False
    if c.form == "verb" and not c.passive:
        # «... وتوصلت»: a verb with و/ف opens its own clause, its subject cannot precede it
        thus = doc.word_in(c.start - 1, "thus_words")  # «"..."، هكذا وصف X ...»: the quote is the content
        bwd = None if (info is not None and info.clitic) or thus or _saying(doc, c.start) \
            or (doc.word_in(c.end, "statement_pronouns") and doc.document_noun(c.start - 1)) \
            else noun_phrase_backward(doc, c.start, floor=s_start)  # (not «فقد اكتفى بالقول»)
        if bwd is None and not thus:
            bwd = framed_subject(doc, c, s_start)  # «وكانت الإدارة ... قد أعلنت»، «أما الخبير فاعتبر»
        j = skip_time(doc, c.end, limit)
        j = skip_time(doc, skip_channel(doc, skip_recipient(doc, j, limit), limit), limit)
        if doc.word_in(j, "statement_pronouns") and doc.is_word(j + 1) and not opens_here(doc, j + 1):
            j += 1  # «في وقت وصفت فيه المنظمة الوضع ...»: the resumptive «فيه», then the subject
        fwd = noun_phrase_forward(doc, j, limit=limit, stop_bi="bi" in flags,
                                  stop_at=_particle_stops(flags)
                                  ) if j < limit else None
        if fwd is not None and j < len(tokens) and tokens[j].kind == "quote" \
                and doc.norm(c.start - 1) in ("عما", "مما", "ما", "بما", "لما"):
            fwd = None  # «عما وصفته "الاستهداف الجبان"»: the quotation is what was said
            quote_only = True
        if fwd is not None and info is not None and info.entry.needs:
            for m in range(fwd[0] + 1, fwd[1]):  # «وحملت الشركة المسؤولية»: the collocate ends it
                if doc.norm(m) in info.entry.needs:
                    fwd = (fwd[0], m)
                    break
        if fwd is not None and thus and quote_before(doc, c.start - 1) is not None:
            fwd = split_object(doc, fwd) if "obj" in flags else fwd
            frame.source = span_tokens(doc, fwd)
            qb = quote_before(doc, c.start - 1)
            assert qb is not None
            frame.content = (qb[0], qb[1], "direct")
            return frame
        if fwd is not None and "obj" in flags and (object_like(doc, fwd[0]) or (
                doc.word_in(fwd[0], "quantifiers") and c.start > 0 and doc.tokens[c.start - 1].text in ("،", ","))):
            fwd = None  # «ونفت قصفها للمستشفى»، «...، وحثت جميع الأطراف على»: the object; the subject is implicit
        if fwd is not None and "objfirst" in flags and info is not None and not info.entry.needs:
            fwd = lone_object(doc, fwd, clitic=bool(info.clitic))
        elif fwd is not None and "obj" in flags and info is not None and info.clitic and c.start > 0 \
                and doc.tokens[c.start - 1].text in ("،", ",") and doc.cues_in(s_start, c.start - 1):
            # «...، وطالب المجتمع الدولي بـ"موقف حازم"»: a verb joined to the clause before
            # keeps its speaker; a lone phrase before its particle is the object
            part = next((k for k in range(fwd[0] + 1, min(fwd[1] + 2, limit)) if _governed_particle(doc, k, flags)), None)
            if part is not None:
                pre = (fwd[0], min(part, fwd[1]))
                if split_object(doc, pre) == pre:
                    fwd = None
        if fwd is not None and "obj" in flags:
            fwd = cut_after_hashtag(doc, fwd)
            probe = find_opener(doc, fwd[1], limit=min([limit, *sayings]), flags=frozenset(), first=fwd[1],
                                skip=_prep_skips(doc, preps, c.end, limit))
            # («وصفت الوزارة التقرير بأنه ...»: after a cue taking بـ, «بأن» may follow an object)
            bi_comp = probe is not None and "bi" in flags and probe.kind == "comp" \
                and doc.norm(_comp_token(probe)).startswith("بان")
            explicit = probe is not None and not bi_comp and (probe.kind in ("comp", "colon") or (
                probe.kind == "quote" and probe.quote is not None
                and sum(1 for k in range(fwd[1], probe.quote) if doc.is_word(k)) <= 2
                and not any(_governed_particle(doc, k, flags) for k in range(fwd[1], probe.quote))))
            if not explicit:
                fwd = split_object(doc, fwd)
            elif probe is not None and probe.kind == "quote":
                fwd = split_at_entity(doc, split_at_quantifier(doc, fwd))  # «وأكدت وكالة وفا نجاة الوزير "من ..."»
                # («ودعا الوزير المجلسين إلى "..."»: a definite object before the governed particle)
            if "to" in flags:
                told = told_outlet(doc, fwd)
                if told is not None:  # «وأبلغ مسؤول أمريكي شبكة "سي بي إس" أن ...»: the outlet told
                    frame.vias.append((frame.cue_span, span_tokens(doc, told)))
                    fwd = (fwd[0], told[0])
                elif explicit:
                    fwd = split_object(doc, fwd)  # «وأبلغ الوزير النواب أن ...»: the ones told
        if fwd is not None and "to" in flags and "obj" not in flags:
            told = told_outlet(doc, fwd)
            if told is not None:  # «وأفاد مصدر أمني وكالة فرانس برس بأن ...»: the outlet told
                frame.vias.append((frame.cue_span, span_tokens(doc, told)))
                fwd = (fwd[0], told[0])
        if bwd is not None and info is not None and info.gender == "f" and info.number == "sg" \
                and head_title(doc, bwd) == "m":
            return None  # «وجدد الأمين العام دعوته»: a masculine office and a feminine form — no verb here
        if bwd is not None:
            src_rng = bwd
        elif fwd is not None:
            src_rng = fwd
            after = fwd[1]
    lisan = preps.get(after)
    if c.form == "verb" and "relay" in flags and lisan is not None \
            and lisan.lemma == "علي لسان" and lisan.source_at is not None:
        origin = noun_phrase_forward(doc, lisan.source_at, limit=limit)  # «ونقلت على لسان المصدر»
        if origin is not None:
            consumed.update(range(lisan.start, lisan.end))
            if src_rng is None:
                frame.relay_implicit = True
            else:  # «ونقل التلفزيون على لسان المحافظ أن ...»: the outlet relays
                frame.vias.append((frame.cue_span, span_tokens(doc, src_rng, strip_waw=after == c.end)))
            src_rng = origin
            after = origin[1]
            while after < limit and doc.is_word(after) and doc.norm(after) in doc.lex.words["quote_masdar"]:
                consumed.add(after)
                after += 1
    if src_rng is None and c.form == "verb" and "relay" in flags and doc.norm(after) == "عن":
        origin = origin_after_an(doc, after, limit)  # «ونقلت عن الوزارة قولها»
        if origin is not None:
            frame.relay_implicit = True
            src_rng = origin
            after = origin[1]
            while after < limit and doc.is_word(after) and doc.norm(after) in doc.lex.words["quote_masdar"]:
                after += 1
    if c.form == "verb" and not c.passive and (src_rng is None or after > c.end):
        ante = relative_antecedent(doc, c)
        if ante is not None:  # «لحركة حماس التي دانت الهجوم»: what follows is the object
            frame.source = ante
            src_rng = None
            after = c.end
    if _saying(doc, c.start):
        subj = clause_subject(doc, c)
        if subj is not None:  # «وعلق الوزير على القرار قائلاً»، «واكتفى المتحدث بالقول»
            src_rng, after = subj, c.end
    elif src_rng is None and c.form == "verb" and doc.word_in(c.start - 1, "subject_pronouns") \
            and doc.norm(c.start - 1)[:1] == "و":
        np = noun_before(doc, c.start - 1)
        if np is not None:  # «... قائد الفصيل وهو يقول إن ...»: the noun the pronoun stands for
            frame.source, frame.implicit = span_tokens(doc, np), True
    elif src_rng is None and _circumstantial(doc, c):
        subj = clause_subject(doc, c)
        if subj is not None:  # «ورحبت الجامعة بالاتفاق، معتبرة إياه ...»: the subject of the clause
            frame.source, frame.implicit = span_tokens(doc, subj), True
    if src_rng is not None:
        frame.source = span_tokens(doc, src_rng, strip_waw=after == c.end)
    prev = doc.norm(c.start - 1) if doc.is_word(c.start - 1) else ""
    if c.form == "verb" and not c.passive and prev in doc.lex.words["complementizers"] \
            and prev not in ("ان", "بان") and (src_rng is None or after > c.end) \
            and not _contrast_clause(doc, c.start - 1):
        return None  # «إنها تدين ...»: the pronoun is the subject — the speaker's stance, in a content
    if src_rng is None and frame.source is None and c.form == "verb" and not c.passive and info is not None \
            and info.tense == "present" and not doc.word_in(c.start - 1, "contrast") \
            and c.kind not in PERSONAL_KINDS and not _contrast_clause(doc, c.start - 1) \
            and not doc.word_in(c.start - 1, "subject_pronouns") \
            and not _speaks_here(doc, c.end) and (info.gender != "f" or not (
                doc.lex.isin(prev, "relatives") or doc.lex.isin(doc.bare(c.start - 1), "relatives")
                or opens_here(doc, c.end))):
        return None  # «يُعتقد أن ...»: impersonal
    # «نقلت واس تصريحات عن X»: a document noun between the relay and عن.
    topic = False
    if src_rng is not None and after == src_rng[1] and "relay" in flags:
        for m in range(src_rng[0] + 1, src_rng[1]):
            w = doc.norm(m)
            if doc.norm(src_rng[1]) != "عن":
                break
            if (w in doc.lex.words["topic_nouns"] or w.rstrip("ا") in doc.lex.words["topic_nouns"]) \
                    and not is_media_word(doc, m - 1):  # (not «وكالة أنباء X»)
                topic = True  # «نقلت X أخباراً عن هجوم»: عن opens what the news is about
                flags = flags | {"an"}
            if topic or doc.document_noun(m):
                src_rng = (src_rng[0], m)
                frame.source = span_tokens(doc, src_rng)
                break
    if src_rng is not None and "relay" in flags and "strict" in flags and src_rng[0] > c.start \
            and object_like(doc, src_rng[0]) \
            and (possessive_base(doc.norm(src_rng[0])) or "") not in doc.lex.words["media"]:
        return None  # «ونقل ممتلكاتهم بعيدا عن مجرى النهر»: moved their belongings, no relay
    # «نقلت X عن Y»: Y speaks, X relays.
    if src_rng is not None and frame.source is not None and "relay" in flags and not topic:  # (also «وسائل إعلام نقلت عن Y»)
        k = after
        while k < limit and (tokens[k].kind == "quote" or (tokens[k].kind == "punct" and tokens[k].text in "،,")):
            k += 1
        prep = "الي" if "ila" in flags else "من" if "min" in flags else "عن"
        if doc.is_word(k) and doc.norm(k) != prep and doc.info(k) is None and k not in preps:
            # «ونقلت منصة "X" المتخصصة في أخبار الشركات عن محللين»: a description first
            k2 = next((m for m in range(k + 1, min(limit, k + MAX_DESCRIPTION_WORDS))
                       if not doc.is_word(m) or doc.norm(m) == prep or doc.info(m) is not None
                       or doc.word_in(m, "complementizers")), k)
            if k2 < limit and tokens[k2].text in ("،", ",") and doc.norm(k2 + 1) == prep:
                k2 += 1  # «ونقلت وكالة "سبأ"، الخاضعة لسيطرة الحوثيين، عن مصدر ...»
            if doc.norm(k2) == prep:
                k = k2
        origin = origin_after_an(doc, k, limit, prep=prep)
        if origin is not None:
            for m in range(origin[0] + 1, origin[1]):
                if doc.is_word(m) and object_like(doc, m) and not doc.norm(m).startswith("ال"):
                    origin = (origin[0], m)  # «عن قائد الشرطة تأكيده ...»: the masdar opens the content
                    consumed.add(m)  # («عن المتحدث وصفه الهجوم»: the masdar is no verb of its own)
                    # (not «عن كبير المفاوضين الإيرانيين»: a genitive plural)
                    break
            at = len(frame.vias)
            if not (src_rng[1] - src_rng[0] == 1 and doc.word_in(src_rng[0], "audiences")):
                frame.vias.append((frame.cue_span, frame.source))  # (not «علم مراسلنا»: the page itself)
            frame.source = span_tokens(doc, origin)
            after = origin[1]
            for _ in range(MAX_RELAY_HOPS):  # «نقلت X عن وكالة Y عن مصادر»: Y relays too
                again = origin_after_an(doc, after, limit)
                if again is None:
                    break
                frame.vias.insert(at, (frame.cue_span, frame.source))
                frame.source = span_tokens(doc, again)
                after = again[1]
            while after < limit and tokens[after].kind == "quote" and after in doc.seg.closers:
                after += 1  # «عن "مصدر رسمي"»
            while after < limit and doc.is_word(after) and doc.norm(after) in doc.lex.words["quote_masdar"]:
                after += 1
    # «X نقلاً عن Y»: the prepositional cue takes over, X becomes the relay.
    if frame.source is not None:
        k = after
        while k < limit and tokens[k].kind == "punct" and tokens[k].text in "،,":
            k += 1
        p = preps.get(k)
        if p is not None and p.source_at is not None and (
                p.lemma.replace(" ", "") == "نقلاعن" or ("relay" in flags and normalize(p.lemma) == "علي لسان")):
            # («ونقلت القناة، على لسان رئيس النيابة، أن ...»: the one whose words they were)
            np = noun_phrase_forward(doc, p.source_at, limit=limit)
            if np is not None:
                frame.vias.append((frame.cue_span, frame.source))
                frame.cue = p
                frame.cue_span = doc.span(p.start, p.end)
                frame.source = span_tokens(doc, np)
                consumed.update(range(p.start, p.end))
                after = np[1]
    # «قائلاً» right after the cue or its speaker is part of the cue; after an object it is a
    # cue of its own («دانت الواقعة قائلة إن ...»).
    for k in sayings:  # (also past the one told: «وأضاف الوزير لـ"الأيام" قائلاً:»)
        if k > skip_time(doc, skip_recipient(doc, skip_time(doc, after, limit), limit), limit):
            limit = min(limit, k)
        else:
            consumed.add(k)
    prev_clause = _previous_clause(doc, c)
    if prev_clause is None and frame.source is not None and frame.source.end <= frame.cue_span.start:
        prev_clause = _headline_segment_before(doc, c, frame.source)
    if prev_clause is not None and frame.source is not None and not doc.is_word(after):
        # «الأمر الذي نفاه الجيش.» — with an object («نفى الجيش مسؤوليته») the object is the content
        frame.content = (prev_clause[0], prev_clause[1], "indirect")
        return frame
    skips = _prep_skips(doc, preps, c.end, limit)
    if after < len(tokens) and tokens[after].text in ("،", ","):
        past = skip_apposition(doc, after, limit)  # «، فضل عدم الكشف عن اسمه، أن ...»
        if past > after and opens_here(doc, past):
            after = past
    a = after
    while a < limit and tokens[a].kind == "quote" and a in doc.seg.closers:
        a += 1  # (after a quoted name: «نفت «X»، عبر ...»)
    if a < len(tokens) and tokens[a].text in ("،", ","):
        ch = skip_channel(doc, a + 1, limit)
        if ch > a + 1 and ch < limit and tokens[ch].text in ("،", ","):
            after = ch + 1  # «، عبر قناتها الرسمية على تطبيق "تلغرام"، أي صلة ...»
    opener = find_opener(doc, after, limit=max(limit, after), flags=flags,
                         first=skip_channel(doc, skip_time(doc, after, limit), limit), skip=skips)
    if opener is None and c.form == "participle":
        opener = find_opener(doc, c.end, limit=limit, flags=flags, first=c.end, skip=skips)
    if opener is not None and opener.kind == "quote" and opener.quote is not None:
        past_doc = skip_document_phrase(doc, skip_time(doc, after, limit), limit)
        past = skip_channel(doc, past_doc, limit)
        if past_doc <= opener.quote < past:  # «نفى في تدوينة على حسابه بمنصة "إكس" أي علاقة ...»: the channel's name
            opener = find_opener(doc, past, limit=max(limit, past), flags=flags, first=past, skip=skips)
    if opener is not None and opener.kind == "comp" and "obj" in flags and "bi" in flags \
            and (frame.source is not None or c.form == "participle") \
            and doc.norm(_comp_token(opener)).startswith("بان"):  # (also «، واصفةً التقارير بأنها ...»)
        first = skip_time(doc, after, opener.tok)
        if first < _comp_token(opener) and doc.is_word(first):
            opener = Opener(first, tokens[first].start, False, None, "object")  # «وصفت التقرير بأنه ...»
    if opener is not None and opener.kind == "particle" and "obj" in flags and (
            (frame.source is not None and frame.source.start > frame.cue_span.start) or c.form == "participle"
            or (src_rng is None and c.form == "verb" and info is not None and bool(info.clitic))):
        part = _particle_token(doc, opener)
        first = -1
        if part is not None:
            first = after
            for _ in range(3):  # past «، في منشور على منصة إكس،»: commas, time words, channels
                while first < part and tokens[first].kind == "punct" and tokens[first].text in "،,":
                    first += 1
                first = skip_channel(doc, skip_document_phrase(doc, skip_time(doc, first, part), part), part)
        if part is not None and 0 <= first < part and doc.is_word(first) \
                and part - first <= MAX_ADDRESSEE_WORDS and all(doc.is_word(m) for m in range(first, part)):
            opener = Opener(first, tokens[first].start, False, None, "object")  # «دعا الجيش السكان إلى ...»
    if opener is not None and opener.kind == "quote" and opener.quote is not None:
        quote_tok: int = opener.quote
        gap_from = after
        for k in range(after, quote_tok):  # «عن X، رئيس ... قوله الخميس "..."»
            if doc.is_word(k) and doc.norm(k) in doc.lex.words["quote_masdar"]:
                gap_from = k + 1
        gap_from = skip_channel(doc, skip_time(doc, gap_from, quote_tok), quote_tok)
        gap = sum(1 for k in range(gap_from, quote_tok) if doc.is_word(k) and not doc.word_in(k, "time"))
        if after < len(tokens) and tokens[after].text in ("،", ","):
            gap -= 6  # «وقال X، أحد رؤساء ... "..."»: an apposition before the quotation
        if gap > (2 if "strict" in flags else 16 if _closing_quotation(doc, quote_tok) else 8):
            opener = None  # a quotation far from the cue is not its content
        elif gap and "obj" in flags and (frame.source is not None or _circumstantial(doc, c) or (
                c.form == "verb" and info is not None and bool(info.clitic))):  # («واتهمت X بـ... "..."»)
            first = after
            for _ in range(3):  # past «، الأحد،»: commas and time words before the object
                while first < quote_tok and not doc.is_word(first):
                    first += 1
                first = skip_time(doc, first, quote_tok)
            if doc.is_word(first) and (not doc.word_in(first, "prepositions") or doc.word_in(first, "demonstratives")):
                opener = None  # «وأكدت الوكالة نجاة الوزير "من محاولة اغتيال"»: the object runs into it
                # (also «نفى هذه الرواية "جملة وتفصيلا"»)
    if opener is None:
        qb = quote_before(doc, c.start)
        if qb is not None and frame.source is not None and not (frame.source.start <= qb[0] < frame.source.end):
            frame.content = (qb[0], qb[1], "direct")
            _frame_vias(doc, frame, c.end, min(limit, s_end), preps, consumed)
            return frame
        if ("obj" in flags or frame.vias and "relay" in flags) and not c.negated and (
                c.form == "verb" or _circumstantial(doc, c)):
            j = after
            while j < limit and tokens[j].kind == "quote" and j in doc.seg.closers:
                j += 1  # «ونفت "حركة الفجر" أي علاقة ...»: past the closing mark of a quoted name
            j = skip_recipient(doc, j, limit)  # «نفى لوكالة رويترز مشاركة ...»: whom it was said to
            for _ in range(3):  # «، الدكتور X، في تصريح لقناة Y،»: one comma-set phrase after another
                past = skip_apposition(doc, j, s_end)
                if past == j:
                    break
                j = past
            j = skip_time(doc, j, limit)
            for _ in range(4):
                while j < limit and tokens[j].kind == "punct" and tokens[j].text in "،,":
                    j = skip_time(doc, j + 1, limit)
                if j < limit and tokens[j].text in ("–", "—", "-"):  # «X – الجيش العربي، صباح الأحد، مقتل ...»
                    j = next((m for m in range(j + 2, min(limit, j + 7)) if tokens[m].text in ("،", ",")), j)
                    continue
                if j in skips:
                    j = skips[j]
                    continue
                j2 = skip_channel(doc, skip_document_phrase(doc, j, limit), limit)
                if j2 == j:
                    break
                j = j2  # («في بيان رسمي على موقعه الإلكتروني تعاقده مع ...»)
            if j < s_end and doc.is_word(j) and not clause_break(doc, j) \
                    and not (doc.norm(j)[:1] == "ف" and doc.norm(j)[1:] in doc.lex.words["complementizers"]):
                opener = Opener(j, tokens[j].start, False, None, "object")  # (not «، فإن ...»: a main clause)
        if opener is None and frame.source is not None and c.form == "verb" and not c.negated \
                and "strict" not in flags and not ("bi" in flags and "obj" not in flags) \
                and doc.is_headline(c.start):  # (not «مجلس النواب يقر تعديلات»: أقر بـ admits, أقر X approves)
            j = skip_time(doc, after, s_end)  # «النائب العام يوضح ملابسات الوفاة»: a headline's object
            if j < s_end and doc.is_word(j):
                opener = Opener(j, tokens[j].start, False, None, "object")
        if opener is None and c.kind == "addition" and c.form == "verb" and after < limit \
                and tokens[after].text in ("،", ","):
            j = after + 1  # «وأضاف، سيتم ...»
            if j < s_end and doc.is_word(j):
                opener = Opener(j, tokens[j].start, False, None, "colon")
        if opener is None and frame.source is not None and frame.source.start > frame.cue_span.start:
            before = _as_clause(doc, c, after)
            if before is not None:  # «...، كما أفاد أحد الضباط.»: the clause before is the content
                frame.cue_span = doc.span(c.start - 1, c.end)  # the whole phrase, like «حسبما أفاد»
                frame.content = (before[0], before[1], "indirect")
                return frame
        if opener is None:
            return None
    if c.negated and (opener.kind == "object" or (
            opener.kind == "particle" and not doc.word_in(opener.tok - 1, "complementizers"))):
        return None  # «ولم يكشف الحكم عن مصير الشريك»: nothing reported, only what was not
    if "strict" in flags and opener.kind not in ("comp", "quote", "colon") and not topic and not (
            opener.kind == "object" and frame.vias and "relay" in flags):
        return None  # (a relayed speaker's masdar «نقلت عن X تأكيده ...» is content enough)
    if "quoted" in flags and opener.kind not in ("quote", "colon"):
        return None  # «سألتها إن كانت ...»: an indirect question is no claim; «وسأل: "..."» is
    if "passive-present" in flags and info is not None and info.tense == "present" \
            and opener.kind not in ("comp", "quote", "colon"):
        return None
    if c.form == "participle" and sum(1 for k in range(skip_time(doc, c.end, opener.tok), opener.tok)
                                      if doc.is_word(k)) > 2 and not (
            c.start > 0 and doc.tokens[c.start - 1].text in ("،", ",")):
        return None  # «خسائر مؤكدة من ...»: an adjective, not a cue (but «، داعيا القوى السياسية إلى»)
    if quote_only and opener.quote is not None:
        close = doc.seg.quotes[opener.quote]
        s, e, mode = tokens[opener.quote].end, tokens[close].start, "direct"
    else:
        s, e, mode = content_extent(doc, opener)
    if e <= s:
        return None
    if info is not None and info.entry.needs:
        # «حمّل ... المسؤولية»: a cue only in its collocation; the words may precede the content.
        region = doc.text[frame.cue_span.end:e]
        if not any(w in normalize(region) for w in info.entry.needs):
            return None
        if (frame.source is not None and not frame.vias and frame.source.start > frame.cue_span.start
                and info.clitic and "objfirst" in flags and normalize(doc.text[s:e]).split(" ")[0] in info.entry.needs):
            # «... وحملت حركة حماس المسؤولية»: with nothing between the phrase and the
            # collocation, the phrase is the object and the speaker is the one before.
            s = frame.source.start
            frame.source = None
    if frame.source is not None and not frame.vias and doc.lex.isin(normalize(frame.source.text), "audiences") \
            and normalize(frame.source.text).endswith("نا"):
        return None  # «وأفاد مراسلنا بأن ...»: the page's own reporter, the author's voice
    frame.content = (s, e, mode)
    frame.opener_kind = opener.kind
    _frame_vias(doc, frame, c.end, opener.tok, preps, consumed)
    return frame


def _frame_vias(doc: Doc, frame: Frame, start: int, stop: int, preps: dict[int, CueCandidate],
                consumed: set[int]) -> None:
    """Relays between the cue and the content: «، بحسب X،», «لوكالة X», «في بيان نشرته X»."""
    tokens = doc.tokens
    for k in range(start, stop):
        p = preps.get(k)
        if p is not None and p.source_at is not None and p.lemma.replace(" ", "") != "نقلاعن" and p.start not in consumed:
            np = prep_source(doc, p, stop)
            if np is not None:
                src = span_tokens(doc, np)
                if p.source_skip and np[0] == p.source_at:
                    src = Span.of(doc.text, src.start + p.source_skip, src.end)
                frame.vias.append((doc.span(p.start, p.end), src))
                consumed.update(range(p.start, p.end))
    src_end = start
    if frame.source is not None:
        for k in range(start, stop):
            if tokens[k].start >= frame.source.end:
                src_end = k
                break
    rec = recipient_outlet(doc, skip_apposition(doc, src_end, stop, clause_only=True), stop)  # (not inside «، الذي ...،»)
    if rec is None and src_end > start:  # «وأوضح لـ"الوطن" المدير ...»: spoken to before the speaker
        rec = recipient_outlet(doc, start, first_token_at(doc, frame.source.start) or start) \
            if frame.source is not None else None
    if rec is not None:
        frame.vias.append((frame.cue_span, Span.of(doc.text, rec[0], rec[1])))
    pub = published_by(doc, src_end, stop)
    if pub is not None and not own_office(doc, pub[1]):
        k, np = pub
        frame.vias.append((doc.span(k, k + 1), span_tokens(doc, np)))


def _trailing_via(doc: Doc, frame: Frame, preps: dict[int, CueCandidate], consumed: set[int]) -> None:
    """«...، وفقاً لما نقلته الوكالة» right after the content: a relay of this frame."""
    if frame.content is None:
        return
    end_char = frame.content[1]
    tokens = doc.tokens
    # the first token at or after the content's end
    k = first_token_at(doc, end_char)
    if k is None:
        return
    while k < len(tokens) and (tokens[k].kind in ("punct", "quote")) and tokens[k].text not in ".؟!\n":
        k += 1
    p = preps.get(k)
    if p is None or p.source_at is None or p.start in consumed:
        return
    limit = doc.sentence(k)[1]
    np = prep_source(doc, p, limit)
    if np is None:
        return
    src = span_tokens(doc, np)
    if p.source_skip and np[0] == p.source_at:
        src = Span.of(doc.text, src.start + p.source_skip, src.end)
    # only when nothing but the relay phrase remains in the sentence
    j = np[1]
    while j < limit and tokens[j].kind != "word":
        j += 1
    if j < limit:
        return
    frame.vias.append((doc.span(p.start, p.end), src))
    consumed.update(range(p.start, p.end))


def _share_sentence_relays(doc: Doc, frames: list[Frame], preps: dict[int, CueCandidate],
                           consumed: set[int]) -> None:
    """A sentence-final «، بحسب X» relays every attribution of its sentence («وتعهد ...،
    موجهاً ...، مشدداً ...، بحسب وكالة X»)."""
    by_sentence: dict[int, list[Frame]] = {}
    for f in frames:
        by_sentence.setdefault(doc.seg.sentence_of[f.cue.start], []).append(f)
    for idx, group in by_sentence.items():
        if len(group) < 2:
            continue  # (a lone attribution's trailing relay is found by _trailing_via)
        last = group[-1]
        tail = [v for v in last.vias if v[0].start > (last.content[1] if last.content else 0)]
        if not tail:
            final = _sentence_final_relay(doc, idx, preps, consumed)
            if final is None:
                continue
            tail = [final]
            last.vias.append(final)
        for f in group[:-1]:
            for v in tail:
                if v not in f.vias:
                    f.vias.append(v)


def _sentence_final_relay(doc: Doc, idx: int, preps: dict[int, CueCandidate],
                          consumed: set[int]) -> tuple[Span, Span] | None:
    """An unattached «، وفق ما ذكرت X.» closing sentence *idx*, as (cue span, source span)."""
    s_start, s_end = doc.seg.sentences[idx]
    for k in range(max(s_start, s_end - 14), s_end):
        p = preps.get(k)
        if p is None or p.start in consumed or doc.tokens[k - 1].text not in ("،", ","):
            continue
        np = prep_source(doc, p, s_end)
        if np is None:
            return None
        j = np[1]
        while j < s_end and doc.tokens[j].kind != "word":
            j += 1
        if j < s_end:
            return None
        src = span_tokens(doc, np)
        if p.source_skip and np[0] == p.source_at:
            src = Span.of(doc.text, src.start + p.source_skip, src.end)
        consumed.update(range(p.start, p.end))
        return doc.span(p.start, p.end), src
    return None


#: The longest description between a relaying outlet and its «عن».
MAX_DESCRIPTION_WORDS = 6

#: How many further «عن Y» a relay verb's chain may hold («نقلت X عن Y عن Z»).
MAX_RELAY_HOPS = 3


def extract_from_doc(doc: Doc) -> tuple[list[Attribution], list[Diagnostic]]:
    """Run every stage over a prepared :class:`~claimtrack.rules.context.Doc`."""
    diagnostics = [Diagnostic("page-noise", "page noise skipped", s) for s in doc.noise]
    cues = find_cues(doc)
    preps = {c.start: c for c in cues if c.form == "preposition"}
    consumed: set[int] = set()
    frames: list[Frame] = []
    for c in cues:
        if c.form not in ("verb", "participle") or c.start in consumed:
            continue
        if is_relay_clause(doc, c.start) and c.start > 0 and doc.tokens[c.start - 1].text in ("،", ","):
            continue  # «، نقلت عنه وكالة X،» relays the cue before it
        f = _verb_frame(doc, c, consumed, preps)
        if f is None:
            if not c.negated and c.info is not None and "strict" not in c.info.entry.flags \
                    and not c.info.entry.needs:
                diagnostics.append(Diagnostic("cue-without-content",
                                              f"cue {doc.tokens[c.start].text!r} has no reported content",
                                              doc.span(c.start, c.end)))
            continue
        consumed.update(range(c.start, c.end))
        if c.form == "verb" and f.content is not None:  # the subject's relative clause before it
            consumed.update(k for k in doc.cues_in(c.end, first_token_at(doc, f.content[0]) or c.end)
                            if in_subject_relative(doc, c.end, k))
        frames.append(f)
    for f in frames:
        _trailing_via(doc, f, preps, consumed)
    _share_sentence_relays(doc, frames, preps, consumed)
    by_cue = {f.cue.start: f for f in frames}
    for p in preps.values():
        if p.start in consumed:
            continue
        f = prep_frame(doc, p) if p.source_at is not None else own_words_frame(doc, p, consumed)
        if f is None or f.content is None:
            continue
        k = first_token_at(doc, f.content[0])
        inner = by_cue.get(k) if k is not None else None
        if inner is not None and f.source is not None:
            inner.vias.append((f.cue_span, f.source))  # «وبحسب وكالة X، أفاد العقيد ...»
            continue
        frames.append(f)
    frames.extend(f for f in noun_frames(doc, consumed, by_cue) if f is not None)
    frames.extend(colon_headlines(doc))
    frames.extend(masdar_frames(doc))
    frames.sort(key=lambda f: f.cue_span.start)
    # Cues inside a direct quotation are the speaker's words, not attributions.
    in_direct = covered([(f.content[0], f.content[1]) for f in frames
                          if f.content is not None and f.content[2] == "direct"], strict=False)
    for f in frames:
        if in_direct(f.cue_span.start) and not reported_inside_quote(doc, f):
            f.dropped = True
    contents = [(f.content[0], f.content[1]) for f in frames if not f.dropped and f.content is not None]
    fold_nested(frames)
    fold_statement_clause(doc, frames)
    drop_nested_implicit(doc, frames)
    resolve_implicit(doc, frames, contents)
    return [_record(doc, f) for f in frames if not f.dropped and f.content is not None], diagnostics


def _record(doc: Doc, f: Frame) -> Attribution:
    c = f.cue
    cue = Cue(f.cue_span, c.lemma, c.kind, c.form, c.passive)
    source = None if f.source is None else Source(f.source, implicit=f.implicit)
    assert f.content is not None
    s, e, mode = f.content
    content = Content(Span.of(doc.text, s, e), mode)
    seen: set[tuple[int, int]] = set()
    vias = []
    for cs, ss in f.vias:  # one relay once, though two constructions name it
        if (ss.start, ss.end) not in seen:
            seen.add((ss.start, ss.end))
            vias.append(Via(cs, Source(ss)))
    return Attribution(cue, source, content, tuple(vias))


def extract_attributions(text: str, *, lexicon: Lexicon | None = None) -> tuple[list[Attribution], list[Diagnostic]]:
    """Find the attributions of *text* with the rules backend."""
    return extract_from_doc(build_doc(text, lexicon=lexicon))
