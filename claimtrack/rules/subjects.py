"""Who speaks in a verb frame, and where the object begins: subjects framed by «كان ...
قد» or «أما ... فـ», the noun a relative clause or a subject pronoun stands for, the one
told (أبلغ، أخبر), and the tests that tell a speaker's phrase from the object that follows
it (a word with a pronoun, a lone phrase before a بـ-complement, a hashtag).

Examples:
    >>> from claimtrack.rules.context import build_doc
    >>> doc = build_doc("وكانت الوزارة قد أعلنت الخطة.")
    >>> from claimtrack.rules.cues import find_cues
    >>> s, e = framed_subject(doc, find_cues(doc)[0], 0)
    >>> doc.text[doc.tokens[s].start:doc.tokens[e - 1].end]
    'الوزارة'
"""

from __future__ import annotations

from claimtrack.model import Span
from claimtrack.rules.context import Doc
from claimtrack.rules.cues import CueCandidate
from claimtrack.rules.frame import span_tokens
from claimtrack.rules.sources import is_media_word, noun_phrase_forward, place_bi, split_object
from claimtrack.rules.skips import skip_time
from claimtrack.rules.speakers import is_title
from claimtrack.text.tokens import possessive_base

__all__ = ["framed_subject", "told_outlet", "noun_before", "head_title", "in_subject_relative",
           "relative_antecedent", "lone_object", "object_like", "cut_after_hashtag", "clause_subject"]


#: The longest subject between «كان ... قد» or «أما ... فـ» and the cue.
MAX_FRAMED_SUBJECT = 12


def framed_subject(doc: Doc, c: CueCandidate, s_start: int) -> tuple[int, int] | None:
    """A subject held between two markers before the cue: «وكانت الإدارة العامة للطيران
    المدني في الكويت قد أعلنت» (an auxiliary كان and قد) or «أما الخبير X فاعتبر» (a topic
    after أما, the verb with ف). Only words (and one comma after the topic) may stand between."""
    info = c.info
    if info is None or info.form != "verb":
        return None
    end = c.start
    if not info.clitic and doc.norm(c.start - 1) in ("قد", "لقد"):
        end = c.start - 1
        m = end - 1
        while m >= s_start and end - m <= MAX_FRAMED_SUBJECT and doc.is_word(m):
            if doc.norm(m) in ("كان", "كانت", "وكان", "وكانت", "كانوا", "وكانوا"):
                return (m + 1, end) if m + 1 < end else None
            if doc.word_in(m, "relatives") or doc.word_in(m, "complementizers") or doc.info(m) is not None:
                return None  # «السبب الذي قد يدعو»: a relative clause, no subject here
            m -= 1
        return None
    if info.clitic == "ف" or (not info.clitic and doc.norm(c.start - 1) == "فقد"):
        if not info.clitic:
            end = c.start - 1  # «أما الوزير، فقد أكد»
        nxt = c.end
        while nxt < len(doc.tokens) and doc.is_word(nxt) and doc.word_in(nxt, "time"):
            nxt += 1
        if doc.is_word(nxt) and (doc.word_in(nxt, "pp_heads") or doc.word_in(nxt, "unnamed_heads")
                                 or doc.word_in(nxt, "quantity_heads") or is_title(doc.norm(nxt))
                                 or is_title(possessive_base(doc.norm(nxt)) or "")):
            return None  # «أما التحالف، فقد نفى مصدر في قيادته ...»: the subject follows the verb
        k = s_start
        while k < end and not doc.is_word(k):
            k += 1
        if doc.bare(k) != "اما" and doc.norm(k) != "اما":
            return None
        if doc.word_in(k + 1, "prepositions"):
            return None  # «أما في تل الرماث، فيقول أهالي القتلى»: a place, not the topic who speaks
        e = end
        while e > k + 1 and not doc.is_word(e - 1):
            e -= 1  # «أما الوزير، فقد ...»: the comma after the topic
        if doc.norm(e - 1) in ("قد", "لقد"):
            e -= 1
            while e > k + 1 and not doc.is_word(e - 1):
                e -= 1
        if e - (k + 1) > MAX_FRAMED_SUBJECT or not all(doc.is_word(m) or doc.tokens[m].kind == "quote"
                                                       or doc.tokens[m].text in ("،", ",", "(", ")")
                                                       for m in range(k + 1, e)):
            return None  # (a quoted name may stand in it: «أما مؤسسة «المياه» الحكومية»)
        if e < len(doc.tokens) and doc.tokens[e].text == ")" and any(doc.tokens[m].text == "(" for m in range(k + 1, e)):
            e += 1  # «أما وكالة الأنباء (سانا) فذكرت»: the bracket closes the name
        return (k + 1, e) if k + 1 < e else None
    return None


