"""Subcommands of the ``claimtrack`` command line, one module each."""
