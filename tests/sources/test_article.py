"""Article-level resolution: coreference, context names, implicit speakers, publisher."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.model import Article, Attribution, Cue, Source, Span, Via
from claimtrack.sources import detect_publisher, resolve_article


def _att(text: str, cue: str, source: str, *, nth: int = 0, implicit_of: str | None = None,
         via: tuple[str, str] | None = None) -> Attribution:
    """An attribution over *text* whose cue and source are the nth occurrences given."""
    def find(s: str, n: int, after: int = 0) -> Span:
        i = after - 1
        for _ in range(n + 1):
            i = text.index(s, i + 1)
        return Span.of(text, i, i + len(s))

    c = find(cue, nth)
    if implicit_of is not None:
        sp = find(implicit_of, 0)
        src = Source(sp, implicit=True)
    else:
        src = Source(find(source, 0, c.start))
    vias = ()
    if via is not None:
        vias = (Via(find(via[0], 0), Source(find(via[1], 0))),)
    return Attribution(Cue(c, "x", "neutral"), src, None, vias)


def _sources(article: Article) -> list[tuple[str, str, str | None]]:
    return [(a.source.text, a.source.type, a.source.canonical) for a in article.attributions
            if a.source is not None]


def test_agency_coreference() -> None:
    text = "ذكرت وكالة الأنباء الفلسطينية أن الطريق أغلق. وأضافت الوكالة أن المعبر مفتوح."
    art = resolve_article(Article(text, [_att(text, "وأضافت", "الوكالة")]))
    assert _sources(art) == [("الوكالة", "outlet", "wafa")]
    assert art.attributions[0].source.canonical_name == "WAFA"


def test_movement_media_office() -> None:
    text = ("أعلنت حركة أحرار الشام انسحابها من البلدة. "
            "وقال المكتب الإعلامي للحركة إن المقاتلين وصلوا.")
    art = resolve_article(Article(text, [_att(text, "وقال", "المكتب الإعلامي للحركة")]))
    assert _sources(art) == [("المكتب الإعلامي للحركة", "organization", "ahrar-al-sham")]


def test_context_name_by_earlier_mention() -> None:
    text = ("دانت الحكومة اليمنية الهجوم الصاروخي. وقالت الحكومة إن الهجوم مرفوض. "
            "وتحدثت السعودية عن اعتراض الصاروخ.")
    art = resolve_article(Article(text, [_att(text, "وقالت", "الحكومة")]))
    assert _sources(art) == [("الحكومة", "organization", "yemeni-government")]


def test_context_name_by_country() -> None:
    text = "وقع انفجار في بغداد صباح اليوم. وقالت وزارة الداخلية إن ثلاثة أشخاص أصيبوا في العراق."
    art = resolve_article(Article(text, [_att(text, "وقالت", "وزارة الداخلية")]))
    assert _sources(art) == [("وزارة الداخلية", "organization", "iraqi-interior-ministry")]


def test_implicit_speaker_shares_antecedent() -> None:
    text = "قال المرصد السوري لحقوق الإنسان إن القصف استمر. وأضاف أن عشرة قتلوا."
    atts = [_att(text, "قال", "المرصد السوري لحقوق الإنسان"),
            _att(text, "وأضاف", "", implicit_of="المرصد السوري لحقوق الإنسان")]
    art = resolve_article(Article(text, atts))
    s = art.attributions[1].source
    assert (s.implicit, s.type, s.canonical) == (True, "organization", "sohr")


def test_anonymous_anaphor_keeps_side() -> None:
    text = "قال مصدر عسكري في الجيش السوري إن الطريق آمن. وأكد المصدر أن الاشتباكات توقفت."
    atts = [_att(text, "قال", "مصدر عسكري في الجيش السوري"), _att(text, "وأكد", "المصدر")]
    art = resolve_article(Article(text, atts))
    assert [(a.source.type, a.source.side) for a in art.attributions] == [
        ("anonymous", "government"), ("anonymous", "government")]


def test_statement_issuer() -> None:
    text = "أدانت حركة حماس الهجوم وقالت في بيان إن الوضع خطير. وتابع البيان أن التحقيق جار."
    art = resolve_article(Article(text, [_att(text, "وتابع", "البيان")]))
    assert _sources(art) == [("البيان", "document", "hamas")]


def test_via_to_publisher_dropped_other_kept() -> None:
    text = ("قال مسؤول لـ«الشرق الأوسط» إن المفاوضات متعثرة. "
            "وقال مسؤول آخر لوكالة رويترز إن الجولة انتهت.")
    atts = [_att(text, "قال", "مسؤول", via=("لـ", "الشرق الأوسط")),
            _att(text, "وقال", "مسؤول آخر", via=("لوكالة", "وكالة رويترز"))]
    art = resolve_article(Article(text, atts, publisher="Asharq Al-Awsat"))
    assert art.attributions[0].via == ()
    assert [v.source.canonical for v in art.attributions[1].via] == ["reuters"]


def test_publisher_detected_from_footer() -> None:
    text = "قال وزير إن الطقس جيد.\nجميع الحقوق محفوظة\nwww.alriyadh.com"
    art = resolve_article(Article(text, []))
    assert art.publisher == "Al-Riyadh"
    assert detect_publisher(Article(text, [])).id == "al-riyadh-newspaper"  # type: ignore[union-attr]


def test_spans_untouched_and_new_article() -> None:
    text = "نقلت وكالة رويترز عن شهود عيان أن الانفجار وقع."
    att = _att(text, "نقلت", "شهود عيان", via=("نقلت", "وكالة رويترز"))
    art = Article(text, [att])
    out = resolve_article(art)
    assert out is not art
    assert out.attributions[0].source.span == att.source.span  # type: ignore[union-attr]
    assert out.attributions[0].via[0].source.span == att.via[0].source.span
    assert (out.attributions[0].source.type, out.attributions[0].via[0].source.canonical) == (
        "collective", "reuters")


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=80), st.integers(0, 79), st.integers(1, 20))
def test_resolve_article_never_crashes(text: str, start: int, length: int) -> None:
    start = min(start, len(text) - 1)
    end = min(len(text), start + length)
    span = Span.of(text, start, end)
    art = Article(text, [Attribution(Cue(span, "x", "neutral"), Source(span), None,
                                     [Via(span, Source(span))])])
    out = resolve_article(art)
    assert out.attributions[0].source.span == span  # type: ignore[union-attr]


def test_context_name_of_one_body_needs_its_country() -> None:
    text = "وقال الدفاع المدني في مدينة النخيلة إن الحريق أخمد."
    att = _att(text, "وقال", "الدفاع المدني")
    out = resolve_article(Article(text, [att]))
    assert out.attributions[0].source is not None
    assert out.attributions[0].source.canonical is None


def test_possessive_mention_refers_to_the_previous_speaker() -> None:
    # «تابعة لها» is the body that just spoke, not the government named nearer to it
    text = ("وقالت منظمة الصحة العالمية إن الحكومة السورية لم ترد. "
            "وذكرت بعثة تابعة لها أن المياه ملوثة.")
    atts = [_att(text, "وقالت", "منظمة الصحة العالمية"), _att(text, "وذكرت", "بعثة تابعة لها")]
    art = resolve_article(Article(text, atts))
    assert [s[2] for s in _sources(art)] == ["who", "who"]


def test_a_quoted_agency_does_not_set_the_country() -> None:
    # Reuters is British, but the passage is not about Britain: «الحكومة» stays unresolved
    text = "جنيف (رويترز) - قالت منظمة إغاثة إن النازحين بالآلاف. ونفت الحكومة وجود أزمة."
    art = resolve_article(Article(text, [_att(text, "ونفت", "الحكومة")]))
    assert _sources(art) == [("الحكومة", "organization", None)]


def test_relay_to_an_unregistered_publisher_is_dropped_by_name() -> None:
    import claimtrack
    from claimtrack.sources.article import outlet_key

    text = ("عنوان الخبر\nبغداد – «صدى الوادي»\n"
            "وقال مسؤول في الوزارة لـ«صدى الوادي» إن الإمدادات تراجعت.\n"
            "وقال مصدر آخر لوكالة رويترز إن الإمدادات تراجعت.")
    art = claimtrack.extract(text)
    assert art.publisher == "صدى الوادي"
    assert [[v.source.span.text for v in a.via] for a in art.attributions] == [[], ["وكالة رويترز"]]
    assert outlet_key('موقع "صدى الوادي"') == outlet_key("«صدى الوادي»") == outlet_key("صدى الوادي الإخبارية")
