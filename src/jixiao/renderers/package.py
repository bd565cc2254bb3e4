"""Department packages: every form of a department in one document, and zips of single forms.

A package is what a department publishes with its budget (部门预算公开): the 部门整体绩效目标
first, then one 项目支出绩效目标表 per project, behind a cover and a table of contents, with
page numbers. PDF and HTML get the contents with page numbers (WeasyPrint target counters);
DOCX gets a Word table-of-contents field; XLSX gets one sheet per form.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence

from jixiao.model import DepartmentTargetForm, ProjectTargetForm
from jixiao.renderers.layout import FormLayout, TargetForm, ValueMode, build_layout

_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def ordered(forms: Sequence[TargetForm]) -> list[TargetForm]:
    """Department forms first, then the project forms, each in the order given."""
    return [f for f in forms if isinstance(f, DepartmentTargetForm)] + [
        f for f in forms if isinstance(f, ProjectTargetForm)
    ]


def package_title(forms: Sequence[TargetForm]) -> tuple[str, str | None]:
    """The cover title and subtitle: the department, the year, "预算绩效目标"."""
    department = next((f.department_name for f in forms if isinstance(f, DepartmentTargetForm) and f.department_name), None)
    if department is None:
        for form in forms:
            if isinstance(form, ProjectTargetForm):
                org = form.competent_department or form.spending_unit
                if org and (org.name or org.raw):
                    department = org.name or org.raw
                    break
    year = next((f.budget_year for f in forms if f.budget_year), None)
    title = f"{department or ''}{year or ''}{'年' if year else ''}预算绩效目标"
    subtitle = f"部门整体绩效目标表 {sum(isinstance(f, DepartmentTargetForm) for f in forms)} 张，" \
               f"项目支出绩效目标表 {sum(isinstance(f, ProjectTargetForm) for f in forms)} 张"
    return title, subtitle


def layouts_of(forms: Sequence[TargetForm], *, template: str | None, values: ValueMode) -> list[FormLayout]:
    return [build_layout(form, template=template, values=values) for form in ordered(forms)]


def file_stem(index: int, layout: FormLayout) -> str:
    """``02-企业技术改造服务经费-2025年县级项目支出绩效目标表``: a safe, sortable file name.

    The project or department name leads when the title does not already contain it, so that
    the forms of one package (which share one printed title) get telling, distinct names.
    """
    title = layout.title
    if layout.name and layout.name not in title:
        title = f"{layout.name}-{title}"
    name = _UNSAFE.sub("_", title).strip("_")[:80] or "绩效目标表"
    return f"{index:02d}-{name}"


def render_package_document(
    forms: Sequence[TargetForm], fmt: str, *, template: str | None = None, values: ValueMode = "raw",
    title: str | None = None,
) -> bytes:
    """The whole package as one PDF, HTML, DOCX or XLSX document."""
    from jixiao.errors import RenderFailed

    if not forms:
        raise RenderFailed("没有可导出的绩效目标表")
    layouts = layouts_of(forms, template=template, values=values)
    default_title, subtitle = package_title(ordered(forms))
    title = title or default_title
    if fmt == "html":
        from jixiao.renderers.html import render_layouts_html

        html = render_layouts_html(layouts, template="package", title=title, package=True, subtitle=subtitle)
        return html.encode("utf-8")
    if fmt == "pdf":
        from jixiao.renderers.pdf import render_layouts_pdf

        return render_layouts_pdf(layouts, template="package", title=title, package=True, subtitle=subtitle)
    if fmt == "docx":
        from jixiao.renderers.docx import render_layouts_docx

        return render_layouts_docx(layouts, family=layouts[0].family, package_title=title, subtitle=subtitle)
    if fmt == "xlsx":
        from jixiao.renderers.xlsx import render_forms_xlsx

        return render_forms_xlsx(ordered(forms), template=template, values=values)
    raise RenderFailed(f"部门汇编不支持格式“{fmt}”：应为 pdf、docx、html 或 xlsx")


def render_package_zip(
    forms: Sequence[TargetForm], formats: Sequence[str] = ("pdf", "docx", "xlsx"), *,
    template: str | None = None, values: ValueMode = "raw", open_data: bool = True,
) -> bytes:
    """A zip of the single forms, each in every format of ``formats``, plus the open-data CSVs."""
    from jixiao.renderers import render_form
    from jixiao.renderers.opendata import render_forms_csv, render_indicators_csv

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for index, form in enumerate(ordered(forms), start=1):
            stem = file_stem(index, build_layout(form, template=template, values=values))
            for fmt in formats:
                archive.writestr(f"{stem}.{fmt}", render_form(form, fmt, template=template, values=values))
        if open_data:
            archive.writestr("forms.csv", render_forms_csv(ordered(forms)))
            archive.writestr("indicators.csv", render_indicators_csv(ordered(forms)))
    return buffer.getvalue()