def told_outlet(doc: Doc, rng: tuple[int, int]) -> tuple[int, int] | None:
    """The outlet at the end of a verb-first phrase of a cue whose object is the one told:
    a media noun after a complete subject (a definite word or a nisba adjective before
    it, not a construct «مراسل قناة»)."""
    from claimtrack.rules.sources import is_nisba

    for m in range(rng[0] + 1, rng[1]):
        if doc.is_word(m) and is_media_word(doc, m) and doc.is_word(m - 1) and (
                doc.norm(m - 1).startswith(("ال", "وال")) or is_nisba(doc.norm(m - 1))
                or (len(doc.norm(m - 1)) > 5 and doc.norm(m - 1).endswith(("يان", "يتان")))):  # (a dual: «أمنيان»)
            return m, rng[1]
    return None


#: The longest noun phrase taken back from «وهو/وهي» («قائد الفصيل وهو يقول»).
MAX_PRONOUN_ANTECEDENT = 6


def noun_before(doc: Doc, k: int, *, hop: bool = True) -> tuple[int, int] | None:
    """The noun phrase right before token *k* (a subject pronoun with و): words back to a
    particle, a complementiser, a pronoun or a cue, at most a few; past one prepositional
    phrase to the noun it follows («قائد الكتيبة في المقطع وهو يقول» → قائد الكتيبة)."""
    words = doc.lex.words
    m = k - 1
    while m >= 0 and k - m <= MAX_PRONOUN_ANTECEDENT and doc.is_word(m):
        w = doc.norm(m)
        if w in words["prepositions"] or w in words["complementizers"] or w in words["statement_pronouns"] \
                or w in words["relatives"] or doc.info(m) is not None or w in words["subject_pronouns"] \
                or (len(w) > 3 and w[0] in "وف" and w not in words["waw_words"] and not w[1:3] == "ال"):
            break  # (a word with و/ف opens a clause: «وشوهدت الوزيرة وهي تقول»)
        m -= 1
    if hop and m >= 0 and m + 1 < k and doc.word_in(m, "prepositions") and doc.is_word(m - 1):
        before = noun_before(doc, m, hop=False)
        if before is not None:
            return before
    return (m + 1, k) if m + 1 < k else None


def head_title(doc: Doc, rng: tuple[int, int]) -> str | None:
    """The gender of the first office title in a phrase ('m' for «الأمين العام», 'f' for
    «المتحدثة باسم الوزير»), or None when it holds none."""
    words = doc.lex.words
    for k in range(rng[0], rng[1]):
        w = doc.norm(k)
        if w in words["feminine_titles"]:
            return "f"
        if w in words["titles"]:
            return "m"
    return None


def in_subject_relative(doc: Doc, start: int, k: int) -> bool:
    """Whether the verb at *k* opens a relative clause of the subject that follows a cue
    ending at *start*: «وقال الوزير الذي كان يتحدث أمام أنصاره إن ...» (the relative
    clause describes the speaker; its verb neither closes the cue's window nor takes the
    content). Only a relative pronoun (and an auxiliary such as كان) may stand before the
    verb, with no clause break between the cue and it."""
    rel = k - 1
    if doc.is_word(rel) and doc.norm(rel) in doc.lex.words["auxiliaries"]:
        rel -= 1
    if rel <= start or not (doc.is_word(rel) and doc.norm(rel) in doc.lex.words["relative_who"]):
        return False
    return all(doc.is_word(m) for m in range(start, rel))


def relative_antecedent(doc: Doc, c: CueCandidate) -> Span | None:
    """The noun a relative clause hangs from, when the cue is its verb and has no subject
    of its own («لحركة حماس التي دانت الهجوم» → حركة حماس)."""
    rel = c.start - 1
    if not (doc.is_word(rel) and doc.norm(rel) in doc.lex.words["relative_who"]):
        return None
    raw = doc.tokens[c.start].text
    if raw.endswith(("ها", "هم", "ه")) and not raw.endswith("ة"):
        return None  # «التي تعتبرها أنقرة»: the subject follows the verb
    info = c.info
    if info is not None and info.form == "verb" and info.number == "sg" and info.gender is not None \
            and (info.gender == "f") != (doc.norm(rel) in doc.lex.words["relative_feminine"]):
        return None  # «الأصوات التي يعتقد أنها ...»: no agreement, an impersonal verb
    k = rel - 1
    first = None
    while k >= 0 and rel - k <= 3 and doc.is_word(k):
        w = doc.norm(k)
        if w in doc.lex.words["prepositions"] or w in doc.lex.words["time"] or doc.info(k) is not None \
                or w[:1].isdigit():
            break
        first = k
        if w[0] in "لب" and len(w) > 3 and w not in doc.lex.words["b_words"]:
            break  # «لحركة حماس»: the preposition opens the phrase
        k -= 1
    if first is None:
        return None
    span = span_tokens(doc, (first, rel))
    w = doc.norm(first)
    if w[0] in "لب" and len(w) > 3 and w not in doc.lex.words["b_words"]:
        span = Span.of(doc.text, span.start + 1, span.end)
    return span


