"""Word documents of the official layouts (python-docx).

The styles come from a reference document an administrator can edit in Word:
``templates/docx/<family>.docx`` when present, else ``templates/docx/base.docx`` (A4, 宋体
五号, thin table rules). Its body is replaced; its styles, page setup and footer are kept.
Tables carry the printed merges; the indicator header row is marked "重复标题行" so Word
repeats it on every page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from jixiao.renderers.grid import place, table_rows
from jixiao.renderers.layout import FormLayout, Para, Table, TargetForm, ValueMode, build_layout

TEMPLATE_DIR = resources.files("jixiao.renderers") / "templates" / "docx"
TEXT_WIDTH_MM = 178.0

_ALIGN = {
    "number": WD_ALIGN_PARAGRAPH.LEFT,
    "title": WD_ALIGN_PARAGRAPH.CENTER,
    "subtitle": WD_ALIGN_PARAGRAPH.CENTER,
    "unit": WD_ALIGN_PARAGRAPH.RIGHT,
    "heading": WD_ALIGN_PARAGRAPH.LEFT,
    "body": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "remark": WD_ALIGN_PARAGRAPH.LEFT,
}
_CELL_ALIGN = {"long": WD_ALIGN_PARAGRAPH.LEFT, "money": WD_ALIGN_PARAGRAPH.RIGHT}


def template_path(family: str) -> Path:
    specific = Path(str(TEMPLATE_DIR / f"{family}.docx"))
    return specific if specific.is_file() else Path(str(TEMPLATE_DIR / "base.docx"))


def new_document(family: str) -> DocxDocument:
    """The reference document of ``family`` with its body emptied (section settings kept)."""
    path = template_path(family)
    document = Document(str(path)) if path.is_file() else Document()
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    if not path.is_file():
        setup_document(document)
    return document


def setup_document(document: DocxDocument) -> None:
    """A4, margins, 宋体 五号 and a centred page-number footer (used to make base.docx)."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(16)
    section.top_margin, section.bottom_margin = Mm(18), Mm(18)
    normal = document.styles["Normal"]
    normal.font.name = "宋体"
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    normal.paragraph_format.space_after = Pt(0)
    heading = document.styles["Heading 1"]
    heading.font.name = "黑体"
    heading.font.size = Pt(16)
    heading.font.bold = True
    heading.font.color.rgb = RGBColor(0, 0, 0)
    heading.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "黑体")
    heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.paragraph_format.space_before = Pt(6)
    heading.paragraph_format.space_after = Pt(8)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("第 ")
    _field(footer, "PAGE")
    footer.add_run(" 页，共 ")
    _field(footer, "NUMPAGES")
    footer.add_run(" 页")


def _field(paragraph, instruction: str) -> None:  # type: ignore[no-untyped-def]
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(text)
    run._r.append(end)


def _east_asian(run, name: str) -> None:  # type: ignore[no-untyped-def]
    run.font.name = name
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _add_para(document: DocxDocument, block: Para) -> None:
    if block.style == "unit" and block.left:
        # As in Hebei Word documents: the unit name and "单位：元" in two cells of a borderless row.
        table = document.add_table(rows=1, cols=2)
        table.autofit = False
        left, right = table.rows[0].cells
        left.width, right.width = Mm(TEXT_WIDTH_MM * 0.7), Mm(TEXT_WIDTH_MM * 0.3)
        left.paragraphs[0].add_run(block.left)
        right.paragraphs[0].add_run(block.text)
        right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        return
    paragraph = document.add_paragraph(style="Heading 1" if block.style == "title" else None)
    if block.lead and block.rest != block.text:
        lead = paragraph.add_run(block.lead)
        lead.bold = True
        _east_asian(lead, "黑体")
        paragraph.add_run(block.rest)
        return
    run = paragraph.add_run(block.text)
    paragraph.alignment = _ALIGN.get(block.style, WD_ALIGN_PARAGRAPH.LEFT)
    fmt = paragraph.paragraph_format
    if block.style == "title":
        pass  # the "Heading 1" style of the reference document (listed in the table of contents)
    elif block.style in ("heading", "number"):
        run.bold = block.style == "heading"
        run.font.size = Pt(12)
        _east_asian(run, "黑体")
        fmt.space_before = Pt(8 if block.style == "heading" else 0)
        fmt.space_after = Pt(4)
    elif block.style == "subheading":
        run.bold = True
    elif block.style == "body":
        fmt.first_line_indent = Pt(21)
    elif block.style == "continued":
        fmt.left_indent = Pt(52.5)
    elif block.style == "remark":
        run.font.size = Pt(9.5)


def _repeat_header(row) -> None:  # type: ignore[no-untyped-def]
    tr_pr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)


