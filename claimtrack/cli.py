"""The command line: ``claimtrack extract | graph | compare | sources``.

Each subcommand lives in :mod:`claimtrack.commands` as a module with ``register(subparsers)``.
:func:`main` returns the exit status instead of exiting; bad input gives a one-line
message on stderr and status 1, never a traceback, and the good part of a batch is
still printed.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from claimtrack.errors import ClaimtrackError

__all__ = ["main", "entry", "build_parser"]

#: Subcommand modules, in the order ``--help`` lists them. A module that is not
#: present yet is skipped.
COMMANDS = ("extract", "graph", "compare", "sources")


def build_parser() -> argparse.ArgumentParser:
    """The argparse parser with every available subcommand."""
    from claimtrack import __version__

    parser = argparse.ArgumentParser(
        prog="claimtrack", description="Who is reported as saying what in Arabic news."
    )
    parser.add_argument("--version", action="version", version=f"claimtrack {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"claimtrack.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"claimtrack.commands.{name}":
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv*; return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help and on usage errors
        return int(exc.code or 0)
    try:
        return int(args.func(args))
    except ClaimtrackError as exc:
        print(f"claimtrack: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


def entry() -> None:  # pragma: no cover - console-script shim
    """Console-script entry point."""
    sys.exit(main())
