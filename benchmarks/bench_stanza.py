#!/usr/bin/env python3
"""Time the rules, stanza and hybrid backends on the documents holding the annotated UD sentences.

The parse is given (read from CoNLL-U once, outside the timing): this measures claimtrack's
own cost per backend, not stanza's parsing, which dominates a real pipeline
(see docs/stanza.rst). Prints seconds per backend and the ratio to the rules.

Usage: python benchmarks/bench_stanza.py [--repeat N]
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    spec = importlib.util.spec_from_file_location("eval_stanza", HERE / "eval_stanza.py")
    assert spec is not None and spec.loader is not None
    ev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ev)
    if not ev.UD.is_dir():
        print(f"no treebanks at {ev.UD}", file=sys.stderr)
        return 2
    gold = ev.load_gold()
    docs = ev.load_docs(ev.UD, gold)
    idx = ev._index(docs)
    wanted = {id(idx[(g["treebank"], g.get("doc"), g["sent_id"])][0]): idx[(g["treebank"], g.get("doc"), g["sent_id"])][0]
              for g in gold}
    chosen = list(wanted.values())
    nsent = sum(len(d.sentences) for d in chosen)
    times = {}
    for backend in ("rules", "stanza", "hybrid"):
        ev.predict(backend, chosen[0])  # warm caches (lexicon)
        best = float("inf")
        for _ in range(args.repeat):
            t = time.perf_counter()
            for d in chosen:
                ev.predict(backend, d)
            best = min(best, time.perf_counter() - t)
        times[backend] = best
    print(f"{len(chosen)} documents, {nsent} sentences (best of {args.repeat})")
    for b, t in times.items():
        print(f"{b:8} {t:8.3f} s   x{t / times['rules']:.2f} of rules   {1000 * t / nsent:.2f} ms/sentence")
    return 0


if __name__ == "__main__":
    sys.exit(main())