def _add_table(document: DocxDocument, block: Table) -> None:
    rows, head_count = table_rows(block)
    if block.head and head_count == 0:
        head_count = len(block.head)  # the merged 绩效指标 label still heads the table
    n_rows, n_cols = len(rows), block.columns
    table = document.add_table(rows=n_rows, cols=n_cols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    total = sum(block.widths)
    widths = [Mm(TEXT_WIDTH_MM * w / total) for w in block.widths]
    for index, column in enumerate(table.columns):
        column.width = widths[index]
    grid_cells = [row.cells for row in table.rows]
    for r in range(n_rows):
        for c in range(n_cols):
            grid_cells[r][c].width = widths[c]
    for r in range(min(head_count, n_rows)):
        _repeat_header(table.rows[r])
    for placed in place(rows, n_cols):
        cell = grid_cells[placed.row][placed.col]
        if placed.cell.rowspan > 1 or placed.cell.colspan > 1:
            cell = cell.merge(grid_cells[placed.last_row][placed.last_col])
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph = cell.paragraphs[0]
        lines = placed.cell.text.split("\n")
        paragraph.add_run(lines[0])
        for line in lines[1:]:
            paragraph.add_run().add_break(WD_BREAK.LINE)
            paragraph.add_run(line)
        paragraph.alignment = _CELL_ALIGN.get(placed.cell.kind, WD_ALIGN_PARAGRAPH.CENTER)


def write_layout(document: DocxDocument, layout: FormLayout) -> None:
    previous_table = False
    for block in layout.blocks:
        if isinstance(block, Para):
            _add_para(document, block)
            previous_table = False
        else:
            if previous_table and not block.joined:
                document.add_paragraph()
            _add_table(document, block)
            previous_table = True


def page_break(document: DocxDocument) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def to_bytes(document: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_cover_and_contents(document: DocxDocument, title: str, subtitle: str | None, entries: Sequence[str]) -> None:
    """A cover line and a table-of-contents field (Word fills in page numbers when it updates
    fields on opening; until then the entries are listed without them)."""
    cover = document.add_paragraph()
    cover.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cover.paragraph_format.space_before = Pt(180)
    run = cover.add_run(title)
    run.bold = True
    run.font.size = Pt(22)
    _east_asian(run, "黑体")
    if subtitle:
        line = document.add_paragraph()
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
        line.add_run(subtitle).font.size = Pt(14)
    page_break(document)
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run("目　录")
    run.bold = True
    run.font.size = Pt(18)
    _east_asian(run, "黑体")
    paragraph = document.add_paragraph()
    _fld_char(paragraph.add_run(), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = 'TOC \\o "1-1" \\h \\z \\u'
    paragraph.add_run()._r.append(instr)
    _fld_char(paragraph.add_run(), "separate")
    for index, entry in enumerate(entries):
        run = paragraph.add_run(entry)
        if index < len(entries) - 1:
            run.add_break(WD_BREAK.LINE)
    _fld_char(paragraph.add_run(), "end")
    _ask_to_update_fields(document)
    page_break(document)


#: Elements that follow w:updateFields in w:settings (ECMA-376 order; Word rejects disorder).
_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids",
    "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions",
    "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
    "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)


def _ask_to_update_fields(document: DocxDocument) -> None:
    """Word updates the fields (the table of contents) when the document is opened."""
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    followers = {qn(name) for name in _AFTER_UPDATE_FIELDS}
    for child in settings:
        if child.tag in followers:
            child.addprevious(update)
            return
    settings.append(update)


def _fld_char(run, kind: str) -> None:  # type: ignore[no-untyped-def]
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run._r.append(char)


def render_layouts_docx(
    layouts: Sequence[FormLayout], *, family: str, package_title: str | None = None,
    subtitle: str | None = None,
) -> bytes:
    document = new_document(family)
    if package_title is not None:
        add_cover_and_contents(document, package_title, subtitle, [layout.toc for layout in layouts])
    for index, layout in enumerate(layouts):
        if index:
            page_break(document)
        write_layout(document, layout)
    if layouts and isinstance(layouts[-1].blocks[-1], Table):
        document.add_paragraph()  # Word expects the body to end with a paragraph
    return to_bytes(document)


def render_form_docx(form: TargetForm, *, template: str | None = None, values: ValueMode = "raw") -> bytes:
    layout = build_layout(form, template=template, values=values)
    return render_layouts_docx([layout], family=layout.family)


def render_department_docx(form: TargetForm, *, template: str | None = None, values: ValueMode = "raw") -> bytes:
    """部门整体绩效目标表 as a .docx document."""
    return render_form_docx(form, template=template, values=values)


def render_project_docx(form: TargetForm, *, template: str | None = None, values: ValueMode = "raw") -> bytes:
    """项目支出绩效目标表 as a .docx document."""
    return render_form_docx(form, template=template, values=values)


__all__ = [
    "new_document",
    "render_department_docx",
    "render_form_docx",
    "render_layouts_docx",
    "render_project_docx",
    "setup_document",
]
