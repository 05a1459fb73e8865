from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.errors import LexiconError
from claimtrack.graph.features import (_parse_concepts, act_hints, concept_classes, content_terms, frames,
                                       lead_figure, numbers, stem, weekdays)


@pytest.mark.parametrize(("word", "expected"), [
    ("والمصادر", "مصادر"),
    ("بالصواريخ", "صواريخ"),
    ("للمدنيين", "مدني"),
    ("قواتها", "قوات"),
    ("وزير", "وزير"),
    ("الأمم", "امم"),
    ("كتاب", "كتاب"),
    # a ta marbuta before a pronoun or the dual is written ت: dropped like ة
    ("محاولته", "محاول"),
    ("أسلحتهم", "اسلح"),
    ("حكومتها", "حكوم"),
    ("الدولتين", "دول"),
    # ... but not the plural ات, nor a ت of the root in a short word
    ("قواتهم", "قوات"),
    ("بيته", "بيت"),
])
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل 70 شخصاً", (70,)),
    ("مقتل ما لا يقل عن أربعين", (40,)),
    ("٤٣ مدنياً بينهم سبعة أطفال", (7, 43)),
    ("عشرات القتلى ومئات الجرحى", ()),
    ("1,500 نازح", (1500,)),
    ("الطريق مغلق", ()),
])
def test_numbers(text: str, expected: tuple[int, ...]) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(("a", "b"), [
    ("قتل 70 شخصاً", "مقتل 40 شخصاً"),
    ("القتلى", "الضحايا"),
    ("الغارات الجوية", "القصف الجوي"),
])
def test_same_concepts(a: str, b: str) -> None:
    assert content_terms(a) & content_terms(b)


def test_numbers_are_not_terms() -> None:
    assert content_terms("قتل 70") == content_terms("قتل 40")


@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("الحصيلة 40 قتيلاً", None, {"toll"}),
    ("عشرات القتلى", None, {"toll"}),
    ("الطريق مغلق", None, set()),
    ("هذه المعلومات", "denial", {"denial"}),
])
def test_frames(text: str, kind: str | None, expected: set[str]) -> None:
    assert frames(text, cue_kind=kind) == expected


def test_weekdays() -> None:
    assert weekdays("قتل السبت وفي الجمعة") == {"السبت", "الجمعه"}


@given(st.text())
def test_features_never_crash(text: str) -> None:
    content_terms(text)
    numbers(text)
    frames(text)
    assert all(len(stem(w)) >= 1 for w in text.split() if stem(w))


# General news synonyms from lexicon/data/concepts.txt: (a, b, the concept both carry).
@pytest.mark.parametrize(("a", "b", "concept"), [
    ("اندلع حريق في المستودع", "احترق المستودع بالكامل", "#fire"),
    ("انسحب المسلحون من الحي", "إجلاء المسلحين من الحي", "#withdraw"),
    ("اعتقلت الشرطة خمسة أشخاص", "توقيف خمسة أشخاص", "#arrest"),
    ("نقل الجرحى إلى المستشفى", "نقل الجرحى إلى المشفى", "#hospital"),
    ("غادر الوفد المدينة", "مغادرة الوفد للمدينة", "#leave"),
    ("لقي ثلاثة حتفهم", "مصرع ثلاثة أشخاص", "#kill"),
    ("مجزرة في السوق", "قتل عشرات في السوق", "#kill"),
    ("انفجرت عبوة ناسفة قرب الجسر", "تفجير سيارة مفخخة قرب الجسر", "#attack"),
    ("الدفاعات دمرت الطائرة", "تدمير الطائرة المسيرة", "#destroy"),
    ("سقطت شظية على سطح منزل", "تناثر الشظايا فوق الحي", "#shrapnel"),
    ("سلم المقاتلون أسلحتهم", "تسليم السلاح الثقيل", "#weapon"),
    ("وصلت الدبابات إلى الحدود", "رتل من المدرعات والعربات المصفحة", "#armour"),
    ("احترق مخزن الأدوية", "حريق في مستودعات الأدوية", "#store"),
    ("وصول تعزيزات إلى الجبهة", "لواء معزز بالمدفعية", "#reinforce"),
    ("القوات تحاصر البلدة", "فك الحصار عن البلدة", "#siege"),
    ("القبض على ثلاثة مهربين", "اعتقال ثلاثة مهربين", "#arrest"),
    ("استجواب المشتبه بهم", "التحقيق مع المتهمين", "#suspect"),
    ("خطف مسلحون صحفياً", "اختطاف صحفي على الطريق", "#kidnap"),
    ("تمديد الهدنة أسبوعاً", "خرق الهدنة في الشمال", "#truce"),
    ("استئناف المفاوضات غداً", "جولة محادثات جديدة", "#talks"),
    ("نتائج الانتخابات البلدية", "إغلاق صناديق الاقتراع", "#vote"),
    ("تفريق المتظاهرين بالقوة", "احتجاجات أمام البرلمان", "#protest"),
    ("وصول قافلة إغاثة", "توزيع المعونات على السكان", "#aid"),
])
def test_synonym_classes(a: str, b: str, concept: str) -> None:
    assert concept in content_terms(a) & content_terms(b)


