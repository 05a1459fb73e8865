"""A stanza ``attribution`` processor that puts claimtrack's records on the Document.

Register it once with :func:`register_attribution_processor` (registering has a side
effect on stanza, so it is not done at import time), then name it in a pipeline::

    import stanza
    from claimtrack.backends.processor import register_attribution_processor

    register_attribution_processor()
    nlp = stanza.Pipeline("ar", processors="tokenize,mwt,pos,lemma,depparse,attribution",
                          download_method=None, dir="/path/to/stanza_resources",
                          attribution_mode="hybrid")
    doc = nlp("وقال المتحدث إن الحدود مفتوحة.")
    doc.claimtrack_article.attributions

``attribution_mode`` is ``"stanza"`` (tree only, the default) or ``"hybrid"``. The
processor needs ``tokenize``, ``lemma`` and ``depparse`` before it; stanza says which is
missing when the pipeline is built. :func:`claimtrack.backends.models.load_pipeline` checks
the model files first and names any that is missing.
"""

from __future__ import annotations

import logging
from typing import Any

from claimtrack.backends.stanza import MODES, extract_from_doc, require_stanza
from claimtrack.errors import InputError
from claimtrack.model import Article

__all__ = ["PROCESSOR_NAME", "DOC_ATTRIBUTE", "register_attribution_processor", "annotate"]

logger = logging.getLogger(__name__)

#: The name to list in ``stanza.Pipeline(processors=...)``.
PROCESSOR_NAME = "attribution"
#: The Document attribute that receives the :class:`~claimtrack.model.Article`.
DOC_ATTRIBUTE = "claimtrack_article"

_CLASS: list[type] = []


def annotate(document: Any, *, mode: str = "stanza") -> Article:
    """Extract from a stanza *document* and set ``document.claimtrack_article``; return the Article."""
    if mode not in MODES:
        raise InputError(f"attribution_mode {mode!r} is not one of {', '.join(MODES)}")
    article = extract_from_doc(document, mode=mode)  # type: ignore[arg-type]
    setattr(document, DOC_ATTRIBUTE, article)
    return article


def register_attribution_processor() -> type:
    """Register the ``attribution`` processor with stanza (idempotent) and return its class.

    Raises:
        MissingDependencyError: stanza is not installed.
    """
    if _CLASS:
        return _CLASS[0]
    require_stanza()
    from stanza.pipeline.processor import NAME_TO_PROCESSOR_CLASS, Processor, register_processor

    class AttributionProcessor(Processor):  # type: ignore[misc]
        """Adds ``doc.claimtrack_article``: the attributions found in the parse."""

        _requires = {"tokenize", "lemma", "depparse"}
        _provides = {PROCESSOR_NAME}
        REQUIRES_DEFAULT = {"tokenize", "lemma", "depparse"}
        PROVIDES_DEFAULT = {PROCESSOR_NAME}

        def __init__(self, config: dict[str, Any], pipeline: Any, device: Any = None) -> None:
            self._mode = str(config.get("mode", "stanza"))
            if self._mode not in MODES:
                raise InputError(f"attribution_mode {self._mode!r} is not one of {', '.join(MODES)}")
            super().__init__(config, pipeline, device)

        def _set_up_model(self, *args: Any) -> None:  # no model to load
            return None

        def process(self, doc: Any) -> Any:
            annotate(doc, mode=self._mode)
            return doc

        def bulk_process(self, docs: Any) -> Any:
            return [self.process(d) for d in docs]

    existing = NAME_TO_PROCESSOR_CLASS.get(PROCESSOR_NAME)
    if existing is not None and getattr(existing, "__module__", "") == __name__:
        found: type = existing
        _CLASS.append(found)
        return found
    register_processor(PROCESSOR_NAME)(AttributionProcessor)
    _CLASS.append(AttributionProcessor)
    return AttributionProcessor
