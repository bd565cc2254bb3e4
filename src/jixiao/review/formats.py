"""Review reports as text (linter lines), JSON, one self-contained HTML page, and SARIF 2.1.0.

Text lines point into the user's own file: ``file:line: JX201 [error] message（hint）``.
The HTML page has inline CSS and no external assets: the forms in order, each finding beside
the row it concerns, counts by severity and rule, and each form's score by review aspect.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from typing import Any

from jixiao.model import ImportedDocument
from jixiao.review.finding import Finding, Severity
from jixiao.review.registry import all_rules
from jixiao.review.report import DocumentReport, ReviewReport

SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}


def _place(doc: DocumentReport, finding: Finding) -> str:
    source = finding.source
    file = source.file if source is not None and source.file else doc.file
    line = None
    if source is not None:
        line = source.line if source.line is not None else source.row
    return f"{file}:{line}" if line is not None else file


def render_text(report: ReviewReport) -> str:
    """One line per finding, then a summary line per document and for the run."""
    lines: list[str] = []
    for doc in report.documents:
        names = {f.index: f.name for f in doc.forms}
        ordered = sorted(doc.all_findings, key=lambda f: (
            -1 if f.form_index is None else f.form_index,
            (f.source.line or f.source.row or 0) if f.source is not None else 0, f.code))
        for finding in ordered:
            where = names.get(finding.form_index) if finding.form_index is not None else None
            prefix = f"{_place(doc, finding)}: {finding.code} [{Severity(finding.severity).value}] "
            text = finding.message + (f"（{finding.hint}）" if finding.hint else "")
            context = f" 〔{where}{' · ' + finding.loc_text if finding.loc_text else ''}〕" if where else ""
            lines.append(prefix + text + context)
        for waived in doc.waived + [w for f in doc.forms for w in f.waived]:
            f = waived.finding
            lines.append(f"{_place(doc, f)}: {f.code} [豁免] {f.message}（豁免理由：{waived.reason}；{waived.by}）")
        for form in doc.forms:
            if form.score is not None:
                dims = "，".join(f"{d.dimension}{d.score:g}/{d.weight:g}" for d in form.score.dimensions)
                lines.append(f"{doc.file}: 表{form.index + 1}“{form.name}” 得分 {form.score.score:g}"
                             f"（{form.score.grade}；{dims}）")
    counts = report.counts_by_severity()
    lines.append(
        f"共 {len(report.findings)} 个问题：错误 {counts['error']}，警告 {counts['warning']}，"
        f"提示 {counts['info']}；豁免 {len(report.waived)}。"
        + ("通过。" if report.passed else f"未通过（--fail-on {Severity(report.fail_on).value}）。")
    )
    return "\n".join(lines) + "\n"


def report_dict(report: ReviewReport) -> dict[str, Any]:
    data = report.model_dump(mode="json")
    data["passed"] = report.passed
    data["counts_by_severity"] = report.counts_by_severity()
    data["counts_by_rule"] = report.counts_by_rule()
    return data


def render_json(report: ReviewReport) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"


def render_sarif(report: ReviewReport) -> str:
    """SARIF 2.1.0 with one run, the rule catalogue as the tool's rules."""
    rules = all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    level = {"error": "error", "warning": "warning", "info": "note"}
    results = []
    for doc in report.documents:
        for finding in doc.all_findings:
            source = finding.source
            uri = source.file if source is not None and source.file else doc.file
            region: dict[str, int] = {}
            if source is not None:
                start = source.line if source.line is not None else source.row
                end = source.line_end if source.line is not None else source.row_end
                if start is not None:
                    region["startLine"] = start
                    if end is not None and end >= start:
                        region["endLine"] = end
                if source.column is not None:
                    region["startColumn"] = source.column
            location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": uri}}}
            if region:
                location["physicalLocation"]["region"] = region
            location["logicalLocations"] = [{"fullyQualifiedName": finding.loc_text or "form",
                                              "kind": "member"}]
            result: dict[str, Any] = {
                "ruleId": finding.code,
                "level": level[Severity(finding.severity).value],
                "message": {"text": finding.message + (f"（{finding.hint}）" if finding.hint else "")},
                "locations": [location],
            }
            if finding.code in index:
                result["ruleIndex"] = index[finding.code]
            if finding.fix is not None:
                # SARIF "fixes" need byte ranges in the artifact; the model-level fix goes here.
                result["properties"] = {"fix": finding.fix.model_dump(mode="json")}
            results.append(result)
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "jixiao",
                "informationUri": "https://github.com/jixiao/jixiao",
                "rules": [{
                    "id": r.code,
                    "name": r.name,
                    "shortDescription": {"text": r.summary()},
                    "fullDescription": {"text": r.message},
                    "helpUri": f"docs/rules/{r.code}.md",
                    "defaultConfiguration": {"level": level[r.default_severity.value]},
                    "properties": {"tags": list(r.groups), "dimension": r.dimension.value},
                } for r in rules],
            }},
            "results": results,
        }],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"


