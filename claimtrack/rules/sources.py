"""Stage 2: the source — the noun phrase that names the speaker.

Forward (verb-first: «قال وزير الخارجية الروسي سيرغي لافروف إن») and backward
(subject-first: «البيان التركي قال إن») scans over tokens. A source phrase is a head
noun with its names, adjectives and genitive complements; it stops at commas (before
appositions), relative pronouns, prepositions, complementisers, time words, quotes
that open content, and other cues. Quoted names after a head («وكالة "أعماق"») and
short parentheticals («(سانا)») stay inside. Leading و and لـ are left out.

Examples:
    >>> from claimtrack.rules.context import build_doc
    >>> doc = build_doc('قال المكتب الإعلامي للحركة، في بيان، إن الهجوم فشل')
    >>> s, e = noun_phrase_forward(doc, 1)
    >>> doc.span(s, e).text
    'المكتب الإعلامي للحركة'
    >>> doc = build_doc('ذكرت وكالة "أعماق" المقربة من التنظيم أن')
    >>> doc.span(*noun_phrase_forward(doc, 1)).text
    'وكالة "أعماق"'
"""

from __future__ import annotations

import functools

from claimtrack.rules.context import Doc

__all__ = ["noun_phrase_forward", "noun_phrase_backward", "is_media_word", "split_object", "split_at_entity",
           "MAX_SOURCE_WORDS"]

MAX_SOURCE_WORDS = 12


def _stop_word(doc: Doc, i: int) -> bool:
    """True when word *i* cannot be inside a source phrase."""
    w = doc.norm(i)
    if w[:1].isdigit() and i > 0 and doc.norm(i - 1).removeprefix("ال") in ("قناه", "القناه") \
            and len(w) <= 3 and doc.is_word(i - 1):
        return False  # «القناة 12 الإسرائيلية»: a channel's number is its name
    if w[:1].isdigit() or w in doc.lex.words["affiliation"] or (w in doc.lex.prep_index and w != "علي"):
        return True  # (a prepositional cue — «بحسب»، «نقلاً عن» — ends a source)
    if w == "علي" and doc.tokens[i].text.endswith("ي"):
        return False  # the name علي, not the preposition على
    words = doc.lex.words
    if (w in words["prepositions"] or w in words["complementizers"] or w in words["time"]
            or w in words["relatives"] or w in words["quote_masdar"] or w in words["auxiliaries"]
            or w in words["relay_verbs"]):
        return True
    b = doc.bare(i)
    if b != w and (b in words["complementizers"] or b in words["prepositions"] or b in words["relatives"]
                   or b in words["time"] or b in words["auxiliaries"]):
        return True
    info = doc.info(i)
    if info is None:
        return False
    from claimtrack.rules.cues import trapped_reading

    return not (info.form == "verb" and trapped_reading(doc, i) and doc.info(i - 1) is not None)


def _occasion(doc: Doc, k: int) -> bool:
    """Word *k* is a noun with a possessive pronoun naming the speaker's own occasion or
    statement («في اجتماعها»، «في كلمته»), not a body it belongs to («في قيادته»)."""
    if not doc.possessed(k):
        return False
    from claimtrack.text.tokens import possessive_base

    base = possessive_base(doc.norm(k)) or ""
    return not (base in doc.lex.words["pp_heads"] or base in doc.lex.words["name_heads"]
                or base in doc.lex.words["body_nouns"])


def _is_cue_word(doc: Doc, k: int) -> bool:
    """True when word *k* reads as a reporting cue (the noncue traps aside; a word of a
    quoted name after its head, «شركة "نقلة"», is none)."""
    from claimtrack.rules.cues import in_quoted_name

    return doc.info(k) is not None and not in_quoted_name(doc, k)


def is_media_word(doc: Doc, i: int) -> bool:
    """True when word *i* (without a leading لـ) is an outlet noun (وكالة، قناة ...)."""
    w = doc.norm(i)
    if w.startswith("لل") and len(w) > 3:
        w = "ال" + w[2:]  # «للوكالة» = لـ + الوكالة
    elif w.startswith("ل") and len(w) > 2:
        w = w[1:]
    media = doc.lex.words["media"]
    return w in media or ("ال" + w) in media or (w.startswith("ال") and w[2:] in media)


def _pp_allowed(doc: Doc, head: int, i: int) -> bool:
    """May the source phrase headed at *head* keep the particle at *i* (مصدر في الجيش)?"""
    from claimtrack.rules.speakers import is_title

    heads = doc.lex.words["pp_heads"]
    h = doc.norm(head)
    if doc.norm(i) == "عن":
        return h in doc.lex.words["an_heads"]  # «النائب عن الدائرة الثانية»
    if doc.norm(i) == "علي":
        return h in doc.lex.words["ala_heads"] or doc.word_in(i - 1, "ala_heads")  # «مصدر مطلع على المفاوضات»
    if doc.norm(i) == "في" and h.removeprefix("ال") in doc.lex.words["body_nouns"] and doc.is_word(i + 1) \
            and not doc.document_noun(i + 1) and not is_masdar_shaped(doc.norm(i + 1).removeprefix("ال")) \
            and not doc.word_in(i + 1, "time") and doc.info(i + 1) is None \
            and not doc.norm(i + 1).startswith("ال"):
        return True  # «وزارة الصحة في غزة»: a body with where it sits (not «في بيان»، «في تحديث»)
    if doc.norm(i) in ("في", "من") and not h.startswith("ال") and h.endswith(("ون", "ين")) and len(h) > 4:
        return True  # «صرافون في مدينة عدن»، «عن ناشطين في بلدة ذيبان»: people, with where they are
    if h.endswith("ا") and len(h) >= 4 and h[:-1] in heads:
        h = h[:-1]  # the accusative after أن: «أن قياديا في الحركة قال»
    return doc.norm(i) in doc.lex.words["pp_words"] and (
        h in heads or doc.bare(head) in heads or (h.startswith("ال") and h[2:] in heads) or is_title(h))


