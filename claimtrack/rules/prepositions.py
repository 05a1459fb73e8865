"""Frames of cues that are not verbs: prepositional cues («بحسب X، ...»، «...، وفق X»،
«حسبما نقلت X عن Y»), cues of the speaker's own words («"..."، على حد قوله») and
attributive nouns heading a sentence («وفي بيان للجيش، ...»).

Examples:
    >>> from claimtrack.rules.context import build_doc
    >>> from claimtrack.rules.cues import find_cues
    >>> doc = build_doc("وبحسب شهود عيان، فإن الجسر انهار.")
    >>> f = prep_frame(doc, find_cues(doc)[0])
    >>> f.cue_span.text, f.source.text, doc.text[f.content[0]:f.content[1]]
    ('وبحسب', 'شهود عيان', 'الجسر انهار')
"""

from __future__ import annotations

from claimtrack.model import Span
from claimtrack.rules.contents import Opener, content_extent
from claimtrack.rules.context import Doc
from claimtrack.rules.cues import ACCORDANCE_HEADS, CueCandidate, author_voice, possessed_thing, spoke_to_trap
from claimtrack.rules.frame import Frame, span_tokens
from claimtrack.rules.relays import origin_after_an, own_office, published_by, recipient_outlet
from claimtrack.rules.skips import skip_channel, skip_recipient, skip_time
from claimtrack.rules.sources import affiliation_tail_at, is_media_word, lam_outlet, noun_phrase_forward
from claimtrack.rules.subjects import told_outlet
from claimtrack.text.normalize import normalize
from claimtrack.text.tokens import possessive_base

__all__ = ["prep_source", "not_speaker", "prep_frame", "own_words_frame", "noun_frames",
           "MAX_CLAUSE_TOKENS"]

#: How far back (in tokens) a clause before a cue may reach.
MAX_CLAUSE_TOKENS = 120


def prep_source(doc: Doc, p: CueCandidate, limit: int) -> tuple[int, int] | None:
    """The source phrase of a prepositional cue; «حسب بيان نشرته وكالة X» → وكالة X."""
    if p.source_at is None:
        return None
    np = noun_phrase_forward(doc, p.source_at, limit=limit, after_lam=True)
    if np is None:
        return None
    if np[1] - np[0] == 1 and doc.word_in(np[0], "audiences") and doc.norm(np[0]).endswith("نا"):
        return None  # «، وفق مراسلنا»: the page's own reporter, the author's voice
    if p.inner_verb is None and not any(w in p.lemma.split() for w in ("ورد", "جاء")) and not_speaker(doc, np[0]):
        return None  # «وفق الدستور»، «حسب الأصول»: "in accordance with", no source
    if p.inner_verb is None and normalize(p.lemma).split()[0] in ACCORDANCE_HEADS \
            and possessed_thing(doc, np[0]):
        return None  # «تسير الرحلات وفق جداولها المعتادة»: its own schedule, no source
    k = np[1]
    if k < limit and doc.is_word(k) and doc.norm(k) in doc.lex.words["relay_verbs"]:
        inner = noun_phrase_forward(doc, k + 1, limit=limit)
        if inner is not None:
            return inner
    return np


def not_speaker(doc: Doc, k: int) -> bool:
    """True when word *k* is a head listed in ``[not_speakers]`` (with or without ال/لل)."""
    w = doc.norm(k)
    for cand in (w, w[2:] if w.startswith(("ال", "لل")) else "", w[1:] if w.startswith("ل") else ""):
        if cand and cand in doc.lex.words["not_speakers"]:
            return True
    return False


def own_words_frame(doc: Doc, p: CueCandidate, consumed: set[int]) -> Frame | None:
    """«"..."، على حد قوله» / «وبحسب روايتها، فإن ...»: a prepositional cue ending in the
    speaker's own words with a pronoun (the OWN slot). The content is the clause before
    it in its sentence, or after it when the cue opens the sentence; the speaker stays
    implicit, resolved later by the pronoun."""
    last = doc.norm(p.end - 1)
    if last not in doc.lex.words["own_words"]:
        return None
    tokens = doc.tokens
    s_start, s_end = doc.sentence(p.start)
    frame = Frame(p, doc.span(p.start, p.end))
    frame.pronoun = "pl" if last.endswith(("هم", "هما")) else "f" if last.endswith("ها") else "m"
    e = p.start - 1
    while e >= s_start and tokens[e].kind == "punct":
        e -= 1
    first = s_start
    while first <= e and tokens[first].kind not in ("word", "quote"):
        first += 1
    if any(m in consumed for m in range(first, e + 1)):
        return None  # «وقال الوزير إن ...، على حد تعبيره»: the cue before already reports it
    if e - first >= 1:
        if tokens[e].kind == "quote" and e in doc.seg.closers and doc.seg.closers[e] == first:
            frame.content = (tokens[first].end, tokens[e].start, "direct")  # «"..."، على حد قوله»
        else:
            frame.content = (tokens[first].start, tokens[e].end, "indirect")
        return frame
    after = _content_after(doc, p.end, s_end)
    if after is None or after[1] <= after[0]:
        return None
    frame.content = after
    return frame