_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
h1{font-size:1.5em}h2{font-size:1.25em;margin-top:2em;border-bottom:2px solid #ccc}
h3{font-size:1.1em;margin-top:1.5em}
table{border-collapse:collapse;margin:.5em 0;width:100%}
th,td{border:1px solid #ccc;padding:.25em .5em;vertical-align:top;font-size:.9em}
th{background:#f3f3f3;text-align:left}
.error{color:#b00020}.warning{color:#9a6700}.info{color:#0b6bcb}
.f{margin:.15em 0}.f .code{font-family:monospace;font-weight:bold}
.hint{color:#555}.grade{font-size:1.2em;font-weight:bold}
tr.bad td{background:#fff6f6}.waived{color:#777}.small{font-size:.85em;color:#555}
"""


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _finding_html(f: Finding) -> str:
    sev = Severity(f.severity).value
    hint = f'<div class="hint">{_esc(f.hint)}</div>' if f.hint else ""
    fix = f'<div class="small">可自动修正：{_esc(f.fix.description)}</div>' if f.fix else ""
    return (f'<div class="f {sev}"><span class="code">{f.code}</span> [{SEVERITY_LABELS[sev]}] '
            f'{_esc(f.message)} <span class="small">{_esc(f.loc_text)}</span>{hint}{fix}</div>')


_BLOCKS = {"sub_goals": "分项绩效目标", "key_tasks": "年度重点工作任务", "other_tasks": "其他需完成的任务"}


def _blocks_html(form: Any, by_block: dict[tuple[str, int], list[Finding]]) -> list[str]:
    """Sub-goals and tasks of a department form, each with its findings beside it."""
    out: list[str] = []
    for block, title in _BLOCKS.items():
        items = form.__dict__.get(block) or []
        if not items:
            continue
        out.append(f"<table><tr><th>{title}</th><th>内容</th><th>审核意见</th></tr>")
        for i, item in enumerate(items):
            found = by_block.pop((block, i), [])
            cls = ' class="bad"' if found else ""
            if block == "sub_goals":
                label = item.title
                inds = "；".join(f"{ind.name or ''} {_value(ind.annual_value)}".strip() for ind in item.indicators)
                content = f"{_esc(item.goal)}<div class=\"small\">指标：{inds}</div>"
            else:
                label = item.name
                content = f"{_esc(item.content)}<div class=\"small\">拟投入资金：{_esc(item.planned_amount)}</div>"
            out.append(f"<tr{cls}><td>{_esc(label)}</td><td>{content}</td>"
                       f"<td>{''.join(_finding_html(f) for f in found)}</td></tr>")
        out.append("</table>")
    return out


def _value(v: Any) -> str:
    return "" if v is None else _esc(v.raw)


def render_html(report: ReviewReport, documents: list[ImportedDocument] | None = None) -> str:
    """One self-contained page; ``documents`` (the reviewed models) adds the indicator tables."""
    docs_by_file = {d.file: d for d in documents or []}
    counts = report.counts_by_severity()
    parts = [
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">",
        "<title>绩效目标审核报告</title><style>", _CSS, "</style></head><body>",
        "<h1>绩效目标审核报告</h1>",
        f"<p>共 {len(report.findings)} 个问题：<span class=\"error\">错误 {counts['error']}</span>，"
        f"<span class=\"warning\">警告 {counts['warning']}</span>，"
        f"<span class=\"info\">提示 {counts['info']}</span>；豁免 {len(report.waived)}。"
        f"{'通过' if report.passed else '未通过'}。</p>",
    ]
    by_rule = report.counts_by_rule()
    if by_rule:
        names = {r.code: r for r in all_rules()}
        parts.append("<table><tr><th>规则</th><th>名称</th><th>数量</th><th>说明</th></tr>")
        for code, n in by_rule.items():
            rule = names.get(code)
            parts.append(f"<tr><td>{code}</td><td>{_esc(rule.name if rule else '')}</td><td>{n}</td>"
                         f"<td>{_esc(rule.summary() if rule else '')}</td></tr>")
        parts.append("</table>")
    for doc in report.documents:
        parts.append(f"<h2>{_esc(doc.file)}</h2><p class=\"small\">版式 {_esc(doc.layout)}</p>")
        for f in doc.findings:
            parts.append(_finding_html(f))
        model = docs_by_file.get(doc.file)
        for form_report in doc.forms:
            score = form_report.score
            parts.append(f"<h3>表{form_report.index + 1}：{_esc(form_report.name)}</h3>")
            if score is not None:
                dims = "".join(f"<td>{_esc(d.dimension)} {d.score:g}/{d.weight:g}</td>" for d in score.dimensions)
                parts.append(f"<table><tr><td class=\"grade\">{score.score:g} 分 · {score.grade}</td>{dims}"
                             f"<td class=\"small\">口径 {_esc(form_report.profile)}</td></tr></table>")
            by_row: dict[int, list[Finding]] = {}
            by_block: dict[tuple[str, int], list[Finding]] = {}
            other: list[Finding] = []
            for f in form_report.findings:
                if len(f.loc) >= 2 and f.loc[0] == "indicators" and isinstance(f.loc[1], int):
                    by_row.setdefault(f.loc[1], []).append(f)
                elif len(f.loc) >= 2 and f.loc[0] in _BLOCKS and isinstance(f.loc[1], int):
                    by_block.setdefault((str(f.loc[0]), f.loc[1]), []).append(f)
                else:
                    other.append(f)
            parts.extend(_finding_html(f) for f in other)
            form = model.forms[form_report.index] if model and form_report.index < len(model.forms) else None
            if form is not None:
                parts.extend(_blocks_html(form, by_block))
            for key in sorted(by_block):
                parts.extend(_finding_html(f) for f in by_block[key])
            if form is not None and form.indicators:
                parts.append("<table><tr><th>一级</th><th>二级</th><th>三级指标</th><th>实施周期指标值</th>"
                             "<th>当年度指标值</th><th>审核意见</th></tr>")
                for i, ind in enumerate(form.indicators):
                    found = by_row.pop(i, [])
                    cls = ' class="bad"' if found else ""
                    parts.append(
                        f"<tr{cls}><td>{_esc(ind.level1)}</td><td>{_esc(ind.level2)}</td><td>{_esc(ind.name)}</td>"
                        f"<td>{_value(ind.period_value)}</td><td>{_value(ind.annual_value)}</td>"
                        f"<td>{''.join(_finding_html(f) for f in found)}</td></tr>")
                parts.append("</table>")
            for row in sorted(by_row):
                parts.extend(_finding_html(f) for f in by_row[row])
            for w in form_report.waived:
                parts.append(f'<div class="f waived">{w.finding.code} [豁免] {_esc(w.finding.message)}'
                             f'（{_esc(w.reason)}；{_esc(w.by)}）</div>')
    rule_counts = Counter(f.code for f in report.findings)
    parts.append(f"<p class=\"small\">规则 {len(rule_counts)} 条触发。由 jixiao 生成。</p></body></html>")
    return "\n".join(parts) + "\n"
