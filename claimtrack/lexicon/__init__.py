"""Language data: reporting cues, prepositional cues, attributive nouns and traps."""

from claimtrack.lexicon.loader import CueEntry, FormInfo, Lexicon, load_lexicon

__all__ = ["CueEntry", "FormInfo", "Lexicon", "load_lexicon"]
