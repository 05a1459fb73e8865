from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pydot
import pytest

from claimtrack.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ARTICLES = sorted((EXAMPLES / "articles").glob("*.txt"))
META = EXAMPLES / "articles" / "articles.jsonl"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fmt", ["--dot", "--graphml", "--gexf", "--json", "--html"])
def test_graph_formats(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, out, err = run(capsys, "graph", *map(str, ARTICLES), "--articles", str(META), fmt)
    assert code == 0, err
    if fmt == "--dot":
        assert pydot.graph_from_dot_data(out)
    elif fmt == "--graphml":
        assert nx.parse_graphml(out).number_of_nodes() > 0
    elif fmt == "--gexf":
        assert nx.read_gexf(io.BytesIO(out.encode())).number_of_nodes() > 0
    elif fmt == "--json":
        assert json.loads(out)["nodes"]
    else:
        assert out.startswith("<!DOCTYPE html>")


def test_graph_single_article_dot(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "graph", str(EXAMPLES / "article.txt"), "--dot")
    assert code == 0 and out.startswith("digraph")


def test_graph_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "g.gexf"
    code, out, _ = run(capsys, "graph", str(EXAMPLES / "article.txt"), "--gexf", "-o", str(target))
    assert code == 0 and out == ""
    assert nx.read_gexf(target) is not None


def test_bad_inputs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02abc\x00")
    code, out, err = run(capsys, "graph", str(tmp_path / "missing.txt"), str(binary),
                         str(EXAMPLES / "article.txt"), "--json")
    assert code == 1
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 2
    assert json.loads(out)["nodes"]


def test_only_bad_inputs_give_an_empty_graph(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path) -> None:
    code, out, _ = run(capsys, "graph", str(tmp_path / "missing.txt"), "--graphml")
    assert code == 1
    assert nx.parse_graphml(out).number_of_nodes() == 0


def test_empty_article(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    empty = tmp_path / "e.txt"
    empty.write_text("لا شيء هنا.", encoding="utf-8")
    code, out, _ = run(capsys, "graph", str(empty), "--json")
    assert code == 0
    assert {n["kind"] for n in json.loads(out)["nodes"]} <= {"publisher", "article"}


def test_bad_metadata(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    meta = tmp_path / "m.jsonl"
    meta.write_text("not json\n", encoding="utf-8")
    code, _, err = run(capsys, "compare", str(EXAMPLES / "article.txt"), "--articles", str(meta))
    assert code == 1 and "doc" in err and "Traceback" not in err


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "html"])
def test_compare_formats(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, out, err = run(capsys, "compare", *map(str, ARTICLES), "--articles", str(META),
                         "--format", fmt)
    assert code == 0, err
    assert out


def test_compare_jsonl_is_extract_jsonl_with_claim_ids(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "compare", *map(str, ARTICLES), "--articles", str(META),
                       "--format", "jsonl")
    assert code == 0
    lines = [json.loads(x) for x in out.splitlines()]
    assert [d["doc"] for d in lines] == [p.name for p in ARTICLES]
    code, ext, _ = run(capsys, "extract", *map(str, ARTICLES), "--format", "jsonl")
    for mine, theirs in zip(lines, (json.loads(x) for x in ext.splitlines())):
        assert len(mine["attributions"]) == len(theirs["attributions"])
        for a, b in zip(mine["attributions"], theirs["attributions"]):
            assert a["claim_id"]
            assert {**a, "claim_id": None, "source": None} == {**b, "claim_id": None, "source": None}
    ids = [a["claim_id"] for d in lines for a in d["attributions"]]
    assert len(set(ids)) < len(ids)  # some claim is carried by more than one article
