"""Loading and validating the language data files in ``claimtrack/lexicon/data``.

The files are plain text with ``#`` comments, written for linguists; see the header of
each file for its format. :func:`load_lexicon` reads them once (the result is cached),
generates the inflected forms of every reporting verb and checks the data: unknown
fields, unknown kinds or flags, and one form claimed by two lemmas raise
:class:`~claimtrack.errors.LexiconError` naming the file, line and field.

Examples:
    >>> lex = load_lexicon()
    >>> info = lex.lookup("وأكدت")
    >>> info.entry.lemma, info.entry.kind, info.form, info.gender, info.clitic
    ('أكد', 'assertive', 'verb', 'f', 'و')
    >>> lex.lookup("مشيرة").form
    'participle'
    >>> lex.lookup("الطريق") is None
    True
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import attrs

from claimtrack.errors import LexiconError
from claimtrack.model import CUE_KINDS
from claimtrack.text.normalize import normalize

__all__ = ["CueEntry", "FormInfo", "Lexicon", "load_lexicon", "CUE_FLAGS", "GRAMMAR_SECTIONS"]

#: Sections ``grammar.txt`` must have.
GRAMMAR_SECTIONS = (
    "complementizers", "prepositions", "time", "adverbials", "relatives", "auxiliaries",
    "quote_masdar", "pp_heads", "pp_words", "media", "feminine", "masculine",
    "relay_verbs", "clause_openers", "waw_words", "name_heads", "conjunction_heads",
    "comment_heads", "topic_nouns", "first_person", "as_words", "thus_words",
    "apposition_words", "masdar_heads", "not_speakers", "demonstratives", "audiences",
    "statement_pronouns", "contrast_heads", "mim_nouns", "channel_preps", "channels",
    "affiliation", "b_words", "issuer_verbs", "statement_verbs", "titles",
    "feminine_titles", "not_bi", "contrast", "while_words", "cue_blockers",
    "common_relay_heads", "teasers", "topic_markers", "relative_who",
    "relative_feminine", "own_statement", "latin_outlets", "unnamed_heads",
    "quantifiers", "subordinators", "own_words", "subject_pronouns", "since_words", "negation_particles", "identity_words", "self_words", "headline_topics", "headline_bodies", "page_labels", "number_words", "place_nouns", "body_nouns", "comp_blockers", "an_heads", "ala_heads", "quantity_heads",
)
_PRONOUNS = ("ه", "ها", "هم", "هما", "نا", "ني", "هن")

#: Flags a cue line may carry (see the header of ``cues.txt``).
CUE_FLAGS = frozenset({"obj", "ila", "ala", "bi", "an", "min", "fi", "objfirst", "to", "relay", "strict", "quoted", "noagent", "passive-present"})

# Suffixes of the past tense: (suffix, gender, number); gender None = not marked.
_PAST = (("", "m", "sg"), ("ت", "f", "sg"), ("ا", "m", "du"), ("تا", "f", "du"),
         ("وا", "m", "pl"), ("نا", None, "pl"), ("تم", None, "pl"))
# Object pronouns that may follow a past form: وصفه، نفته، أعلنوها
_OBJ = ("", "ه", "ها", "هم", "هما")
_PRESENT_PREFIX = (("ي", "m"), ("ت", "f"))
_PRESENT_SUFFIX = (("", "sg"), ("ون", "pl"), ("ان", "du"), ("ين", "sg"))
_PARTICIPLE = (("ا", "m", "sg"), ("ه", "f", "sg"), ("ين", "m", "pl"), ("ون", "m", "pl"),
               ("تين", "f", "du"), ("ات", "f", "pl"))
_CLITICS = ("و", "ف")


@attrs.frozen
class CueEntry:
    """One reporting lemma: its kind and flags."""

    lemma: str
    kind: str
    flags: frozenset[str] = frozenset()
    needs: tuple[str, ...] = ()

    def has(self, flag: str) -> bool:
        """True when the entry carries *flag*."""
        return flag in self.flags


@attrs.frozen
class FormInfo:
    """What a surface word is as a cue: its lemma entry, form, agreement and clitic."""

    entry: CueEntry
    form: str  # "verb" or "participle"
    tense: str | None  # "past", "present" or None for participles
    gender: str | None  # "m", "f" or None
    number: str | None  # "sg", "du", "pl"
    clitic: str = ""
    passive: bool = False  # a form listed under passive= (قيل، أفيد): never has a speaker


@attrs.frozen
class Lexicon:
    """The loaded language data. Build it with :func:`load_lexicon`."""

    forms: dict[str, FormInfo] = attrs.field(repr=False)
    entries: dict[str, CueEntry] = attrs.field(repr=False)
    prepositions: tuple[tuple[str, ...], ...] = attrs.field(repr=False)
    nouns: dict[str, str] = attrs.field(repr=False)
    traps: dict[str, tuple[tuple[str, ...], ...]] = attrs.field(repr=False)
    words: dict[str, frozenset[str]] = attrs.field(repr=False)
    noncue: frozenset[str] = attrs.field(repr=False, default=frozenset())
    prep_index: dict[str, tuple[tuple[str, ...], ...]] = attrs.field(repr=False, factory=dict)
    masdars: dict[str, CueEntry] = attrs.field(repr=False, factory=dict)
    #: Every normalised word :meth:`lookup` finds (a form, or و/ف and a form).
    cue_words: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    #: :meth:`prepositions_starting` of every word that starts a pattern.
    prep_heads: dict[str, tuple[tuple[str, ...], ...]] = attrs.field(init=False, repr=False, eq=False)
    #: The words و/ف + a one-word ``[opening]`` trap (وبين): the only words that trap may make a cue.
    opening_words: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    _clitic_infos: dict[str, FormInfo] = attrs.field(init=False, repr=False, eq=False, factory=dict)

    @opening_words.default
    def _opening_words(self) -> frozenset[str]:
        return frozenset(c + p[0] for p in self.traps.get("opening", ()) if len(p) == 1
                         for c in _CLITICS if len(p[0]) >= 2)

    @cue_words.default
    def _cue_words(self) -> frozenset[str]:
        return frozenset(self.forms) | frozenset(
            c + f for f in self.forms for c in _CLITICS if len(f) > 2)

    @prep_heads.default
    def _prep_heads(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        heads: dict[str, tuple[tuple[str, ...], ...]] = {}
        for first in self.prep_index:
            for word in (first, *(c + first for c in _CLITICS)):
                found = self.prep_index.get(word, ())
                if len(word) > 2 and word[0] in _CLITICS:
                    found = found + self.prep_index.get(word[1:], ())
                if found:
                    heads[word] = tuple(sorted(found, key=len, reverse=True))
        return heads

    def isin(self, word: str, section: str) -> bool:
        """True when the normalised *word* is in the ``grammar.txt`` section *section*."""
        return word in self.words[section]

    def prepositions_starting(self, word: str) -> tuple[tuple[str, ...], ...]:
        """The prepositional patterns whose first word is the normalised *word* (with or
        without a leading و/ف), longest first."""
        return self.prep_heads.get(word, ())

    def lookup(self, word: str) -> FormInfo | None:
        """The cue reading of *word* (with or without a leading و/ف), or ``None``."""
        key = normalize(word)
        info = self.forms.get(key)
        if info is not None:
            return info
        if len(key) > 3 and key[0] in _CLITICS:
            info = self._clitic_infos.get(key)
            if info is None:
                info = self.forms.get(key[1:])
                if info is not None:
                    info = self._clitic_infos[key] = attrs.evolve(info, clitic=key[0])
            return info
        return None

    def __len__(self) -> int:
        return len(self.entries)


_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})


@functools.lru_cache(maxsize=200_000)
def spelling_key(word: str) -> str:
    """A word without diacritics, tatweel or hamza on alef, but keeping ى/ي and ة/ه apart.

    Used for the ``[noncue]`` trap list, where «نفي» (a denial, noun) and «نفى» (he
    denied) must stay different words.
    """
    from claimtrack.text.normalize import _DELETED_RE

    return _DELETED_RE.sub("", word).translate(_ALEFS)


def _lines(name: str, path: Path | None) -> Iterator[tuple[int, str, str]]:
    """(line number, stripped line without comment, file label) for the data file *name*."""
    if path is not None:
        text = path.read_text(encoding="utf-8")
        label = str(path)
    else:
        text = resources.files("claimtrack.lexicon").joinpath("data", name).read_text(encoding="utf-8")
        label = f"claimtrack/lexicon/data/{name}"
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if line:
            yield n, line, label


def _split_list(value: str) -> list[str]:
    return [v.strip() for v in re.split("[,،]", value) if v.strip()]


def _generate(entry: CueEntry, fields: dict[str, list[str]]) -> Iterator[tuple[str, FormInfo]]:
    for i, stem in enumerate(fields.get("past", [])):
        s = normalize(stem)
        for suf, g, num in _PAST:
            if i > 0 and suf == "":
                continue  # secondary stems (قل، نف) only ever appear with a suffix
            for obj in _OBJ:
                if obj and (suf in ("تم", "نا") or len(s) < 3):
                    continue
                # «أخبروه»: the plural's silent alif drops before an object pronoun
                body = s + (suf[:-1] if obj and suf == "وا" else suf)
                yield body + ("و" if obj and suf == "تم" else "") + obj, FormInfo(entry, "verb", "past", g, num)
        if len(s) >= 2 and not s.endswith(("ا", "ى", "ي", "ن")):
            # the feminine plural «وأضفن»، «قلن» (not after a long vowel, and not doubling ن)
            yield s + "ن", FormInfo(entry, "verb", "past", "f", "pl")
    for stem in fields.get("present", []):
        s = normalize(stem)
        for pre, g in _PRESENT_PREFIX:
            for suf, num in _PRESENT_SUFFIX:
                if suf == "ين" and pre != "ت":
                    continue
                if suf == "ن" and num == "pl" and s.endswith("ن"):
                    continue
                for obj in _OBJ if len(s) >= 3 else ("",):
                    yield pre + s + suf + ("ه" if obj == "ه" and suf == "ون" else obj), FormInfo(
                        entry, "verb", "present", "f" if suf == "ين" else g, num)
    for stem in fields.get("part", []):
        s = normalize(stem)
        for suf, g, num in _PARTICIPLE:
            yield s + suf, FormInfo(entry, "participle", None, g, num)
    for word in fields.get("forms", []):
        w = normalize(word)
        yield w, FormInfo(entry, "verb", "past" if not w[:1] in "يت" else "present", None, None)
    for word in fields.get("passive", []):
        w = normalize(word)
        yield w, FormInfo(entry, "verb", "past" if not w[:1] in "يت" else "present", None, None, passive=True)


def _load_cues(path: Path | None) -> tuple[dict[str, FormInfo], dict[str, CueEntry], dict[str, CueEntry]]:
    forms: dict[str, FormInfo] = {}
    masdars: dict[str, CueEntry] = {}
    owners: dict[str, str] = {}
    entries: dict[str, CueEntry] = {}
    for n, line, label in _lines("cues.txt", path):
        lemma, *rest = line.split()
        fields: dict[str, list[str]] = {}
        for item in rest:
            key, sep, value = item.partition("=")
            if not sep or key not in {"kind", "past", "present", "part", "forms", "passive", "flags", "needs", "masdar"}:
                raise LexiconError(f"{label}, line {n}: unknown field {item!r} for {lemma!r}; "
                                   "fields are kind= past= present= part= forms= passive= flags= needs= masdar=")
            fields[key] = _split_list(value)
        kind = (fields.get("kind") or [""])[0]
        if kind not in CUE_KINDS:
            raise LexiconError(f"{label}, line {n}: field 'kind' of {lemma!r} is {kind!r}; "
                               f"use one of {', '.join(CUE_KINDS)}")
        flags = frozenset(fields.get("flags", []))
        if flags - CUE_FLAGS:
            raise LexiconError(f"{label}, line {n}: field 'flags' of {lemma!r} has unknown "
                               f"{sorted(flags - CUE_FLAGS)}; use some of {sorted(CUE_FLAGS)}")
        if not fields.get("past") and not fields.get("forms") and not fields.get("passive"):
            raise LexiconError(f"{label}, line {n}: {lemma!r} needs a 'past=' field")
        if lemma in entries:
            raise LexiconError(f"{label}, line {n}: lemma {lemma!r} is listed twice")
        entry = CueEntry(lemma, kind, flags, tuple(normalize(w) for w in fields.get("needs", [])))
        entries[lemma] = entry
        for form, info in _generate(entry, fields):
            other = owners.get(form)
            if other is not None and other != lemma:
                raise LexiconError(f"{label}, line {n}: form {form!r} of {lemma!r} is already a form "
                                   f"of {other!r}; remove the stem from one of them")
            if form not in forms:  # the first reading of a form wins within a lemma
                forms[form] = info
                owners[form] = lemma
        for word in fields.get("masdar", []):
            m = normalize(word)
            if m in masdars:
                raise LexiconError(f"{label}, line {n}: masdar {word!r} of {lemma!r} is already the "
                                   f"masdar of {masdars[m].lemma!r}")
            masdars[m] = entry
    return forms, entries, masdars


#: Slots of a prepositional pattern (see the header of ``prepositions.txt``).
_PATTERN_SLOTS = ("VERB", "ل+", "OWN")


def _load_prepositions(path: Path | None) -> tuple[tuple[str, ...], ...]:
    out = []
    for n, line, label in _lines("prepositions.txt", path):
        words = tuple(w if w in _PATTERN_SLOTS else normalize(w) for w in line.split())
        if words[0] in _PATTERN_SLOTS:
            raise LexiconError(f"{label}, line {n}: a pattern cannot start with {words[0]!r}")
        out.append(words)
    out.sort(key=len, reverse=True)
    return tuple(out)


def _load_nouns(path: Path | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for n, line, label in _lines("nouns.txt", path):
        words, _, typ = line.partition("type=")
        typ = typ.strip() or "document"
        for noun in _split_list(words):
            out[normalize(noun)] = typ
    return out


def _load_traps(path: Path | None) -> dict[str, tuple[tuple[str, ...], ...]]:
    sections: dict[str, list[tuple[str, ...]]] = {}
    current: str | None = None
    for n, line, label in _lines("traps.txt", path):
        m = re.fullmatch(r"\[(\w+)\]", line)
        if m:
            current = m.group(1)
            sections.setdefault(current, [])
            continue
        if current is None:
            raise LexiconError(f"{label}, line {n}: phrase {line!r} before any [section]")
        sections[current].append(tuple(normalize(w) for w in line.split()))
    for need in ("author", "negation", "noncue"):
        if need not in sections:
            raise LexiconError(f"traps.txt lacks the section [{need}]")
    return {k: tuple(v) for k, v in sections.items()}


def _load_grammar(path: Path | None) -> dict[str, frozenset[str]]:
    sections: dict[str, set[str]] = {}
    current: str | None = None
    for n, line, label in _lines("grammar.txt", path):
        m = re.fullmatch(r"\[(\w+)\]", line)
        if m:
            current = m.group(1)
            if current not in GRAMMAR_SECTIONS:
                raise LexiconError(f"{label}, line {n}: unknown section [{current}]; "
                                   f"sections are {', '.join(GRAMMAR_SECTIONS)}")
            sections.setdefault(current, set())
            continue
        if current is None:
            raise LexiconError(f"{label}, line {n}: word {line!r} before any [section]")
        sections[current].add(normalize(line))
    missing = [s for s in GRAMMAR_SECTIONS if s not in sections]
    if missing:
        raise LexiconError(f"grammar.txt lacks the sections {missing}")
    comps = sections["complementizers"]
    for c in list(comps):
        comps.update(c + p for p in _PRONOUNS)
    return {k: frozenset(v) for k, v in sections.items()}


@functools.lru_cache(maxsize=4)
def _load(directory: str | None) -> Lexicon:
    def p(name: str) -> Path | None:
        return None if directory is None else Path(directory) / name

    forms, entries, masdars = _load_cues(p("cues.txt"))
    traps = _load_traps(p("traps.txt"))
    noncue = _load_noncue(p("traps.txt"))
    preps = _load_prepositions(p("prepositions.txt"))
    index: dict[str, list[tuple[str, ...]]] = {}
    for pattern in preps:
        index.setdefault(pattern[0], []).append(pattern)
    return Lexicon(forms, entries, preps, _load_nouns(p("nouns.txt")), traps, _load_grammar(p("grammar.txt")),
                   noncue, {k: tuple(v) for k, v in index.items()}, masdars)


def _load_noncue(path: Path | None) -> frozenset[str]:
    out: set[str] = set()
    section = None
    for _n, line, _label in _lines("traps.txt", path):
        m = re.fullmatch(r"\[(\w+)\]", line)
        if m:
            section = m.group(1)
        elif section == "noncue":
            for w in line.split():
                out.add(spelling_key(w))
    return frozenset(out)


def load_lexicon(directory: str | os.PathLike[str] | None = None) -> Lexicon:
    """Load (once) the lexicon: the built-in data, or the data files in *directory*."""
    return _load(None if directory is None else str(directory))
