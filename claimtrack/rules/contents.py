"""Stage 3: the content — where the reported material starts and ends.

The content starts after a complementiser (أن، إن، بأن، إنه ...), a colon, an opening
quote, or the particle the cue governs (أشار إلى، شدد على، كشف عن، طالب بـ); for cues
that take an object (نفى الاتهامات) it may start right after the source. It ends at the
sentence end, at the closing quote of a direct quotation (which may run over several
sentences), or where a new attribution starts inside the sentence («، مشيراً إلى ...»,
«وأضاف ...», «، بحسب ...», «التي وصفها ...»).

Examples:
    >>> from claimtrack.rules.context import build_doc
    >>> doc = build_doc('قال الوزير إن "الوضع مستقر. والطرق مفتوحة"، مضيفاً أن الجسر آمن.')
    >>> o = find_opener(doc, 2, limit=len(doc.tokens), flags=frozenset())
    >>> o.direct, doc.text[o.char:o.char + 5]
    (True, 'الوضع')
    >>> s, e, mode = content_extent(doc, o)
    >>> doc.text[s:e], mode
    ('الوضع مستقر. والطرق مفتوحة', 'direct')
"""

from __future__ import annotations

import bisect

import attrs

from claimtrack.rules.context import Doc
from claimtrack.rules.cues import relay_cue_at, trapped_reading
from claimtrack.rules.sources import is_masdar_shaped, place_bi
from claimtrack.text.tokens import SENTENCE_END, possessive_base

__all__ = ["Opener", "find_opener", "content_extent", "quote_before", "starts_attribution", "clause_break"]

#: An indirect content never runs longer than this many tokens (a text without
#: punctuation would otherwise make every content run to the end of the text).
MAX_CONTENT_TOKENS = 300

_TRIM = set(" \t\n،,.:؛;-–—…")


@attrs.frozen
class Opener:
    """Where a content starts: token index, character offset (after a fused بـ) and quoting."""

    tok: int
    char: int
    direct: bool
    quote: int | None = None  # index of the opening quote token
    kind: str = "comp"  # comp | colon | quote | particle | object | before
    pronoun: bool = False  # the complementiser carried the subject («أنها أجرت ... وتوصلت»)


def _after_quote_or_word(doc: Doc, j: int, kind: str) -> Opener | None:
    """Content starting at token *j*, entering an opening quote if one is there."""
    n = len(doc.tokens)
    if j >= n:
        return None
    t = doc.tokens[j]
    if t.kind == "quote" and j in doc.seg.quotes and j + 1 < n:
        return Opener(j + 1, doc.tokens[j + 1].start, True, j, kind)
    if t.kind == "quote" and j not in doc.seg.closers and j + 1 < n and doc.is_word(j + 1):
        return Opener(j + 1, doc.tokens[j + 1].start, False, None, kind)  # an opening mark never closed
    if t.kind == "newline":
        return None
    return Opener(j, t.start, False, None, kind)


def _after_bi(word: str) -> int:
    """The offset in *word* just after its first ب and the tatweel or short vowels that
    follow it («بـ"...»، «بِبراءة» → 1 or more; the second ب of «ببراءة» stays)."""
    i = word.find("ب") + 1 if "ب" in word else 1
    while i < len(word) - 1 and word[i] in "ـ\u064e\u0650\u0651\u0652":
        i += 1
    return max(i, 1)


def _is_comp(doc: Doc, j: int) -> bool:
    return doc.is_word(j) and doc.norm(j) in doc.lex.words["complementizers"]


