from __future__ import annotations

import io
from html.parser import HTMLParser

import networkx as nx
import pydot
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack.errors import InputError
from claimtrack.graph.build import build_graph, clean_label
from claimtrack.graph.export import export, to_dot, to_gexf, to_graphml, to_json
from claimtrack.graph.html import to_html
from claimtrack.graph.link import link_claims

from .helpers import event, said

NASTY = ['قال "لا"', "a\\b\\", "{x} [y] <z> &amp;", "سطر\nسطر", "<script>alert(1)</script>",
         "\u200fمصدر\u202b\u2067", "ends with backslash\\", "'single' `tick`", "% # ; ,"]


def _dot_unquote(s: str) -> str:
    assert s.startswith('"') and s.endswith('"')
    out, i, body = [], 0, s[1:-1]
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            out.append({"n": "\n", "\\": "\\", '"': '"'}.get(nxt, "\\" + nxt))
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


def _labels(g: nx.MultiDiGraph) -> dict[str, str]:
    return {str(n): str(d["label"]) for n, d in g.nodes(data=True)}


def _from_dot(text: str) -> dict[str, str]:
    (dg,) = pydot.graph_from_dot_data(text)
    out = {}
    for n in dg.get_nodes():
        if n.get_name() in ("graph", "node", "edge"):
            continue
        out[_dot_unquote(n.get_name())] = _dot_unquote(n.get("label"))
    return out


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.labels: dict[str, str] = {}
        self._id: str | None = None
        self._in_label = False
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "li" and "data-id" in a:
            self._id = a["data-id"]
        if tag == "span" and a.get("class") == "label":
            self._in_label, self._buf = True, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._in_label and self._id is not None:
            self.labels[self._id] = "".join(self._buf)
            self._in_label = False

    def handle_data(self, data: str) -> None:
        if self._in_label:
            self._buf.append(data)


def _from_html(text: str) -> dict[str, str]:
    p = _Collect()
    p.feed(text)
    return p.labels


def _graph(labels: list[str]) -> nx.MultiDiGraph:
    arts = [said(f"d{i}", lab or "x", "مصدر", f"{lab} قتل 70") for i, lab in enumerate(labels)]
    return build_graph(link_claims(arts))


READERS = {
    "dot": (to_dot, _from_dot),
    "graphml": (to_graphml, lambda s: _labels(nx.parse_graphml(s))),
    "gexf": (to_gexf, lambda s: _labels(nx.read_gexf(io.BytesIO(s.encode("utf-8"))))),
    "json": (to_json, lambda s: _labels(nx.node_link_graph(__import__("json").loads(s),
                                                           edges="links"))),
    "html": (to_html, _from_html),
}


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_round_trip_nasty_labels(fmt: str) -> None:
    g = _graph(NASTY)
    write, read = READERS[fmt]
    assert read(write(g)) == _labels(g)


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_round_trip_event(fmt: str) -> None:
    g = build_graph(link_claims(event()))
    write, read = READERS[fmt]
    assert read(write(g)) == _labels(g)


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_empty_graph_exports(fmt: str) -> None:
    write, read = READERS[fmt]
    assert read(write(build_graph([]))) == {}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(min_size=1, max_size=20), min_size=1, max_size=3))
def test_round_trip_any_label(labels: list[str]) -> None:
    g = _graph(labels)
    want = _labels(g)
    assert all(lab == clean_label(lab) for lab in want.values())
    for fmt, (write, read) in READERS.items():
        assert read(write(g)) == want, fmt


def test_graphml_keeps_edge_attributes() -> None:
    g = nx.parse_graphml(to_graphml(build_graph(link_claims(event()))))
    kinds = {d["kind"] for _, _, d in g.edges(data=True)}
    assert kinds == {"publishes", "reports", "said_by", "relayed_by"}


def test_html_is_offline() -> None:
    page = to_html(build_graph(link_claims(event())))
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in page and "<script src" not in page


def test_export_unknown_format() -> None:
    with pytest.raises(InputError, match="svg"):
        export(build_graph([]), "svg")
