"""Text features for claim linking: light Arabic stemming, content words, numbers.

Everything here works on :func:`claimtrack.text.normalize.normalize`-d text, so
hamza, ta marbuta, alef maqsura and diacritic variants never make two words differ.

The stemmer is deliberately light: it strips the conjunction and preposition
clitics (و ف ب ك ل), the article ال, and the commonest plural, dual and pronoun
suffixes (with the ت that a ta marbuta becomes before a pronoun or the dual:
«محاولته» and «المحاولة» give one stem), and it keeps at least three letters. Words of general news vocabulary
that name one thing (killing, wounding, attack, fire, capture, withdrawal, arrest,
denial, accusation ...) are mapped to one *concept* token so that «قتل» and «مقتل»
and «قتلى» or «ضحايا» and «وفاة» count as the same word; the classes live in
``claimtrack/lexicon/data/concepts.txt`` (:func:`concept_classes`).

Examples:
    >>> stem("والمسؤولين")
    'مسؤول'
    >>> stem("بالصواريخ")
    'صواريخ'
    >>> numbers("قتل 70 شخصاً بينهم سبعة أطفال")
    (7, 70)
    >>> numbers("مقتل ما لا يقل عن أربعين")
    (40,)
    >>> sorted(content_terms("قتل 70 شخصاً في الغارة على المدينة"))
    ['#attack', '#kill', 'شخص', 'مدين']
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from claimtrack.errors import LexiconError
from claimtrack.text.normalize import normalize

__all__ = ["stem", "content_terms", "numbers", "frames", "weekdays", "act", "ACTS", "source_terms",
           "STOPWORDS", "tokens", "act_hints", "concept_classes", "lead_figure"]

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)

# One attribution's content is normalised by several features in a row: remember a few.
_normalize = functools.lru_cache(maxsize=1024)(normalize)

#: Function words, in normalised form, that never count as content.
STOPWORDS = frozenset(normalize(w) for w in """
في من على إلى عن أن إن أنه أنها إنه إنها التي الذي الذين اللذين اللتين اللواتي هذا هذه
هذان هؤلاء ذلك تلك مع بعد قبل كان كانت يكون تكون قد لقد لا لم لن ما ماذا أو أم ثم كما
حتى منذ عند بين بينما بينهم بينها هو هي هم هن أنت نحن أي كل بعض غير دون وقد وأن وإن
فإن بأن لأن كان وكان إلا إذا إذ لكن لكنه ليس ليست أيضا أيضاً فقط نحو حول خلال عبر لدى
جميع جميعا أمس اليوم يوم أول آخر آخرين أخرى عدد عدة أكثر أقل يقل يزيد له لها لهم به بها
بهم منه منها منهم عليه عليها عليهم إليه إليها فيه فيها فيهم عنه عنها وفي ومن وعلى وإلى
وعن ومع وهو وهي وهم ولا ولم وما كذلك حيث ضد وفق بحسب حسب نقلا ذكر قال وقال قالت وقالت
أضاف وأضاف أكد وأكد أوضح وأوضح أشار وأشار مضيفا مشيرا مؤكدا تم يتم وتم جرى الى ال عام
""".split())

_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
_CLITICS = "وفبكل"
_SUFFIXES = ("اتهم", "اتها", "يهم", "يها", "ونه", "هما", "كما", "ات", "ون", "ين", "ان", "يه", "ها",
             "هم", "نا", "وا", "ه", "ي", "ا")

#: Suffixes of _SUFFIXES before which a ta marbuta is written ت: the attached pronouns
#: («محاولته» = «محاولة» + «ه») and the dual («اسطوانتين» = two «اسطوانة»).
_AFTER_TA = frozenset({"يهم", "يها", "هما", "كما", "ها", "هم", "نا", "ه", "ين", "ان"})

_ONES = {
    "واحد": 1, "اثنان": 2, "اثنين": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5,
    "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8, "ثمان": 8,
    "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
}
_TENS = {
    "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30, "اربعين": 40, "اربعون": 40,
    "خمسين": 50, "خمسون": 50, "ستين": 60, "ستون": 60, "سبعين": 70, "سبعون": 70,
    "ثمانين": 80, "ثمانون": 80, "تسعين": 90, "تسعون": 90,
}
_BIG = {"مئه": 100, "ماىه": 100, "مائه": 100, "مئات": 100, "الف": 1000, "الاف": 1000, "الفين": 2000,
        "الفان": 2000, "مليون": 1_000_000}
_NUMBER_WORDS = {**_ONES, **_TENS, **_BIG}
_DIGITS_RE = re.compile(r"\d+(?:[.,٫٬]\d+)*")


def tokens(text: str) -> list[str]:
    """The normalised word tokens of *text* (digits included).

    Examples:
        >>> tokens("قال: «أكّدَ الوزيرُ»")
        ['قال', 'اكد', 'الوزير']
    """
    return _WORD_RE.findall(_normalize(text))


def stem(word: str) -> str:
    """A light stem of one Arabic word (normalised first); never shorter than three letters.

    Examples:
        >>> [stem(w) for w in ["والمصادر", "للمدنيين", "قواتها", "كتاب", "وزير"]]
        ['مصادر', 'مدني', 'قوات', 'كتاب', 'وزير']
    """
    w = normalize(word)
    for p in _PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 3:
            w = w[len(p):]
            break
    else:
        if len(w) >= 5 and w[0] in _CLITICS:
            w = w[1:]
            for p in _PREFIXES:
                if w.startswith(p) and len(w) - len(p) >= 3:
                    w = w[len(p):]
                    break
    for s in _SUFFIXES:
        if w.endswith(s) and len(w) - len(s) >= 3:
            w = w[: -len(s)]
            if s in _AFTER_TA and len(w) >= 4 and w[-1] == "ت" and w[-2] != "ا":
                w = w[:-1]  # «محاولته» → «محاول», as «المحاولة» → «محاول»
            return w
    return w


def _strip_prefix(w: str) -> str:
    for p in _PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 3:
            return w[len(p):]
    return w


_CLASS_RE = re.compile(r"[a-z][a-z-]*")


@functools.lru_cache(maxsize=1)
def concept_classes() -> tuple[dict[str, str], dict[str, str]]:
    """The concept classes of ``lexicon/data/concepts.txt``: (stem prefix -> #concept, exact stem -> #concept).

    Loaded once and validated: a malformed line, a stem written twice or a prefix that
    would swallow another class's stem raise :class:`~claimtrack.errors.LexiconError`
    naming the line.

    Examples:
        >>> prefixes, exact = concept_classes()
        >>> prefixes["مقتل"], exact["فر"]
        ('#kill', '#flee')
    """
    label = "claimtrack/lexicon/data/concepts.txt"
    text = resources.files("claimtrack.lexicon").joinpath("data", "concepts.txt").read_text(encoding="utf-8")
    return _parse_concepts(text, label)


def _parse_concepts(text: str, label: str) -> tuple[dict[str, str], dict[str, str]]:
    prefixes: dict[str, str] = {}
    exact: dict[str, str] = {}
    where: dict[str, int] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        name, sep, rest = line.partition(":")
        name = name.strip()
        if not sep or not _CLASS_RE.fullmatch(name) or not rest.split():
            raise LexiconError(f"{label}, line {n}: write `name: stem stem ...` (got {line!r})")
        for word in rest.split():
            is_exact = word.startswith("=")
            st = normalize(word.lstrip("="))
            if not st or (not is_exact and len(st) < 3):
                raise LexiconError(f"{label}, line {n}: stem {word!r} is too short to be a prefix; "
                                   f"write it =exact")
            if st in where:
                raise LexiconError(f"{label}, line {n}: stem {word!r} is already on line {where[st]}")
            where[st] = n
            (exact if is_exact else prefixes)[st] = "#" + name
    for p, c in prefixes.items():
        for other, c2 in (*prefixes.items(), *exact.items()):
            if c2 != c and other.startswith(p):
                raise LexiconError(f"{label}, line {where[other]}: stem {other!r} of {c2} begins with "
                                   f"{p!r} of {c} (line {where[p]}); lengthen one")
    return prefixes, exact


def _concept(st: str) -> str | None:
    prefixes, exact = concept_classes()
    if st in exact:
        return exact[st]
    for n in range(3, len(st) + 1):
        c = prefixes.get(st[:n])
        if c is not None:
            return c
    return None


@functools.lru_cache(maxsize=65536)
def _term(tok: str) -> str | None:
    """The content term of one normalised token, or None for a function word or number."""
    if tok in STOPWORDS or tok in _NUMBER_WORDS or len(tok) < 2 or tok[:1].isdigit():
        return None
    st = stem(tok)
    if st in STOPWORDS or len(st) < 2:
        return None
    return _concept(st) or _concept(_strip_prefix(tok)) or st


def content_terms(text: str) -> frozenset[str]:
    """The content terms of *text*: stems of its non-function words, with concepts folded.

    Numbers are left out (two reports of one event often disagree on them); a stem
    that belongs to a concept class is replaced by the concept token (``#kill``...).
    """
    out = {t for t in map(_term, tokens(text)) if t is not None}
    return frozenset(out)


def numbers(text: str) -> tuple[int, ...]:
    """The numbers written in *text*, as digits or as common Arabic number words, sorted.

    ``عشرات`` and ``مئات`` (tens, hundreds) are not counted as exact numbers.
    """
    found: set[int] = set()
    norm = _normalize(text)
    for m in _DIGITS_RE.finditer(norm):
        raw = m.group()
        # "1,500" / "1٬500" group thousands; "3.5" / "3٫5" are decimals.
        if re.fullmatch(r"\d{1,3}(?:[,٬]\d{3})+", raw):
            found.add(int(re.sub("[,٬]", "", raw)))
        else:
            try:
                found.add(int(float(re.sub("[,٬]", "", raw).replace("٫", "."))))
            except ValueError:
                pass
    for tok in tokens(text):
        if tok[:1].isdigit():
            continue
        w = tok
        if len(w) > 3 and w[0] in "وب" and w[1:] in _NUMBER_WORDS:
            w = w[1:]
        if w in _NUMBER_WORDS and w not in ("مئات", "الاف"):
            found.add(_NUMBER_WORDS[w])
    return tuple(sorted(found))


_FIGURE_RE = re.compile(r"\d+(?:[,٬]\d{3})+|\d+(?:[.٫]\d+)?|[^\W\d_]+")


def lead_figure(text: str) -> int | None:
    """The first figure *text* names (digits or a number word), leaving out 0-2 and years.

    The lead figure of a toll is its headline number: «قتل 43 مدنياً بينهم 16 طفلاً» → 43.

    Examples:
        >>> lead_figure("قتل 43 مدنياً بينهم 16 طفلاً")
        43
        >>> lead_figure("منذ 2007 سقط أربعون قتيلاً")
        40
        >>> lead_figure("الجسر مغلق") is None
        True
    """
    for m in _FIGURE_RE.finditer(_normalize(text)):
        raw = m.group()
        if raw[0].isdigit():
            try:
                value = int(float(re.sub("[,٬]", "", raw).replace("٫", ".")))
            except ValueError:
                continue
        else:
            w = raw[1:] if len(raw) > 3 and raw[0] in "وب" and raw[1:] in _NUMBER_WORDS else raw
            if w not in _NUMBER_WORDS or w in ("مئات", "الاف"):
                continue
            value = _NUMBER_WORDS[w]
        if value > 2 and not 1900 <= value <= 2100:
            return value
    return None


_QUANTITY = frozenset(normalize(w) for w in "عشرات مئات آلاف الآلاف بالعشرات بالمئات عدد حصيلة الحصيلة".split())


def frames(text: str, *, cue_kind: str | None = None,
           terms: frozenset[str] | None = None) -> frozenset[str]:
    """Coarse claim frames of an attribution's content: ``toll`` (a count of the dead) and ``denial``.

    Two reports in one frame about one event are likely the same claim even when
    they share few words («وفاة سبعين شخصاً» / «الحصيلة 40 قتيلاً»).

    Examples:
        >>> sorted(frames("الحصيلة الأولية 40 قتيلاً"))
        ['toll']
        >>> sorted(frames("هذه المعلومات", cue_kind="denial"))
        ['denial']
        >>> frames("الحدود مفتوحة")
        frozenset()
    """
    out = set()
    if terms is None:
        terms = content_terms(text)
    toks = tokens(text)
    if "#kill" in terms and (numbers(text) or any(t in _QUANTITY for t in toks)):
        out.add("toll")
    if cue_kind == "denial":
        out.add("denial")
    return frozenset(out)


_DAYS = {normalize(d): d for d in "السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة".split()}


def weekdays(text: str) -> frozenset[str]:
    """The days of the week *text* names (normalised), e.g. to tell Friday's toll from Saturday's.

    Examples:
        >>> sorted(weekdays("قتل 11 مدنياً، السبت، وقتل مساء الجمعة 16"))
        ['الجمعه', 'السبت']
    """
    out = set()
    for t in tokens(text):
        for cand in (t, t[1:] if len(t) > 4 and t[0] in "وب" else t):
            if cand in _DAYS:
                out.add(cand)
    return frozenset(out)


#: Speech acts of a claim: what the speaker *does* with the content.
ACTS = ("report", "deny", "condemn", "blame", "demand")

_ACT_OF_KIND = {"denial": "deny", "condemnation": "condemn", "allegation": "blame", "demand": "demand"}
_ACT_OF_CONCEPT = (("#deny", "deny"), ("#condemn", "condemn"))


def act(text: str, *, cue_kind: str | None = None, terms: frozenset[str] | None = None) -> str:
    """The speech act of an attribution, one of :data:`ACTS`: from its cue kind, else its content's head.

    A denial, a condemnation, an accusation or a demand is a claim of its own: «نفى
    الجيش مقتل 40» is not the same claim as «قتل 40». A reporting cue (قال، أكد، أعلن
    ...) whose content begins with a denial or condemnation word takes that act
    («قالت الحركة إنها تدين الهجوم»).

    Examples:
        >>> act("مقتل 40 شخصاً", cue_kind="denial")
        'deny'
        >>> act("تدين استهداف الموكب", cue_kind="neutral")
        'condemn'
        >>> act("الجسر مغلق", cue_kind="assertive")
        'report'
    """
    if cue_kind in _ACT_OF_KIND:
        return _ACT_OF_KIND[cue_kind]
    head = [t for t in map(_term, tokens(text)[:3]) if t is not None]
    for concept, name in _ACT_OF_CONCEPT:
        if concept in head:
            return name
    return "report"


_NEGATIONS = frozenset(normalize(w) for w in "لم لن ليس ليست لا عدم".split())
_HINT_OF_CONCEPT = (("#deny", "deny"), ("#condemn", "condemn"), ("#blame", "blame"),
                    ("#demand", "demand"))


def act_hints(text: str, *, terms: frozenset[str] | None = None) -> frozenset[str]:
    """Speech acts a content carries anywhere in its words (a negation counts as a denial).

    A report whose content says «لم يتعرض المستشفى للقصف» or «روسيا تتحمل المسؤولية» can
    be the same claim as a denial or an accusation of another outlet.

    Examples:
        >>> sorted(act_hints("تثبت أن المستشفى لم يتعرض للقصف"))
        ['deny']
        >>> sorted(act_hints("تتحمل روسيا مسؤولية الهجمات"))
        ['blame']
        >>> act_hints("الجسر مغلق")
        frozenset()
    """
    if terms is None:
        terms = content_terms(text)
    out = {name for concept, name in _HINT_OF_CONCEPT if concept in terms}
    if any(t in _NEGATIONS for t in tokens(text)):
        out.add("deny")
    return frozenset(out)


def source_terms(text: str) -> frozenset[str]:
    """Stems of the words of a source mention, for comparing speakers across outlets.

    Examples:
        >>> source_terms("الجيش التركي") == source_terms("جيش تركيا")
        True
    """
    out = set()
    for tok in tokens(text):
        if tok in STOPWORDS or len(tok) < 2:
            continue
        st = stem(tok)
        if len(st) >= 4 and st.endswith("ي"):
            st = st[:-1]  # nisba: التركي / تركيا
        if st not in STOPWORDS:
            out.add(st)
    return frozenset(out)
