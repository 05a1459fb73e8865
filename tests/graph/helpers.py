"""Article records built by hand for the graph tests (no extraction involved)."""

from __future__ import annotations

from claimtrack.model import Article, Attribution, Content, Cue, Source, Span, Via


def make_attribution(text: str, cue: str, source: str | None, content: str, *, kind: str = "neutral",
                     source_type: str = "unknown", canonical: str | None = None,
                     side: str | None = None, via: list[tuple[str, str]] | None = None,
                     claim_id: str | None = None) -> Attribution:
    """An attribution whose spans are found in *text* by string search."""
    cs = text.index(cue)
    src = None
    if source is not None:
        ss = text.index(source)
        src = Source(Span.of(text, ss, ss + len(source)), source_type, canonical, None, False, side)
    ct = text.index(content)
    vias = []
    for vcue, vsrc in via or []:
        vc, vs = text.index(vcue), text.index(vsrc)
        vias.append(Via(Span.of(text, vc, vc + len(vcue)),
                        Source(Span.of(text, vs, vs + len(vsrc)), "outlet")))
    return Attribution(Cue(Span.of(text, cs, cs + len(cue)), cue, kind), src,
                       Content(Span.of(text, ct, ct + len(content))), vias, claim_id)


def said(doc: str, outlet: str | None, source: str, content: str, **kw: object) -> Article:
    """A one-sentence article «قال SOURCE إن CONTENT.» with its one attribution."""
    text = f"قال {source} إن {content}."
    return Article(text, [make_attribution(text, "قال", source, content, **kw)],  # type: ignore[arg-type]
                   doc_id=doc, publisher=outlet)


def event() -> list[Article]:
    """Four outlets on one invented event: a disputed toll, a denial, a relay, an anonymous source."""
    t1 = "قالت مصادر ميدانية إن القصف قتل 70 شخصاً في سوق المدينة. ونفى الجيش استهداف السوق."
    a1 = Article(t1, [
        make_attribution(t1, "قالت", "مصادر ميدانية", "القصف قتل 70 شخصاً في سوق المدينة",
                         source_type="anonymous"),
        make_attribution(t1, "ونفى", "الجيش", "استهداف السوق", kind="denial", side="government"),
    ], doc_id="a.txt", publisher="الفجر", meta=[("cluster", "ev")])
    t2 = "ونقلت وكالة الأنباء عن مصدر طبي أن مقتل 40 شخصاً على الأقل في قصف سوق المدينة."
    a2 = Article(t2, [
        make_attribution(t2, "ونقلت", "مصدر طبي", "مقتل 40 شخصاً على الأقل في قصف سوق المدينة",
                         source_type="anonymous", via=[("ونقلت", "وكالة الأنباء")]),
    ], doc_id="b.txt", publisher="المدى", meta=[("cluster", "ev")])
    t3 = "وقال المتحدث باسم الجيش إن القوات لم تستهدف السوق بل مخزناً للسلاح."
    a3 = Article(t3, [
        make_attribution(t3, "وقال", "المتحدث باسم الجيش", "القوات لم تستهدف السوق بل مخزناً للسلاح",
                         source_type="official", side="government"),
    ], doc_id="c.txt", publisher="الوكالة", meta=[("cluster", "ev")])
    t4 = "وطالبت منظمة حقوقية بفتح تحقيق مستقل في الهجوم على السوق."
    a4 = Article(t4, [
        make_attribution(t4, "وطالبت", "منظمة حقوقية", "فتح تحقيق مستقل في الهجوم على السوق",
                         kind="demand", source_type="organization"),
    ], doc_id="d.txt", publisher="الشرق", meta=[("cluster", "ev")])
    return [a1, a2, a3, a4]
