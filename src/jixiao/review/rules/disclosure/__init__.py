"""Rule band: disclosure (JX6xx), the 部门预算公开 tables.

Importing the band registers the ``disclosure`` review target: for a document whose importer set
aside ``disclosure-table`` sections, one :class:`~jixiao.review.rules.disclosure._common.DisclosureItem`
(the tables read by :mod:`jixiao.disclosure`, plus the document's project forms for D15). Every
JX6xx rule reads the same cached check report of that item and yields its own findings.
"""

from __future__ import annotations

from jixiao.review.engine import register_target
from jixiao.review.rules.disclosure._common import extract_items

register_target("disclosure", extract_items)


def get_rules() -> list:
    from jixiao.review.registry import load_band

    return load_band(__name__)
