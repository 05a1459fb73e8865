"""Load the comparison of a folder of articles into pandas DataFrames.

Usage: python examples/pandas_views.py [FOLDER]   (default: examples/articles/)
Needs pandas (pip install pandas); without it the script says so and exits.
"""

import sys
from pathlib import Path

from compare_outlets import load_folder

from claimtrack import graph as cg

HERE = Path(__file__).resolve().parent


def main() -> int:
    try:
        import pandas as pd
    except ImportError:
        print("pandas is not installed: pip install pandas (the views are plain lists of dicts "
              "without it, see claimtrack.graph.views)")
        return 0
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "articles"
    articles = cg.link_claims(load_folder(folder))

    who_cites_whom = pd.DataFrame(cg.outlet_source(articles))
    if not who_cites_whom.empty:
        table = who_cites_whom.pivot_table(index="source", columns="outlet", values="attributions",
                                           aggfunc="sum", fill_value=0)
        print("Who cites whom (attributions per outlet and source):")
        print(table.to_string())

    carried = pd.DataFrame(cg.claim_outlet(articles))
    if not carried.empty:
        print("\nClaims by number of outlets carrying them:")
        print(carried.groupby("claim")["outlet"].nunique().sort_values(ascending=False).head(10)
              .to_string())

    print("\nSingle-source claims:", len(cg.single_source_claims(articles)))
    print("Anonymous-only claims:", len(cg.anonymous_only_claims(articles)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
