"""Stage 1: find the cues — reporting verbs and participles, prepositional cues,
attributive nouns and headline colons — and drop the traps.

Examples:
    >>> from claimtrack.rules.context import build_doc
    >>> doc = build_doc("وأكدت الوزارة أن الطريق مغلق، بحسب التلفزيون. ويذكر أن الجسر قديم.")
    >>> [(doc.span(c.start, c.end).text, c.form, c.lemma) for c in find_cues(doc)]
    [('وأكدت', 'verb', 'أكد'), ('بحسب', 'preposition', 'بحسب')]
"""

from __future__ import annotations

import functools

import attrs

from claimtrack.rules.context import Doc
from claimtrack.lexicon import FormInfo
from claimtrack.text.normalize import normalize
from claimtrack.text.tokens import possessive_base

__all__ = ["CueCandidate", "find_cues", "match_preposition", "relay_cue_at"]


@attrs.frozen
class CueCandidate:
    """A cue found in the text: tokens ``[start, end)`` and what kind of cue it is.

    ``source_at`` is where a prepositional or nominal cue's source begins (token index)
    and ``source_skip`` how many characters of that token belong to the cue (the ل of
    «لوكالة»).
    """

    start: int
    end: int
    form: str  # verb | participle | preposition | noun | colon
    lemma: str
    kind: str
    info: FormInfo | None = None
    negated: bool = False
    passive: bool = False
    source_at: int | None = None
    source_skip: int = 0
    inner_verb: int | None = None  # the VERB of «وفقاً لما ذكره»


_DAMMA = "\u064f"


def _is_passive(doc: Doc, i: int, info: FormInfo) -> bool:
    """A past verb written with a damma on its first letters (ذُكر، أُعلن، اتُّهم) is passive."""
    if info.passive:
        return True  # listed under passive= in cues.txt (قيل، أفيد)
    if info.form != "verb" or info.tense != "past":
        return False
    t = doc.tokens[i].text
    word = t[1:] if info.clitic and len(t) > 1 else t
    return _DAMMA in word[:4]


def match_preposition(doc: Doc, i: int) -> CueCandidate | None:
    """The prepositional cue (``prepositions.txt``) starting at token *i*, or None."""
    lex = doc.lex
    for pattern in lex.prep_heads.get(doc.norm(i), ()):  # (= lex.prepositions_starting)
        j = i
        skip = 0
        src_at: int | None = None
        verb: int | None = None
        ok = True
        for k, el in enumerate(pattern):
            if el == "VERB":
                info = doc.info(j)
                if info is None or info.form != "verb":
                    ok = False
                    break
                verb = j
                j += 1
                if doc.norm(j) in ("عنه", "عنها", "عنهم"):
                    j += 1
                src_at = j
            elif el == "OWN":
                if not (doc.is_word(j) and doc.norm(j) in lex.words["own_words"]):
                    ok = False
                    break
                j += 1
                src_at = None  # «على حد قوله»: no source phrase, the pronoun points back
            elif el == "ل+":
                w = doc.norm(j)
                if w in ("ل", "لـ"):
                    src_at = j + 1
                    j += 1
                elif doc.is_word(j) and len(w) > 2 and w[0] == "ل":
                    src_at = j
                    skip = 1  # «لوكالة» → وكالة; «للجيش» → لجيش (the article's ل stays)
                    j += 1
                else:
                    ok = False
                    break
            else:
                w = doc.norm(j) if doc.is_word(j) else ""
                if w == el or (k == 0 and len(w) > len(el) and w[0] in "وف" and w[1:] == el):
                    j += 1
                    src_at = j
                else:
                    ok = False
                    break
        if ok and src_at is not None and not doc.is_word(src_at) and not (
                src_at < len(doc.tokens) and doc.tokens[src_at].kind == "quote"):
            ok = False  # «لا ... فحسب، بل ...»: «فحسب» before a comma is "only", not «ف + حسب»
        if ok:
            cue_end = j if pattern[-1] != "ل+" else (j - 1 if skip or doc.norm(j - 1) not in ("ل", "لـ") else j)
            lemma = " ".join(p for p in pattern if p not in ("VERB", "ل+", "OWN"))
            return CueCandidate(i, max(cue_end, i + 1), "preposition", lemma, "relay",
                                source_at=src_at, source_skip=skip, inner_verb=verb)
    return None


