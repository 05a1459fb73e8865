#!/usr/bin/env python3
"""Score the rules, stanza and hybrid backends on hand-annotated UD Arabic sentences.

The gold (``tests/backends/data/ud_gold.jsonl``) names each sentence by treebank and id
and every span by word ids (inclusive ranges) — never by text, since the treebank
licences forbid copying sentences. The sentences are read from ``../shared/ud`` (or
``--ud DIR``); every backend runs on whole documents (so implicit speakers can reach
back), and only the annotated sentences are scored.

Metrics (per backend):
  attribution  P/R/F1 of cues (a predicted cue matches a gold cue it overlaps);
  source       P/R/F1 counting a match only when its source is also right: IoU >= 0.5
               with the gold mention, or implicit when gold is implicit, or none when
               gold is agentless; ``source_acc`` is the share right among matched cues;
  content      P/R/F1 counting a match only when the content's character F1 >= 0.5;
               ``content_charf1`` is the mean character F1 among matched cues.

Usage:
  python benchmarks/eval_stanza.py [--ud DIR] [--gold FILE] [--json]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "backends" / "data" / "ud_gold.jsonl"
UD = ROOT.parent / "shared" / "ud"
FILES = {
    "pud": "UD_Arabic-PUD/ar_pud-ud-test.conllu",
    "padt-dev": "UD_Arabic-PADT-v1-2016-04-22-c4a942c/ar-ud-dev.conllu",
    "padt-test": "UD_Arabic-PADT-v1-2016-04-22-c4a942c/ar-ud-test.conllu",
}
BACKENDS = ("rules", "stanza", "hybrid")


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_docs(ud: Path, gold: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """The parsed documents of every treebank the gold uses."""
    from claimtrack.backends.conllu import read_conllu

    out = {}
    for tb in sorted({g["treebank"] for g in gold}):
        out[tb] = [d.doc for d in read_conllu(ud / FILES[tb]) if d.ok]
    return out


def _index(docs: dict[str, list[Any]]) -> dict[tuple[str, str | None, str | None], tuple[Any, Any]]:
    idx = {}
    for tb, ds in docs.items():
        for d in ds:
            for s in d.sentences:
                idx[(tb, None if tb == "pud" else d.doc_id, s.sent_id)] = (d, s)
    return idx


def _chars(sent: Any, r: list[int] | None) -> tuple[int, int] | None:
    if r is None:
        return None
    return sent.word(r[0]).start, sent.word(r[1]).end


def _f1(a: tuple[int, int] | None, b: tuple[int, int] | None) -> float:
    if a is None or b is None:
        return 1.0 if a is None and b is None else 0.0
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    if inter == 0:
        return 0.0
    p, r = inter / (b[1] - b[0]), inter / (a[1] - a[0])
    return 2 * p * r / (p + r)


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def predict(backend: str, doc: Any) -> list[Any]:
    """The attributions of one parsed document by *backend*."""
    if backend == "rules":
        from claimtrack.rules.pipeline import extract_attributions

        return list(extract_attributions(doc.text)[0])
    from claimtrack.backends.stanza import extract_from_doc

    return list(extract_from_doc(doc, mode=backend).attributions)


def _prf(tp: int, npred: int, ngold: int) -> dict[str, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3)}


def evaluate(backend: str, gold: list[dict[str, Any]], docs: dict[str, list[Any]],
             *, predict_fn: Callable[[str, Any], list[Any]] = predict) -> dict[str, Any]:
    idx = _index(docs)
    cache: dict[int, list[Any]] = {}
    npred = ngold = tp = src_ok = cont_ok = 0
    charf1 = 0.0
    missing = 0
    for g in gold:
        key = (g["treebank"], g.get("doc"), g["sent_id"])
        if key not in idx:
            missing += 1
            continue
        doc, sent = idx[key]
        if id(doc) not in cache:
            cache[id(doc)] = predict_fn(backend, doc)
        preds = [a for a in cache[id(doc)] if sent.start <= a.cue.span.start < sent.end]
        npred += len(preds)
        ngold += len(g["attributions"])
        used: set[int] = set()
        for ga in g["attributions"]:
            cue = _chars(sent, ga["cue"])
            assert cue is not None
            hit = next((i for i, a in enumerate(preds) if i not in used
                        and min(cue[1], a.cue.span.end) > max(cue[0], a.cue.span.start)), None)
            if hit is None:
                continue
            used.add(hit)
            a = preds[hit]
            tp += 1
            if ga.get("implicit"):
                ok = a.source is not None and a.source.implicit
            elif ga.get("agentless"):
                ok = a.source is None
            else:
                gs = _chars(sent, ga["source"])
                ok = (a.source is not None and not a.source.implicit and gs is not None
                      and _iou(gs, (a.source.span.start, a.source.span.end)) >= 0.5)
            src_ok += ok
            f = _f1(_chars(sent, ga.get("content")),
                    None if a.content is None else (a.content.span.start, a.content.span.end))
            charf1 += f
            cont_ok += f >= 0.5
    return {
        "backend": backend,
        "sentences": len(gold) - missing,
        "gold": ngold,
        "predicted": npred,
        "attribution": _prf(tp, npred, ngold),
        "source": _prf(src_ok, npred, ngold),
        "content": _prf(cont_ok, npred, ngold),
        "source_acc": round(src_ok / tp, 3) if tp else 0.0,
        "content_charf1": round(charf1 / tp, 3) if tp else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ud", type=Path, default=UD)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--backend", action="append", choices=BACKENDS)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not args.ud.is_dir():
        print(f"no treebanks at {args.ud}; give --ud DIR", file=sys.stderr)
        return 2
    gold = load_gold(args.gold)
    docs = load_docs(args.ud, gold)
    rows = [evaluate(b, gold, docs) for b in (args.backend or BACKENDS)]
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"{len(gold)} sentences, {rows[0]['gold']} gold attributions")
    print(f"{'backend':8} {'attr P/R/F1':>18} {'source P/R/F1':>18} {'content P/R/F1':>18} {'src acc':>8} {'cont chF1':>9}")
    for r in rows:
        f = lambda m: f"{r[m]['p']:.2f}/{r[m]['r']:.2f}/{r[m]['f1']:.2f}"  # noqa: E731
        print(f"{r['backend']:8} {f('attribution'):>18} {f('source'):>18} {f('content'):>18} "
              f"{r['source_acc']:>8.3f} {r['content_charf1']:>9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
