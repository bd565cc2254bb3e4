"""The review finds the defects domain.md documents in the four seed documents."""

from __future__ import annotations

import pytest

from jixiao.review.engine import review
from support import seed_path

pytestmark = pytest.mark.seeds


def _findings(prefix: str):
    from jixiao.importers import import_file

    return review(import_file(seed_path(prefix))).findings


def _has(findings, code: str, text: str) -> bool:
    return any(f.code == code and text in f.message for f in findings)


def test_review_seed_000_finds_malformed_symbols_placeholder_years_and_task_money() -> None:
    """》90% (JX201), 到期年度 2099 (JX115 twice), 。。 (JX407), tasks above project money (JX310)."""
    findings = _findings("000")
    assert (_has(findings, "JX201", "》90%"), sum(f.code == "JX115" for f in findings),
            _has(findings, "JX407", "。。"), _has(findings, "JX310", "82.2")) == (True, 2, True, True)


def test_review_seed_001_finds_department_name_mismatch_and_cost_as_percentage() -> None:
    """吴中市 vs 吴川市 (JX501); 财政资金投入成本 95%以上 (JX305); 非转经 vs 非税 (JX409)."""
    findings = _findings("001")
    assert (_has(findings, "JX501", "吴中市"), _has(findings, "JX305", "95%以上"),
            _has(findings, "JX409", "非转经")) == (True, True, True)


def test_review_seed_003_finds_past_deadlines_and_spending_plan_unit() -> None:
    """"2024 年底前" in a 2025 budget (JX215, two forms); amounts under a (%) header (JX304)."""
    findings = _findings("003")
    assert (sum(f.code == "JX215" for f in findings), _has(findings, "JX304", "0.40")) == (2, True)


def test_review_seed_004_finds_placeholders_unit_mix_and_scope() -> None:
    """以文件为准 (JX212), 2.4万元 in a 元 table (JX308), 全省 in a county form (JX410)."""
    findings = _findings("004")
    assert (_has(findings, "JX212", "以文件为准"), _has(findings, "JX308", "2.4万元"),
            _has(findings, "JX410", "全省")) == (True, True, True)


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_review_seed_runs_without_engine_errors(prefix: str) -> None:
    """No rule raises on a real document."""
    assert [f.message for f in _findings(prefix) if f.code == "JX900"] == []