@functools.lru_cache(maxsize=4096)
def _outlet_name(word: str) -> bool:
    """True when *word* alone is a registry outlet's name or alias (رويترز، الجزيرة)."""
    from claimtrack.sources import resolve

    m = resolve(word)
    return m is not None and m.method in _NAMED and m.type == "outlet"


def lam_outlet(doc: Doc, i: int, *, bare: bool = False) -> bool:
    """True when word *i* is لـ fused to a registry outlet's one-word name (لرويترز، للجزيرة);
    with *bare*, when it is such a name without لـ (رويترز، الجزيرة)."""
    w = doc.norm(i)
    if bare:
        return len(w) >= 3 and _outlet_name(w)
    if len(w) < 4 or w[0] != "ل":
        return False
    return _outlet_name("ال" + w[2:]) if w.startswith("لل") else _outlet_name(w[1:])


def _body_after_lam(doc: Doc, i: int) -> bool:
    """Word *i* is لـ + a media noun that, with the words after it, names a registry body
    that is no outlet («للوكالة الدولية للطاقة الذرية»)."""
    from claimtrack.sources import resolve

    w = doc.tokens[i].text
    head = ("ال" + w[2:]) if w.startswith("لل") else w[1:]
    words = [doc.tokens[m].text for m in range(i + 1, min(len(doc.tokens), i + 4)) if doc.is_word(m)]
    for n in range(len(words), 0, -1):
        m = resolve(" ".join([head, *words[:n]]))
        if m is not None and m.method == "exact":
            return m.type != "outlet"
    return False


def quoted_body_after(doc: Doc, i: int) -> bool:
    """«لـ» at *i* is followed by a quoted name the registry knows as a body, not an outlet
    (a genitive «لـ"قوات سوريا الديمقراطية"», not the outlet told «لـ"الوطن"»)."""
    from claimtrack.sources import resolve

    q = i + 1
    if not (q < len(doc.tokens) and doc.tokens[q].kind == "quote" and q in doc.seg.quotes):
        return False
    name = doc.text[doc.tokens[q].end:doc.tokens[doc.seg.quotes[q]].start]
    m = resolve(name)
    return m is not None and m.method == "exact" and m.type != "outlet" and len(name.split()) > 1 \
        and not m.id.endswith("-government")  # (not «لـ"الرياض"»: the newspaper, or a capital)


def _lam_word_continues(doc: Doc, i: int) -> bool:
    """A word with a fused لـ continues a phrase as a genitive (للحركة، لحقوق) unless it
    names an outlet the statement was made to (لوكالة، لقناة)."""
    w = doc.norm(i)
    if len(w) < 3 or w[0] != "ل":
        return False
    if is_media_word(doc, i) and _body_after_lam(doc, i):
        return True  # «تقرير سري للوكالة الدولية للطاقة الذرية»: a body named «وكالة», no outlet
    if is_media_word(doc, i) or lam_outlet(doc, i):
        return False  # «لوكالة»، «لرويترز»: the outlet spoken to
    t = doc.tokens[i]
    return not (i + 1 < len(doc.tokens) and doc.tokens[i + 1].kind == "quote"
                and doc.tokens[i + 1].start == t.end)


