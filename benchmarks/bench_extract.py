"""Throughput and scaling of :func:`claimtrack.extract`.

``python benchmarks/bench_extract.py``

Speed is reported as ratios measured in the same run on the same input, never as
absolute pass/fail times:

* **throughput**: characters per second of ``claimtrack.extract`` over a corpus, and its
  time as a multiple of a naive single-pass regex extractor (a reporting-verb regex, a few
  words of subject, and the clause after أن/إن) written below. Best of ``--repeat`` runs
  each.
* **linearity**: the corpus ten times over (as documents), and one long invented,
  punctuated article as long as the corpus and then ten times as long: the time of the
  10× input divided by the time of the 1× one (10 is linear). The long article is
  synthetic because joining the real articles would turn everything after the first page
  footer into page noise.
* **no punctuation**: a synthetic text of invented Arabic words and reporting verbs
  with no punctuation and no line breaks, the worst case for sentence-based rules, at
  1/100, 1/10 and all of ``--big-mb`` megabytes (UTF-8). Each size runs in a child
  process with ``--timeout`` seconds, so a blow-up is reported, not waited for; the
  ladder stops at the first size that does not finish.

The corpus is ``../shared/corpus/dev/texts`` when it exists (read in place, nothing is
copied into the repository), else the repository's ``examples/**/*.txt``; ``--corpus
DIR`` picks another folder of ``.txt`` files.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import platform
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import claimtrack
from claimtrack.text.read import read_text

ROOT = Path(__file__).resolve().parents[1]
DEV_TEXTS = ROOT.parent / "shared" / "corpus" / "dev" / "texts"

# --- the naive baseline -------------------------------------------------------------------

_VERBS = ("قال", "أكد", "أعلن", "أفاد", "ذكر", "أشار", "أوضح", "أضاف", "نفى", "نفت", "كشف",
          "حذر", "دعا", "اعتبر", "صرح", "بين", "لفت", "شدد", "طالب", "اتهم")
NAIVE = re.compile(
    r"(?<!\w)[وف]?(?:" + "|".join(_VERBS) + r")(?:ت|وا|ا)?(?!\w)"   # the reporting verb
    r"((?:\s+[^\s،,.:؛!؟«»\"]+){1,4}?)"                                   # a few words of subject
    r"\s+(?:(?:إلى|على)\s+)?(?:أن|إن|بأن)(?:ه|ها|هم)?\s+"                  # أن / إن / بأن
    r"([^.!؟\n]*)"                                                        # the clause after it
)


def naive_extract(text: str) -> list[tuple[int, int, str, str]]:
    """One regex pass: (start, end, subject, clause) per match."""
    return [(m.start(), m.end(), m.group(1).strip(), m.group(2)) for m in NAIVE.finditer(text)]


def claimtrack_extract(text: str) -> int:
    return len(claimtrack.extract(text).attributions)


# --- timing -----------------------------------------------------------------------------------


def best_of(repeat: int, fn: Callable[[Sequence[str]], Any], texts: Sequence[str]) -> float:
    """The best wall time of *repeat* runs of ``fn(texts)``."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(texts)
        best = min(best, time.perf_counter() - t0)
    return best


def run_claimtrack(texts: Sequence[str]) -> int:
    return sum(claimtrack_extract(t) for t in texts)


def run_naive(texts: Sequence[str]) -> int:
    return sum(len(naive_extract(t)) for t in texts)


# --- the synthetic text without punctuation ---------------------------------------------------

# Invented vocabulary: ordinary words, names of bodies, reporting verbs and complementisers,
# so that cue rules fire all the time and no sentence ever ends.
_WORDS = ("الوزارة", "المدينة", "الطريق", "الجسر", "المياه", "الكهرباء", "الحكومة", "اليوم",
          "أمس", "الأسبوع", "المقبل", "الماضي", "في", "من", "على", "إلى", "عن", "مع", "بعد",
          "قبل", "الشرطة", "السكان", "المستشفى", "المدرسة", "المصنع", "الميناء", "القرية",
          "رئيس", "مدير", "مسؤول", "مصادر", "شهود", "عيان", "وكالة", "صحيفة", "قناة", "بيان",
          "وقال", "وأكدت", "وأضاف", "مشيرا", "بحسب", "وفقا", "لما", "ذكرته", "ونفى", "أن", "إن",
          "بأن", "الذي", "التي", "كان", "كانت", "عدد", "كبير", "جديد", "مغلق", "مفتوح", "ثلاثة")


