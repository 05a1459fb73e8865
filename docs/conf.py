"""Sphinx configuration of the claimtrack documentation.

Build with ``sphinx-build -W --keep-going -b html docs docs/_build/html``. No extension
here needs the network: intersphinx is off.

Two small directives are defined here so that pages follow the code as it grows:

``.. claimtrack-help:: [SUBCOMMAND]``
    the ``--help`` text of ``claimtrack`` or of one subcommand, as a literal block (a
    note when the subcommand is not in this version);
``.. claimtrack-automodules:: PACKAGE``
    an ``automodule`` with members for every submodule of *PACKAGE*.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import claimtrack  # noqa: E402

project = "claimtrack"
author = "The claimtrack developers"
copyright = "2026, The claimtrack developers"
release = claimtrack.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
]

# Google-style docstrings only.
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

# ``sphinx-build -b doctest`` runs the ``.. doctest::`` examples of these pages; the
# docstrings' own examples are run by pytest (``--doctest-modules``).
doctest_test_doctest_blocks = ""

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"show-inheritance": True}

nitpicky = False
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
templates_path: list[str] = []
language = "en"

html_theme = "furo"
html_title = f"claimtrack {release}"
html_static_path: list[str] = []


def _help_text(command: str | None) -> str | None:
    """``claimtrack [COMMAND] --help``, or ``None`` when *command* is not in this version."""
    from claimtrack.cli import build_parser

    parser = build_parser()
    if command is not None:
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        if command not in sub.choices:
            return None
        parser = sub.choices[command]
    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "88"
    try:
        return parser.format_help().rstrip()
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old


class ClaimtrackHelp(SphinxDirective):
    """``--help`` of the command line or of one subcommand, as a literal block."""

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        command = self.arguments[0] if self.arguments else None
        text = _help_text(command)
        if text is None:
            return [nodes.paragraph(text=f"(claimtrack {command} is not in this version yet.)")]
        block = nodes.literal_block(text, text)
        block["language"] = "text"
        return [block]


class ClaimtrackAutomodules(SphinxDirective):
    """An ``automodule`` with its members for every submodule of a package."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        package = importlib.import_module(self.arguments[0])
        names = sorted(m.name for m in pkgutil.iter_modules(package.__path__, package.__name__ + ".")
                       if not m.name.rsplit(".", 1)[-1].startswith("_"))
        lines: list[str] = []
        for name in names:
            lines += [f".. rubric:: ``{name}``", "", f".. automodule:: {name}", "   :members:", ""]
        node = nodes.container()
        self.state.nested_parse(StringList(lines, source=f"<automodules of {package.__name__}>"),
                                self.content_offset, node)
        return list(node.children)


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("claimtrack-help", ClaimtrackHelp)
    app.add_directive("claimtrack-automodules", ClaimtrackAutomodules)
    return {"parallel_read_safe": True}
