#!/usr/bin/env python3
"""Benchmark :func:`claimtrack.sources.resolve` on 100,000 synthetic mentions.

Mentions are built from registry names with clitics, quote marks, descriptors, spelling
noise and unrelated words, so that every path is exercised (exact, inner, part, context,
fuzzy, no match). The resolver's memo cache is cleared first; most mentions are unique.

Usage: python3 benchmarks/bench_resolve.py [N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter

from claimtrack.sources import builtin_registry, resolve
from claimtrack.sources.resolve import _resolve_cached

PREFIXES = ["", "و", "ل", "ب", "وب", "ول", "«", "\""]
DESCRIPTORS = ["", " الرسمية", " للأنباء", " في دمشق", " المعارضة", " في بيان"]
FILLER = ["مصدر", "مسؤول", "شهود", "عيان", "في", "المدينة", "الشمالية", "حي", "رئيس",
          "لجنة", "الأهالي", "سكان", "مستشفى", "المركزي", "تقرير", "جديد", "محلية"]


def mentions(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    names = [name for e in builtin_registry() for name in e.ar]
    out = []
    for i in range(n):
        r = rnd.random()
        if r < 0.45:
            name = rnd.choice(names)
            out.append(rnd.choice(PREFIXES) + name + rnd.choice(DESCRIPTORS) + f" {i % 97}" * (i % 2))
        elif r < 0.6:
            name = list(rnd.choice(names))
            if len(name) > 4:  # one-letter typo
                name[rnd.randrange(len(name))] = rnd.choice("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
            out.append("".join(name))
        else:
            out.append(" ".join(rnd.choice(FILLER) for _ in range(rnd.randint(1, 5))) + f" {i}")
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args(argv)
    reg = builtin_registry()
    resolve("رويترز")  # load and index the registry outside the timing
    data = mentions(a.n, a.seed)
    _resolve_cached.cache_clear()
    t0 = time.perf_counter()
    results = [resolve(m, registry=reg) for m in data]
    dt = time.perf_counter() - t0
    methods = Counter(r.method if r else "none" for r in results)
    print(f"{a.n} mentions ({len(set(data))} unique) in {dt:.2f} s: "
          f"{a.n / dt:,.0f} mentions/s, {1e6 * dt / a.n:.1f} µs each")
    print("by method: " + ", ".join(f"{k}={v}" for k, v in methods.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
