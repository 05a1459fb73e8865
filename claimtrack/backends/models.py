"""Building a stanza pipeline from models already on disk (no network), with clear errors.

Examples:
    >>> import tempfile
    >>> try:
    ...     load_pipeline(dir=tempfile.mkdtemp())
    ... except ClaimtrackError as exc:
    ...     print(type(exc).__name__)
    MissingModelError
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from claimtrack.errors import ClaimtrackError, InputError

__all__ = ["MissingModelError", "DEFAULT_PROCESSORS", "default_model_dir", "load_pipeline"]

logger = logging.getLogger(__name__)

DEFAULT_PROCESSORS = "tokenize,mwt,pos,lemma,depparse"


class MissingModelError(ClaimtrackError, FileNotFoundError):
    """A stanza model file is not on disk; the message names it and the command that fetches it."""

    def __init__(self, path: str, lang: str, model_dir: str) -> None:
        self.path = path
        super().__init__(
            f"stanza model file not found: {path}; on a machine with internet run "
            f"python -c \"import stanza; stanza.download('{lang}', model_dir='{model_dir}')\" "
            f"and copy {model_dir} here (claimtrack never downloads)")


def default_model_dir() -> str:
    """stanza's model directory: ``$STANZA_RESOURCES_DIR`` or stanza's default."""
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return env
    try:
        from stanza.resources.common import DEFAULT_MODEL_DIR
    except ImportError:
        return str(Path.home() / "stanza_resources")
    return str(DEFAULT_MODEL_DIR)


def _check_files(lang: str, model_dir: str, processors: str) -> None:
    resources = Path(model_dir) / "resources.json"
    if not resources.is_file():
        raise MissingModelError(str(resources), lang, model_dir)
    try:
        table = json.loads(resources.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{resources} is not a readable stanza resources file ({exc}); "
                         f"fetch it again with stanza.download('{lang}')") from exc
    package = (table.get(lang, {}).get("default_processors") or {})
    for proc in processors.split(","):
        proc = proc.strip()
        name = package.get(proc)
        if not proc or proc == "attribution" or not isinstance(name, str):
            continue
        path = Path(model_dir) / lang / proc / f"{name}.pt"
        if not path.is_file():
            raise MissingModelError(str(path), lang, model_dir)


def load_pipeline(
    lang: str = "ar",
    *,
    dir: str | os.PathLike[str] | None = None,
    processors: str = DEFAULT_PROCESSORS,
    attribution: bool = True,
    mode: str = "stanza",
    **kwargs: Any,
) -> Any:
    """A ``stanza.Pipeline`` built offline from *dir*, with the ``attribution`` processor.

    Args:
        lang: the stanza language code.
        dir: the stanza model directory (default: :func:`default_model_dir`).
        processors: the stanza processors before ``attribution``.
        attribution: append claimtrack's ``attribution`` processor (default true).
        mode: ``"stanza"`` or ``"hybrid"``, for the attribution processor.
        **kwargs: passed to ``stanza.Pipeline`` (``use_gpu``, ``logging_level``, ...).

    Raises:
        MissingDependencyError: stanza is not installed.
        MissingModelError: a model file is missing; the message names it and gives the
            ``stanza.download`` command to run on a machine with internet.
    """
    from claimtrack.backends.stanza import require_stanza

    stanza = require_stanza()
    model_dir = str(dir) if dir is not None else default_model_dir()
    _check_files(lang, model_dir, processors)
    if attribution:
        from claimtrack.backends.processor import register_attribution_processor

        register_attribution_processor()
        processors = processors + ",attribution"
        kwargs.setdefault("attribution_mode", mode)
    try:
        return stanza.Pipeline(lang, processors=processors, download_method=None, dir=model_dir, **kwargs)
    except FileNotFoundError as exc:
        raise MissingModelError(str(exc.filename or exc), lang, model_dir) from exc
