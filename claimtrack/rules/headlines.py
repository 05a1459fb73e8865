"""Colon headlines: «الأمم المتحدة: المساعدات لم تصل» — the source before the colon.

A line counts when the part before its colon is a short noun phrase (no reporting
verb), optionally in quotes (one bare word only when it is a definite body noun such
as «التحالف»: «سوريا: ...» is a place label), and the line reads as a headline (short, or a teaser
such as «اقرأ.. X حول Y: ...»). The source stops before «حول/عن/بشأن».

Examples:
    >>> from claimtrack.rules.context import build_doc
    >>> doc = build_doc("الصليب الأحمر: المساعدات لم تصل\\nنص")
    >>> [(f.source.text, doc.text[f.content[0]:f.content[1]]) for f in colon_headlines(doc)]
    [('الصليب الأحمر', 'المساعدات لم تصل')]
"""

from __future__ import annotations

from claimtrack.rules.context import Doc
from claimtrack.rules.cues import CueCandidate
from claimtrack.rules.frame import Frame, span_tokens
from claimtrack.rules.speakers import is_title
from claimtrack.rules.relays import recipient_outlet
from claimtrack.rules.skips import skip_recipient
from claimtrack.rules.sources import is_masdar_shaped, lam_outlet
from claimtrack.model import Span


__all__ = ["colon_headlines"]

MAX_SOURCE_WORDS = 7
MAX_LINE_WORDS = 30


def _body_noun(doc: Doc, k: int) -> bool:
    """A definite noun naming a kind of body (التحالف، الجيش، الرئاسة), from the sources'
    list of anaphoric nouns."""
    from claimtrack.sources.wordlists import word_lists

    w = doc.norm(k)
    if w[:3] == "وال":
        w = w[1:]  # «.. والوزارة: ...»
    return w.startswith("ال") and word_lists().head([w], "anaphoric") == 1


def _first_person(doc: Doc, start: int, end: int) -> bool:
    """True when the words in ``[start, end)`` speak in the first person: a pronoun of
    ``[first_person]`` (نحن، لدينا) or a negated first-person verb (لن نتراجع، لم أقل)."""
    fp = doc.lex.words["first_person"]
    prev = ""
    for k in range(start, end):
        if not doc.is_word(k):
            continue
        w = doc.norm(k)
        if w in fp or (prev in ("لن", "لم") and w[:1] in "نا" and len(w) > 3):
            return True
        prev = w
    return False


def _registry_body(doc: Doc, k: int, *, strip_waw: bool = False, capitals: bool = False) -> bool:
    """A one-word registry name of a body or outlet («البنتاغون»، «الأونروا»، «حماس»), not a
    capital or country standing for its government («تونس: ...» is usually a place label)
    unless *capitals* (the second half of a headline: «... وواشنطن: ...»)."""
    from claimtrack.sources import resolve

    text = doc.tokens[k].text
    m = resolve(text[1:] if strip_waw and text[:1] == "و" else text)
    return m is not None and m.method == "exact" and m.type in ("organization", "outlet") \
        and (capitals or not m.id.endswith("-government"))


def _collective(doc: Doc, k: int) -> bool:
    """An indefinite plural of people alone before a headline colon («محللون: ...»، «خبراء:
    ...»): a sound plural in ون, or a head of generic sources (grammar.txt [pp_heads])."""
    w = doc.norm(k)
    if w[:1] == "و" and (w[1:] in doc.lex.words["pp_heads"] or w[1:] in doc.lex.nouns):
        w = w[1:]  # «.. وشبان: ...»، «.. ودراسة: ...»
        if w in doc.lex.nouns:
            return True
    return not w.startswith("ال") and (w.endswith("ون") and len(w) > 4 or w in doc.lex.words["pp_heads"])


