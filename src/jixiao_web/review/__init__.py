"""The web side of automatic review: a thin adapter over the core review engine."""
