"""The ``claimtrack sources`` subcommand."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrack.cli import main


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sources", "list"]) == 0
    out = capsys.readouterr().out
    assert "reuters\tagency\tGB\tReuters" in out
    assert len(out.splitlines()) >= 150


def test_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sources", "show", "sohr"]) == 0
    out = capsys.readouterr().out
    assert "Syrian Observatory for Human Rights" in out and "المرصد" in out


def test_match(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sources", "match", "وكالة الأنباء الرسمية «سانا»"]) == 0
    assert capsys.readouterr().out.startswith("sana\tSANA\ttype=outlet")
    assert main(["sources", "match", "مصادر مطلعة"]) == 0
    assert capsys.readouterr().out == "no match\ttype=anonymous\n"


@pytest.mark.parametrize("argv", [["sources", "show", "no-such-id"], ["sources", "show"],
                                  ["sources", "match"], ["sources", "list", "--kind", "blog"],
                                  ["sources", "list", "--registry", "/no/such.toml"]])
def test_bad_input_exits_1_without_traceback(argv: list[str],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("claimtrack: ") and "Traceback" not in err


def test_user_registry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "mine.toml"
    f.write_text("[test-radio]\nname = 'Test Radio'\nkind = 'radio'\ncountry = 'LB'\n"
                 "ar = ['إذاعة التجربة']\n", encoding="utf-8")
    assert main(["sources", "match", "لإذاعة التجربة", "--registry", str(f)]) == 0
    assert capsys.readouterr().out.startswith("test-radio\tTest Radio")


def test_malformed_user_registry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "bad.toml"
    f.write_text("[x]\nname = 'X'\nkind = 'agency'\n", encoding="utf-8")
    assert main(["sources", "list", "--registry", str(f)]) == 1
    assert "bad.toml" in capsys.readouterr().err
