"""Reading article files: encodings, BOMs and line ends, without losing offsets.

Offsets in claimtrack always index the text *as decoded*. A UTF-8 byte order mark
is dropped and CRLF/CR line ends become LF when a file is read, so a file saved
with a BOM or Windows line ends gives the same text, and the same attributions, as
the clean file. Legacy Arabic encodings (UTF-16 with BOM, cp1256, ISO-8859-6) are
recognised; bytes that decode as none of them, or that look binary, raise
:class:`~claimtrack.errors.InputError` naming the file.

Examples:
    >>> decode("قال".encode("cp1256"))
    'قال'
    >>> decode(b"\\xef\\xbb\\xbfa\\r\\nb")
    'a\\nb'
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from claimtrack.errors import InputError

__all__ = ["decode", "read_text"]

_ARABIC = re.compile("[\u0600-\u06ff]")


def _clean(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _arabic_share(text: str) -> float:
    letters = sum(ch.isalpha() for ch in text)
    return len(_ARABIC.findall(text)) / letters if letters else 0.0


def decode(data: bytes, *, name: str = "<bytes>") -> str:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, cp1256 or ISO-8859-6."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _clean(data.decode("utf-16"))
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: starts with a UTF-16 byte order mark but is not valid UTF-16") from exc
    if b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file (it holds NUL bytes); give a text file")
    try:
        return _clean(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    best: str | None = None
    best_share = 0.5
    for enc in ("cp1256", "iso-8859-6"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        share = _arabic_share(text)
        if share > best_share:
            best, best_share = text, share
    if best is None:
        raise InputError(
            f"{name}: not UTF-8, UTF-16, cp1256 or ISO-8859-6 text; "
            "convert it to UTF-8 (e.g. iconv -f ENCODING -t UTF-8)"
        )
    return _clean(best)


def read_text(path: str | os.PathLike[str]) -> str:
    """Read and decode an article file (see :func:`decode`)."""
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{p}: is a directory; give article files")
    try:
        data = p.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{p}: no such file") from exc
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from exc
    return decode(data, name=str(p))
