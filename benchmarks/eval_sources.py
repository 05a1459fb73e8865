#!/usr/bin/env python3
"""Evaluate source resolution and typing against the dev gold (``../shared`` or /work/shared).

Uses the gold spans directly, so it measures the sources package independently of the
extractor:

* mention level: ``resolve(mention)`` on every gold source/via mention with a canonical id,
  scored with the scorer's own ``canonical_match``;
* article level: the gold attributions rebuilt as an Article and run through
  ``resolve_article`` (coreference, context names, implicit speakers), scored the same way;
* precision on mentions whose gold canonical is null (should resolve to nothing, or at
  least not to an outlet);
* source-type accuracy against gold ``source_type``;
* a threshold sweep of the fuzzy matcher.

Usage: python3 benchmarks/eval_sources.py [--shared DIR] [--errors] [--sweep]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from claimtrack.model import Article, Attribution, Cue, Source, Span, Via
from claimtrack.sources import builtin_registry, resolve, resolve_article
from claimtrack.sources.resolve import _resolve_cached

CANDIDATES = [Path(__file__).resolve().parents[1] / ".." / "shared", Path("/work/shared")]


def _shared(arg: str | None) -> Path | None:
    for p in ([Path(arg)] if arg else CANDIDATES):
        if (p / "corpus" / "dev" / "gold.jsonl").exists():
            return p
    return None


def _load_scorer(shared: Path) -> Any:
    spec = importlib.util.spec_from_file_location("ct_score", shared / "eval" / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _span(text: str, d: dict[str, Any]) -> Span:
    return Span(d["start"], d["end"], text[d["start"]:d["end"]])


def _implicit_span(text: str, name: str, before: int) -> Span | None:
    i = text.rfind(name, 0, before)
    if i < 0:
        i = text.find(name)
    return Span(i, i + len(name), name) if i >= 0 else None


def rebuild(doc: dict[str, Any], text: str) -> tuple[Article, list[tuple[str, Any, dict[str, Any]]]]:
    """The gold attributions as an Article, and (kind, locator, gold) rows to score."""
    atts: list[Attribution] = []
    rows: list[tuple[str, Any, dict[str, Any]]] = []
    for ai, g in enumerate(doc["attributions"]):
        cue = Cue(_span(text, g["cue"]), "x", "neutral")
        src: Source | None = None
        if g["source"]:
            src = Source(_span(text, g["source"]))
        elif g.get("implicit_source"):
            sp = _implicit_span(text, g["implicit_source"], g["cue"]["start"])
            if sp is not None:
                src = Source(sp, implicit=True)
        vias = [Via(_span(text, v["cue"]), Source(_span(text, v["source"]))) for v in g["via"]]
        atts.append(Attribution(cue, src, None, vias))
        if src is not None:
            rows.append(("source", (ai, None), {"text": src.span.text, "canonical": g["canonical"],
                                                 "type": g["source_type"]}))
        for vi, v in enumerate(g["via"]):
            rows.append(("via", (ai, vi), {"text": v["source"]["text"], "canonical": v.get("canonical"),
                                           "type": v.get("type")}))
    return Article(text, atts), rows


def _pred(article: Article, loc: tuple[int, int | None]) -> Source | None:
    ai, vi = loc
    att = article.attributions[ai]
    if vi is None:
        return att.source
    gold_via = att.via
    return gold_via[vi].source if vi < len(gold_via) else None


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared")
    ap.add_argument("--errors", action="store_true", help="list the misses")
    ap.add_argument("--sweep", action="store_true", help="sweep the fuzzy threshold")
    a = ap.parse_args(argv)
    shared = _shared(a.shared)
    if shared is None:
        print("eval_sources: no shared/corpus/dev found; nothing to evaluate", file=sys.stderr)
        return 0
    scorer = _load_scorer(shared)
    dev = shared / "corpus" / "dev"
    docs = [json.loads(line) for line in (dev / "gold.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    reg = builtin_registry()
    stats: Counter[str] = Counter()
    errors: list[str] = []
    mentions: list[tuple[str, str | None]] = []
    confusion: Counter[tuple[str, str]] = Counter()
    for doc in docs:
        text = (dev / "texts" / doc["doc"]).read_text(encoding="utf-8")
        article, rows = rebuild(doc, text)
        # Publisher as the pipeline would get it: none (detected from the text).
        resolved = resolve_article(article, registry=reg)
        for kind, loc, gold in rows:
            mentions.append((gold["text"], gold["canonical"]))
            pred = _pred(resolved, loc)
            m = resolve(gold["text"], registry=reg)
            mdict = {"canonical": m.id, "canonical_name": m.name} if m else {}
            pdict = {"canonical": pred.canonical, "canonical_name": pred.canonical_name} if pred else {}
            if gold["canonical"]:
                stats["canon_total"] += 1
                ok_m = scorer.canonical_match(gold["canonical"], mdict)
                ok_a = scorer.canonical_match(gold["canonical"], pdict)
                stats["canon_mention_ok"] += ok_m
                stats["canon_article_ok"] += ok_a
                if pred is None and kind == "via":
                    stats["via_dropped_canon"] += 1
                if not ok_a:
                    errors.append(f"MISS  {doc['doc'][:28]:28s} {kind:6s} {gold['text']!r} gold={gold['canonical']}"
                                  f" got={pdict.get('canonical')}")
            else:
                stats["null_total"] += 1
                if pred is None or pred.canonical is None:
                    stats["null_none"] += 1
                elif reg[pred.canonical].type != "outlet":
                    stats["null_nonoutlet"] += 1
                else:
                    errors.append(f"FP    {doc['doc'][:28]:28s} {kind:6s} {gold['text']!r} got={pred.canonical}")
                if m is None:
                    stats["null_mention_none"] += 1
                elif m.type != "outlet":
                    stats["null_mention_nonoutlet"] += 1
            if gold["type"]:
                stats["type_total"] += 1
                got = pred.type if pred else "unknown"
                confusion[(gold["type"], got)] += 1
                if got == gold["type"]:
                    stats["type_ok"] += 1
                else:
                    errors.append(f"TYPE  {doc['doc'][:28]:28s} {kind:6s} {gold['text']!r} "
                                  f"gold={gold['type']} got={got}")
    ct = stats["canon_total"]
    nt = stats["null_total"]
    print(f"registry entries          {len(reg)}")
    print(f"gold mentions with an id  {ct}")
    print(f"canonical acc (mention)   {stats['canon_mention_ok'] / ct:.3f}")
    print(f"canonical acc (article)   {stats['canon_article_ok'] / ct:.3f}")
    print(f"null-id mentions          {nt}")
    print(f"  resolved to nothing     {stats['null_none'] / nt:.3f}")
    print(f"  nothing or non-outlet   {(stats['null_none'] + stats['null_nonoutlet']) / nt:.3f}")
    print(f"  mention-level: nothing or non-outlet "
          f"{(stats['null_mention_none'] + stats['null_mention_nonoutlet']) / nt:.3f}")
    print(f"source-type accuracy      {stats['type_ok'] / stats['type_total']:.3f} "
          f"({stats['type_ok']}/{stats['type_total']})")
    if a.sweep:
        print("threshold sweep (mention level): threshold  acc_on_ids  fuzzy_outlet_FP_on_nulls")
        for t in (70, 75, 80, 84, 86, 88, 90, 92, 95, 100):
            _resolve_cached.cache_clear()
            ok = fp = 0
            for text_, canon in mentions:
                m = resolve(text_, registry=reg, threshold=t)
                if canon:
                    ok += scorer.canonical_match(canon, {"canonical": m.id, "canonical_name": m.name}
                                                 if m else {})
                elif m is not None and m.type == "outlet":
                    fp += 1
            print(f"  {t:5.1f}  {ok / ct:.3f}  {fp}")
        _resolve_cached.cache_clear()
    if a.errors:
        print("\n".join(sorted(errors)))
        print("type confusion (gold, got):")
        for (g, p), n in confusion.most_common():
            if g != p:
                print(f"  {g:13s} -> {p:13s} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
