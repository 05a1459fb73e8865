"""The claim-source graph (being written)."""

from claimtrack.graph.link import claim_groups, link_claims

__all__ = ["link_claims", "claim_groups"]
