"""Phrases passed over between a cue, its speaker and its content: time words and
adverbials («في الوقت ذاته»), the outlet spoken to («لـ"الوطن"»), comma-set appositions
(«، الذي رفض الكشف عن اسمه،»), statement phrases («في بيان له») and channels («على
حسابه في تويتر»). Each function takes a token index and returns the first token after
what it skipped (the same index when there is nothing to skip).

Examples:
    >>> from claimtrack.rules.context import build_doc
    >>> doc = build_doc("وقال في الوقت ذاته إن الطريق مفتوح.")
    >>> doc.tokens[skip_time(doc, 1, len(doc.tokens))].text
    'إن'
"""

from __future__ import annotations

import functools

from claimtrack.rules.context import Doc
from claimtrack.rules.relays import published_by
from claimtrack.rules.sources import is_media_word, lam_outlet
from claimtrack.text.tokens import possessive_base

__all__ = ["skip_time", "adverbial_at", "skip_recipient", "skip_apposition", "opens_here",
           "skip_document_phrase", "channel_word", "skip_channel", "MAX_APPOSITION_WORDS"]


def skip_time(doc: Doc, j: int, limit: int) -> int:
    """Skip time words and adverbial phrases («في الوقت ذاته»، «من جهته») from token *j*."""
    words = doc.lex.words
    while j < limit and doc.is_word(j):
        if doc.norm(j) in words["time"] or doc.norm(j) in ("قد", "لقد"):
            j += 1
            continue
        n = adverbial_at(doc, j, limit)
        if not n:
            break
        j += n
    return j


@functools.lru_cache(maxsize=8)
def _first_words(phrases: frozenset[str]) -> frozenset[str]:
    return frozenset(p.split(" ", 1)[0] for p in phrases)


def adverbial_at(doc: Doc, j: int, limit: int) -> int:
    """How many words of an adverbial phrase of several words start at *j* (0 = none)."""
    phrases = doc.lex.words["adverbials"]
    first = doc.norm(j)
    if first not in _first_words(phrases):
        first = doc.bare(j)  # «وفي السياق ذاته»: with و/ف
        if first not in _first_words(phrases):
            return 0
    for n in (3, 2):
        if j + n <= limit and all(doc.is_word(m) for m in range(j, j + n)) \
                and " ".join([first] + [doc.norm(m) for m in range(j + 1, j + n)]) in phrases:
            return n
    return 0


def skip_recipient(doc: Doc, j: int, limit: int) -> int:
    """Skip the outlet spoken to when it comes before the speaker («وأوضح لـ"الوطن" مدير
    الدفاع المدني أن ...»، «وقال لرويترز مسؤول ...»): «لـ» with a quoted name, or لـ fused
    to a registry outlet's one-word name."""
    if not doc.is_word(j):
        return j
    if doc.norm(j) in ("لنا", "لي", "له", "لها", "لهم", "لهما", "لكم", "لهن"):
        return j + 1  # «وقال لنا موظف ...»، «وقالوا لنا إن ...»: the reporter or the ones told
    tokens = doc.tokens
    q = j + 1
    if q < limit and tokens[q].kind == "quote" and q in doc.seg.quotes and (
            doc.norm(j) in ("ل", "لـ") or (doc.norm(j)[:1] == "ل" and tokens[q].start == tokens[j].end)):
        c = doc.seg.quotes[q]
        if c - q <= 6 and c + 1 < limit:
            return c + 1
    if lam_outlet(doc, j):
        return j + 1
    w = doc.norm(j)
    if len(w) > 3 and w[0] == "ل" and not w.startswith("لل") and is_media_word(doc, j):
        k = j + 1  # «لوكالة رويترز»، «لقناة "X"»: a media noun with a one-word or quoted name
        if k < limit and tokens[k].kind == "quote" and k in doc.seg.quotes and doc.seg.quotes[k] - k <= 6:
            return doc.seg.quotes[k] + 1
        if k < limit and lam_outlet(doc, k, bare=True):
            return k + 1
    return j


#: The longest phrase between two commas passed over as an apposition («، الجناح العسكري
#: للحركة،») between a subject and its object.
MAX_APPOSITION_WORDS = 7


