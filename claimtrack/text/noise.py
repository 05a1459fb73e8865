"""Page noise: the parts of a scraped page that are not the article's prose.

Repeated headline lines, "الأكثر قراءة" footers, related-story labels, separator
lines (``-----``), lines without Arabic (site names, URLs, "logo"), datelines such
as ``(CNN)--`` and bylines such as ``سبق - الوكالات:``. Noise is reported as spans of
the original text; nothing is removed, so offsets never shift. The phrases live in
``claimtrack/lexicon/data/noise.txt``.

Examples:
    >>> text = "عنوان الخبر\\nعنوان الخبر\\nدمشق (CNN)-- قال الوزير إن الطريق مغلق.\\nالأكثر قراءة\\nخبر آخر"
    >>> [s.text for s in find_noise(text)]
    ['عنوان الخبر', 'دمشق (CNN)--', 'الأكثر قراءة', 'خبر آخر']
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from claimtrack.errors import LexiconError
from claimtrack.model import Span
from claimtrack.text.normalize import normalize

__all__ = ["find_noise", "noise_phrases", "dateline_outlet"]

_ARABIC = re.compile("[\u0621-\u064a]")
_SEPARATOR = re.compile(r"^[\W_]+$")
_DATELINE = re.compile(
    r"^[^\n.:]{0,80}?\(\s*(?:CNN|AFP|Reuters|AP|BBC|DPA|رويترز|أ ف ب|ا ف ب|د ب أ|واس|قنا|وام|كونا|بترا|سانا)\s*\)\s*(?:--+|—|–|-)\s*",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^\s*[\w\u0600-\u06ff]+(?: [\w\u0600-\u06ff]+)?\s+[-–—]\s+[\w\u0600-\u06ff]+(?: [\w\u0600-\u06ff]+)?\s*:\s*")
#: A dateline line on its own: a place (one to three words, maybe with a country in
#: brackets), a dash and who wrote it — an outlet in quotes, a name or a desk
#: («بغداد – «نخيل العراق»»، «الجلفة – نور الدين سعداوي»، «مأرب – «X» – خاص»).
_DATELINE_LINE = re.compile(
    r"^[\w\u0600-\u06ff]+(?: [\w\u0600-\u06ff]+){0,2}(?: \([^()\n]{1,20}\))?\s+[-–—]\s+"
    r"(?P<name>[«\"“]?[\w\u0600-\u06ff][\w\u0600-\u06ff .'-]{0,40}?[»\"”]?)"
    r"(?:\s+[-–—]\s+[\w\u0600-\u06ff]+(?: [\w\u0600-\u06ff]+)?)?\s*:?$"
)
#: Words that make an unquoted dateline name an outlet rather than a journalist.
_OUTLET_FIRST = frozenset({"صحيفه", "جريده", "موقع", "شبكه", "قناه", "وكاله", "منصه", "بوابه", "اذاعه"})
_OUTLET_LAST = frozenset({"نيوز", "بوست", "نت", "برس", "تايمز", "الاخباري", "الاخباريه", "اليوم", "24"})
#: An outlet and its place in brackets on a line of their own («عكاظ (جدة)»، «سنام (الرياض)»).
_OUTLET_PLACE_LINE = re.compile(
    r"^(?P<a>[\w\u0600-\u06ff]+(?: [\w\u0600-\u06ff]+){0,2})\s*\((?P<b>[\w\u0600-\u06ff]+(?: [\w\u0600-\u06ff]+)?)\)$")
#: A byline line: «كتب: X»، «بقلم: X»، «إعداد: X».
_BYLINE_LINE = re.compile(r"^(?:كتب|كتبت|بقلم|إعداد|اعداد|تحرير|تقرير|متابعة)\s*:\s*[^\n:]{2,40}$")
_WORDS = re.compile(r"[^\W_]+")
_WORDS_OR_NEWLINES = re.compile(r"[^\W_]+|\n")


@functools.lru_cache(maxsize=1)
def noise_phrases() -> dict[str, tuple[str, ...]]:
    """The phrases of ``noise.txt`` by section (normalised, punctuation stripped)."""
    text = resources.files("claimtrack.lexicon").joinpath("data", "noise.txt").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    section = None
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.fullmatch(r"\[(\w+)\]", line)
        if m:
            section = m.group(1)
            out.setdefault(section, [])
        elif section is None:
            raise LexiconError(f"claimtrack/lexicon/data/noise.txt, line {n}: {line!r} before any [section]")
        else:
            out[section].append(_key(line))
    return {k: tuple(v) for k, v in out.items()}


def _key(line: str) -> str:
    return " ".join(_WORDS.findall(normalize(line)))


def _line_keys(text: str) -> list[str]:
    """``_key`` of every line of *text* (split at ``\\n``), from one pass over the whole text.

    Normalising never deletes, adds or moves a line break, and what strip() removes
    around a line is no part of a word, so this is ``[_key(line) for line in lines]``.
    """
    words = _WORDS_OR_NEWLINES.findall(normalize(text))
    return [k.strip(" ") for k in " ".join(words).split("\n")]


def _repeats(key: str, earlier: list[str]) -> bool:
    """True when *key* is an earlier line written out two or more times (spaces aside)."""
    return _repeats_squashed(key, [s.replace(" ", "") for s in earlier])


def _repeats_squashed(key: str, earlier: list[str]) -> bool:
    """:func:`_repeats`, with the spaces already taken out of the *earlier* lines."""
    squashed = key.replace(" ", "")
    for s in earlier:
        if len(s) > 10 and len(squashed) % len(s) == 0 and len(squashed) > len(s) and squashed == s * (len(squashed) // len(s)):
            return True
    return False


def find_noise(text: str) -> list[Span]:
    """Spans of page noise in *text*, in order (whole lines, or a dateline/byline prefix)."""
    phrases = noise_phrases()
    line_set = set(phrases.get("line", ()))
    footers = tuple(f for f in phrases.get("footer", ()) if f)
    credits = tuple(phrases.get("credit", ()))
    spans: list[Span] = []
    seen_set: set[str] = set()
    first_squashed: list[str] = []  # the first three lines' keys, spaces taken out
    in_footer = False
    pos = 0
    for line, key in zip(text.split("\n"), _line_keys(text)):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        lstart = start + (len(line) - len(line.lstrip()))
        lend = lstart + len(stripped)
        noise = in_footer
        if not noise and key.startswith(footers):
            noise = in_footer = True
        if not noise:
            noise = (
                key in line_set
                or _SEPARATOR.match(stripped) is not None
                or not _ARABIC.search(stripped)
                or (stripped.startswith("*") and key.startswith(credits))
                or key in seen_set
                or _repeats_squashed(key, first_squashed)
            )
        if not noise and len(first_squashed) < 4 and len(stripped) <= 80 and (
                _DATELINE_LINE.match(stripped) or _BYLINE_LINE.match(stripped) or _OUTLET_PLACE_LINE.match(stripped)
                or ((m0 := _DATELINE.match(stripped)) is not None and m0.end() == len(stripped))):
            noise = True  # a dateline or byline on a line of its own, near the top
        if noise:
            spans.append(Span.of(text, lstart, lend))
        else:
            m = _DATELINE.match(stripped) or _BYLINE.match(stripped)
            if m and m.end() < len(stripped):
                spans.append(Span.of(text, lstart, lstart + len(m.group().rstrip())))
        if key:
            seen_set.add(key)
            if len(first_squashed) < 3:
                first_squashed.append(key.replace(" ", ""))
    return spans


_DATELINE_NAME = re.compile(r"\(\s*([^()\n]{2,20}?)\s*\)\s*(?:--+|—|–|-)")


def _registry_outlet(name: str) -> str | None:
    """*name* when the source registry knows it as an outlet, else None."""
    from claimtrack.sources import resolve

    m = resolve(name)
    return name if m is not None and m.type == "outlet" else None


def dateline_outlet(noise: list[Span] | tuple[Span, ...]) -> str | None:
    """The outlet a dateline names («دبي (CNN)--» → ``'CNN'``), from the noise spans, or None.

    Examples:
        >>> dateline_outlet(find_noise("دبي، الإمارات (CNN)-- قال الوزير إن الطريق مغلق."))
        'CNN'
    """
    for span in noise[:3]:
        m = _DATELINE_NAME.search(span.text)
        if m:
            return m.group(1)
        pair = _OUTLET_PLACE_LINE.match(span.text.strip())
        if pair:
            return _registry_outlet(pair.group("b")) or pair.group("a")  # «الرياض (واس)» / «عكاظ (جدة)»
        line = _DATELINE_LINE.match(span.text.strip())
        if line:
            name = line.group("name").strip()
            if name[:1] in "«\"“" and name[-1:] in "»\"”":
                return name[1:-1].strip() or None  # «بغداد – «نخيل العراق»»: the outlet in quotes
            words = normalize(name).split()
            if len(words) > 1 and (words[0] in _OUTLET_FIRST or words[-1] in _OUTLET_LAST):
                return name  # «بغداد – دجلة بوست»، «القاهرة – بوابة النيل»: an outlet's shape
    return None
