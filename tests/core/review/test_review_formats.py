"""Report formats: linter text lines, the HTML page's blocks, SARIF locations."""

from __future__ import annotations

import json

from jixiao.model import ImportedDocument, SourceRef
from jixiao.review.config import config_from_dict
from jixiao.review.engine import review
from jixiao.review.formats import render_html, render_sarif, render_text
from jixiao.review.shorthand import form_from_dict


def _doc() -> ImportedDocument:
    dept = form_from_dict({"kind": "department", "department": "云山县工业和信息化局", "sub_goals": [
        {"title": "（一）支持工业转型升级", "goal": "改造提升全省传统产业水平", "indicators": ["技改项目数量"]}]})
    project = form_from_dict({"name": "科技活动经费",
                              "indicators": ["产出指标 | 数量指标 | 参展企业数量 | 大于3家"]})
    row = project.indicators[0].model_copy(update={"source": SourceRef(file="云山.txt", line=42)})
    project = project.model_copy(update={"indicators": [row]})
    return ImportedDocument(file="云山.txt", layout="x", forms=[dept, project])


def _report(doc: ImportedDocument):
    return review(doc, config_from_dict({"review": {"select": ["JX109", "JX202", "JX410"]}}))


def test_render_text_points_at_file_and_line() -> None:
    """A finding with a source line is printed as ``file:line: CODE [severity] message``."""
    lines = render_text(_report(_doc())).splitlines()
    assert [line for line in lines if line.startswith("云山.txt:42:")] == [
        "云山.txt:42: JX202 [warning] 指标“参展企业数量”的指标值“大于3家”用文字表示比较关系（写作“＞3家”） "
        "〔科技活动经费 · indicators[0].annual_value〕"]


def test_render_html_shows_subgoal_findings_in_their_row() -> None:
    """Department sub-goals are listed with the findings that concern them."""
    doc = _doc()
    page = render_html(_report(doc), [doc])
    row_start = page.index("（一）支持工业转型升级")
    row_end = page.index("</tr>", row_start)
    row = page[row_start:row_end]
    assert ("JX109" in row, "JX410" in row, page.count("<style>"), "<script" in page) == (True, True, 1, False)


def test_render_sarif_region_has_start_line() -> None:
    """SARIF results carry the artifact and the start line of the source."""
    sarif = json.loads(render_sarif(_report(_doc())))
    located = [(r["ruleId"], r["locations"][0]["physicalLocation"].get("region", {}).get("startLine"))
               for r in sarif["runs"][0]["results"]]
    assert ("JX202", 42) in located
