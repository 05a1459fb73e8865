"""Extract the attributions of one article and print who is reported as saying what.

Usage: python examples/extract_one.py [ARTICLE.txt]   (default: examples/article.txt)
"""

import sys
from pathlib import Path

import claimtrack

HERE = Path(__file__).resolve().parent


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "article.txt"
    article = claimtrack.extract_file(path)
    print(f"{path.name}: {len(article.attributions)} attributions")
    for att in article.attributions:
        speaker = att.source.text if att.source is not None else "(no speaker named)"
        relays = "".join(f" ← {via.source.text}" for via in att.via)
        content = att.content.span.text if att.content is not None else ""
        quote = "«quoted»" if att.direct else ""
        print(f"- {att.cue.span.text} [{att.cue.kind}] {speaker}{relays}: {content} {quote}".rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
