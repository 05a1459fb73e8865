"""Integrity of the language data in ``claimtrack/lexicon/data``.

Run after editing a data file::

    pytest tests/lexicon

Every file must load, every cue must have a valid kind, no surface form may belong to two
lemmas, and a malformed line must be reported with its file and line number.
"""

from __future__ import annotations

import importlib
import re
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from claimtrack.errors import LexiconError
from claimtrack.lexicon import load_lexicon
from claimtrack.lexicon import loader
from claimtrack.model import CUE_KINDS, SOURCE_TYPES

DATA = Path(loader.__file__).resolve().parent / "data"
MIN_LEMMAS = 80

#: Which loader reads each data file. A data file not listed here is only checked for
#: being readable UTF-8 text with content.
LOADERS = {
    "cues.txt": "claimtrack.lexicon.loader:load_lexicon",
    "prepositions.txt": "claimtrack.lexicon.loader:load_lexicon",
    "nouns.txt": "claimtrack.lexicon.loader:load_lexicon",
    "traps.txt": "claimtrack.lexicon.loader:load_lexicon",
    "grammar.txt": "claimtrack.lexicon.loader:load_lexicon",
    "noise.txt": "claimtrack.text.noise:noise_phrases",
    "concepts.txt": "claimtrack.graph.features:concept_classes",
}


def _data_files() -> list[str]:
    return sorted(p.name for p in DATA.glob("*.txt"))


@pytest.mark.parametrize("name", _data_files())
def test_every_data_file_loads(name: str) -> None:
    text = (DATA / name).read_text(encoding="utf-8")
    assert any(line.split("#", 1)[0].strip() for line in text.splitlines()), f"{name} has no data"
    target = LOADERS.get(name)
    if target is None:
        return
    module_name, func = target.split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError:
        pytest.skip(f"{module_name} is not there yet")
    assert getattr(module, func)()


def test_enough_lemmas() -> None:
    assert len(load_lexicon()) >= MIN_LEMMAS


def test_every_kind_is_valid() -> None:
    lex = load_lexicon()
    bad = {e.lemma: e.kind for e in lex.entries.values() if e.kind not in CUE_KINDS}
    assert not bad
    bad_flags = {e.lemma: sorted(e.flags - loader.CUE_FLAGS) for e in lex.entries.values()
                 if e.flags - loader.CUE_FLAGS}
    assert not bad_flags


def _cue_lines() -> list[tuple[int, loader.CueEntry, dict[str, list[str]]]]:
    """Parse ``cues.txt`` independently of the loader's own bookkeeping."""
    out = []
    for n, raw in enumerate((DATA / "cues.txt").read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        lemma, *rest = line.split()
        fields = {k: [v.strip() for v in re.split("[,،]", val) if v.strip()]
                  for k, _, val in (item.partition("=") for item in rest)}
        entry = loader.CueEntry(lemma, fields["kind"][0], frozenset(fields.get("flags", [])))
        out.append((n, entry, fields))
    return out


def test_no_form_is_owned_by_two_lemmas() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for _, entry, fields in _cue_lines():
        for form, _info in loader._generate(entry, fields):
            owners[form].add(entry.lemma)
    shared = {form: sorted(lemmas) for form, lemmas in owners.items() if len(lemmas) > 1}
    assert not shared


def test_every_lemma_reads_as_itself() -> None:
    lex = load_lexicon()
    wrong = {}
    for _, entry, fields in _cue_lines():
        if not fields.get("past"):
            continue
        info = lex.lookup(fields["past"][0])
        if info is None or info.entry.lemma != entry.lemma:
            wrong[entry.lemma] = None if info is None else info.entry.lemma
    assert not wrong


def test_other_files_are_consistent() -> None:
    lex = load_lexicon()
    assert all(t in SOURCE_TYPES for t in lex.nouns.values())
    assert {"author", "negation", "noncue"} <= set(lex.traps)
    assert all(all(phrase) for phrases in lex.traps.values() for phrase in phrases)
    assert all(p and p[0] not in ("VERB", "ل+") for p in lex.prepositions)
    lengths = [len(p) for p in lex.prepositions]
    assert lengths == sorted(lengths, reverse=True)  # the longest pattern is tried first


def test_a_good_copy_loads_like_the_built_in_data(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path, dirs_exist_ok=True)
    copy, builtin = load_lexicon(tmp_path), load_lexicon()
    assert copy.entries == builtin.entries
    assert copy.forms == builtin.forms


# (file, bad line, a phrase of the message). The bad line is appended to a copy of the file,
# or put first when it starts with "^".
MALFORMED = [
    ("cues.txt", "فعلل kind=rumour past=فعلل", "kind"),
    ("cues.txt", "فعلل kind=neutral past=فعلل colour=red", "unknown field"),
    ("cues.txt", "فعلل kind=neutral past=فعلل flags=loud", "flags"),
    ("cues.txt", "فعلل kind=neutral", "past="),
    ("cues.txt", "فعلل kind=neutral past=فعلل past2", "unknown field"),
    ("cues.txt", "قال kind=neutral past=قال", "listed twice"),
    ("cues.txt", "فعلل kind=neutral past=فعلل masdar=تأكيد", "already the masdar"),
    ("cues.txt", "قاول kind=neutral past=قال", "already a form"),
    ("prepositions.txt", "VERB عن", "cannot start"),
    ("prepositions.txt", "ل+ المصدر", "cannot start"),
    ("traps.txt", "^عبارة بلا قسم", "before any [section]"),
    ("grammar.txt", "^كلمة", "before any [section]"),
    ("grammar.txt", "[nonsense]", "unknown section"),
]


@pytest.mark.parametrize(("name", "bad", "says"), MALFORMED)
def test_malformed_copy_names_file_and_line(tmp_path: Path, name: str, bad: str, says: str) -> None:
    shutil.copytree(DATA, tmp_path, dirs_exist_ok=True)
    path = tmp_path / name
    lines = path.read_text(encoding="utf-8").splitlines()
    if bad.startswith("^"):
        lines.insert(0, bad[1:])
        line_no = 1
    else:
        lines.append(bad)
        line_no = len(lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon(tmp_path)
    message = str(info.value)
    assert str(path) in message
    assert f"line {line_no}" in message
    assert says in message