def _content_after(doc: Doc, j: int, s_end: int) -> tuple[int, int, str] | None:
    """The content that follows a prepositional cue and its source from token *j*: past
    commas and a colon, «فإن» or a complementiser, into a quotation if one opens there."""
    tokens = doc.tokens
    while j < s_end and tokens[j].kind == "quote" and j in doc.seg.closers:
        j += 1  # («وبحسب "المرصد"، ...»: past the closing mark of a quoted name)
    while j < s_end and tokens[j].kind == "punct" and tokens[j].text in "،,:":
        j += 1  # («وجاء في الرسالة: "..."»)
    if doc.is_word(j) and (doc.norm(j) in ("فان", "فانه", "فانها") or doc.norm(j) in doc.lex.words["complementizers"]):
        j += 1
    if j >= s_end:
        return None
    opener = Opener(j, tokens[j].start, False, None, "comp")
    if tokens[j].kind == "quote" and j in doc.seg.quotes and j + 1 < len(tokens):
        opener = Opener(j + 1, tokens[j + 1].start, True, j, "quote")
    return content_extent(doc, opener)


#: The longest «تحدثوا لرويترز شريطة ...» clause passed over after a prepositional cue's source.
MAX_SPOKE_TO_TOKENS = 14


def prep_frame(doc: Doc, p: CueCandidate) -> Frame | None:
    """A prepositional cue that is an attribution of its own: «بحسب X، ...» / «...، وفق X»."""
    if p.source_at is None:
        return None
    tokens = doc.tokens
    s_start, s_end = doc.sentence(p.start)
    s_start = max(s_start, p.start - MAX_CLAUSE_TOKENS)
    s_end = min(s_end, p.start + MAX_CLAUSE_TOKENS)
    np = prep_source(doc, p, s_end)
    if np is None:
        return None
    if p.lemma.endswith("جاء في") and not (doc.document_noun(np[0]) or is_media_word(doc, np[0])):
        return None  # «جاء في ضوء ...»: not a document or an outlet
    k = np[1]
    if doc.norm(k) in ("في", "من") and (p.start == s_start or not any(doc.is_word(m) for m in range(s_start, p.start))):
        comma = next((m for m in range(k + 2, min(s_end, k + 5)) if tokens[m].text in ("،", ",")), None)
        if comma is not None and all(doc.is_word(m) and doc.info(m) is None for m in range(k + 1, comma)):
            np = (np[0], comma)  # «وبحسب تنسيقية لجان المقاومة في نيالا، قُتل ...»: the speaker's place
    told = None
    verb = doc.info(p.inner_verb) if p.inner_verb is not None else None
    if verb is not None and "to" in verb.entry.flags:
        told = told_outlet(doc, np)  # «بحسب ما أفاد مسؤولان وكالة فرانس برس»: the outlet told
        if told is not None:
            np = (np[0], told[0])
    src = span_tokens(doc, np)
    if p.source_skip and np[0] == p.source_at:
        src = Span.of(doc.text, src.start + p.source_skip, src.end)
    frame = Frame(p, doc.span(p.start, p.end), source=src)
    if told is not None:
        frame.vias.append((frame.cue_span, span_tokens(doc, told)))
        np = (np[0], told[1])  # (what follows comes after the outlet)
    base = noun_phrase_forward(doc, p.source_at, limit=s_end, after_lam=True)
    if base is not None and base[1] < np[0] and doc.word_in(base[1], "relay_verbs") \
            and not is_media_word(doc, np[0]) and not lam_outlet(doc, np[0], bare=True):
        # «وفق حصيلة أوردتها وزارة الصحة»: a body publishing its own figures speaks
        frame.cue_span = doc.span(p.start, base[1] + 1)
    elif base is not None and base[1] < np[0] and doc.word_in(base[1], "relay_verbs"):
        # «حسبما أظهرت لقطات بثها التلفزيون»: the footage speaks, the channel relays it
        frame.vias.append((doc.span(base[1], base[1] + 1), src))
        frame.source = src = span_tokens(doc, base)
        if p.source_skip and base[0] == p.source_at:
            frame.source = src = Span.of(doc.text, src.start + p.source_skip, src.end)
    if doc.norm(np[1]) == "عن" and any(
            (i := doc.info(m)) is not None and "relay" in i.entry.flags for m in range(p.start, p.end)):
        origin = origin_after_an(doc, np[1], s_end)  # «حسبما نقلت X عن Y»: Y speaks, X relays
        if origin is not None:
            frame.vias.append((frame.cue_span, src))
            frame.source = span_tokens(doc, origin)
            np = (np[0], origin[1])
    first_word = s_start
    while first_word < p.start and tokens[first_word].kind != "word":
        first_word += 1
    lead = skip_time(doc, first_word, p.start)  # «وفي سياق متصل، اعتقلت ...، وفق مصادر»
    if lead > first_word and lead < p.start and tokens[lead].text in ("،", ","):
        first_word = lead + 1
    tail = np[1]
    while tail < s_end and tokens[tail].kind != "word" and not (tokens[tail].kind == "quote" and tail in doc.seg.quotes):
        tail += 1
    tail_words = sum(1 for m in range(tail, s_end) if doc.is_word(m))
    head_words = sum(1 for m in range(first_word, p.start) if doc.is_word(m))
    if head_words == 1 and doc.bare(first_word) in doc.lex.words["demonstratives"] and tail_words == 0:
        first_word = p.start  # «وذلك بحسب ما أعلنه X.»: «ذلك» points to the sentence before
    if first_word == p.start and tail_words == 0:
        # «بحسب المتحدث X.» standing alone: the sentence before is its content.
        idx = doc.seg.sentence_of[p.start]
        if idx == 0:
            return None
        ps, pe = doc.seg.sentences[idx - 1]
        if doc.paragraph_end(ps) != doc.paragraph_end(p.start):
            return None
        words = [m for m in range(ps, pe) if doc.is_word(m) or doc.tokens[m].kind == "quote"]
        if not words:
            return None
        frame.content = (tokens[words[0]].start, tokens[words[-1]].end, "indirect")
        return frame
    if first_word != p.start and (tail_words > max(3, 2 * head_words) or (
            normalize(p.lemma).split()[0].removeprefix("و") == "جاء" and tail_words > 1)):  # («، وجاء على لسان X أن ...»)
        first_word = p.start  # «وتدور حالياً، وفق المرصد، "..."»: the content follows
    if first_word == p.start:
        j = np[1]
        ch = skip_channel(doc, j, s_end)  # «وطبقاً لما أعلنته الشركة على موقعها، فإن ...»
        if ch > j and ch < s_end and tokens[ch].text in ("،", ","):
            j = ch
        if doc.is_word(j) and spoke_to_trap(doc, j):  # «بحسب سكان تحدثوا لرويترز، فإن ...»
            comma = next((m for m in range(j + 1, min(s_end, j + MAX_SPOKE_TO_TOKENS))
                          if tokens[m].text in ("،", ",")), None)
            if comma is not None:
                rec = recipient_outlet(doc, j + 1, comma)
                if rec is not None:
                    frame.vias.append((doc.span(j, j + 1), Span.of(doc.text, rec[0], rec[1])))
                j = comma
        elif (doc.is_word(j) and doc.word_in(j, "relative_who")) or (
                j < s_end and tokens[j].text in ("،", ",") and doc.word_in(j + 1, "relative_who")):
            if not doc.is_word(j):
                j += 1  # «وجاء في التعميم، الذي وقعه المدير، أن ...»
            # «وبحسب الأرقام التي نشرتها الوزارة، فإن ...»: the source's relative clause
            comma = next((m for m in range(j + 1, min(s_end, j + MAX_SPOKE_TO_TOKENS))
                          if tokens[m].text in ("،", ",") or tokens[m].kind == "quote"), None)
            if comma is not None and tokens[comma].kind != "quote" and doc.is_word(comma + 1) and (
                    doc.norm(comma + 1) in ("فان", "فإن", "فانه", "فانها")
                    or doc.norm(comma + 1) in doc.lex.words["complementizers"]):
                pub = published_by(doc, j + 1, comma)
                if pub is not None and not own_office(doc, pub[1]):
                    frame.vias.append((doc.span(pub[0], pub[0] + 1), span_tokens(doc, pub[1])))
                j = comma
        elif doc.is_word(j):  # «وفقا لما صرح به الوزير للصحفيين، فإن ...»: whom it was said to
            r = j + 1 if doc.norm(j)[:2] == "لل" and "ال" + doc.norm(j)[2:] in doc.lex.words["audiences"] \
                else skip_recipient(doc, j, s_end)
            if r > j and r < s_end and tokens[r].text in ("،", ","):
                rec = recipient_outlet(doc, j, r)
                if rec is not None:
                    frame.vias.append((frame.cue_span, Span.of(doc.text, rec[0], rec[1])))
                j = r
        if doc.is_word(j) and not doc.word_in(j, "complementizers"):
            # «ووفق دراسة حديثة أعدها باحثون في المركز، فإن ...»: the source's clause, then فإن
            k2 = next((m for m in range(j + 1, min(s_end, j + 10)) if tokens[m].text in ("،", ",")), None)
            if k2 is not None and doc.norm(k2 + 1) in ("فان", "فانه", "فانها") \
                    and all(doc.is_word(m) and doc.info(m) is None for m in range(j, k2)):
                j = k2
        if j < s_end and tokens[j].text in ("،", ","):  # «على لسان X، فلان الفلاني، أن ...»: a name
            k2 = next((m for m in range(j + 2, min(s_end, j + 7)) if tokens[m].text in ("،", ",")), None)
            if k2 is not None and all(doc.is_word(m) for m in range(j + 1, k2)) \
                    and (doc.word_in(k2 + 1, "complementizers") or doc.norm(k2 + 1) in ("فان", "فانه", "فانها")):
                j = k2
        after = _content_after(doc, j, s_end)
        if after is None:
            return None
        s, e, mode = after
    else:
        if doc.is_word(first_word) and first_word < p.start - 2 and doc.word_in(first_word, "while_words"):
            first_word += 1  # «فيما وجّه رئيس الوزراء ...، بحسب ما أعلن مكتبه»: the connective is no part of it
        if doc.is_word(first_word) and author_voice(doc, first_word):
            # «والجدير بالذكر أن X، وفقا لـY»: the author's phrase is no part of Y's words
            comp = next((m for m in range(first_word + 1, min(p.start, first_word + 5))
                         if doc.word_in(m, "complementizers")), None)
            if comp is not None:
                first_word = comp + 1
        for m in range(p.start - 2, first_word, -1):
            if tokens[m].text in ("،", ",") and doc.is_word(m + 1) and (
                    doc.word_in(m + 1, "while_words") or (doc.norm(m + 1) == "في" and doc.norm(m + 2) == "حين")) \
                    and doc.cues_in(first_word, m) and not is_media_word(doc, np[0]) and not lam_outlet(doc, np[0]):
                # (an agency at the end relays the whole sentence: «أفادت مصادر ...، في حين ...، وفقا لرويترز»)
                # «نفت الوزارة ...، في حين ارتفعت الحصيلة إلى تسعة، وفقا لما ذكره X»: the
                # clause after the connective is X's; the one before has its own cue
                first_word = m + (3 if doc.norm(m + 1) == "في" else 2)
                break
        s = tokens[first_word].start
        e = tokens[p.start - 1].end
        while e > s and doc.text[e - 1] in " ،,":
            e -= 1
        mode = "indirect"
        if tokens[first_word].kind == "quote" and first_word in doc.seg.quotes:
            c = doc.seg.quotes[first_word]
            if c == p.start - 1 or (c < p.start and all(tokens[m].kind != "word" for m in range(c + 1, p.start))):
                s = tokens[first_word].end
                e = tokens[c].start
                mode = "direct"
    if e <= s:
        return None
    frame.content = (s, e, mode)
    return frame


