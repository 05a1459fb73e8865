"""Export the claim–source graph of a folder of articles for Gephi (GEXF and GraphML),
Graphviz (DOT) and a browser (one offline HTML page).

Usage: python examples/export_gephi.py [FOLDER] [OUT_DIR]
       (defaults: examples/articles/ and the current directory)
Then: open claims.gexf in Gephi (File > Open), or `dot -Tsvg claims.dot -o claims.svg`,
or open claims.html in any browser.
"""

import sys
from pathlib import Path

from compare_outlets import load_folder

from claimtrack import graph as cg

HERE = Path(__file__).resolve().parent


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "articles"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path.cwd()
    out.mkdir(parents=True, exist_ok=True)
    graph = cg.build_graph(cg.link_claims(load_folder(folder)))
    for suffix, write in ((".gexf", cg.to_gexf), (".graphml", cg.to_graphml),
                          (".dot", cg.to_dot), (".html", cg.to_html)):
        path = out / f"claims{suffix}"
        path.write_text(write(graph), encoding="utf-8")
        print(f"wrote {path}")
    kinds = {}
    for _, kind in graph.nodes(data="kind"):
        kinds[kind] = kinds.get(kind, 0) + 1
    print(f"{graph.number_of_nodes()} nodes {kinds}, {graph.number_of_edges()} edges")
    return 0


if __name__ == "__main__":
    sys.exit(main())
