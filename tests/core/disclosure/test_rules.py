"""The JX6xx band in the review engine: seed 003 through the Hebei importer and ``jixiao check``."""

from __future__ import annotations

from jixiao.importers.registry import import_file
from jixiao.review.config import config_from_dict
from jixiao.review.engine import review_document
from jixiao.review.registry import all_rules, get_rule
from support import seed_path  # tests/ is on sys.path (pyproject pythonpath)


def test_disclosure_band_registered_with_all_codes() -> None:
    """The band's rules are in the catalogue, target ``disclosure``, group ``disclosure``."""
    rules = [r for r in all_rules() if r.code.startswith("JX6")]
    assert [r.code for r in rules] == [f"JX6{n:02d}" for n in (*range(1, 19), 20, 21, 22, 23, 24)]
    assert {(r.target, "disclosure" in r.groups) for r in rules} == {("disclosure", True)}
    assert get_rule("disclosure.function_hierarchy").code == "JX605"


def test_review_seed003_disclosure_findings_through_importer() -> None:
    """Imported by the Hebei importer, seed 003's tables give the §6.4 findings with line numbers
    of the original file; D15 uses the fourteen project forms and holds."""
    document = import_file(seed_path("003"))
    report = review_document(document, config_from_dict({"review": {"select": ["disclosure"]}}))
    got = sorted((f.code, f.severity.value, f.source.line if f.source else None) for f in report.findings)
    assert [code for code, _, _ in got] == sorted(
        ["JX605"] * 3 + ["JX611", "JX614", "JX618", "JX621", "JX623"] + ["JX616"] * 6)
    lines = document.set_aside[0].source.line, document.set_aside[1].source.line
    assert lines == (1, 86)
    jx621 = next(f for f in report.findings if f.code == "JX621")
    assert (jx621.source.line, "人行科目" in jx621.message) == (79, True)


def test_review_rounding_severity_parameter() -> None:
    """``rounding_severity = "warning"`` in the config makes the rounding findings warnings."""
    document = import_file(seed_path("003"))
    config = config_from_dict({"review": {"select": ["JX605", "JX611"],
                                          "rules": {"JX605": {"rounding_severity": "warning"}}}})
    report = review_document(document, config)
    assert sorted((f.code, f.severity.value) for f in report.findings) == [
        ("JX605", "warning"), ("JX605", "warning"), ("JX605", "warning"), ("JX611", "info")]