def find_opener(doc: Doc, j: int, *, limit: int, flags: frozenset[str], first: int | None = None,
                skip: dict[int, int] | None = None) -> Opener | None:
    """The first content opener at or after token *j* and before *limit*.

    *first* is the first token after the cue's source: particles the cue governs
    (إلى، على، عن، بـ) only open a content there or right after time words.
    """
    tokens = doc.tokens
    quotes = doc.seg.quotes
    words = doc.lex.words
    k = j
    while k < limit:
        t = tokens[k]
        if t.kind == "newline":
            return None
        if skip and k in skip:
            k = max(skip[k], k + 1)
            continue
        if t.kind == "word":
            w = t.norm
            if w in words["complementizers"] and (doc.word_in(k - 1, "comp_blockers") or (
                    doc.norm(k - 1) == "علي" and k > 1 and tokens[k - 2].text in ("،", ","))):
                # («، على أن ترفع اللجنة نتائجها»: "provided that", no content)
                k += 1  # «دون أن يسميها»، «قبل أن»: no content opens here
                if k < limit and tokens[k].kind == "quote" and k in quotes:
                    k = quotes[k] + 1  # «بشرط أن "تتوقف الاشتباكات"»: nor in its quotation
                continue
            if w in words["complementizers"]:
                if k > 0 and doc.is_word(k - 1) and (doc.norm(k - 1) in words["conjunction_heads"]
                                                     or doc.bare(k - 1) in words["conjunction_heads"]):
                    return None  # «بيد أن ...»: a new clause, not this cue's content
                o = _after_quote_or_word(doc, k + 1, "comp")
                if o is not None and w not in ("ان", "بان"):
                    o = attrs.evolve(o, pronoun=True)
                return o
            if "ila" in flags and w == "الي":
                return _particle(doc, k)
            if "ala" in flags and w == "علي":
                return _particle(doc, k)
            if "an" in flags and w == "عن" and not (doc.possessed(k - 1) and doc.info(k - 1) is None) and not (
                    "obj" in flags and first is not None and k > first and doc.is_word(first)
                    and is_masdar_shaped(doc.norm(first))):
                return _particle(doc, k)  # not «أعلنت مسؤوليتها عن الهجوم»: that عن is the object's
                # (nor «أعلنت السلطات ارتفاع عدد القتلى ... عن»: a verbal-noun object came first)
            if "min" in flags and w == "من" and (first is None or k == first):
                return _particle(doc, k)
            if "fi" in flags and w == "في" and (first is None or k == first):
                return _particle(doc, k)
            if "bi" in flags and w[0] == "ب" and w not in words["not_bi"] and w not in words["b_words"] \
                    and not place_bi(doc, k) and (
                    first is None or k == first or (k > 0 and tokens[k - 1].text in ("،", ","))):
                if w in ("ب", "بـ"):
                    return _after_quote_or_word(doc, k + 1, "particle")
                if len(w) > 2:
                    off = _after_bi(t.text)
                    return Opener(k, t.start + max(off, 1), False, None, "particle")
        elif t.kind == "quote":
            if k in quotes:
                if _quoted_name(doc, k, limit):
                    k = quotes[k] + 1
                    continue
                return _after_quote_or_word(doc, k, "quote")
        elif t.text == ":" or t.text == "：":
            nxt = k + 1
            if _is_comp(doc, nxt) and doc.norm(nxt) in ("ان", "إن"):
                nxt += 1
            return _after_quote_or_word(doc, nxt, "colon")
        elif t.norm in SENTENCE_END:
            return None
        k += 1
    return None


def _quoted_name(doc: Doc, k: int, limit: int) -> bool:
    """A short quoted block in the frame that is a name («لـ"الشرق الأوسط"», «وكالة "أعماق"»):
    the content opens after it (a complementiser, colon or quote follows soon)."""
    c = doc.seg.quotes[k]
    if c - k - 1 > 5:
        return False
    prev = doc.tokens[k - 1] if k > 0 else None
    if prev is not None and prev.kind == "word" and (prev.norm in ("ل", "لـ") or prev.end == doc.tokens[k].start):
        return True
    if prev is not None and prev.kind == "word":
        heads = doc.lex.words["name_heads"]
        b = doc.bare(k - 1)
        if prev.norm in heads or b in heads or (b.startswith("ال") and b[2:] in heads) \
                or (b[:1] == "ل" and (b[1:] in heads or (b.startswith("لل") and b[2:] in heads))):
            return True  # «منظمة "الخوذ البيضاء"»، «لإذاعة "راديو مارس"»: a name after its head noun
    for m in range(c + 1, min(limit, c + 7)):
        t = doc.tokens[m]
        if t.kind == "newline" or t.norm in SENTENCE_END:
            return False
        if _is_comp(doc, m) or t.text == ":" or (t.kind == "quote" and m in doc.seg.quotes):
            return True
    return False


def _particle(doc: Doc, k: int) -> Opener | None:
    nxt = k + 1
    if _is_comp(doc, nxt):
        nxt += 1
    return _after_quote_or_word(doc, nxt, "particle")


