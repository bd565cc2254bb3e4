"""A tiny fake importer for the CLI tests, so the commands are tested without the real layouts.

The fake layout (``fake/test-1``) is ours and fictional. A file starts with ``#FAKE``; then
tab-separated lines::

    项目名称<TAB>示例县培训项目
    指标<TAB>产出指标<TAB>数量指标<TAB>培训企业数<TAB>≥30家
    问题<TAB>error<TAB>row-skipped<TAB>第3行无法读取

Each ``问题`` line becomes an :class:`ImportProblem` at that line; ``#FAIL`` as the first
line makes :meth:`FakeImporter.load` raise :class:`UnsupportedDocument`.
"""

from __future__ import annotations

from jixiao.errors import UnsupportedDocument
from jixiao.importers.base import Detection, Importer, RawDocument
from jixiao.model import (
    ImportedDocument,
    ImportProblem,
    Indicator,
    ProblemSeverity,
    ProjectTargetForm,
    SourceRef,
    parse_value,
)

FAKE_LAYOUT = "fake/test-1"


class FakeImporter(Importer):
    """Reads the fake layout of this module's docstring."""

    formats = ("text",)
    layouts = (FAKE_LAYOUT,)

    def detect(self, doc: RawDocument) -> Detection | None:
        if doc.text is None or not doc.text.startswith(("#FAKE", "#FAIL")):
            return None
        return Detection(layout=FAKE_LAYOUT, confidence=0.9, reasons=["首行为 #FAKE"])

    def load(self, doc: RawDocument, layout: str) -> ImportedDocument:
        if doc.lines[0].startswith("#FAIL"):
            raise UnsupportedDocument(doc.name, "示例版式的表头不完整", place="第1行")
        form = ProjectTargetForm(layout=layout, source=doc.source(line=1, line_end=len(doc.lines)))
        problems: list[ImportProblem] = []
        for number, line in enumerate(doc.lines[1:], start=2):
            cells = line.split("\t")
            if cells[0] == "项目名称":
                form.project_name = cells[1]
            elif cells[0] == "指标":
                form.indicators.append(
                    Indicator(
                        level1=cells[1],
                        level2=cells[2],
                        name=cells[3] or None,
                        annual_value=parse_value(cells[4]) if len(cells) > 4 else None,
                        source=doc.source(line=number),
                    )
                )
            elif cells[0] == "问题":
                problems.append(
                    ImportProblem(
                        severity=ProblemSeverity(cells[1]),
                        code=cells[2],
                        message=f"{doc.name}：{cells[3]}",
                        source=doc.source(line=number),
                    )
                )
        return ImportedDocument(file=doc.name, layout=layout, forms=[form], problems=problems)

    def describe_rejection(self, doc: RawDocument) -> str:
        return "FakeImporter：首行不是 #FAKE"


GOOD_TEXT = (
    "#FAKE\n"
    "项目名称\t示例县企业培训项目\n"
    "指标\t产出指标\t数量指标\t培训企业数（家）\t≥30家\n"
    "指标\t效益指标\t社会效益指标\t\t\n"
    "指标\t满意度指标\t服务对象满意度指标\t受训企业满意度\t95%以上\n"
)


def good_document(name: str) -> ImportedDocument:
    """What :class:`FakeImporter` reads from :data:`GOOD_TEXT`, written out in full."""
    return ImportedDocument(
        file=name,
        layout=FAKE_LAYOUT,
        encoding="utf-8",
        forms=[
            ProjectTargetForm(
                layout=FAKE_LAYOUT,
                project_name="示例县企业培训项目",
                source=SourceRef(file=name, line=1, line_end=5),
                indicators=[
                    Indicator(
                        level1="产出指标",
                        level2="数量指标",
                        name="培训企业数（家）",
                        annual_value=parse_value("≥30家"),
                        source=SourceRef(file=name, line=3),
                    ),
                    Indicator(
                        level1="效益指标",
                        level2="社会效益指标",
                        annual_value=parse_value(""),
                        source=SourceRef(file=name, line=4),
                    ),
                    Indicator(
                        level1="满意度指标",
                        level2="服务对象满意度指标",
                        name="受训企业满意度",
                        annual_value=parse_value("95%以上"),
                        source=SourceRef(file=name, line=5),
                    ),
                ],
            )
        ],
    )
