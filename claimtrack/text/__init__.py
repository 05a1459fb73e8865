"""The Arabic text layer: normalisation, segmentation, quotes and page noise."""

from claimtrack.text.normalize import Normalized, normalize, normalized

__all__ = ["normalize", "normalized", "Normalized"]