def _possessed_object(doc: Doc, k: int) -> bool:
    """Word *k* reads as an object with its pronoun («ممتلكاتهم»), not a group («أحدهم»)."""
    from claimtrack.rules.subjects import object_like

    return doc.is_word(k) and not doc.norm(k).startswith("ال") and object_like(doc, k) \
        and (possessive_base(doc.norm(k)) or "") not in doc.lex.words["pp_heads"]


def starts_attribution(doc: Doc, k: int) -> bool:
    """True when token *k* begins a new attribution inside a sentence: a participle cue,
    a cue with و/ف, a prepositional cue, or a relative pronoun before a cue."""
    if not doc.is_word(k):
        return False
    w = doc.norm(k)
    lex = doc.lex
    info = doc.info(k)
    if info is not None:
        if info.form == "participle":
            # «، مؤكداً» or «مرجعاً الأمر»; «قنبلة محملة بالغاز» is an adjective
            nxt = doc.norm(k + 1)
            return doc.tokens[k - 1].text in ("،", ",") or w.endswith("ا") or nxt in lex.words["complementizers"] \
                or nxt in ("الي", "علي", ":") or (k + 1 < len(doc.tokens) and doc.tokens[k + 1].kind == "quote")
        if info.clitic and not ("strict" in info.entry.flags and _possessed_object(doc, k + 1)):
            return True  # (not «... ونقل ممتلكاتهم بعيدا»: a homograph with its object)
        if info.form == "verb" and k > 0 and doc.tokens[k - 1].text in ("،", ",") \
                and doc.norm(k + 1) in ("انها", "انه", "انهم", "انهما"):
            return True  # «تفكيك شبكة ...، قالت إنها كانت تخطط»: the speaker's own word about it
    if relay_cue_at(doc, k):
        return True  # «...، بحسب المرصد»، «وفقاً لما ذكره ...»
    if len(w) > 2 and w[0] == "و" and doc.lex.isin(w[1:], "negation_particles") and doc.info(k + 1) is not None:
        return True  # «...، ولم تذكر الوزارة ...»: a negated report of its own
    b = doc.bare(k)
    if w in lex.words["relatives"] or b in lex.words["relatives"]:
        for m in (k + 1, k + 2):
            if doc.is_word(m):
                i2 = doc.info(m)
                if i2 is not None and "strict" not in i2.entry.flags and not trapped_reading(doc, m):
                    return True  # («التي توصل إليها الفريق» is a description, not a new report)
    if w == "علي" and doc.norm(k + 1) == "حد" and doc.norm(k + 2) in ("تعبيره", "تعبيرها", "قوله", "قولها", "وصفه", "وصفها"):
        return True
    return False


def content_extent(doc: Doc, opener: Opener, *, stop_at_attribution: bool = True) -> tuple[int, int, str]:
    """The character range ``(start, end)`` of the content from *opener*, and its mode."""
    tokens = doc.tokens
    text = doc.text
    if opener.direct and opener.quote is not None:
        close = doc.seg.quotes[opener.quote]
        if not _continues(doc, close + 1) and not _coordinated_comp(doc, close + 1):
            start = opener.char
            end = tokens[close].start
            s, e = _trim(text, start, end)
            return s, e, "direct"
        # «أن "اشتباكات عنيفة" اندلعت ...»: a quoted fragment, the sentence goes on.
        s, e, _ = content_extent(doc, Opener(close + 1, tokens[close + 1].start, False, pronoun=opener.pronoun),
                                 stop_at_attribution=stop_at_attribution)  # («إنها "تدين" الهجوم وتدعو ...»)
        if _coordinated_comp(doc, close + 1) and e > s and text[e - 1] in "\"»”'":
            e -= 1  # «أن "..."، وأن "..."»: up to the last word before the closing mark
        return opener.char, e, "mixed"
    n = min(len(tokens), doc.paragraph_end(opener.tok), opener.tok + MAX_CONTENT_TOKENS)
    k = opener.tok
    end_tok = k
    mode = "indirect"
    quotes = doc.seg.quotes
    while k < n:
        t = tokens[k]
        if t.kind == "newline":
            break
        if t.kind == "quote" and k in quotes:
            c = quotes[k]
            mode = "mixed"
            k = c + 1
            end_tok = k
            continue
        if t.norm in SENTENCE_END:
            break
        if k > opener.tok and t.kind == "word" and clause_break(doc, k):
            break
        if k > opener.tok + 1 and _statement_phrase(doc, k):
            break  # «... مسؤوليتها عن الهجوم في بيان بثته إذاعة X»: where it was said, not what
        if stop_at_attribution and k > opener.tok:
            if t.text in ("،", ",", "؛", ";") and (starts_attribution(doc, k + 1) or (
                    _main_verb_after(doc, k) and subordinate_sentence(doc, opener.tok))):
                break
            info = doc.info(k)
            if t.kind == "word" and starts_attribution(doc, k) and (
                    info is None or info.form == "participle" or t.norm[0] in "وف") and not (
                    opener.pronoun and info is not None and info.form == "verb"
                    and tokens[k - 1].text not in ("،", ",")):
                break  # (a coordinated verb of the embedded subject «أنها أجرت ... وتوصلت» goes on)
        k += 1
        end_tok = k
    if end_tok <= opener.tok:
        return opener.char, opener.char, mode
    start = opener.char
    end = tokens[end_tok - 1].end
    s, e = _trim(text, start, end)
    # A closing quote at the end whose opening mark lies before the content is not ours.
    if e > s and text[e - 1] in "\"»”'" :
        last = _token_at(doc, e - 1)
        if last is not None and last in doc.seg.closers and tokens[doc.seg.closers[last]].start < s:
            s, e = _trim(text, s, e - 1)
    return s, e, mode




