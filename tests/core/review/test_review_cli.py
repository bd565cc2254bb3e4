"""``jixiao check`` and ``jixiao rules`` through a small Typer app built from register()."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from jixiao.cli.commands import review as review_cmd
from jixiao.cli.commands import rules as rules_cmd
from jixiao.model import ImportBatch, ImportedDocument
from jixiao.review.shorthand import form_from_dict

runner = CliRunner()


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Test app."""

    review_cmd.register(app)
    rules_cmd.register(app)
    return app


def _batch(tmp_path: Path, indicators: list[str], name: str = "batch.json") -> Path:
    form = form_from_dict({"name": "科技活动经费", "indicators": indicators})
    path = tmp_path / name
    batch = ImportBatch(documents=[ImportedDocument(file="示例.txt", layout="x", forms=[form])])
    path.write_text(batch.model_dump_json(indent=2), encoding="utf-8")
    return path


def test_check_json_with_error_exits_1_and_prints_linter_line(tmp_path: Path) -> None:
    """An error finding gives exit 1 and a ``file: CODE [severity]`` line."""
    path = _batch(tmp_path, ["满意度指标 | 服务对象满意度指标 | 服务对象满意度 | 》90%"])
    result = runner.invoke(_app(), ["check", str(path), "--select", "JX201"])
    assert result.exit_code == 1, result.output
    assert "示例.txt: JX201 [error] 指标“服务对象满意度”的指标值“》90%”" in result.output


def test_check_warning_only_exits_0_unless_fail_on_warning(tmp_path: Path) -> None:
    """Warnings pass by default and fail with --fail-on warning."""
    path = _batch(tmp_path, ["产出指标 | 数量指标 | 参展企业数量 | 大于3家"])
    codes = [runner.invoke(_app(), ["check", str(path), "--select", "JX202", *extra]).exit_code
             for extra in ([], ["--fail-on", "warning"])]
    assert codes == [0, 1]


def test_check_missing_file_exits_2(tmp_path: Path) -> None:
    """A path that does not exist is unusable input."""
    result = runner.invoke(_app(), ["check", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2, result.output


def test_check_broken_json_exits_2(tmp_path: Path) -> None:
    """A JSON file that is not an ImportBatch is unusable input."""
    path = tmp_path / "x.json"
    path.write_text("{\"foo\": 1}", encoding="utf-8")
    assert runner.invoke(_app(), ["check", str(path)]).exit_code == 2


def test_check_format_json_has_counts_and_findings(tmp_path: Path) -> None:
    """--format json prints the report with counts by severity and by rule."""
    path = _batch(tmp_path, ["产出指标 | 数量指标 | 参展企业数量 | 大于3家"])
    result = runner.invoke(_app(), ["check", str(path), "--select", "JX202", "--format", "json"])
    data = json.loads(result.output)
    assert (data["counts_by_rule"], data["counts_by_severity"]["warning"], data["passed"]) == (
        {"JX202": 1}, 1, True)


def test_check_format_html_is_self_contained(tmp_path: Path) -> None:
    """--format html writes one page with inline CSS and no external assets."""
    path = _batch(tmp_path, ["产出指标 | 数量指标 | 参展企业数量 | 大于3家"])
    out = tmp_path / "r.html"
    runner.invoke(_app(), ["check", str(path), "--format", "html", "-o", str(out)])
    page = out.read_text(encoding="utf-8")
    assert ("<style>" in page, "http://" in page or "https://" in page or "<link" in page,
            "JX202" in page, "参展企业数量" in page) == (True, False, True, True)


def test_check_format_sarif_has_version_rules_and_results(tmp_path: Path) -> None:
    """--format sarif gives SARIF 2.1.0 with the catalogue and one result per finding."""
    path = _batch(tmp_path, ["满意度指标 | 服务对象满意度指标 | 服务对象满意度 | 》90%"])
    result = runner.invoke(_app(), ["check", str(path), "--select", "JX201", "--format", "sarif"])
    sarif = json.loads(result.output)
    run = sarif["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert (sarif["version"], [(r["ruleId"], r["level"]) for r in run["results"]],
            run["results"][0]["ruleIndex"] == rule_ids.index("JX201")) == ("2.1.0", [("JX201", "error")], True)


def test_check_fix_rewrites_json_in_place(tmp_path: Path) -> None:
    """--fix on a JSON export rewrites the fixable values and reports what is left."""
    path = _batch(tmp_path, ["产出指标 | 数量指标 | 参展企业数量 | 大于3家"])
    result = runner.invoke(_app(), ["check", str(path), "--select", "JX202", "--fix"])
    fixed = ImportBatch.model_validate_json(path.read_text(encoding="utf-8"))
    assert (result.exit_code, fixed.documents[0].forms[0].indicators[0].annual_value.raw) == (0, "＞3家")


def test_check_config_file_ignores_rule(tmp_path: Path) -> None:
    """--config reads select/ignore from jixiao.toml."""
    path = _batch(tmp_path, ["满意度指标 | 服务对象满意度指标 | 服务对象满意度 | 》90%"])
    config = tmp_path / "jixiao.toml"
    config.write_text('[review]\nselect = ["JX2*"]\nignore = ["JX201", "JX204"]\n', encoding="utf-8")
    result = runner.invoke(_app(), ["check", str(path), "--config", str(config)])
    assert (result.exit_code, "JX201" in result.output) == (0, False)


def test_rules_lists_catalogue() -> None:
    """``rules`` lists every rule with its code."""
    result = runner.invoke(_app(), ["rules", "--select", "JX20[12]"])
    assert (result.exit_code, "JX201" in result.output, "JX202" in result.output, "JX203" in result.output) == (
        0, True, True, False)


def test_rules_explain_prints_generated_page() -> None:
    """``rules explain JX201`` prints the same page as docs/rules/JX201.md."""
    page = (Path(__file__).resolve().parents[3] / "docs" / "rules" / "JX201.md").read_text(encoding="utf-8")
    result = runner.invoke(_app(), ["rules", "explain", "JX201"])
    assert (result.exit_code, result.output) == (0, page)


def test_rules_explain_unknown_code_exits_2() -> None:
    """An unknown code is a usage error."""
    assert runner.invoke(_app(), ["rules", "explain", "JX777"]).exit_code == 2