def possessed_thing(doc: Doc, k: int) -> bool:
    """Word *k* (maybe with لـ) carries a possessive pronoun and is no office or source head
    (جداولها، لخطتها — not مصادرها، لمراسلها): after وفق it means "in accordance with"."""
    from claimtrack.rules.speakers import is_title

    raw = doc.tokens[k].text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    if not raw.endswith(("ه", "ها", "هم", "هما")):
        return False  # (a ta marbuta is no pronoun: «لوكالة»)
    w = doc.norm(k)
    for cand in (w[1:] if w[:1] == "ل" and len(w) > 4 else "", w):
        base = possessive_base(cand) if cand else None
        if base is not None:
            return not is_title(base) and base not in doc.lex.words["pp_heads"] \
                and cand not in doc.lex.words["own_words"]
    return False


#: Heads of prepositional cues that also mean "in accordance with" («وفق الأنظمة»).
ACCORDANCE_HEADS = frozenset({"وفق", "وفقا", "طبقا", "ووفق", "ووفقا", "وطبقا"})


def relay_cue_at(doc: Doc, i: int) -> bool:
    """True when an unambiguous prepositional cue starts at token *i* («بحسب»، «وفقاً لما ذكره»)."""
    w = doc.norm(i)
    if w not in doc.lex.prep_heads:
        return False  # (no pattern starts here: the common case, decided at once)
    common = doc.lex.words["common_relay_heads"]
    p = match_preposition(doc, i)
    if p is None:
        return False
    if (doc.bare(i) in common or w in common) and "لسان" not in p.lemma:
        return False  # (but «، وجاء على لسان X أن ...» reports on its own)
    return not (w in ACCORDANCE_HEADS and p.inner_verb is None and p.source_at is not None
                and possessed_thing(doc, p.source_at))  # «وفق جداولها»


def author_voice(doc: Doc, i: int) -> bool:
    """True when token *i* is part of an author's-voice phrase (يذكر أن، تجدر الإشارة)."""
    w, b = doc.norm(i), doc.bare(i)
    for phrase in doc.lex.traps["author"]:
        for k, pw in enumerate(phrase):
            if pw != w and pw != b:
                continue
            s = i - k
            if s < 0:
                continue
            if all(doc.norm(s + m) == phrase[m] or (m == k and doc.bare(s + m) == phrase[m])
                   for m in range(len(phrase))):
                return True
    return False


@functools.lru_cache(maxsize=1024)
def lemma_key(lemma: str) -> str:
    """The normalised form of a cue lemma, as the pairs of ``traps.txt`` are written."""
    return normalize(lemma)