#: How far after «إذ/حيث + verb» the verb's complement must open for a new report.
SINCE_OPENER_WORDS = 12

#: How many words of a new subject may come between «غير أن» and its negated cue.
CONTRAST_SUBJECT_WORDS = 5


def _statement_phrase(doc: Doc, k: int) -> bool:
    """«في بيان بثته X»، «في بيان لها»: a statement noun at *k* + 1 after «في» at *k*, followed
    by the verb that published it or the pronoun of its issuer — where a claim was made."""
    if doc.norm(k) != "في" or not doc.document_noun(k + 1):
        return False
    m = k + 2
    while m < len(doc.tokens) and doc.is_word(m) and doc.info(m) is None and m - k < 5 \
            and not doc.word_in(m, "relay_verbs") and doc.norm(m) not in ("له", "لها", "لهم"):
        m += 1  # («في بيان مقتضب نقلته ...»)
    return doc.is_word(m) and (doc.word_in(m, "relay_verbs") or doc.norm(m) in ("له", "لها", "لهم"))


def subordinate_sentence(doc: Doc, k: int) -> bool:
    """True when the sentence holding token *k* opens with a subordinating word
    (``grammar.txt`` [subordinators]: «وبينما»، «وفي حين»)."""
    m = doc.sentence(k)[0]
    for p in range(k - 1, m - 1, -1):
        if doc.tokens[p].text in ("؛", ";"):
            m = p + 1  # «تضاربت الروايات؛ ففي حين أعلن X ...، أفاد Y»: the clause after a semicolon
            break
    while m < k and not doc.is_word(m):
        m += 1
    w = doc.norm(m)
    subs = doc.lex.words["subordinators"]
    if w in ("في", "وفي", "ففي"):
        return doc.norm(m + 1) in subs
    return w in subs


def _main_verb_after(doc: Doc, k: int) -> bool:
    """A comma at *k* followed by a verb cue without و/ف (the main clause's own verb)."""
    info = doc.info(k + 1)
    return info is not None and info.form == "verb" and not info.clitic and doc.is_word(k + 1)


