"""The committed rule pages in docs/rules are what the generator writes today."""

from __future__ import annotations

from pathlib import Path

from jixiao.review.docs import generate, rule_page
from jixiao.review.registry import get_rule

DOCS_DIR = Path(__file__).resolve().parents[3] / "docs" / "rules"


def test_docs_generate_matches_committed_pages(tmp_path: Path) -> None:
    """Regenerating docs/rules changes nothing (run ``python -m jixiao.review.docs`` if it fails)."""
    written = generate(tmp_path)
    stale = [p.name for p in written
             if not (DOCS_DIR / p.name).is_file()
             or (DOCS_DIR / p.name).read_text(encoding="utf-8") != p.read_text(encoding="utf-8")]
    extra = sorted(p.name for p in DOCS_DIR.glob("*.md") if not (tmp_path / p.name).exists())
    assert (stale, extra) == ([], [])


def test_docs_rule_page_shows_bad_then_good_blocks() -> None:
    """A page carries the rule's name and its Bad block before its Good block."""
    page = rule_page(get_rule("JX202"))
    assert page.startswith("# JX202 ")
    assert "`value.comparison_as_word`" in page
    bad, good = page.index("**Bad**"), page.index("**Good**")
    assert bad < page.index("| 98%以上", bad) < good < page.index("| ≥98%", good)
