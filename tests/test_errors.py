"""The exception hierarchy: one base class to catch, and the builtin classes callers expect."""

from __future__ import annotations

import pytest

import claimtrack
from claimtrack import errors
from claimtrack.errors import (
    ClaimtrackError,
    InputError,
    LexiconError,
    MissingDependencyError,
    ParseError,
    RegistryError,
)


@pytest.mark.parametrize(("cls", "also"), [
    (InputError, ValueError),
    (LexiconError, Exception),
    (RegistryError, Exception),
    (ParseError, Exception),
    (MissingDependencyError, ImportError),
])
def test_every_error_is_a_claimtrack_error(cls: type[Exception], also: type[Exception]) -> None:
    assert issubclass(cls, ClaimtrackError)
    assert issubclass(cls, also)


def test_all_lists_every_error_class() -> None:
    defined = {name for name, obj in vars(errors).items()
               if isinstance(obj, type) and issubclass(obj, BaseException)
               and obj.__module__ == errors.__name__}
    assert defined == set(errors.__all__)


@pytest.mark.parametrize("name", ["ClaimtrackError", "InputError", "LexiconError",
                                  "RegistryError", "MissingDependencyError"])
def test_errors_are_exported_at_top_level(name: str) -> None:
    assert getattr(claimtrack, name) is getattr(errors, name)
    assert name in claimtrack.__all__


def test_missing_dependency_message_gives_the_pip_line() -> None:
    exc = MissingDependencyError("stanza", "stanza")
    assert (exc.package, exc.extra) == ("stanza", "stanza")
    assert "pip install 'claimtrack[stanza]'" in str(exc)
    with pytest.raises(ImportError):
        raise exc


def test_extract_rejects_bytes_with_an_input_error() -> None:
    with pytest.raises(InputError, match="decode"):
        claimtrack.extract("قال".encode())  # type: ignore[arg-type]