def clause_break(doc: Doc, k: int) -> bool:
    """«لكن ...»، «بيد أن ...»، «غير أن ...»: a contrasting clause ends an indirect content."""
    w = doc.norm(k)
    if w in doc.lex.words["contrast"]:
        return True
    if w in ("وهو", "وهي") and k > 0 and doc.tokens[k - 1].text in ("،", ",") and doc.is_word(k + 1) \
            and not doc.norm(k + 1).startswith("ال") and doc.info(k + 1) is None:
        s_end = doc.sentence(k)[1]
        if not any(doc.tokens[m].text in ("،", ",") for m in range(k + 1, s_end)):
            return True  # «...، وهي حصيلة تفوق ما أعلنته الوزارة.»: the author's comment on it
    p = k - 1
    while p > 0 and doc.tokens[p].kind == "quote":
        p -= 1  # «... المجرمين،" كما طالبت ...»: a comma inside the closing quote
    if p >= 0 and doc.tokens[p].text in ("،", ",") and doc.bare(k) in doc.lex.words["comment_heads"] \
            and doc.norm(k + 1) in doc.lex.words["relatives"]:
        return True  # «...، وهو ما نفاه X»: the comment on the clause is no part of it
    if p >= 0 and doc.tokens[p].text in ("،", ",") and (
            w in doc.lex.words["while_words"] or (w == "في" and doc.norm(k + 1) == "حين")):
        return True  # «...، بينما تحدثت منظمة ...»، «...، في حين قالت ...»
    if p >= 0 and doc.tokens[p].text in ("،", ",") and w in doc.lex.words["since_words"] \
            and (info := doc.info(k + 1)) is not None and info.form == "verb" and any(
                doc.word_in(m, "complementizers") or doc.tokens[m].text == ":" or doc.word_in(m, "prepositions")
                and doc.norm(m) in ("من", "الي", "علي", "عن")
                for m in range(k + 2, min(len(doc.tokens), k + 2 + SINCE_OPENER_WORDS))):
        return True  # «...، إذ حذر المتحدث من أن ...» (not «...، إذ عبرت اليرقات مضيقا»)
    if len(w) > 3 and w[0] == "و" and w not in doc.lex.words["waw_words"] and doc.info(k) is None \
            and doc.is_headline(k):
        for m in (k + 1, k + 2):  # headline «تتوعد الحكومة الرد والمعارضة تتهم الجيش»: a new clause
            info = doc.info(m)
            if info is not None and info.form == "verb" and not info.clitic and doc.is_word(m):
                return all(doc.is_word(x) and doc.info(x) is None for x in range(k, m))
            if not doc.is_word(m):
                break
    if w in doc.lex.words["contrast_heads"] and doc.norm(k + 1) in doc.lex.words["complementizers"]:
        # «...، إلا أنها حذرت ...»: the speaker's own next cue ends the content; so does «...،
        # غير أن المفوضية لم تعلق»: a new subject with a (negated) cue; «...، إلا أن عنصرين
        # فجرا ...» goes on with what was said
        if not (k > 0 and doc.tokens[k - 1].text in ("،", ",")):
            return False
        if doc.info(k + 2) is not None:
            return True
        for m in range(k + 2, min(len(doc.tokens), k + 2 + CONTRAST_SUBJECT_WORDS)):
            if not doc.is_word(m):
                return False
            if doc.info(m) is not None:
                return doc.word_in(m - 1, "negation_particles")
        return False
    return False


def _coordinated_comp(doc: Doc, k: int) -> bool:
    """After a closing quote at ``k - 1``: «، وأن "..."» — a second complementiser joined by
    و, so the same speaker's content goes on."""
    if k < len(doc.tokens) and doc.tokens[k].text in ("،", ","):
        k += 1
    w = doc.norm(k) if doc.is_word(k) else ""
    return len(w) > 2 and w[0] == "و" and w[1:] in doc.lex.words["complementizers"]


def _continues(doc: Doc, k: int) -> bool:
    """After a closing quote at ``k - 1``: does the sentence go on with more content?"""
    if k >= len(doc.tokens):
        return False
    t = doc.tokens[k]
    if t.kind == "quote" and k in doc.seg.quotes and doc.tokens[k - 1].kind == "quote" \
            and doc.tokens[k - 1].text != t.text:
        return True  # «إن «دشت نور» "منشأة مدنية ..."»: a quoted name, then the quoted claim
    if t.kind != "word" or doc.tokens[k - 1].end != t.start and t.norm in SENTENCE_END:
        return False
    if t.kind == "word" and starts_attribution(doc, k):
        return False
    return t.kind == "word" and t.norm != "علي"


def _token_at(doc: Doc, char: int) -> int | None:
    i = bisect.bisect_right(doc.starts, char) - 1
    if i >= 0 and doc.tokens[i].start <= char < doc.tokens[i].end:
        return i
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def quote_before(doc: Doc, cue: int) -> tuple[int, int] | None:
    """For «"..."، قال X»: the character range of the quote just before the cue, if any."""
    k = cue - 1
    tokens = doc.tokens
    while k >= 0 and tokens[k].kind == "punct" and tokens[k].text in "،,":
        k -= 1
    if k >= 0 and tokens[k].kind == "quote" and k in doc.seg.closers:
        o = doc.seg.closers[k]
        if k - o > 2:
            return _trim(doc.text, tokens[o].end, tokens[k].start)
    return None