def lone_object(doc: Doc, fwd: tuple[int, int], *, clitic: bool) -> tuple[int, int] | None:
    """For a cue whose object comes before its بـ-complement («اتهم X Y بـ...»): the phrase
    before the بـ-word, cut at the object; a single phrase after a cue with و is the object
    and the speaker is implicit («...، واتهمت القوات الحكومية بالوقوف وراءه»)."""
    b_words = doc.lex.words["b_words"]
    bis = [k for k in range(fwd[0] + 1, min(fwd[1] + 1, len(doc.tokens))) if doc.is_word(k) and doc.norm(k)[:1] == "ب"
           and (len(doc.norm(k)) > 3 or doc.norm(k) == "ب") and doc.norm(k) not in b_words and doc.norm(k) != "باسم"
           and not place_bi(doc, k)]
    for k in bis[-1:]:  # (the last: «الاتحاد الجهوي ... بصفاقس كبار المصدرين بـ...» is "in Sfax" first)
        if k >= fwd[1]:
            return fwd  # the charge right after the phrase: split it as any other
        pre = (fwd[0], k)
        cut = split_object(doc, pre)
        return None if cut == pre and clitic else cut
    return fwd


def object_like(doc: Doc, k: int) -> bool:
    """A word with an object pronoun (قصفها، مسؤوليته), or a definite sound plural in -ين
    (المسلحين: not the nominative -ون of a subject), reads as an object, not a subject."""
    w = doc.norm(k)
    if w.startswith("ال") and w.endswith("ين") and len(w) > 6:
        return True
    raw = doc.tokens[k].text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    base = possessive_base(w)
    if len(raw) > 4 and base is not None and is_title(base):
        return False  # «رئيسها»، «مديره»: an office of the one named before speaks
    return len(raw) > 4 and not w.startswith("ال") and (
        raw.endswith(("ها", "هم", "هما")) or (raw.endswith("ه") and not raw.endswith("الله")))


def cut_after_hashtag(doc: Doc, rng: tuple[int, int]) -> tuple[int, int]:
    """A hashtag closes a subject phrase before an object («أدانت حركة #حماس استهداف ...»)."""
    s, e = rng
    for k in range(s, e - 1):
        if doc.tokens[k].text.startswith("#"):
            return s, k + 1
    return rng


def clause_subject(doc: Doc, c: CueCandidate) -> tuple[int, int] | None:
    """The subject of the verb that opens the sentence of a saying form («وعلق الوزير على
    القرار قائلاً»): that verb is no cue, but its subject is the one speaking."""
    s_start, _ = doc.sentence(c.start)
    k0 = s_start
    while k0 < c.start and not doc.is_word(k0):
        k0 += 1
    led = False
    k1 = skip_time(doc, k0, c.start)
    if k1 > k0 and k1 < c.start and doc.tokens[k1].text in ("،", ","):
        k0, led = k1 + 1, True  # «في المقابل، اكتفى متحدث ... بالقول»: a verb after a lead phrase
    w = doc.norm(k0)
    if k0 >= c.start - 1 or len(w) < 3 or (w[0] not in "وف" and not led) or w[1:3] == "ال" or w[:2] == "ال" \
            or doc.info(k0) is not None or w in doc.lex.words["waw_words"]:
        return None
    np = noun_phrase_forward(doc, k0 + 1, limit=c.start)
    if np is None or not (doc.norm(np[0]).startswith("ال") or is_title(doc.norm(np[0]))):
        return None  # «وحاول تبرير النكسة بالقول»: an object, the subject is implicit
    for k in range(np[0] + 1, np[1]):  # «ورحبت الجامعة بالاتفاق»: the verb's بـ-object ends it
        w = doc.norm(k)
        if w.startswith("بال") and w != "باسم" and not is_title(doc.norm(np[0])):
            return np[0], k
    return np
