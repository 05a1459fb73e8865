"""The claim–source graph: link claims across outlets, build, compare and export.

Typical use::

    import claimtrack
    from claimtrack import graph as cg

    articles = [claimtrack.extract_file(p) for p in paths]
    linked = cg.link_claims(articles, clusters={...})      # same claim -> same claim_id
    g = cg.build_graph(linked)                              # networkx MultiDiGraph
    open("graph.gexf", "w", encoding="utf-8").write(cg.to_gexf(g))
    rows = cg.outlet_source(linked)                         # -> pandas.DataFrame(rows)

Examples:
    >>> from claimtrack.graph import build_graph, link_claims, to_dot
    >>> to_dot(build_graph(link_claims([]))).startswith('digraph "claimtrack"')
    True
"""

from claimtrack.graph.build import EDGE_KINDS, NODE_KINDS, build_graph, clean_label, node_id
from claimtrack.graph.disagree import FLAGS, Claim, ClaimMember, claims
from claimtrack.graph.export import export, to_dot, to_gexf, to_graphml, to_json
from claimtrack.graph.features import content_terms, numbers, stem
from claimtrack.graph.html import to_html
from claimtrack.graph.link import DEFAULT_THRESHOLD, POOL_THRESHOLD, claim_groups, link_claims
from claimtrack.graph.views import (
    anonymous_only_claims,
    claim_outlet,
    claim_rows,
    disputed_claims,
    one_side_claims,
    outlet_source,
    single_source_claims,
)

__all__ = [
    "link_claims",
    "claim_groups",
    "DEFAULT_THRESHOLD",
    "POOL_THRESHOLD",
    "build_graph",
    "node_id",
    "clean_label",
    "NODE_KINDS",
    "EDGE_KINDS",
    "Claim",
    "ClaimMember",
    "claims",
    "FLAGS",
    "outlet_source",
    "claim_outlet",
    "claim_rows",
    "single_source_claims",
    "anonymous_only_claims",
    "one_side_claims",
    "disputed_claims",
    "to_dot",
    "to_graphml",
    "to_gexf",
    "to_json",
    "to_html",
    "export",
    "stem",
    "content_terms",
    "numbers",
]