def _line_frame(doc: Doc, ps: int, pe: int, colon: int) -> Frame | None:
    """The frame of the colon at token *colon* in the headline line ``[ps, pe)``, or None."""
    tokens = doc.tokens
    k = ps
    if doc.norm(k) in doc.lex.words["teasers"]:
        k += 1
        if doc.norm(k) in ("ايضا", "المزيد"):
            k += 1
            if k == colon:  # «اقرأ أيضا: X: ...» — the teaser's own colon
                k += 1
                nxt = next((m for m in range(k, pe) if tokens[m].text == ":"), None)
                if nxt is None or nxt + 1 >= pe:
                    return None
                colon = nxt
        while k < colon and tokens[k].kind == "punct":
            k += 1
    joined = False
    for m in range(colon - 1, k, -1):  # «صور الامتحان على فيسبوك.. والوزارة: ...»: the
        if tokens[m].text == "." and tokens[m - 1].text == ".":  # second half of a headline
            k, joined = m + 1, True
            break
    if joined or any(tokens[m].text == "." and tokens[m - 1].text == "." for m in range(ps + 1, colon)):
        for m in range(colon - 1, k + 2, -1):  # «غزة.. قتلى في قصف مدرسة والجيش الإسرائيلي: ...»
            w = doc.norm(m) if doc.is_word(m) else ""
            if len(w) > 3 and w[0] == "و" and w not in doc.lex.words["waw_words"] and (
                    _body_noun(doc, m) or _registry_body(doc, m, strip_waw=True, capitals=True)
                    or (m + 1 == colon and (w[1:] in doc.lex.words["pp_heads"] or w[1:] in doc.lex.nouns))):
            # («.. وشبان: ...»، «.. ودراسة: ...»)
                k, joined = m, True
                break
    pre = [m for m in range(k, colon) if tokens[m].kind == "word"]
    if not pre or len(pre) > MAX_SOURCE_WORDS + 4:
        return None
    if any(tokens[m].kind == "punct" and tokens[m].text not in "()" for m in range(k, colon)):
        return None
    if any(doc.info(m) is not None for m in pre):
        return None
    end = colon
    told = None  # «مصدر عسكري لـ"الوطن": ...»: the outlet spoken to relays the headline
    for m in pre[1:]:
        if skip_recipient(doc, m, colon + 1) > m or lam_outlet(doc, m):
            told = recipient_outlet(doc, m, colon)
            if told is not None:
                end = m
            break
    for m in pre:
        if m >= end:
            break
        if doc.norm(m) in doc.lex.words["topic_markers"] and m > pre[0] and not (
                doc.norm(m) in ("في", "من") and (doc.word_in(pre[0], "pp_heads") or doc.word_in(pre[0], "headline_bodies"))):
            # («مسؤول في مستشفى X:»، «الصحة في عدن:»)
            end = m
            break
    src_tokens = [m for m in range(k, end) if tokens[m].kind == "word"]
    if not src_tokens or len(src_tokens) > MAX_SOURCE_WORDS:
        return None
    quoted = tokens[k].kind == "quote"
    if quoted and (len(src_tokens) >= 5 or doc.word_in(src_tokens[0], "auxiliaries")):
        return None  # «"كانت رائحة الخبز تختلط بالدخان": شهادات ...»: a quoted line as a title
    if doc.word_in(colon + 1, "headline_topics"):
        return None  # «مخيم الرماد: شهادات عن ليلة الهجوم»: a topic and what the piece holds
    # «سوريا: ...» is a place label, not a speaker: one bare word needs quotes, unless
    # it is a definite body noun («التحالف: ...»، «الجيش: ...»).
    if len(src_tokens) < 2 and not quoted and not _body_noun(doc, src_tokens[0]) \
            and not is_title(doc.norm(src_tokens[0])) and not _first_person(doc, colon + 1, pe) \
            and not doc.word_in(src_tokens[0], "unnamed_heads") and not doc.document_noun(src_tokens[0]) \
            and not _collective(doc, src_tokens[0]) and not doc.word_in(src_tokens[0], "headline_bodies") \
            and not _registry_body(doc, src_tokens[0], strip_waw=joined, capitals=joined):
        return None  # (a title «الرئيس:», or a name whose words speak in the first person «ترامب: سنرد»)
    if doc.lex.isin(doc.norm(src_tokens[0]), "prepositions") or doc.lex.isin(doc.norm(src_tokens[0]), "time"):
        return None
    first = doc.norm(src_tokens[0])
    if (len(first) > 2 and first[0] == "و" and first not in doc.lex.words["waw_words"] and not joined) \
            or doc.word_in(src_tokens[0], "prepositions"):
        return None  # «وجاء في نص الرسالة: ...»، «وفي بيان للوزارة: ...»: a sentence of the body
    if not quoted and (is_masdar_shaped(first) or (first.startswith("ال") and is_masdar_shaped(first[2:]))):
        return None  # «تسريب أسئلة الامتحان: ...»: an event, not a speaker
    src = span_tokens(doc, (src_tokens[0], src_tokens[-1] + 1), strip_waw=joined)
    c_start = colon + 1
    direct = False
    q_end = doc.seg.quotes.get(c_start, -1) if tokens[c_start].kind == "quote" else -1
    if q_end > 0 and q_end + 2 < pe and tokens[q_end + 1].text in ("،", ",") and doc.info(q_end + 2) is not None \
            and doc.info(q_end + 2).form == "participle":  # type: ignore[union-attr]
        pe = q_end + 1  # «X: "..."، داعيا ...»: the quotation, then a participle of its own
    if tokens[c_start].kind == "quote" and c_start in doc.seg.quotes and (
            doc.seg.quotes[c_start] >= pe - 2 or (
                doc.seg.quotes[c_start] + 2 < pe and tokens[doc.seg.quotes[c_start] + 1].text == "."
                and tokens[doc.seg.quotes[c_start] + 2].text == ".")):  # («"...".. والجهة ترد»)
        c_end_tok = doc.seg.quotes[c_start]
        s, e = tokens[c_start].end, tokens[c_end_tok].start
        direct = True
    else:
        last = pe - 1
        for m in range(c_start + 1, pe - 1):  # «...: 80% مضربون.. والوزارة تتحدث عن ...»
            if tokens[m].text == "." and tokens[m + 1].text == "." and (doc.cues_in(m + 2, pe) or (
                    doc.is_word(m + 2) and doc.norm(m + 2)[:1] == "و"
                    and not doc.word_in(m + 2, "waw_words"))):
                last = m - 1  # the second half has its own speaker («.. ولجنة الحكام ترد»)
                break
        while last > c_start and tokens[last].kind == "punct" and tokens[last].text not in "%٪)»\"”":
            last -= 1
        s, e = tokens[c_start].start, tokens[last].end
    if e <= s:
        return None
    cue = CueCandidate(colon, colon + 1, "colon", ":", "neutral")
    frame = Frame(cue, doc.span(colon, colon + 1), source=src,
                  content=(s, e, "direct" if direct else "indirect"))
    if told is not None:
        frame.vias.append((frame.cue_span, Span.of(doc.text, told[0], told[1])))
    return frame


