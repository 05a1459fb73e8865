"""Reading article files: encodings, BOMs, line ends, and the errors for bad paths."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.errors import InputError
from claimtrack.text.read import decode, read_text

# An invented news sentence, written only with letters ISO-8859-6 can encode.
SENTENCE = "وقال مصدر في الوزارة إن الاجتماع تأجل إلى الأسبوع المقبل."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1256", "iso-8859-6", "utf-16"])
def test_encodings_decode(encoding: str) -> None:
    assert decode(SENTENCE.encode(encoding)) == SENTENCE


@pytest.mark.parametrize("bom", [b"\xff\xfe", b"\xfe\xff"])
def test_utf16_with_either_byte_order(bom: bytes) -> None:
    codec = "utf-16-le" if bom == b"\xff\xfe" else "utf-16-be"
    assert decode(bom + SENTENCE.encode(codec)) == SENTENCE


@pytest.mark.parametrize(("data", "expected"), [
    (b"", ""),
    (b"a\r\nb", "a\nb"),
    (b"a\rb\r\n", "a\nb\n"),
    (b"\xef\xbb\xbfa\r\nb", "a\nb"),
    ("سطر\r\nسطر".encode("cp1256"), "سطر\nسطر"),
    ("\ufeffسطر\r\n".encode("utf-16"), "سطر\n"),
])
def test_decode_table(data: bytes, expected: str) -> None:
    assert decode(data) == expected


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\ufeff\x00")))
def test_bom_and_crlf_give_the_same_text(text: str) -> None:
    plain = decode(text.encode("utf-8"))
    assert plain == text
    windows = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    assert decode(windows) == plain


def test_file_with_bom_and_crlf_reads_as_the_clean_file(tmp_path: Path) -> None:
    clean, dirty = tmp_path / "clean.txt", tmp_path / "dirty.txt"
    clean.write_bytes((SENTENCE + "\n" + SENTENCE + "\n").encode("utf-8"))
    dirty.write_bytes(b"\xef\xbb\xbf" + (SENTENCE + "\r\n" + SENTENCE + "\r\n").encode("utf-8"))
    assert read_text(dirty) == read_text(clean)


@pytest.mark.parametrize("encoding", ["cp1256", "iso-8859-6", "utf-16"])
def test_legacy_file_reads(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(SENTENCE.encode(encoding))
    assert read_text(path) == SENTENCE


@pytest.mark.parametrize(("name", "make", "says"), [
    ("missing.txt", None, "no such file"),
    ("folder", "dir", "directory"),
    ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("latin.txt", b"caf\xe9 cr\xe8me br\xfbl\xe9e", "UTF-8"),
])
def test_bad_paths_raise_input_error_naming_the_file(tmp_path: Path, name: str,
                                                     make: bytes | str | None, says: str) -> None:
    path = tmp_path / name
    if make == "dir":
        path.mkdir()
    elif isinstance(make, bytes):
        path.write_bytes(make)
    with pytest.raises(InputError) as info:
        read_text(path)
    message = str(info.value)
    assert name in message
    assert says in message
    assert "\n" not in message


def test_input_error_is_a_value_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        read_text(tmp_path / "nothing-here.txt")
