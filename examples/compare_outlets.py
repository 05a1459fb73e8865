"""Compare how several outlets report one event: which claims they share, from which sources,
and where they disagree (different figures, denials).

Usage: python examples/compare_outlets.py [FOLDER]   (default: examples/articles/)
The folder holds one .txt file per article and, optionally, articles.jsonl naming each
file's outlet and event cluster: {"doc": "alfajr.txt", "outlet": "صحيفة الفجر", "cluster": "..."}.
"""

import json
import sys
from pathlib import Path

import attrs

import claimtrack
from claimtrack import graph as cg

HERE = Path(__file__).resolve().parent


def load_folder(folder: Path) -> list[claimtrack.Article]:
    meta = {}
    index = folder / "articles.jsonl"
    if index.exists():
        for line in index.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                meta[d["doc"]] = d
    articles = []
    for path in sorted(folder.glob("*.txt")):
        m = meta.get(path.name, {})
        art = claimtrack.extract(path.read_text(encoding="utf-8"), doc_id=path.name,
                                 publisher=m.get("outlet"))
        if m.get("cluster"):
            art = attrs.evolve(art, meta=(("cluster", m["cluster"]),))
        articles.append(art)
    return articles


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "articles"
    articles = cg.link_claims(load_folder(folder))
    print(f"{len(articles)} articles, {sum(len(a) for a in articles)} attributions\n")

    print("Claims carried by more than one outlet:")
    for row in cg.claim_rows(articles):
        if row["outlets"] > 1:
            print(f"  {row['text'][:70]}")
            print(f"    outlets: {row['outlet_names']}")
            print(f"    sources: {row['source_names']}")
            if row["flags"]:
                print(f"    flags:   {row['flags']}")

    print("\nDisputed claims (different figures or a denial):")
    for row in cg.disputed_claims(articles):
        print(f"  [{row['flags']}] {row['text'][:70]}  figures: {row['numbers'] or '-'}")

    print("\nWho cites whom:")
    for row in cg.outlet_source(articles):
        print(f"  {row['outlet']:<24} {row['source'] or '-'} ×{row['attributions']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
