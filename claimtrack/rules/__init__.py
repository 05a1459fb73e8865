"""The rules backend, one module per stage: cues → contents → sources → relays → speakers."""