def _stop_word_here(doc: Doc, k: int) -> bool:
    """A word no adjective of an attributive noun can be: a preposition, a complementiser,
    a time word or a cue."""
    return doc.word_in(k, "prepositions") or doc.word_in(k, "complementizers") \
        or doc.word_in(k, "time") or doc.info(k) is not None


def noun_frames(doc: Doc, consumed: set[int], by_cue: dict[int, Frame]) -> list[Frame | None]:
    """Attributive nouns heading a sentence: «وفي بيان للجيش، ...» → cue بيان, source الجيش."""
    out: list[Frame | None] = []
    tokens = doc.tokens
    for s_start, s_end in doc.seg.sentences:
        k = s_start
        while k < s_end and not doc.is_word(k):
            k += 1
        if k + 2 >= s_end or doc.bare(k) != "في" and doc.norm(k) != "في" or k in doc.noisy:
            continue
        noun = k + 1
        if doc.norm(noun) not in doc.lex.nouns:
            continue
        src_at, skip = noun + 1, 0
        for _ in range(2):  # «وفي بيان مقتضب لإدارة النادي»: adjectives of the noun
            w = doc.norm(src_at)
            nxt = doc.norm(src_at + 1) if doc.is_word(src_at + 1) else ""
            if (nxt[:1] == "ل" or nxt == "مع") and doc.is_word(src_at) \
                    and w[:1] != "ل" and not _stop_word_here(doc, src_at):
                src_at += 1
        if doc.norm(src_at) == "مع" and doc.is_word(src_at + 1):
            src_at += 1  # «وفي مداخلة هاتفية مع قناة X، قال ...»: the outlet spoken with
        if doc.norm(src_at) in ("صادر", "الصادر") and doc.norm(src_at + 1) == "عن" and doc.is_word(src_at + 2):
            src_at += 2  # «وفي بيان صادر عن الأمانة العامة، ...»: its issuer
        w = doc.norm(src_at)
        if w in ("ل", "لـ"):
            src_at += 1
        elif len(w) > 2 and w[0] == "ل":
            skip = 1
        pub = published_by(doc, noun + 1, min(s_end, noun + 12))
        if pub is not None:
            # «وفي بيان نشره عبر وكالته أعماق، قال التنظيم ...»: the outlet relays the verb's claim
            j = pub[1][1]
            while j < s_end and not doc.is_word(j):
                j += 1
            inner = by_cue.get(j)
            if inner is not None:
                inner.vias.append((doc.span(pub[0], pub[0] + 1), span_tokens(doc, pub[1])))
            continue
        np = noun_phrase_forward(doc, src_at, limit=s_end, after_lam=True)
        if np is None:
            continue
        j = np[1]
        while j < s_end and tokens[j].kind == "quote" and j in doc.seg.closers:
            j += 1  # «وفي تصريح لـ"الحياة"،»
        tail = affiliation_tail_at(doc, j, s_end)
        if tail is not None:
            j = tail  # «وفي بيان لمكتب تنسيق الشؤون الإنسانية التابع للأمم المتحدة، ...»
        j = skip_time(doc, j, s_end)  # «... لإدارة النادي مساء الأحد:»
        if j >= s_end or tokens[j].text not in ("،", ",", ":"):
            continue
        j += 1
        if j < s_end and (doc.info(j) is not None or j in consumed):
            # «وفي بيان له، قال ...»: the verb is the cue; «وفي حديث لقناة X، أوضح ...»: the
            # outlet spoken to relays it; «وفي بيان للوزارة، أكدت ...»: the issuer speaks
            rec = recipient_outlet(doc, noun + 1, np[1])
            inner = by_cue.get(j)
            if rec is not None and inner is not None:
                inner.vias.append((doc.span(noun, noun + 1), Span.of(doc.text, rec[0], rec[1])))
            elif inner is not None and inner.source is None and not inner.cue.passive \
                    and doc.norm(src_at) not in ("له", "لها", "لهم") and not doc.possessed(noun):
                issuer = span_tokens(doc, np)
                if skip and np[0] == src_at:
                    issuer = Span.of(doc.text, issuer.start + skip, issuer.end)
                inner.source, inner.implicit = issuer, True
            continue
        if j >= s_end:
            continue
        src = span_tokens(doc, np)
        if skip and np[0] == src_at:
            src = Span.of(doc.text, src.start + skip, src.end)
        cue = CueCandidate(noun, noun + 1, "noun", doc.norm(noun), "neutral", source_at=src_at)
        if doc.norm(j) in ("فان", "فانه", "فانها", "فانهم") and j + 1 < s_end:
            j += 1  # «وفي بيان لـX، فإن دورياتها رصدت ...»: the content after فإن
        opener = Opener(j, tokens[j].start, False, None, "comp")
        if tokens[j].kind == "quote" and j in doc.seg.quotes and j + 1 < len(tokens):
            opener = Opener(j + 1, tokens[j + 1].start, True, j, "quote")
        s, e, mode = content_extent(doc, opener)
        if e <= s:
            continue
        out.append(Frame(cue, doc.span(noun, noun + 1), source=src, content=(s, e, mode)))
    return out
