"""The exceptions claimtrack raises.

Every error the library raises on purpose is a :class:`ClaimtrackError`, so callers
can catch one class. Messages name the bad value and say how to fix it.
"""

from __future__ import annotations

__all__ = [
    "ClaimtrackError",
    "InputError",
    "LexiconError",
    "RegistryError",
    "MissingDependencyError",
    "ParseError",
]


class ClaimtrackError(Exception):
    """Base class of every error claimtrack raises."""


class InputError(ClaimtrackError, ValueError):
    """An input (file, text, option) that claimtrack cannot use."""


class LexiconError(ClaimtrackError):
    """A malformed language-data file; the message names file, line and field."""


class RegistryError(ClaimtrackError):
    """A malformed source-registry file; the message names file, line and field."""


class ParseError(ClaimtrackError):
    """A malformed parse (CoNLL-U) or a parse lacking a needed annotation."""


class MissingDependencyError(ClaimtrackError, ImportError):
    """An optional dependency is not installed; the message gives the pip line."""

    def __init__(self, package: str, extra: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f"{package!r} is needed for this feature but is not installed; "
            f"install it with: pip install 'claimtrack[{extra}]'"
        )
