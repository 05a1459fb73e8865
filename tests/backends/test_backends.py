"""Tests of the parse-based backends: CoNLL-U reading, offsets, tree attributions, stanza glue."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.backends.conllu import read_conllu
from claimtrack.backends.parse import TokenRow, WordRow, build_doc
from claimtrack.backends.stanza import check_annotations, extract_from_doc
from claimtrack.backends.tree import tree_attributions
from claimtrack.errors import ParseError

pytestmark = pytest.mark.stanza

ROOT = Path(__file__).resolve().parents[2]
UD = ROOT.parent / "shared" / "ud"


def conllu(rows: list[tuple], *, text: str | None = None, doc: str | None = None, sent: str = "s1") -> str:
    """CoNLL-U from rows (id, form, lemma, upos, head, deprel[, misc]); id may be 'a-b'."""
    out = [] if doc is None else [f"# newdoc id = {doc}"]
    out.append(f"# sent_id = {sent}")
    if text is not None:
        out.append(f"# text = {text}")
    for r in rows:
        if isinstance(r[0], str) and "-" in r[0]:
            out.append(f"{r[0]}\t{r[1]}\t_\t_\t_\t_\t_\t_\t_\t_")
        else:
            misc = r[6] if len(r) > 6 else "_"
            out.append(f"{r[0]}\t{r[1]}\t{r[2]}\t{r[3]}\t_\t_\t{r[4]}\t{r[5]}\t_\t{misc}")
    return "\n".join(out) + "\n\n"


# وقال المتحدث بأنه "سيأتي".  (و+قال and ب+أن+ه are multi-word tokens)
MWT = conllu([
    ("1-2", "وقال"), (1, "و", "و", "CCONJ", 0, "root"), (2, "قال", "قال", "VERB", 1, "parataxis"),
    (3, "المتحدث", "متحدث", "NOUN", 2, "nsubj"),
    ("4-6", "بأنه"), (4, "ب", "ب", "ADP", 5, "case"), (5, "أن", "أن", "SCONJ", 8, "mark"),
    (6, "ه", "هو", "PRON", 8, "nsubj"),
    (7, '"', '"', "PUNCT", 8, "punct", "SpaceAfter=No"), (8, "سيأتي", "أتى", "VERB", 2, "ccomp", "SpaceAfter=No"),
    (9, '"', '"', "PUNCT", 8, "punct", "SpaceAfter=No"), (10, ".", ".", "PUNCT", 1, "punct"),
], text='وقال المتحدث بأنه "سيأتي".', doc="d1")


def test_multiword_tokens_get_exact_offsets() -> None:
    [d] = read_conllu(MWT)
    assert d.ok and d.doc is not None
    doc = d.doc
    got = [(w.form, doc.text[w.start:w.end], doc.text[w.token_start:w.token_end]) for w in doc.sentences[0].words]
    assert got[:6] == [("و", "و", "وقال"), ("قال", "قال", "وقال"), ("المتحدث", "المتحدث", "المتحدث"),
                       ("ب", "ب", "بأنه"), ("أن", "أن", "بأنه"), ("ه", "ه", "بأنه")]


def test_tree_attribution_with_clitics() -> None:
    [d] = read_conllu(MWT)
    assert d.doc is not None
    [a], _ = tree_attributions(d.doc)
    assert (a.cue.span.text, a.source.text if a.source else None) == ("وقال", "المتحدث")
    assert a.content is not None and a.content.span.text == "سيأتي" and a.content.direct


@pytest.mark.parametrize(("rows", "expect"), [
    # نقلت الوكالة عن مسؤول قوله إن الوضع هادئ: source مسؤول, via الوكالة
    ([(1, "نقلت", "نقل", "VERB", 0, "root"), (2, "الوكالة", "وكالة", "NOUN", 1, "nsubj"),
      (3, "عن", "عن", "ADP", 4, "case"), (4, "مسؤول", "مسؤول", "NOUN", 1, "obl"),
      (5, "قوله", "قول", "NOUN", 1, "obj"), (6, "إن", "إن", "SCONJ", 8, "mark"),
      (7, "الوضع", "وضع", "NOUN", 8, "nsubj"), (8, "هادئ", "هادئ", "ADJ", 5, "ccomp")],
     ("نقلت", "مسؤول", ("الوكالة",), "الوضع هادئ")),
    # أكد الوزير، الذي وصل أمس، أن الحدود مفتوحة: source cut at the comma
    ([(1, "أكد", "أكد", "VERB", 0, "root"), (2, "الوزير", "وزير", "NOUN", 1, "nsubj", "SpaceAfter=No"),
      (3, "،", "،", "PUNCT", 5, "punct"), (4, "الذي", "الذي", "PRON", 5, "nsubj"),
      (5, "وصل", "وصل", "VERB", 2, "acl:relcl"), (6, "أمس", "أمس", "ADV", 5, "advmod", "SpaceAfter=No"),
      (7, "،", "،", "PUNCT", 5, "punct"), (8, "أن", "أن", "SCONJ", 10, "mark"),
      (9, "الحدود", "حد", "NOUN", 10, "nsubj"), (10, "مفتوحة", "مفتوح", "ADJ", 1, "ccomp")],
     ("أكد", "الوزير", (), "الحدود مفتوحة")),
    # PADT: و as root, the verb hangs from it as parataxis; أشار إلى أن
    ([(1, "و", "و", "CCONJ", 0, "root", "SpaceAfter=No"), (2, "أشار", "أشار", "VERB", 1, "parataxis"),
      (3, "التقرير", "تقرير", "NOUN", 2, "nsubj"), (4, "إلى", "إلى", "ADP", 7, "mark"),
      (5, "أن", "أن", "SCONJ", 7, "mark"), (6, "الأسعار", "سعر", "NOUN", 7, "nsubj"),
      (7, "ارتفعت", "ارتفع", "VERB", 2, "advcl")],
     ("وأشار", "التقرير", (), "الأسعار ارتفعت")),
])
def test_tree_table(rows: list[tuple], expect: tuple) -> None:
    [d] = read_conllu(conllu(rows))
    assert d.doc is not None
    [a], _ = tree_attributions(d.doc)
    got = (a.cue.span.text, a.source.text if a.source else None, tuple(v.source.text for v in a.via),
           a.content.span.text if a.content else None)
    assert got == expect


def test_missing_subject_takes_previous_speaker() -> None:
    first = conllu([(1, "قال", "قال", "VERB", 0, "root"), (2, "الوزير", "وزير", "NOUN", 1, "nsubj"),
                    (3, "إن", "إن", "SCONJ", 4, "mark"), (4, "نعم", "نعم", "INTJ", 1, "ccomp")], sent="a")
    second = conllu([(1, "وأضاف", "أضاف", "VERB", 0, "root"), (2, "أن", "أن", "SCONJ", 3, "mark"),
                     (3, "لا", "لا", "INTJ", 1, "ccomp")], sent="b")
    [d] = read_conllu(first + second)
    assert d.doc is not None
    atts, _ = tree_attributions(d.doc)
    assert [(a.source.text, a.source.implicit) for a in atts if a.source] == [("الوزير", False), ("الوزير", True)]


def test_text_rebuilt_is_reported() -> None:
    [d] = read_conllu(conllu([(1, "وَ", "و", "CCONJ", 0, "root"), (2, "قَالَ", "قال", "VERB", 1, "parataxis")]))
    assert d.doc is not None and d.doc.text == "وقال"
    assert [x.code for x in d.diagnostics] == ["text-rebuilt"]


@pytest.mark.parametrize(("bad", "needle"), [
    ("1\tقال\tقال\tVERB\t_\t_\t0\troot\t_\n", "expected 10 tab-separated columns"),
    ("1\tأ\tأ\tX\t_\t_\t2\tdep\t_\t_\n2\tب\tب\tX\t_\t_\t1\tdep\t_\t_\n", "cycle"),
    ("1\tأ\tأ\tX\t_\t_\t0\troot\t_\t_\n2\tب\tب\tX\t_\t_\t_\tdep\t_\t_\n", "has no head"),
    ("1\tأ\tأ\tX\t_\t_\t9\troot\t_\t_\n", "not a word of the sentence"),
    ("1-3\tأب\t_\t_\t_\t_\t_\t_\t_\t_\n1\tأ\tأ\tX\t_\t_\t0\troot\t_\t_\n2\tب\tب\tX\t_\t_\t1\tdep\t_\t_\n",
     "runs past the last word"),
])
def test_bad_documents_are_reported_and_the_others_read(tmp_path: Path, bad: str, needle: str) -> None:
    good = conllu([(1, "نعم", "نعم", "INTJ", 0, "root")], doc="good", text="نعم")
    path = tmp_path / "x.conllu"
    path.write_text("# newdoc id = bad\n# sent_id = b1\n" + bad + "\n" + good, encoding="utf-8")
    docs = read_conllu(path)
    assert [d.ok for d in docs] == [False, True]
    err = docs[0].error
    assert isinstance(err, ParseError) and needle in str(err) and str(path) in str(err) and "line" in str(err)


def test_missing_annotations_name_the_processor() -> None:
    no_heads = conllu([(1, "قال", "_", "VERB", "_", "_")])
    [d] = read_conllu(no_heads)
    assert d.doc is not None
    with pytest.raises(ParseError, match="depparse"):
        check_annotations(d.doc, mode="hybrid")
    with pytest.raises(ParseError, match="'lemma'"):
        check_annotations(d.doc, mode="stanza")


_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_word = st.text(alphabet=_LETTERS + "\u064e\u0650", min_size=1, max_size=6).filter(lambda w: w[0] in _LETTERS)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_word, min_size=1, max_size=3), min_size=1, max_size=8), st.booleans())
def test_offsets_are_exact(tokens: list[list[str]], give_text: bool) -> None:
    rows, wid = [], 1
    for parts in tokens:
        words = tuple(WordRow(wid + k, p, p, "X", "_", 0 if wid + k == 1 else 1, "dep") for k, p in enumerate(parts))
        rows.append(TokenRow("".join(parts), words))
        wid += len(parts)
    text = " ".join(r.form for r in rows) if give_text else None
    doc = build_doc([(rows, text, "s")])
    for w in doc.sentences[0].words:
        assert 0 <= w.token_start <= w.start <= w.end <= w.token_end <= len(doc.text)
    if give_text:
        for r, w in zip(rows, [s for s in doc.sentences[0].words if s.id in {r.words[0].id for r in rows}]):
            assert doc.text[w.token_start:w.token_end] == r.form
        atts, _ = tree_attributions(doc)
        for a in atts:
            assert doc.text[a.cue.span.start:a.cue.span.end] == a.cue.span.text


# --- with stanza ------------------------------------------------------------------------

def test_stanza_document_from_conllu() -> None:
    pytest.importorskip("stanza")
    from stanza.utils.conll import CoNLL

    document = CoNLL.conll2doc(input_str=MWT)
    art = extract_from_doc(document, mode="stanza")
    assert [(a.cue.span.text, a.source.text if a.source else None) for a in art.attributions] == [("وقال", "المتحدث")]
    for a in art.attributions:
        assert art.text[a.cue.span.start:a.cue.span.end] == a.cue.span.text


def test_stanza_document_without_depparse() -> None:
    pytest.importorskip("stanza")
    from stanza.utils.conll import CoNLL

    document = CoNLL.conll2doc(input_str=conllu([(1, "قال", "قال", "VERB", "_", "_")], text="قال"))
    with pytest.raises(ParseError, match="depparse"):
        extract_from_doc(document, mode="stanza")


def test_processor_puts_the_article_on_the_document() -> None:
    pytest.importorskip("stanza")
    from stanza.utils.conll import CoNLL

    from claimtrack.backends.processor import DOC_ATTRIBUTE, register_attribution_processor

    cls = register_attribution_processor()
    assert register_attribution_processor() is cls
    from stanza.pipeline.processor import NAME_TO_PROCESSOR_CLASS

    assert NAME_TO_PROCESSOR_CLASS["attribution"] is cls
    proc = cls({"mode": "stanza", "check_requirements": False}, None, None)
    document = CoNLL.conll2doc(input_str=MWT)
    proc.process(document)
    assert getattr(document, DOC_ATTRIBUTE).attributions[0].cue.lemma == "قال"


def test_missing_model_names_the_file_and_the_command(tmp_path: Path) -> None:
    pytest.importorskip("stanza")
    from claimtrack.backends.models import MissingModelError, load_pipeline

    with pytest.raises(MissingModelError) as info:
        load_pipeline(dir=tmp_path)
    assert str(tmp_path / "resources.json") in str(info.value)
    assert "stanza.download('ar'" in str(info.value)


# --- the annotated UD sentences ---------------------------------------------------------

def _eval_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("eval_stanza", ROOT / "benchmarks" / "eval_stanza.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def ud_scores() -> dict[str, dict]:
    if not UD.is_dir():
        pytest.skip("the UD treebanks in ../shared/ud are absent")
    ev = _eval_module()
    gold = ev.load_gold()
    docs = ev.load_docs(UD, gold)
    return {b: ev.evaluate(b, gold, docs) for b in ("rules", "stanza", "hybrid")}


def test_gold_covers_150_sentences() -> None:
    gold = _eval_module().load_gold()
    assert len(gold) >= 150
    assert all("text" not in g for g in gold)  # ids only, never treebank text


def test_stanza_backend_floor(ud_scores: dict[str, dict]) -> None:
    s = ud_scores["stanza"]
    assert s["attribution"]["f1"] >= 0.80
    assert s["source_acc"] >= 0.75
    assert s["content_charf1"] >= 0.94


def test_hybrid_floor(ud_scores: dict[str, dict]) -> None:
    h = ud_scores["hybrid"]
    assert h["source_acc"] >= 0.75
    assert h["content_charf1"] >= 0.93