def noun_phrase_forward(doc: Doc, i: int, *, limit: int | None = None,
                        stop_bi: bool = False, after_lam: bool = False,
                        stop_at: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """The source phrase starting at token *i*, as a token range, or ``None``.

    *stop_at* holds the (normalised) particles the cue governs («من» of اشتكى من): the
    phrase never keeps one as a prepositional phrase of its own."""
    tokens = doc.tokens
    n = len(tokens) if limit is None else min(limit, len(tokens))
    if i >= n:
        return None
    quotes = doc.seg.quotes
    # A wholly quoted name: «وقالت "فتح" إن» → فتح.
    if tokens[i].kind == "quote" and i in quotes:
        c = quotes[i]
        if 1 < c - i <= 6 and all(tokens[k].kind == "word" and (not _stop_word(doc, k) or doc.norm(k)[:1].isdigit())
                                  for k in range(i + 1, c)):  # (a number may be part of the name: «"كردستان 24"»)
            end = c
            nxt = _extend_forward(doc, c + 1, n, head=i + 1, count=c - i - 1)
            return (i + 1, end) if nxt == c + 1 else (i, nxt)
        return None
    if doc.is_word(i) and doc.norm(i) == "كل" and doc.norm(i + 1) == "من" and doc.is_word(i + 2):
        inner = noun_phrase_forward(doc, i + 2, limit=limit, stop_bi=stop_bi)
        return (i, inner[1]) if inner is not None else None  # «كل من الوزير ونظيره»: both speak
    if tokens[i].kind != "word" or _stop_word(doc, i):
        return None
    w = doc.norm(i)
    if stop_bi and w[0] == "ب" and len(w) > 3 and not w.startswith("بال") and w not in doc.lex.words["b_words"]:
        return None  # «طالبت بفتح تحقيق»: the content, not the speaker
    if w.startswith("بال") and len(w) > 4:
        return None  # «ووصفه بالفاشل»: بـ + a definite word never opens a speaker
    if not after_lam and len(w) > 3 and w[0] == "ل" and (w.startswith("لل") or is_media_word(doc, i)):
        return None  # «قال لوكالة ...»: the outlet spoken to, not the speaker
    end = _extend_forward(doc, i + 1, n, head=i, count=1, stop_bi=stop_bi, stop_at=stop_at)
    # Drop a trailing word that is a bare particle.
    while end > i + 1 and doc.norm(end - 1) in doc.lex.words["pp_words"] \
            and not (len(doc.norm(end - 1)) > 2 and doc.norm(end - 1).startswith("من")):
        end -= 1  # (but «عدد منهم» is complete)
    end = _issuer_clause(doc, i, end, n)
    return i, _name_apposition(doc, i, end, n)


def _issuer_clause(doc: Doc, i: int, end: int, n: int) -> int:
    """Extend a document phrase over the clause naming its issuer: «التحقيقات الأولية التي
    أجرتها النيابة العامة»، «بيان أصدرته المنظمة»."""
    head = doc.bare(i)
    if not (head in doc.lex.nouns or head.removeprefix("ال") in doc.lex.nouns):
        return end
    k = end
    if doc.is_word(k) and doc.norm(k) in ("التي", "الذي"):
        k += 1
    if not (doc.is_word(k) and doc.norm(k) in doc.lex.words["issuer_verbs"]):
        return end
    np = noun_phrase_forward(doc, k + 1, limit=min(n, k + 1 + MAX_SOURCE_WORDS))
    return np[1] if np is not None else end


def _name_apposition(doc: Doc, i: int, end: int, n: int) -> int:
    """Extend a title phrase over a comma-set name: «المتحدثة باسم الخارجية، هيذر نوريت،»."""
    from claimtrack.rules.speakers import is_title

    if end >= n or doc.tokens[end].text not in ("،", ",") or not any(is_title(doc.norm(k)) for k in range(i, end)):
        return end
    if doc.word_in(i, "unnamed_heads"):
        return end  # «وحسب ما أفاد مصدر طبي، قتل خمسة»: an unnamed source has no name after it
    k = end + 1
    names = 0
    while k < n and doc.is_word(k) and names < 6:
        w = doc.norm(k)
        if (w.startswith("ال") and not is_title(w) and doc.norm(k - 1) not in ("ابو", "عبد", "ابن", "بن", "ابي")) \
                or _stop_word(doc, k) or w in doc.lex.words["time"]:
            break
        names += 1
        k += 1
    if 1 <= names <= 5 and k < n and (doc.tokens[k].text in ("،", ",", ":", ".") or _stop_word(doc, k)):
        return k
    return end


def _circumstantial_accusative(doc: Doc, k: int) -> bool:
    """An indefinite accusative participle (متوجهاً، مبتسماً): a circumstance of the verb
    after its subject, not part of it. A form in «ـها» reads so only with its tanween or
    before a preposition («متوجها إلى» — «مقرها لندن» is a noun with its pronoun)."""
    w = doc.norm(k)
    if not (len(w) >= 5 and w[0] == "م" and w.endswith("ا") and not w.endswith(("اء", "يا", "نا"))):
        return False
    if w[1] in "يوا":
        return False  # «ميراندا»، «مونيكا»: a name; participles have a consonant there (متوجها، مؤكدا)
    if not w.endswith("ها") or doc.tokens[k].text.endswith(("اً", "ًا")):
        return True
    return doc.word_in(k + 1, "prepositions")


def _is_affiliation(doc: Doc, k: int) -> bool:
    """An adjective of affiliation, definite or not (التابعة، تابعة، المقربة، موالية)."""
    if not doc.is_word(k):
        return False
    aff = doc.lex.words["affiliation"]
    w = doc.norm(k)
    return w in aff or "ال" + w in aff


def _names_entry(doc: Doc, s: int, e: int) -> bool:
    """True when tokens ``[s, e)`` are a registry name or alias, or an outlet's head with
    its name (قناة المسيرة), complete without an affiliation; a generic head (بعثة
    التحقيق، مجموعات) needs it."""
    if e <= s:
        return False
    if e - s >= 2 and is_media_word(doc, s):
        return True  # «قناة الفجر»: an outlet's head with its name
    return _named(doc.text[doc.tokens[s].start:doc.tokens[e - 1].end])


def affiliation_tail_at(doc: Doc, k: int, n: int) -> int | None:
    """The end of an affiliation tail («التابع للأمم المتحدة») starting at word *k*, or None."""
    return _affiliation_tail(doc, k, n) if _is_affiliation(doc, k) else None


def _affiliation_tail(doc: Doc, k: int, n: int) -> int | None:
    """The end of «التابعة لمنظمة حظر الأسلحة» / «تابعة لها» starting at the adjective *k*."""
    j = k + 1
    w = doc.norm(j)
    if not doc.is_word(j) or not (w in ("من", "عن") or (w[:1] == "ل" and len(w) > 1)):
        return None
    if w in ("له", "لها", "لهم", "لهما"):
        return j + 1
    start = j + 1 if w in ("من", "عن") else j
    end = _extend_forward(doc, start + 1, min(n, start + 6), head=start, count=1)
    if w not in ("من", "عن") and end == start + 1 and len(w) <= 3:
        return None
    return end


#: The longest relative clause passed over between a subject and its verb.
MAX_RELATIVE_WORDS = 8


def _relative_before(doc: Doc, end: int, floor: int) -> int | None:
    """The relative pronoun of a clause «التي/الذي ...» ending at *end* (no comma or
    complementiser inside), whose noun is then the subject; or None."""
    words = doc.lex.words
    for r in range(end - 2, max(floor - 1, end - 2 - MAX_RELATIVE_WORDS), -1):
        if not doc.is_word(r):
            return None
        w = doc.norm(r)
        if w in words["relative_who"]:
            return r if r > floor and doc.is_word(r - 1) else None
        if w in words["complementizers"]:
            return None
    return None


#: The longest comma-set clause passed over between a subject and its verb.
MAX_COMMA_CLAUSE = 10


def _comma_clause_before(doc: Doc, j: int, floor: int) -> int:
    """When token *j* closes a comma-set relative clause or unnamed-source formula
    («، الذي لم يشارك في الدراسة،»، «، طلب عدم ذكر اسمه،») right before a verb, the token
    before its opening comma; else *j*."""
    if not (j > floor and doc.tokens[j].text in ("،", ",")):
        return j
    words = doc.lex.words
    for o in range(j - 1, max(floor, j - 1 - MAX_COMMA_CLAUSE), -1):
        t = doc.tokens[o]
        if t.text in ("،", ","):
            inner = range(o + 1, j)
            if doc.word_in(o + 1, "relative_who") or any(doc.word_in(m, "identity_words") for m in inner) \
                    or doc.norm(o + 1) in ("وهو", "وهي", "وهم") \
                    or (_title_word(doc, o + 1) and o - 1 >= floor and doc.is_word(o - 1)) \
                    or (1 <= len(inner) <= 4 and o - 1 >= floor and doc.is_word(o - 1)
                        and any(_title_word(doc, m) for m in range(max(floor, o - 6), o))
                        and all(doc.is_word(m) and not doc.norm(m).startswith("ال") and doc.info(m) is None
                                and not doc.word_in(m, "prepositions") for m in inner)):
                # «X، وهو منظمة غير حكومية مقرها وجدة، اعتبر»، «أبو بكر الفاضل، المتحدث باسم اللجان، قال»،
                # «المستشار الإعلامي للقائد، مبارك أبكر، نفى»
                return o - 1 if o - 1 >= floor and doc.is_word(o - 1) else j
            return j
        if t.kind not in ("word", "quote"):
            return j
    return j


def _title_word(doc: Doc, k: int) -> bool:
    from claimtrack.rules.speakers import is_title

    return doc.is_word(k) and is_title(doc.norm(k)) and doc.norm(k) not in doc.lex.words["unnamed_heads"]


def _affiliation_before(doc: Doc, end: int, floor: int) -> int | None:
    """The adjective of an affiliation tail ending at *end* («... تابعة لها |خلصت»)."""
    for a in range(end - 2, max(floor - 1, end - 8), -1):
        if not doc.is_word(a):
            return None
        if _is_affiliation(doc, a):
            tail = _affiliation_tail(doc, a, end)
            return a if tail == end else None
        if doc.info(a) is not None or doc.norm(a) in doc.lex.words["complementizers"]:
            return None
    return None


def _extend_forward(doc: Doc, j: int, n: int, *, head: int, count: int, stop_bi: bool = False,
                    stop_at: frozenset[str] = frozenset()) -> int:
    """Extend a phrase from token *j*; return the end (exclusive)."""
    tokens = doc.tokens
    quotes = doc.seg.quotes
    end = j
    while j < n and count < MAX_SOURCE_WORDS:
        t = tokens[j]
        if t.kind == "word":
            w = t.norm
            at_body = w[:1] == "ب" and w[1:] in doc.lex.words["body_nouns"] and doc.word_in(head, "pp_heads")
            if stop_bi and w[0] == "ب" and len(w) >= 3 and w != "باسم" and w not in doc.lex.words["b_words"] \
                    and not place_bi(doc, j) and not at_body:
                break  # «أفادت مصادر بمقتل ...»: the content opens
            if w in stop_at:
                break  # «واشتكى المزارعون من نقص ...»: the cue's own particle
            if _pp_allowed(doc, head, j) and len(w) > 2 and w.startswith("من"):
                j += 1  # «عدد منهم»: a prepositional phrase complete with its pronoun
                end = j
                count += 1
                continue
            if _pp_allowed(doc, head, j) and doc.is_word(j + 1) and j + 2 < n and doc.is_word(j + 2) \
                    and (doc.norm(j + 1) in doc.lex.words["pp_words"] or doc.norm(j + 1) == "علي") \
                    and not _stop_word(doc, j + 2) and doc.norm(j + 2) not in doc.lex.nouns:
                j += 2  # «من على أرض الواقع»، «من داخل المستشفى»: a compound preposition
                count += 2
                continue
            if (_pp_allowed(doc, head, j) or (j - 1 > head and doc.word_in(j - 1, "quantity_heads")
                                               and doc.norm(j) == "من")) \
                    and doc.norm(j + 1) not in doc.lex.nouns \
                    and not _occasion(doc, j + 1) and (  # «في اجتماعها»: the speaker's occasion
                    (doc.is_word(j + 1) and not _stop_word(doc, j + 1)) or (
                    j + 1 < n and tokens[j + 1].kind == "quote" and j + 1 in quotes)):
                j += 1
                count += 1
                continue
            if w == "باسم" or (w.startswith("بال") and len(w) > 4 and doc.info(j) is None) or at_body:
                # («مصدر بوزارة المالية»: "at the ministry")
                j += 1
                end = j
                count += 1
                continue
            if w in ("ل", "لـ") and quoted_body_after(doc, j):
                j = doc.seg.quotes[j + 1] + 1  # «المركز الإعلامي لـ"قوات سوريا الديمقراطية"»: whose office
                end = j
                count += 1
                continue
            if w[0] == "ل" and not w.startswith("لل") and w not in ("لم", "لن", "لا", "لكن"):
                if w[1:] in doc.lex.words["audiences"] or not _lam_word_continues(doc, j):
                    break
            elif w.startswith("لل") and (is_media_word(doc, j) or lam_outlet(doc, j)
                                         or ("ال" + w[2:] in doc.lex.words["audiences"]
                                             and not is_media_word(doc, head))) \
                    and not _body_after_lam(doc, j):  # (not «الوكالة الوطنية للإعلام»: its name)
                break  # «للوكالة»، «للجزيرة»، «للصحفيين»: who it was said to
            if w in doc.lex.words["apposition_words"] or (
                    _circumstantial_accusative(doc, j) and doc.norm(j - 1) != "باسم"):
                break  # «كيلي البالغة من العمر»، «شارون متوجها إلى أنصاره» (not «باسم مكتبها في»)
            if _is_affiliation(doc, j) and tokens[j - 1].kind == "word" and not _names_entry(doc, head, j):
                tail = _affiliation_tail(doc, j, n)  # «بعثة التحقيق التابعة لمنظمة ...»
                if tail is not None:
                    count += tail - j
                    j = end = tail
                    continue
            if _stop_word(doc, j):
                break
            j += 1
            end = j
            count += 1
        elif t.kind == "quote" and j in quotes:
            c = quotes[j]
            inner = range(j + 1, c)
            heads = doc.lex.words["name_heads"]
            named = False
            for m in range(max(head, j - 6), j):
                for prev in (doc.norm(m), doc.bare(m)):
                    if prev.endswith("ته"):
                        prev = prev[:-2] + "ه"
                    named = named or prev in heads or (prev.startswith("ال") and prev[2:] in heads) or (
                        prev.startswith("لل") and prev[2:] in heads)
            after = tokens[c + 1] if c + 1 < n else None
            short_tail = (0 < c - j - 1 <= 3 and count <= 6 and after is not None and (
                after.text in ("،", ",", "(", ")") or after.norm in ("عن", "قوله", "قولها")))
            # (a complementiser inside a name after its head is a letter sequence: «شبكة "سي إن إن"»)
            # (first in the quotation only when the phrase goes on after it: «"إن بي سي" الأمريكية أن»)
            comps = doc.lex.words["complementizers"]
            goes_on = c + 1 < n and tokens[c + 1].kind == "word"
            if (named or short_tail) and 0 < c - j - 1 <= 9 and all(
                    (tokens[k].kind == "word" or tokens[k].text in ("-", "–")) and not _is_cue_word(doc, k)
                    and (doc.norm(k) not in comps or (named and c - j - 1 <= 4 and (k > j + 1 or goes_on)))
                    for k in inner):
                count += c - j - 1
                j = c + 1
                end = j
                continue
            break
        elif t.text == "(":
            c = j + 1
            while c < n and c - j <= 6 and tokens[c].text != ")" and tokens[c].kind == "word":
                c += 1
            if any(doc.norm(m)[:1].isdigit() for m in range(j + 1, c)):
                break  # «أبو أحمد (60 عاما)»: an age, not part of the name
            if c < n and tokens[c].text == ")" and c > j + 1:
                j = c + 1
                end = j
                continue
            break
        else:
            break
    return end


def noun_phrase_backward(doc: Doc, v: int, *, floor: int) -> tuple[int, int] | None:
    """The subject phrase ending just before the verb at *v* (subject-first order), or ``None``.

    Auxiliaries between subject and verb (قد، كان، وكانت ... قد) are skipped; the phrase
    must start at a clause boundary at or after *floor* (a comma, the sentence start, a
    complementiser, لكن ...).
    """
    tokens = doc.tokens
    words = doc.lex.words
    j = v - 1
    while j >= floor and doc.is_word(j) and doc.norm(j) in words["auxiliaries"]:
        j -= 1
    j = _comma_clause_before(doc, j, floor)  # «X، الذي لم يشارك في الدراسة، حذر ...»
    end = j + 1
    count = 0
    quotes = doc.seg.closers
    rel = _relative_before(doc, end, floor)
    if rel is not None:  # «المعلومات التي تنقل للجهات الأمنية تشير»: the noun the clause hangs from
        head = noun_phrase_backward(doc, rel, floor=floor)
        if head is not None and (doc.bare(head[0]).startswith("ال") or _names_entry(doc, head[0], head[1])):
            return head  # (a definite noun or a name: «وحاول تبرير النكسة التي ...» has no subject here)
    aff = _affiliation_before(doc, end, floor)
    if aff is not None:  # «بعثة تقصي حقائق تابعة لها خلصت»
        j, count = aff - 1, end - aff
    while j >= floor and count < MAX_SOURCE_WORDS:
        t = tokens[j]
        if t.kind == "word":
            if doc.norm(j) in words["auxiliaries"]:
                break
            if _stop_word(doc, j) and not any(
                    _pp_allowed(doc, k, j) and all(tokens[x].kind != "punct" for x in range(k, j))
                    for k in range(max(floor, j - 3), j)) and not (
                    doc.norm(j) == "علي" and any(  # «تقارير من على أرض الواقع»: a compound preposition
                        _pp_allowed(doc, k, j - 1) for k in range(max(floor, j - 4), j - 1))):
                break
            j -= 1
            count += 1
        elif t.kind == "quote" and j in quotes:
            o = quotes[j]
            if o < floor or j - o > 6:
                break
            j = o - 1
            count += 1
        else:
            break
    start = j + 1
    if start >= end:
        return None
    # The phrase must begin the clause: only a boundary (or nothing) may precede it; a
    # word with the conjunction و inside the span opens a new clause («... وروحاني يتعهد»).
    vinfo = doc.info(v)
    coordinated = vinfo is not None and vinfo.number in ("du", "pl")  # «موسكو ودمشق اتهمتا»
    if j >= floor and tokens[j].kind == "word" and not coordinated:
        for m in range(end - 1, start - 1, -1):
            w = doc.norm(m)
            if len(w) > 3 and w[0] == "و" and w not in words["waw_words"] and doc.is_word(m) \
                    and not _second_field(doc, start, m):
                j = m - 1
                start = m
                break
    if j >= floor and tokens[j].kind == "word" and not (
            j + 1 == start and doc.norm(start)[:1] == "و" and doc.norm(start) not in words["waw_words"]) and not (
            doc.norm(j) in words["clause_openers"] or doc.norm(j) in words["complementizers"]
            or doc.norm(j) in words["auxiliaries"]):
        return None
    while start < end and not doc.is_word(start) and tokens[start].kind != "quote":
        start += 1
    if start >= end:
        return None
    # Auxiliaries skipped, the first word may still be an auxiliary-led «وكان»: drop it.
    while start < end and (doc.norm(start) in words["auxiliaries"] or doc.norm(start) in words["clause_openers"]):
        start += 1  # (and «أما الوزير فقد أكد»: the topic marker)
    if end - start == 1 and doc.norm(start) in words["contrast"]:
        return None  # «لكنها تقول»: the pronoun is the subject, the speaker is implicit
    if aff is not None and (start >= aff or _names_entry(doc, start, aff)):
        end = aff  # «قناة المسيرة التابعة للحوثيين»: a name is complete without its affiliation
    return (start, end) if start < end else None




def split_object(doc: Doc, rng: tuple[int, int]) -> tuple[int, int]:
    """Cut a verb-first phrase where the subject ends and the object begins (see :func:`_split_rules`).

    A phrase holding the clause that names a document's issuer («التحقيقات التي أجرتها
    السلطات») is kept up to that clause's end."""
    for k in range(rng[0], rng[1]):
        if doc.is_word(k) and doc.norm(k) in doc.lex.words["issuer_verbs"]:
            inner = noun_phrase_forward(doc, k + 1, limit=rng[1])
            if inner is None:
                return rng[0], k + 1
            return rng[0], split_at_entity(doc, _split_rules(doc, inner))[1]
    cut = split_at_entity(doc, _split_rules(doc, rng))
    e = cut[1]
    if e < rng[1] and doc.tokens[e].text == "(":  # «نفت وزارة الدفاع (البنتاغون) الاتهامات»:
        close = next((m for m in range(e + 1, min(rng[1], e + 6)) if doc.tokens[m].text == ")"), None)
        if close is not None:  # the bracketed name belongs to the speaker
            return cut[0], close + 1
    return cut


def _second_field(doc: Doc, s: int, k: int) -> bool:
    """Word *k* («والسكان»، «والاجتماعية») adds a second field to the name begun at *s*: a
    definite word with و after a definite one, in the name of a body or office («وزارة
    الصحة والسكان»، «وزير التجهيز والماء») or between two relational adjectives."""
    from claimtrack.rules.speakers import is_title

    w = doc.norm(k)
    if not (k > s + 1 and w[:3] == "وال" and doc.norm(k - 1).startswith("ال")):
        return False
    return any(doc.bare(m).removeprefix("ال") in doc.lex.words["body_nouns"] or is_title(doc.norm(m))
               for m in range(s, k - 1)) or (_nisba(doc.norm(k - 1)[2:]) and _nisba(w[3:]))


def _split_rules(doc: Doc, rng: tuple[int, int]) -> tuple[int, int]:
    """Cut a verb-first phrase where the subject ends and the object begins.

    For cues that take an object («نفت الحكومة الاتهامات»): a word with an object
    pronoun, a quantifier, an adverb with بـ, a number, or an indefinite noun right
    after a definite word (not a name after a title) opens the object; so does a
    feminine definite noun after a masculine definite head («البيان الحادثة»).
    """
    from claimtrack.rules.speakers import gender_of, is_title

    s, e = rng
    titled = False
    head_gender = gender_of(doc.tokens[s].text)
    name_end = _named_prefix_end(doc, s, e)
    for k in range(s, e):
        if not doc.is_word(k):
            continue
        w = doc.norm(k)
        if k > s and doc.is_word(k) and ((doc.tokens[k - 1].kind == "quote" and k - 1 in doc.seg.closers)
                                         or doc.tokens[k - 1].text == ")") \
                and not (w.startswith("ال") and _nisba(w[2:])):  # (but «كتلة «صوت الرافدين» النيابية»)
            return s, k  # «تنظيم "الدولة الإسلامية" الهجوم»، «... (قسد) مقتل»: the name is closed
        if s < k < name_end or place_bi(doc, k) or _inside_quote(doc, s, k):
            continue  # inside a registry name («الأمم المتحدة»), a quoted name, or "in <place>": no cut
        if _second_field(doc, s, k):  # («للحقوق الاقتصادية والاجتماعية»)
            continue  # «وزارة الصحة والسكان»: a body's name with two fields
        if k > s + 1 and w.startswith("ال") and doc.norm(k - 1).startswith("ال") and doc.is_word(k - 2) \
                and not doc.tokens[k - 1].text.startswith(("أل", "إل", "آل")) \
                and not doc.norm(k - 2).startswith(("ال", "لل")) and doc.norm(k - 2) not in doc.lex.words["pp_words"] \
                and not _adjective_like(w) and not is_title(w):
            return s, k  # «أعلن وزير الداخلية القبض على ...»: a definite noun after a complete construct
        if k > s:
            prev = doc.norm(k - 1)
            raw = doc.tokens[k].text
            if w in doc.lex.words["quantifiers"] or w[:1].isdigit() or (
                    w[0] == "ب" and len(w) > 3 and not w.startswith("بال") and w != "باسم" and not place_bi(doc, k)
                    and not (w[1:] in doc.lex.words["body_nouns"] and doc.word_in(k - 1, "pp_heads"))):
                return s, k
            if len(raw) > 4 and raw.endswith(("ها", "هم")) and not w.startswith("ال") \
                    and w not in doc.lex.words["self_words"]:
                return s, k  # (a word with «ال» carries no pronoun: «المتهم» is no «متّ + هم»)
            if is_masdar_shaped(w) and not w.startswith("ال") and not (
                    len(w) == 5 and w[0] == "ا" and is_title(prev) and not doc.norm(k + 1).startswith("ال")):
                return s, k  # «وأكد الوزير استمرار الحملة»: a verbal noun, not a name after a title
            if _nisba(prev) and k - 1 > s and w.startswith("ال") and not doc.norm(s).startswith("ال") \
                    and not _adjective_like(w) and not is_title(w) and s < k - 1 and not titled:
                return s, k  # «ووصف مصدر رسمي الاتهامات بأنها ...»: an indefinite phrase ends before «ال»
            if _nisba(prev) and k - 1 > s and not _nisba(w) and not w.startswith(("ل", "ال")) and not titled \
                    and not (len(w) == 4 and w[2] == "ي") \
                    and w not in doc.lex.words["pp_words"]:
                return s, k  # «مصادر طبية مقتل ...» (not «جمعية مصارف»: a head in ية is no adjective)
            if (prev.startswith(("ال", "وال")) or (prev.startswith("لل") and k - 1 > s) or place_bi(doc, k - 1)) \
                    and not w.startswith("ال") and not w.startswith("ل") \
                    and (not titled or _common_head(doc, k)) \
                    and w not in ("بن", "ابن", "ابو") and w not in doc.lex.words["self_words"] and not (
                        _pp_allowed(doc, s, k) and (doc.bare(s).removeprefix("ال") in doc.lex.words["body_nouns"] or all(
                            _adjective_like(doc.norm(m)) and not doc.word_in(m, "pp_heads") for m in range(s + 1, k)))):
                return s, k  # (but «السلطات الصحية في محافظة ...»: the head and its adjectives keep a place)
            if (prev.startswith("ال") or place_bi(doc, k - 1) or (
                    titled and not doc.word_in(k - 1, "prepositions") and prev not in doc.lex.words["pp_words"]
                    and not prev.endswith("ه") and not _common_head(doc, k - 1) and not is_title(prev))) \
                    and w.startswith("ال") and w.endswith("ات") \
                    and len(w) > 6 and not prev.endswith("ات") and not _adjective_like(w):
                return s, k  # «نفت الحكومة الاتهامات»، «نفى الحزب الحاكم الشائعات»، «نفى الوزير أحمد سالم الاتهامات»
            if (head_gender == "m" and prev.startswith("ال") and w.startswith("ال") and raw.endswith("ة")
                    and not raw.endswith("ية") and k == s + 1):
                return s, k
        if is_title(w) and w not in doc.lex.words["unnamed_heads"]:
            titled = True  # a name may follow an office title
    return rng


def _common_head(doc: Doc, k: int) -> bool:
    """Word *k* is the head of a body or group (قوات، حكومة، عناصر), never a person's name, so
    it may open an object even after a title («اتهم المتحدث قوات الدعم السريع بـ...»)."""
    from claimtrack.sources.wordlists import word_lists

    from claimtrack.rules.speakers import is_title

    w = doc.norm(k)
    if is_title(w):
        return False  # («المتحدث باسم الحكومة وزير الإعلام ...»: a second office of the speaker)
    return w in doc.lex.words["body_nouns"] or w in doc.lex.words["pp_heads"] \
        or word_lists().head([doc.tokens[k].text], "anaphoric") == 1


def place_bi(doc: Doc, k: int) -> bool:
    """True when word *k* is «بـ» with a place noun («بالولاية»، «بمنطقة»، grammar.txt
    [place_nouns]): "in <place>", part of the phrase it follows."""
    w = doc.norm(k) if doc.is_word(k) else ""
    if len(w) < 3 or w[0] != "ب":
        return False
    rest = w[1:]
    places = doc.lex.words["place_nouns"]
    return rest in places or (rest.startswith("ال") and (rest[2:] in places or rest in places))


def split_at_quantifier(doc: Doc, rng: tuple[int, int]) -> tuple[int, int]:
    """Cut a verb-first phrase at a quantifier or a number, which never belong to a
    speaker's name: «اتهم النائب سامي فرح بعض الكتل ...» → النائب سامي فرح."""
    s, e = rng
    for k in range(s + 1, e):
        if doc.is_word(k) and (doc.norm(k) in doc.lex.words["quantifiers"] or doc.norm(k)[:1].isdigit()):
            return s, k
    return rng


def is_nisba(word: str) -> bool:
    """An indefinite relational adjective (عسكري، طبية، يمنيون), normalised.

    Examples:
        >>> is_nisba("عسكري"), is_nisba("العسكري"), is_nisba("مصدر")
        (True, False, False)
    """
    return not word.startswith("ال") and len(word) > 3 and word.endswith(("ي", "يه", "يون", "يين"))


_nisba = is_nisba


def _adjective_like(word: str) -> bool:
    """A definite word that reads as an adjective: nisba (السوري)، أفعل (الأحمر)، فعلاء،
    participles (المقيم، الحاكم، السابق), فعيل (القديم) and their feminines (العامة)."""
    w = word[2:] if word.startswith("ال") else word
    fem = len(w) > 3 and w.endswith("ه") and not w.endswith("يه")
    if fem:
        w = w[:-1]  # the feminine: «العامة» → عام (but أفعل has no feminine in ة: «الإدارة»)
    if is_masdar_shaped(w):
        return False  # «الانتهاء»، «الاستمرار»: a verbal noun
    if w.endswith("ات") and not w.endswith("يات"):
        return False  # «المؤسسات»، «المنظمات»: a plural noun, not an adjective
    return (w.endswith(("ي", "يه", "يون", "يين", "يان", "يتان", "اء")) or (len(w) == 4 and w[0] == "ا" and not fem)
            or w.startswith("م") or (len(w) == 4 and w[1] == "ا") or (len(w) == 4 and w[2] == "ي")
            or w in ("عام", "خاص", "حر", "اول", "ثاني"))


def is_masdar_shaped(word: str) -> bool:
    """True when the normalised indefinite *word* has the shape of a derived verbal noun,
    which names seldom have: استفعال (استمرار)، افتعال (اعتقال)، انفعال (انسحاب)، تفعيل
    (تأكيد)، إفعال (إغلاق). (تفاعل is left out: «تراجع» has the shape of «ترامب»; إفعال is
    the shape of a few names — «إسحاق» — so callers do not read it right after a title.)

    Examples:
        >>> [is_masdar_shaped(w) for w in ("استمرار", "اعتقال", "انسحاب", "تاكيد")]
        [True, True, True, True]
        >>> [is_masdar_shaped(w) for w in ("بوتين", "ماكرون", "محمد", "اردوغان", "ترامب")]
        [False, False, False, False, False]
    """
    w = word
    n = len(w)
    return (n == 7 and w.startswith("است") and w[5] == "ا") \
        or (n == 6 and w[0] == "ا" and w[2] == "ت" and w[4] == "ا") \
        or (n == 6 and w.startswith("ان") and w[4] == "ا") \
        or (n == 5 and w[0] == "ت" and w[3] == "ي") \
        or (n == 5 and w[0] == "ا" and w[3] == "ا")


def _inside_quote(doc: Doc, s: int, k: int) -> bool:
    """Token *k* lies inside a quotation opened at *s* or just before it («"جبهة أحرار الوادي"»)."""
    for o in range(k - 1, max(s - 2, -1), -1):
        if doc.tokens[o].kind == "quote":
            c = doc.seg.quotes.get(o)
            return c is not None and c > k
    return False


def _named_prefix_end(doc: Doc, s: int, e: int) -> int:
    """The end of the longest prefix (two words or more) of ``[s, e)`` that names a
    registry entry or a context name, or *s*."""
    from claimtrack.sources import resolve

    words = [k for k in range(s, min(e, s + MAX_NAME_WORDS)) if doc.is_word(k)]
    for n in range(len(words), 1, -1):
        text = doc.text[doc.tokens[s].start:doc.tokens[words[n - 1]].end]
        if _named(text):
            if n > 2:  # (a context name matched with words after it: «... الوزراء تشكيل لجنة»)
                m, shorter = resolve(text), resolve(doc.text[doc.tokens[s].start:doc.tokens[words[n - 2]].end])
                if m is not None and shorter is not None and m.id == shorter.id and m.method == "context":
                    continue
            return words[n - 1] + 1
    return s


#: The longest registry name looked for at the start of a phrase being split.
MAX_NAME_WORDS = 6


def _named(text: str) -> bool:
    """True when *text* is a registry name or alias, or a context name («النيابة العامة»،
    «وزارة الداخلية») that several entries share — a name all the same."""
    from claimtrack.sources import builtin_registry, resolve
    from claimtrack.sources.mention import key

    m = resolve(text)
    return (m is not None and m.method in _NAMED) or key(text) in builtin_registry().context


#: Resolution methods that mean the words *are* an entry's name or alias (a "context" alias
#: names different bodies in different countries, «النيابة العامة», but is a name all the same).
_NAMED = frozenset({"exact", "context"})


def split_at_entity(doc: Doc, rng: tuple[int, int]) -> tuple[int, int]:
    """The longest prefix that names a registry entry ends the subject («روسيا لجوء ...»);
    a one-word definite head ends it before a definite noun that is no adjective
    («البيان الحادثة»)."""
    from claimtrack.sources import resolve

    s, e = rng
    words = [k for k in range(s, e) if doc.is_word(k)]
    if len(words) < 2:
        return rng
    for n in range(len(words), 0, -1):
        if n == len(words) and n > 1:
            whole = doc.text[doc.tokens[s].start:doc.tokens[words[-1]].end]
            if _named(whole):
                return rng
            continue
        nxt_word = doc.norm(words[n])
        if nxt_word[:1] == "و" and nxt_word not in doc.lex.words["waw_words"]:
            continue  # «واشنطن وباريس»: a coordination, not the end of the subject
        if nxt_word.startswith("ال") and _nisba(nxt_word[2:]) and words[n] == words[n - 1] + 1:
            continue  # «السلطات الصحية العراقية»: an adjective goes on with the name
        if _pp_allowed(doc, s, words[n]) and words[n] == words[n - 1] + 1:
            continue  # «السلطات الصحية في محافظة مأرب»: a place the head keeps
        prefix = doc.text[doc.tokens[s].start:doc.tokens[words[n - 1]].end]
        if _named(prefix):
            m = resolve(prefix)
            q = words[n - 1] + 1
            if m is not None and q in doc.seg.quotes and doc.seg.quotes[q] + 1 == e:
                inner = resolve(doc.text[doc.tokens[q].end:doc.tokens[e - 1].start])
                if inner is not None and inner.id == m.id:
                    return rng  # «وكالة الأنباء السورية "سانا"»: the name repeated in quotes
            return s, words[n - 1] + 1
    head, nxt = doc.norm(words[0]), doc.norm(words[1])
    if head.startswith("ال") and nxt.startswith("ال") and words[1] == s + 1 and (
            not _adjective_like(nxt) or nxt[2:] in doc.lex.words["mim_nouns"]
            or (nxt.endswith("ين") and not _nisba(nxt[2:]) and not head.endswith("ين"))
            or (head.endswith("ه") and not nxt.endswith(("ه", "ي", "يين", "يون", "ين", "ون", "ات")))):
        return s, s + 1  # (a feminine head takes a feminine adjective: «النقابة الحادث» is two phrases)
    return rng
