"""``claimtrack extract`` through :func:`claimtrack.cli.main`: batches with bad inputs."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from claimtrack.cli import main

# Invented article text (not from any corpus).
ARTICLE = "قال رئيس البلدية إن أعمال الصيانة ستنتهي يوم الخميس.\nوأضاف أن الطريق سيفتح بعدها.\n"


@pytest.fixture
def batch(tmp_path: Path) -> dict[str, Path]:
    good1 = tmp_path / "good-one.txt"
    good1.write_text(ARTICLE, encoding="utf-8")
    good2 = tmp_path / "good-two.txt"
    good2.write_bytes(ARTICLE.encode("cp1256"))
    folder = tmp_path / "a-folder"
    folder.mkdir()
    binary = tmp_path / "picture.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    return {"good-one.txt": good1, "good-two.txt": good2, "a-folder": folder,
            "picture.jpg": binary, "missing.txt": tmp_path / "missing.txt"}


GOOD = ["good-one.txt", "good-two.txt"]
BAD = ["a-folder", "picture.jpg", "missing.txt"]


@pytest.mark.parametrize("fmt", ["jsonl", "json", "table"])
def test_mixed_batch_prints_good_files_and_one_line_per_bad_one(
        batch: dict[str, Path], fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    order = ["good-one.txt", "a-folder", "picture.jpg", "good-two.txt", "missing.txt"]
    status = main(["extract", "--format", fmt, *(str(batch[n]) for n in order)])
    out, err = capsys.readouterr()
    assert status == 1
    assert "Traceback" not in out + err
    err_lines = err.strip().splitlines()
    assert len(err_lines) == len(BAD)
    for name, line in zip(BAD, err_lines):
        assert name in line
        assert line.startswith("claimtrack: ")
    if fmt == "jsonl":
        docs = [json.loads(line)["doc"] for line in out.splitlines()]
        assert docs == GOOD
    elif fmt == "json":
        assert [d["doc"] for d in json.loads(out)] == GOOD
    else:
        for name in GOOD:
            assert f"# {name}:" in out


def test_all_good_returns_zero(batch: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--format", "jsonl", *(str(batch[n]) for n in GOOD)]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 2 and err == ""


def test_legacy_encoding_gives_the_same_result(batch: dict[str, Path],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    main(["extract", "--format", "jsonl", *(str(batch[n]) for n in GOOD)])
    one, two = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert one["attributions"] == two["attributions"]


@pytest.mark.parametrize("content", [b"", b"\n\n", b"\xef\xbb\xbf", "   \n".encode()])
def test_empty_file_gives_zero_attributions(tmp_path: Path, content: bytes,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert main(["extract", "--format", "jsonl", str(path)]) == 0
    out, err = capsys.readouterr()
    (doc,) = [json.loads(line) for line in out.splitlines()]
    assert doc["doc"] == "empty.txt"
    assert doc["attributions"] == []
    assert "Traceback" not in err


def test_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    fake = io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    assert main(["extract", "--format", "jsonl", "-"]) == 0
    (doc,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert doc["doc"] == "-"


def test_binary_standard_input_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b"\x00\x01\x02binary"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    assert main(["extract", "-"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and "<stdin>" in err


@pytest.mark.parametrize("argv", [["extract"], ["extract", "--format", "xml", "x.txt"], ["nonsense"]])
def test_usage_errors_return_two(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_help_returns_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--help"]) == 0
    assert "--format" in capsys.readouterr().out
