"""Rule band: values. ``get_rules()`` imports the band's rule modules on first use."""

from __future__ import annotations


def get_rules() -> list:
    from jixiao.review.registry import load_band

    return load_band(__name__)
