"""Benchmark and dev-set check of cross-outlet claim linking.

Two jobs:

``python benchmarks/bench_link.py``
    Time and peak memory (tracemalloc) of :func:`claimtrack.graph.link_claims` on
    1k, 10k and 100k attributions synthesised from the dev corpus's gold
    attributions (their contents recombined, numbers changed, spread over many
    invented event clusters, several outlets each). ``--sizes 1000,10000`` picks sizes;
    ``--no-clusters`` links everything as one pool.

``python benchmarks/bench_link.py --dev``
    Link the dev corpus's *gold* attributions (``../shared/corpus/dev/gold.jsonl``)
    with the clusters of ``articles.jsonl`` and score the links with
    ``../shared/eval/score.py``. ``--pred FILE`` instead scores a ``claimtrack compare
    --format jsonl`` output. The corpus texts are read from ``../shared``; nothing of
    them is copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from claimtrack.graph import link_claims
from claimtrack.jsonio import article_to_dict
from claimtrack.model import Article, Attribution, Content, Cue, Source, Span, Via

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"


def _span(d: dict | None, fallback: tuple[int, str] | None = None) -> Span | None:
    if d is None:
        if fallback is None:
            return None
        return Span(fallback[0], fallback[0], fallback[1])
    return Span(int(d["start"]), int(d["end"]), d.get("text") or "")


def gold_articles(path: Path = DEV / "gold.jsonl",
                  articles: Path = DEV / "articles.jsonl") -> tuple[list[Article], dict[str, str | None]]:
    """Articles built from gold spans (texts not needed), and doc -> cluster."""
    meta = {}
    for line in articles.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            meta[d["doc"]] = d
    from claimtrack.lexicon import load_lexicon

    lex = load_lexicon()
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        atts = []
        for a in d["attributions"]:
            cue = _span(a["cue"])
            assert cue is not None
            src = None
            if a.get("source") or a.get("implicit_source"):
                sp = _span(a.get("source"), (cue.start, a.get("implicit_source") or ""))
                assert sp is not None
                src = Source(sp, a.get("source_type") or "unknown", a.get("canonical"))
            content = None
            if a.get("content"):
                cs = _span(a["content"])
                assert cs is not None
                content = Content(cs, "direct" if a.get("direct") else "indirect")
            via = []
            for v in a.get("via") or []:
                vs = _span(v.get("source"))
                vc = _span(v.get("cue"))
                if vs is not None and vc is not None:
                    via.append(Via(vc, Source(vs, "outlet", v.get("canonical"))))
            info = lex.lookup(cue.text.split()[0]) if cue.text.split() else None
            kind = info.entry.kind if info is not None else "neutral"
            atts.append(Attribution(Cue(cue, a["cue"]["text"], kind), src, content, via))
        m = meta.get(d["doc"], {})
        out.append(Article("", atts, d["doc"], m.get("outlet"),
                           meta=[("cluster", m["cluster"])] if m.get("cluster") else []))
    return out, {k: v.get("cluster") for k, v in meta.items()}


def score(pred_path: Path) -> dict[str, float]:
    """Run the shared scorer on *pred_path*; return its JSON summary."""
    res = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), str(DEV / "gold.jsonl"), str(pred_path),
         "--articles", str(DEV / "articles.jsonl"), "--json"],
        capture_output=True, text=True, check=False)
    return dict(json.loads(res.stdout))


def dev(threshold: float | None, pred: Path | None) -> None:
    """Link gold attributions (or take *pred*) and print the link scores."""
    if pred is None:
        arts, clusters = gold_articles()
        kw = {} if threshold is None else {"threshold": threshold}
        linked = link_claims(arts, clusters=clusters, **kw)
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
            for a in linked:
                f.write(json.dumps(article_to_dict(a), ensure_ascii=False) + "\n")
            pred = Path(f.name)
        print("linking the gold attributions of the dev corpus")
    s = score(pred)
    print(f"link P {s.get('link_p', 0):.3f}  R {s.get('link_r', 0):.3f}  F1 {s.get('link_f1', 0):.3f}"
          f"  (gold pairs {s.get('link_pairs')})")


def synthesise(n: int, *, seed: int = 0, outlets: int = 5, per_event: int = 40) -> list[Article]:
    """*n* attributions recombined from the dev gold contents, in events of *per_event*."""
    rng = random.Random(seed)
    arts, _ = gold_articles()
    pool = [a for art in arts for a in art.attributions if a.content is not None]
    words = [a.content.span.text.split() for a in pool if a.content is not None]
    out: list[Article] = []
    made = 0
    event = 0
    while made < n:
        event += 1
        k = min(per_event, n - made)
        # a few claims per event, each reported by several outlets with variations
        claims = [rng.choice(words) for _ in range(max(1, k // 4))]
        per_outlet: dict[int, list[Attribution]] = {}
        for _ in range(k):
            base = list(rng.choice(claims))
            if len(base) > 4:
                cut = rng.randrange(0, max(1, len(base) // 4))
                base = base[cut:]
                if rng.random() < 0.5:
                    base[rng.randrange(len(base))] = str(rng.randrange(2, 300))
            text = " ".join(base)
            cue = Span(0, 3, "قال")
            src = rng.choice(pool).source
            att = Attribution(Cue(cue, "قال", "neutral"), src, Content(Span(4, 4 + len(text), text)))
            per_outlet.setdefault(rng.randrange(outlets), []).append(att)
        for o, atts in per_outlet.items():
            out.append(Article("", atts, f"ev{event}-outlet{o}", f"outlet{o}",
                               meta=[("cluster", f"ev{event}")]))
        made += k
    return out


def bench(sizes: list[int], clusters: bool) -> None:
    """Print time and peak memory of linking for each size."""
    print(f"{'attributions':>12} {'seconds':>9} {'peak MiB':>9} {'claims':>8}")
    for n in sizes:
        arts = synthesise(n)
        if not clusters:
            arts = [Article(a.text, a.attributions, a.doc_id, a.publisher) for a in arts]
        t0 = time.perf_counter()
        linked = link_claims(arts)
        dt = time.perf_counter() - t0
        # memory in a second run: tracemalloc slows Python down several times
        tracemalloc.start()
        link_claims(arts)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        claims = len({a.claim_id for art in linked for a in art.attributions})
        print(f"{n:>12} {dt:>9.2f} {peak / 2**20:>9.1f} {claims:>8}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--dev", action="store_true", help="score linking on the dev corpus")
    ap.add_argument("--pred", type=Path, help="with --dev: score this jsonl instead")
    ap.add_argument("--threshold", type=float)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--no-clusters", action="store_true")
    a = ap.parse_args(argv)
    if a.dev:
        if not DEV.exists():
            print(f"no dev corpus at {DEV}")
            return 0
        dev(a.threshold, a.pred)
        return 0
    bench([int(x) for x in a.sizes.split(",")], not a.no_clusters)
    return 0


if __name__ == "__main__":
    sys.exit(main())