def skip_apposition(doc: Doc, j: int, limit: int, *, clause_only: bool = False) -> int:
    """Skip «، وهي جماعة ...،» / «، الذي ...،» / «، الجناح العسكري للحركة،» between a
    subject and its object: a clause or a short phrase set off by two commas (with
    *clause_only*, only a relative clause or an unnamed-source formula)."""
    tokens = doc.tokens
    if not (j < limit and tokens[j].text in ("،", ",") and doc.is_word(j + 1)):
        return j
    clause = doc.norm(j + 1) in ("وهي", "وهو", "وهم") or doc.lex.isin(doc.norm(j + 1), "relatives") \
        or any(doc.word_in(m, "identity_words") for m in range(j + 1, min(limit, j + 2 + 2 * MAX_APPOSITION_WORDS)))
    if clause_only and not clause:
        return j
    k = j + 1
    while k < limit and tokens[k].text not in ("،", ",") and tokens[k].norm not in (".", "\n"):
        if not clause and tokens[k].kind == "quote" and k in doc.seg.quotes and doc.seg.quotes[k] - k <= 6:
            k = doc.seg.quotes[k] + 1  # «، في تصريح لإذاعة "راديو مارس"،»: a quoted name inside
            continue
        if not clause and (not doc.is_word(k) or k - j > MAX_APPOSITION_WORDS
                           or doc.word_in(k, "complementizers")
                           or (doc.info(k) is not None and not doc.word_in(k, "relay_verbs"))):
            return j  # a phrase with a verb, a complementiser or a quotation: not an apposition
        k += 1
    if k < limit and tokens[k].text in ("،", ",") and doc.is_word(k + 1):
        return k + 1
    return j


def opens_here(doc: Doc, k: int) -> bool:
    """True when a complementiser or quote follows token *k* directly."""
    return (doc.is_word(k) and doc.norm(k) in doc.lex.words["complementizers"]) or (
        k < len(doc.tokens) and doc.tokens[k].kind == "quote" and k in doc.seg.quotes)


def skip_document_phrase(doc: Doc, j: int, limit: int) -> int:
    """Skip «في بيان (له)» / «في بيان بثه على وكالته "أعماق"» before an object content."""
    if not (doc.is_word(j) and doc.norm(j) == "في" and doc.is_word(j + 1) and doc.norm(j + 1) in doc.lex.nouns):
        return j
    k = j + 2
    while k < limit and doc.is_word(k) and doc.norm(k) in ("له", "لها", "لهم", "صحفي", "مكتوب", "رسمي", "مشترك"):
        k += 1
    w = doc.norm(k)
    if doc.is_word(k) and (w in ("مع", "عبر") or (len(w) > 3 and w.endswith(("ي", "يه")))):
        for m in range(k, min(limit, k + 8)):  # «في اتصال هاتفي مع نظيره، ...»: up to the comma
            if doc.tokens[m].text in ("،", ","):
                return m + 1
            if not doc.is_word(m) or doc.info(m) is not None:
                break
    pub = published_by(doc, k, min(limit, k + 1))
    if pub is not None:
        return pub[1][1] + (1 if pub[1][1] < limit and doc.tokens[pub[1][1]].kind == "quote" else 0)
    told = skip_recipient(doc, k, limit)
    if told > k and told < limit and doc.tokens[told].text in ("،", ","):
        return told  # «في حديث لقناة «الميادين»، ...»: the outlet spoken to
    return k


def channel_word(doc: Doc, k: int) -> bool:
    if not doc.is_word(k):
        return False
    channels = doc.lex.words["channels"]
    w = doc.norm(k)
    for cand in {w, doc.bare(k), w[2:] if w.startswith("ال") else "",
                 w[1:] if w[:1] == "ب" and len(w) > 3 else ""}:  # («على حسابه بمنصة "إكس"»)
        if cand in channels:
            return True
        if possessive_base(cand) in channels:
            return True  # حسابه، صفحتها
    return False


#: Channel nouns a quoted platform name may follow («منصة "إكس"»، «تطبيق "تلغرام"»).
_GENERIC_CHANNELS = frozenset({"منصه", "تطبيق", "موقع", "قناه", "شبكه", "منصات", "الرسمي", "الرسميه"})


def skip_channel(doc: Doc, j: int, limit: int) -> int:
    """Skip «على حسابها في تويتر» / «عبر صفحته الرسمية» (where a statement was posted)."""
    k = j
    while k < limit and doc.word_in(k, "channel_preps") and channel_word(doc, k + 1):
        k += 2
        while k < limit and channel_word(doc, k):
            k += 1
        prev = doc.norm(k - 1).removeprefix("ب").removeprefix("ال")
        if k < limit and doc.tokens[k].kind == "quote" and k in doc.seg.quotes and doc.seg.quotes[k] - k <= 4 \
                and prev in _GENERIC_CHANNELS:
            k = doc.seg.quotes[k] + 1  # «على منصة «إكس»» (not «على صفحته في فيسبوك "لن نتراجع"»)
    return k
