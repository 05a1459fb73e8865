from __future__ import annotations

import re

import networkx as nx

from claimtrack.graph.build import build_graph, clean_label, node_id, sentence_around
from claimtrack.graph.link import link_claims

from .helpers import event


def test_schema() -> None:
    g = build_graph(link_claims(event()))
    kinds = {d["kind"] for _, d in g.nodes(data=True)}
    assert kinds == {"publisher", "article", "source", "claim"}
    assert {d["kind"] for _, _, d in g.edges(data=True)} == {"publishes", "reports", "said_by",
                                                             "relayed_by"}
    for n, d in g.nodes(data=True):
        assert re.fullmatch(r"(pub|art|src|claim):[A-Za-z0-9._-]+", n)
        assert d["label"]
        assert all(isinstance(v, (str, int, bool)) for v in d.values())
    for u, v, d in g.edges(data=True):
        assert (g.nodes[u]["kind"], d["kind"], g.nodes[v]["kind"]) in {
            ("publisher", "publishes", "article"), ("article", "reports", "claim"),
            ("claim", "said_by", "source"), ("source", "relayed_by", "source")}


def test_linked_claim_is_one_node_with_two_reports() -> None:
    g = build_graph(link_claims(event()))
    toll = [n for n, d in g.nodes(data=True) if d["kind"] == "claim" and "70" in d["text"]]
    assert len(toll) == 1
    reports = [d for _, _, d in g.in_edges(toll[0], data=True) if d["kind"] == "reports"]
    assert len(reports) == 2
    assert all(d["sentence"] for d in reports)
    assert "numbers" in g.nodes[toll[0]]["flags"]


def test_relay_chain() -> None:
    g = build_graph(event())
    relays = [(g.nodes[u]["label"], g.nodes[v]["label"], d["order"])
              for u, v, d in g.edges(data=True) if d["kind"] == "relayed_by"]
    assert relays == [("مصدر طبي", "وكالة الأنباء", 0)]


def test_empty_graph() -> None:
    g = build_graph([])
    assert isinstance(g, nx.MultiDiGraph) and g.number_of_nodes() == 0


def test_helpers() -> None:
    assert node_id("src", "sana") == "src:sana"
    assert node_id("src", "سانا") != node_id("src", "سانا ")
    assert clean_label("a\x00b\r\nc") == "ab\nc"
    assert sentence_around("أ. قال س إن ص. ب", 3, 6) == "قال س إن ص."