@functools.lru_cache(maxsize=16)
def _first_of(pairs: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    return frozenset(p[0] for p in pairs if p)


#: How many words after a cue a [homographs] word may come («وأشار المدرب بيده»).
_HOMOGRAPH_WINDOW = 4


def trapped_reading(doc: Doc, i: int) -> bool:
    """True when the cue reading of word *i* is ruled out by its context: a noun after a
    preposition or «عدم» (:func:`blocked_cue`), a predicate noun after a subject pronoun
    («وهو طالب جامعي»), the formula of an unnamed source (:func:`anonymity_trap`) or a
    clause saying whom a source spoke to (:func:`spoke_to_trap`)."""
    info = doc.info(i)
    if info is None:
        return False
    if info.form == "verb" and blocked_cue(doc, i):
        return True  # «عن إدانتها»
    if doc.word_in(i, "relay_verbs") and (doc.word_in(i - 1, "relative_who") or doc.document_noun(i - 1)
                                          or doc.document_noun(i - 2) or (
            doc.tokens[i].text.endswith(("ه", "ها", "هم")) and doc.norm(i - 2) == "في" and doc.is_word(i - 1)
            and not doc.norm(i - 1).startswith("ال") and doc.info(i - 1) is None) or (
            doc.tokens[i].text.endswith(("ه", "ها", "هم"))
            and any(doc.norm(m - 1) == "في" and doc.document_noun(m) for m in range(max(1, i - 4), i - 1)))):
        # («في كلمة ألقاها بالمناسبة نقلتها وكالة X»)
        return True  # «البيان، الذي نقلته وكالة X»، «في تعليق نقلته X»: how it travelled, no report
    if info.form == "verb" and doc.is_word(i - 1) and (
            doc.word_in(i - 1, "number_words") or doc.norm(i - 1).lstrip("لـ")[:1].isdigit()):
        return True  # «ستة آلاف طالب»: a counted noun
    if doc.word_in(i, "quote_masdar") and any(
            doc.norm(k) == "عن" and any((j := doc.info(m)) is not None and "relay" in j.entry.flags
                                        for m in range(max(0, k - 6), k))
            for k in range(max(0, i - 8), i) if doc.is_word(k)):
        return True  # «ونقلت X عن Y وصفه الهجوم بأنه ...»: Y's description, no verb of its own
    if info.form == "verb" and info.number == "du" and doc.is_word(i - 1) and doc.norm(i - 1).endswith("ا") \
            and not doc.norm(i - 1).startswith("ال") and doc.info(i - 1) is None and len(doc.norm(i - 1)) > 3 \
            and not doc.word_in(i - 1, "complementizers"):
        return True  # «هدوءا حذرا يسود»: an adjective after an indefinite noun, no dual verb
    if info.form == "verb" and info.entry.kind == "announcement" and doc.word_in(i - 1, "relative_who") \
            and doc.tokens[i].text.endswith(("ها", "ه", "هم")) \
            and not any(doc.word_in(m, "complementizers") or (doc.is_word(m) and doc.norm(m)[:1] == "ب"
                                                               and doc.norm(m) not in doc.lex.words["b_words"])
                        for m in range(i + 1, min(len(doc.tokens), i + 5))):
        return True  # «الهدنة التي أعلنها الوسطاء قبل أسبوعين»: the antecedent is its object, nothing reported
    if (info.passive or "\u064f" in doc.tokens[i].text[:3]) and doc.word_in(i - 1, "relative_who"):
        return True  # «المحتجزين الذين يُعتقد أنهم ...»: an impersonal belief inside a description
    if doc.norm(i - 1) in ("هل", "وهل", "فهل"):
        return True  # «هل تتوقع زيارة ...؟»: a question put, not a report
    if doc.norm(i + 1) == "عدم" and any(doc.word_in(m, "identity_words") for m in range(i + 2, i + 6)):
        return True  # «، طالبا عدم ذكر اسمه»: the formula of an unnamed source, no report
    if info.form == "verb" and doc.is_word(i - 1) and doc.norm(i) == "و" + doc.norm(i - 1) + "ه":
        return True  # «طالب وطالبة»، «مواطن ومواطنة»: a noun and its feminine
    if info.form == "participle" and doc.is_word(i - 1) and (
            _adjective_before(doc.norm(i - 1)) or doc.norm(i - 1).endswith("ات")):
        return True  # «إجراءات أمنية مشددة»، «إجراءات مشددة»: an adjective, not a circumstance
    if info.form == "participle" and info.number == "pl" and doc.is_word(i - 1) and (
            doc.word_in(i - 1, "number_words") or doc.norm(i - 1).lstrip("لـ")[:1].isdigit()):
        return True  # «لثلاثة متهمين»، «لـ3 متهمين»: a counted noun
    if info.form == "verb" and info.tense == "past" and doc.word_in(i - 1, "subject_pronouns"):
        return True  # «وهو طالب جامعي»: after a pronoun subject a past form is a noun
    if info.form == "verb" and info.tense == "past" and not info.clitic and doc.is_word(i - 1) \
            and doc.norm(i - 1) != doc.norm(i):  # (not a word written twice by mistake)
        prev = doc.info(i - 1)
        if prev is not None and prev.form == "verb" and not blocked_cue(doc, i - 1):
            return True  # «وقال طالب في الجامعة»: right after a reporting verb, its subject
    homographs = doc.lex.traps.get("homographs", ())
    if homographs and lemma_key(info.entry.lemma) in _first_of(homographs):
        lemma = lemma_key(info.entry.lemma)
        seen = 0
        for k in range(i + 1, min(len(doc.tokens), i + 1 + 2 * _HOMOGRAPH_WINDOW)):
            if doc.tokens[k].kind == "quote":
                continue  # («توصلت «الصباح» بنسخة»)
            if not doc.is_word(k) or doc.word_in(k, "complementizers") or seen == _HOMOGRAPH_WINDOW:
                break
            seen += 1
            if (lemma, doc.norm(k)) in homographs:
                return True  # «سوناطراك توقع عقدا»، «وأشار المدرب بيده إلى المدرجات»
    return anonymity_trap(doc, i) or spoke_to_trap(doc, i) or in_quoted_name(doc, i)


#: The longest quoted name after a name head («شركة "نقلة"»).
_MAX_QUOTED_NAME = 5


def in_quoted_name(doc: Doc, i: int) -> bool:
    """True when word *i* is inside a short quotation right after a name head
    (``grammar.txt`` [name_heads]): «شركة "نقلة"» — a name, whatever its words look like."""
    for o in range(i - 1, max(-1, i - 1 - _MAX_QUOTED_NAME), -1):
        t = doc.tokens[o]
        if t.kind == "quote":
            c = doc.seg.quotes.get(o)
            if c is None or c < i or c - o - 1 > _MAX_QUOTED_NAME or o == 0 or not doc.is_word(o - 1):
                return False
            heads = doc.lex.words["name_heads"]
            b = doc.bare(o - 1)
            return doc.norm(o - 1) in heads or b in heads or (b.startswith("ال") and b[2:] in heads)
        if t.kind != "word":
            return False
    return False


def _adjective_before(word: str) -> bool:
    """An indefinite nisba adjective (أمنية، عسكري): a participle right after one is
    another adjective of the same noun."""
    return not word.startswith("ال") and len(word) > 3 and word.endswith(("ي", "يه", "يون", "يين"))


def blocked_cue(doc: Doc, i: int) -> bool:
    """True when the word before *i* (``grammar.txt`` [cue_blockers]: a preposition, a modal,
    «عدم») makes a cue form a noun: «عبرت عن إدانتها»، «شريطة عدم ذكر أسمائهم»."""
    return doc.is_word(i - 1) and doc.norm(i - 1) in doc.lex.words["cue_blockers"]


def anonymity_trap(doc: Doc, i: int) -> bool:
    """True when the cue word *i* opens the formula of an unnamed source («طلبت عدم الكشف
    عن هويتها»), listed under ``[anonymity]`` in ``traps.txt``."""
    info = doc.info(i)
    return info is not None and (lemma_key(info.entry.lemma), doc.norm(i + 1)) in doc.lex.traps.get("anonymity", ())


#: How many tokens after a [spoke_to] cue an «عن» makes it report after all.
_SPOKE_TO_WINDOW = 5


def spoke_to_trap(doc: Doc, i: int) -> bool:
    """True when the verb cue *i* only says whom the noun before it spoke to
    («وقال مسؤولون تحدثوا لرويترز إن ...»): ``[spoke_to]`` in ``traps.txt``. A cue with
    و/ف, or one opening its sentence or clause, is never such a description."""
    info = doc.info(i)
    if info is None or info.form != "verb" or info.clitic:
        return False
    if not doc.is_word(i - 1) and not (
            i > 0 and doc.tokens[i - 1].text in ("،", ",") and any(
                doc.word_in(m, "identity_words") or doc.norm(m) == "عدم"
                for m in range(i + 1, min(len(doc.tokens), i + 1 + 2 * _SPOKE_TO_WINDOW)))):
        return False  # (but «، تحدث لـ"X" مشترطا عدم الكشف عن هويته،» describes the source)
    pairs = doc.lex.traps.get("spoke_to", ())
    lemma = lemma_key(info.entry.lemma)
    nxt = doc.norm(i + 1)
    lam = len(nxt) > 2 and nxt[0] == "ل" and nxt not in ("لم", "لن", "لا", "لكن")
    if not ((lemma, nxt) in pairs or (lam and (lemma, "ل") in pairs) or (
            nxt == "ل" and (lemma, "ل") in pairs)):
        return False
    conditions = {p[1] for p in pairs if p[0] == lemma and p[1] != "ل" and p[1][0] != "ا"}
    for k in range(i + 2, min(len(doc.tokens), i + 2 + _SPOKE_TO_WINDOW)):
        w = doc.norm(k) if doc.is_word(k) else ""
        if w in conditions or w == "عدم":
            return True  # «شريطة عدم الكشف عن ...»: the عن is the formula's
        if w == "عن":
            return False  # «تحدثت لـ"الوطن" عن خلافات»: what was said follows
    return True


#: How many words after an [opening] trap word a complementiser may come.
_OPENING_WINDOW = 18


def _opening_cue(doc: Doc, i: int) -> FormInfo | None:
    """«وبيّن المسؤول أن ...»: a [noncue] word listed under [opening] in ``traps.txt`` is a
    cue when, with و/ف, it opens a sentence or follows a comma and a complementiser follows."""
    w = doc.norm(i)
    if w not in doc.lex.opening_words:  # (و/ف and an [opening] word)
        return None
    prev = i - 1
    if prev >= 0 and doc.tokens[prev].kind == "word":
        return None
    if prev >= 0 and doc.tokens[prev].kind != "newline" and doc.tokens[prev].text not in ("،", ",", ".", "؛") \
            and doc.seg.sentence_of[prev] == doc.seg.sentence_of[i]:
        return None
    for k in range(i + 1, min(len(doc.tokens), i + 1 + _OPENING_WINDOW)):
        if doc.tokens[k].kind == "quote":
            continue  # «وبيّن المتحدث لـ«الجنوب اليوم» أن ...»
        if not doc.is_word(k):
            return None
        if doc.norm(k) in doc.lex.words["complementizers"] and k > i + 1 \
                and not doc.word_in(k - 1, "prepositions"):  # (not «وبين الطرفين خلاف حول أن»)
            form = doc.lex.forms.get(w[1:])
            return attrs.evolve(form, clitic=w[0]) if form is not None else None
    return None


def find_cues(doc: Doc) -> list[CueCandidate]:
    """Every cue of the text in order, traps removed (see ``traps.txt``)."""
    out: list[CueCandidate] = []
    tokens = doc.tokens
    lex = doc.lex
    negators = {p[0] for p in lex.traps["negation"] if len(p) == 1}
    prep_heads = lex.prep_heads
    i = 0
    n = len(tokens)
    while i < n:
        t = tokens[i]
        if t.kind != "word" or i in doc.noisy:
            i += 1
            continue
        prep = match_preposition(doc, i) if t.norm in prep_heads else None
        if prep is not None:
            out.append(prep)
            i = max(prep.end, (prep.inner_verb or i) + 1)
            continue
        info = doc.info(i)  # the noncue traps are already left out
        if info is None and t.norm in lex.opening_words:
            info = _opening_cue(doc, i)
        if info is not None and trapped_reading(doc, i):
            info = None
        if info is not None and not author_voice(doc, i):
            negated = doc.norm(i - 1) in negators and doc.is_word(i - 1) and not (
                doc.norm(i - 1) == "ما" and doc.is_word(i - 2))  # «وهو ما نفاه»: ما is relative
            out.append(CueCandidate(i, i + 1, info.form, info.entry.lemma, info.entry.kind, info,
                                    negated=negated, passive=_is_passive(doc, i, info)))
        i += 1
    return out