def synthetic_text(n_bytes: int, seed: int = 0) -> str:
    """About *n_bytes* of UTF-8: random words of :data:`_WORDS`, spaces only."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n_bytes:
        w = rng.choice(_WORDS)
        out.append(w)
        size += len(w.encode("utf-8")) + 1
    return " ".join(out)


# Invented sentence parts for a long punctuated article: every line differs (a running
# number is part of each sentence), so no line is taken for repeated page furniture.
_SPEAKERS = ("وزير النقل", "رئيس البلدية", "مدير المستشفى", "المتحدث باسم الشرطة",
             "مصدر في الوزارة", "شهود عيان", "نقابة المعلمين", "هيئة الأرصاد")
_OUTLETS = ("وكالة الأنباء المحلية", "صحيفة الصباح", "قناة الخبر", "إذاعة المدينة")
_CLAUSES = ("الطريق الساحلي سيغلق {n} ساعات للصيانة", "المستشفى استقبل {n} مصابين",
            "الأمطار ستتواصل {n} أيام أخرى", "المدارس ستفتح أبوابها بعد {n} أسابيع",
            "أسعار الخبز ارتفعت بنسبة {n} في المئة", "الجسر الجديد سيفتتح في الشهر {n}")
_TEMPLATES = ("وقال {s} إن {c}.", "وأكد {s} أن {c}.", "وبحسب {o}، {c}.",
              "ونقلت {o} عن {s} قوله إن {c}.", "وأضاف: «{c}».", "ونفى {s} أن تكون {c}.",
              "وأوضح {s}، في تصريح لـ{o}، أن {c}.", "{C}.")


def synthetic_article(n_chars: int, seed: int = 0) -> str:
    """An invented, punctuated article of about *n_chars* characters, 2-4 sentences a line."""
    rng = random.Random(seed)
    lines: list[str] = []
    size = n = 0
    while size < n_chars:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            n += 1
            c = rng.choice(_CLAUSES).format(n=n)
            sentences.append(rng.choice(_TEMPLATES).format(
                s=rng.choice(_SPEAKERS), o=rng.choice(_OUTLETS), c=c, C=c))
        line = " ".join(sentences)
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines)


def _child(text: str, queue: Any) -> None:
    t0 = time.perf_counter()
    n = claimtrack_extract(text)
    queue.put((time.perf_counter() - t0, n))


def time_in_child(text: str, timeout: float) -> tuple[float, int] | None:
    """``(seconds, attributions)`` of extracting *text* in a child process, or ``None`` on timeout."""
    ctx = mp.get_context("spawn") if sys.platform == "win32" else mp.get_context("fork")
    queue: Any = ctx.Queue()
    proc = ctx.Process(target=_child, args=(text, queue))
    proc.start()
    try:
        result: tuple[float, int] = queue.get(timeout=timeout)
    except Exception:
        result = None  # type: ignore[assignment]
    proc.join(5)
    if proc.is_alive():
        proc.terminate()
        proc.join()
    return result


# --- main --------------------------------------------------------------------------------------


def load_corpus(folder: Path | None) -> tuple[str, list[str]]:
    if folder is not None:
        paths = sorted(folder.glob("**/*.txt"))
        label = str(folder)
    elif DEV_TEXTS.is_dir():
        paths = sorted(DEV_TEXTS.glob("*.txt"))
        label = "dev corpus (../shared/corpus/dev/texts)"
    else:
        paths = sorted((ROOT / "examples").glob("**/*.txt"))
        label = "examples/**/*.txt"
    if not paths:
        sys.exit(f"bench_extract: no .txt files in {label}")
    return f"{label}, {len(paths)} files", [read_text(p) for p in paths]


_WORD = re.compile(r"\w+")


def run_word_spans(texts: Sequence[str]) -> int:
    """The least any word-level extractor does: list the span of every word, one re pass."""
    return sum(len([m.span() for m in _WORD.finditer(t)]) for t in texts)


def run_tokenize(texts: Sequence[str]) -> int:
    """claimtrack's tokenizer alone (tokens with their normalised forms and offsets)."""
    from claimtrack.text.tokens import tokenize

    return sum(len(tokenize(t)) for t in texts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--corpus", type=Path, help="a folder of .txt articles")
    ap.add_argument("--repeat", type=int, default=5, help="repetitions; the best is kept (5)")
    ap.add_argument("--big-mb", type=float, default=5.0, help="size of the unpunctuated text (5)")
    ap.add_argument("--timeout", type=float, default=300.0,
                    help="seconds allowed for each size of it (300)")
    ap.add_argument("--no-big", action="store_true", help="skip the unpunctuated text")
    a = ap.parse_args(argv)

    label, texts = load_corpus(a.corpus)
    chars = sum(len(t) for t in texts)
    run_claimtrack(texts)  # warm up: lexicon, registry and regex caches
    run_naive(texts)

    rows: list[tuple[str, str]] = []
    t_ct = best_of(a.repeat, run_claimtrack, texts)
    t_nv = best_of(a.repeat, run_naive, texts)
    n_ct, n_nv = run_claimtrack(texts), run_naive(texts)
    t_words = best_of(a.repeat, run_word_spans, texts)
    t_tok = best_of(a.repeat, run_tokenize, texts)
    rows += [
        ("corpus", f"{label}, {chars:,} characters"),
        ("claimtrack.extract", f"{t_ct:.3f} s  ({chars / t_ct:,.0f} chars/s, {n_ct} attributions)"),
        ("naive regex", f"{t_nv:.4f} s  ({chars / t_nv:,.0f} chars/s, {n_nv} matches)"),
        ("claimtrack / naive", f"{t_ct / t_nv:.1f}×"),
        ("floor: word spans / naive", f"{t_words / t_nv:.1f}×  (one re pass listing every word's span)"),
        ("floor: tokenize / naive", f"{t_tok / t_nv:.1f}×  (claimtrack's token records alone)"),
    ]

    ten_docs = list(texts) * 10
    t10_docs = best_of(max(1, a.repeat // 2), run_claimtrack, ten_docs)
    rows += [
        ("corpus ×10 (as documents)", f"{t10_docs:.3f} s"),
        ("  ×10 / ×1 (10 = linear)", f"{t10_docs / t_ct:.1f}"),
    ]

    # One long document: an invented punctuated article as long as the corpus, then 10×.
    one = synthetic_article(chars)
    ten = synthetic_article(10 * chars)
    r = max(1, a.repeat // 2)
    t1 = best_of(r, run_claimtrack, [one])
    t10 = best_of(r, run_claimtrack, [ten])
    n1, n10 = run_claimtrack([one]), run_claimtrack([ten])
    rows += [
        ("one article, 1× corpus size", f"{t1:.3f} s  ({len(one):,} characters, {n1} attributions)"),
        ("one article, 10× corpus size", f"{t10:.3f} s  ({len(ten):,} characters, {n10} attributions)"),
        ("  10× / 1× (10 = linear)", f"{t10 / t1:.1f}"),
    ]

    if not a.no_big:
        # A ladder of sizes, each ten times the last, up to --big-mb; stop at the first
        # size that does not finish within --timeout.
        rows.append(("no punctuation, no line breaks", f"(invented words; up to {a.big_mb:g} MB)"))
        prev: float | None = None
        for mb in (a.big_mb / 100, a.big_mb / 10, a.big_mb):
            text = synthetic_text(int(mb * 1_000_000))
            t_nv_big = best_of(1, run_naive, [text])
            res = time_in_child(text, a.timeout)
            label = f"  {mb:g} MB ({len(text):,} chars)"
            if res is None:
                rows.append((label, f"did not finish in {a.timeout:g} s (naive regex: {t_nv_big:.3f} s)"))
                break
            step = "" if prev is None else f", {res[0] / prev:.0f}× the time of the size above"
            rows.append((label, f"{res[0]:.2f} s  ({len(text) / res[0]:,.0f} chars/s, "
                                f"{res[0] / t_nv_big:.0f}× naive{step})"))
            prev = res[0]

    print(f"claimtrack {claimtrack.__version__}, Python {platform.python_version()}, "
          f"{platform.machine()}, best of {a.repeat}")
    width = max(len(k) for k, _ in rows)
    print("-" * (width + 50))
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    print("-" * (width + 50))
    return 0


if __name__ == "__main__":
    sys.exit(main())
