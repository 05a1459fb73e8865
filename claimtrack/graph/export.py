"""Writing a claim–source graph as DOT, GraphML, GEXF or node-link JSON.

Every function returns a ``str``; write it to a file with UTF-8 encoding.

* :func:`to_dot` — Graphviz DOT written here (no pydot needed), UTF-8, one quoted
  string per id and attribute, so Arabic labels, quotes, backslashes, braces and
  newlines survive. Render with ``dot -Tsvg graph.dot -o graph.svg``.
* :func:`to_graphml` / :func:`to_gexf` — what Gephi and yEd open, through networkx's
  own writers; ``networkx.read_graphml`` / ``read_gexf`` read them back.
* :func:`to_json` — networkx node-link JSON (``networkx.node_link_graph`` reads it).

Examples:
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("src:a", kind="source", label='قال "لا" \\\\ {نعم}')
    >>> print(to_dot(g).splitlines()[-2])
      "src:a" [kind="source", label="قال \\"لا\\" \\\\ {نعم}", ...];
"""

from __future__ import annotations

import io
import json
from typing import Any

import networkx as nx

__all__ = ["to_dot", "to_graphml", "to_gexf", "to_json", "dot_quote", "FORMATS", "export"]

#: The export formats :func:`export` knows (``html`` is in :mod:`claimtrack.graph.html`).
FORMATS = ("dot", "graphml", "gexf", "json")

_STYLE = {
    "publisher": 'shape=box, style="filled,bold", fillcolor="#f4d35e"',
    "article": 'shape=note, style=filled, fillcolor="#eeeeee"',
    "source": 'shape=ellipse, style=filled, fillcolor="#9ad1d4"',
    "claim": 'shape=box, style="rounded,filled", fillcolor="#fbe3d6"',
}
_EDGE_STYLE = {
    "publishes": "color=\"#999999\"",
    "reports": "color=\"#555555\"",
    "said_by": "color=\"#1f77b4\"",
    "relayed_by": "color=\"#d62728\", style=dashed",
}


def dot_quote(value: object) -> str:
    r"""*value* as a DOT double-quoted string: ``\`` ``"`` escaped, newlines as ``\n``.

    Examples:
        >>> print(dot_quote('a "b" \\ c\nd'))
        "a \"b\" \\ c\nd"
    """
    s = str(value).replace("\\", "\\\\").replace('"', '\\"')
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{s}"'


def _attrs(data: dict[str, Any], extra: str = "") -> str:
    parts = [f"{k}={dot_quote(v)}" for k, v in data.items() if isinstance(v, (str, int, float, bool))]
    if extra:
        parts.append(extra)
    return ", ".join(parts)


def to_dot(graph: nx.MultiDiGraph, *, name: str = "claimtrack") -> str:
    """The graph as Graphviz DOT (a ``digraph``), nodes grouped by kind, styled by kind.

    Node ids and every attribute are quoted strings; ``label`` is the Arabic text.
    """
    out = io.StringIO()
    out.write(f"digraph {dot_quote(name)} {{\n")
    out.write('  graph [charset="UTF-8", rankdir=LR, fontname="Noto Naskh Arabic,DejaVu Sans", '
              "overlap=false];\n")
    out.write('  node [fontname="Noto Naskh Arabic,DejaVu Sans"];\n')
    out.write('  edge [fontname="Noto Naskh Arabic,DejaVu Sans", fontsize=9];\n')
    for n, d in graph.nodes(data=True):
        out.write(f"  {dot_quote(n)} [{_attrs(d, _STYLE.get(str(d.get('kind')), ''))}];\n")
    for u, v, d in graph.edges(data=True):
        shown = dict(d)
        if d.get("kind") == "reports" and "cue" in d:
            shown.setdefault("label", d["cue"])
        out.write(f"  {dot_quote(u)} -> {dot_quote(v)} "
                  f"[{_attrs(shown, _EDGE_STYLE.get(str(d.get('kind')), ''))}];\n")
    out.write("}\n")
    return out.getvalue()


def _plain(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only str/int/float/bool attribute values (None becomes "")."""
    g = nx.MultiDiGraph()
    g.graph.update({k: v for k, v in graph.graph.items() if isinstance(v, (str, int, float, bool))})
    for n, d in graph.nodes(data=True):
        g.add_node(n, **{k: ("" if v is None else v) for k, v in d.items()
                         if v is None or isinstance(v, (str, int, float, bool))})
    for u, v, k, d in graph.edges(keys=True, data=True):
        g.add_edge(u, v, key=k, **{a: ("" if x is None else x) for a, x in d.items()
                                   if x is None or isinstance(x, (str, int, float, bool))})
    return g


def to_graphml(graph: nx.MultiDiGraph) -> str:
    """The graph as GraphML (UTF-8 XML) for Gephi, yEd or ``networkx.read_graphml``."""
    return "\n".join(nx.generate_graphml(_plain(graph), encoding="utf-8", prettyprint=True)) + "\n"


def to_gexf(graph: nx.MultiDiGraph) -> str:
    """The graph as GEXF 1.2 for Gephi or ``networkx.read_gexf``."""
    g = _plain(graph)
    for n, d in g.nodes(data=True):  # GEXF takes its node label from the 'label' attribute
        d.setdefault("label", str(n))
    for i, (_, _, d) in enumerate(g.edges(data=True)):
        d["id"] = str(i)
        if "kind" in d:
            d.setdefault("label", str(d["kind"]))
    return "\n".join(nx.generate_gexf(g, encoding="utf-8", prettyprint=True)) + "\n"


def to_json(graph: nx.MultiDiGraph, *, indent: int | None = 1) -> str:
    """The graph as networkx node-link JSON (UTF-8, Arabic not escaped)."""
    data = nx.node_link_data(_plain(graph), edges="links")
    return json.dumps(data, ensure_ascii=False, indent=indent) + "\n"


def export(graph: nx.MultiDiGraph, fmt: str) -> str:
    """The graph in format *fmt*: one of :data:`FORMATS` or ``"html"``.

    Raises:
        InputError: for an unknown format.
    """
    from claimtrack.errors import InputError

    if fmt == "dot":
        return to_dot(graph)
    if fmt == "graphml":
        return to_graphml(graph)
    if fmt == "gexf":
        return to_gexf(graph)
    if fmt == "json":
        return to_json(graph)
    if fmt == "html":
        from claimtrack.graph.html import to_html

        return to_html(graph)
    raise InputError(f"unknown graph format {fmt!r}; use one of dot, graphml, gexf, json, html")