def _clock_colon(doc: Doc, k: int) -> bool:
    """The colon of a clock time («13:50»)."""
    t = doc.tokens
    return 0 < k < len(t) - 1 and t[k - 1].text[-1:].isdigit() and t[k + 1].text[:1].isdigit() \
        and t[k - 1].end == t[k].start and t[k].end == t[k + 1].start


def _past_line_prefix(doc: Doc, ps: int, pe: int) -> int:
    """Past a live page's time stamp and a flash label at the start of a line («13:50 –»،
    «عاجل |»), which are no part of a headline's speaker."""
    t = doc.tokens
    k = ps
    for _ in range(2):
        if k + 2 < pe and _clock_colon(doc, k + 1):
            k += 3  # «13:50»
        elif k < pe and doc.norm(k) in ("عاجل", "متابعه", "تحديث", "خاص"):
            k += 1
        else:
            break
        while k < pe and t[k].kind == "punct" and t[k].text in "–—-|:":
            k += 1
    return k


def colon_headlines(doc: Doc) -> list[Frame]:
    """Frames for the colon headlines of *doc*; a line in two halves («X: ...، .. وY: ...»)
    may give one for each."""
    out: list[Frame] = []
    tokens = doc.tokens
    for ps, pe in doc.seg.paragraphs:
        words = [k for k in range(ps, pe) if tokens[k].kind == "word"]
        if not words or len(words) > MAX_LINE_WORDS or ps in doc.noisy:
            continue
        ps = _past_line_prefix(doc, ps, pe)  # «13:50 – ...»، «عاجل | ...»
        colon = next((k for k in range(ps, pe) if tokens[k].text == ":" and not _clock_colon(doc, k)), None)
        if colon is None or colon + 1 >= pe:
            continue
        if any(doc.word_in(m, "page_labels") for m in range(ps, colon)):
            continue  # «آخر تحديث: 14:05»، «شارك هذا الخبر: ...»: page furniture
        frame = _line_frame(doc, ps, pe, colon)
        if frame is not None:
            out.append(frame)
        second = next((m for m in range(colon + 3, pe - 1) if tokens[m].text == ":" and any(
            tokens[x].text == "." and tokens[x - 1].text == "." for x in range(colon + 2, m))), None)
        if second is not None:  # «"الانتخابات": 31% نسبة الاقتراع.. وشبان: "..."»
            frame = _line_frame(doc, ps, pe, second)
            if frame is not None:
                out.append(frame)
    return out