# Words that only begin like a concept's stem are other words: no concept.
@pytest.mark.parametrize("word", ["توفير", "الوفاق", "تنفيذ", "حملة", "فروع", "النفايات", "النفاذ"])
def test_prefix_lookalikes_carry_no_concept(word: str) -> None:
    assert not {t for t in content_terms(word) if t.startswith("#")}


@pytest.mark.parametrize(("word", "concept"), [
    ("توفي", "#kill"), ("توفيت", "#kill"), ("وفاتهم", "#kill"), ("نفاه", "#deny"), ("نفت", "#deny"),
    ("فروا", "#flee"), ("طالبت", "#demand"), ("تحمّل", "#blame"),
])
def test_exact_stems_still_match(word: str, concept: str) -> None:
    assert concept in content_terms(word)


@pytest.mark.parametrize(("a", "b"), [
    ("اندلع حريق في المستودع", "انسحب المسلحون من الحي"),
    ("اعتقلت الشرطة خمسة أشخاص", "غادر الوفد المدينة"),
    ("احتجاز خمسة أشخاص", "احتجاج خمسة أشخاص"),
    ("نزح السكان من القرية", "قصف مخيم النازحين"),
])
def test_unrelated_words_share_no_concept(a: str, b: str) -> None:
    assert not {t for t in content_terms(a) & content_terms(b) if t.startswith("#")}


def test_concept_classes_load() -> None:
    prefixes, exact = concept_classes()
    assert prefixes["حريق"] == "#fire" and exact["فر"] == "#flee"
    assert all(c.startswith("#") for c in (*prefixes.values(), *exact.values()))


@pytest.mark.parametrize(("text", "problem"), [
    ("kill قتل مقتل\n", "name: stem"),
    ("kill: قتل\nwound: قتل\n", "already on line 1"),
    ("kill: قتل\nwound: قتلى\n", "begins with"),
    ("flee: فر\n", "too short"),
    ("Kill: قتل\n", "name: stem"),
])
def test_bad_concept_file(text: str, problem: str) -> None:
    with pytest.raises(LexiconError, match=problem):
        _parse_concepts(text, "concepts.txt")


@pytest.mark.parametrize(("text", "expected"), [
    ("تثبت أن المستشفى لم يتعرض للقصف", {"deny"}),
    ("روسيا تتحمل مسؤولية الهجمات", {"blame"}),
    ("الحركة تطالب بفتح تحقيق", {"demand"}),
    ("تدين الهجوم على القافلة", {"condemn"}),
    ("الجسر مغلق أمام السيارات", set()),
])
def test_act_hints(text: str, expected: set[str]) -> None:
    assert act_hints(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل 43 مدنياً بينهم 16 طفلاً", 43),
    ("مقتل أربعين شخصاً", 40),
    ("منذ عام 2011 قتل 9 أشخاص", 9),
    ("قتل شخصان", None),
    ("الطريق مغلق", None),
])
def test_lead_figure(text: str, expected: int | None) -> None:
    assert lead_figure(text) == expected
