"""Exports in the official layouts: xlsx, docx, pdf, html; department packages; open data.

The web app and the CLI call two plain functions::

    render_form(form, "pdf", template=None) -> bytes
    render_package(forms, "pdf") -> bytes

Formats: ``xlsx``, ``docx``, ``pdf``, ``html`` (one form or a package), ``csv`` (a single form's
indicators; for a package a zip of forms.csv and indicators.csv), ``json`` (the ImportBatch
model) and ``zip`` (packages only: the single forms in several formats). Templates (layout
families): ``gd-county``, ``gd-city``, ``hebei``; by default the form's own layout decides.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Sequence

from jixiao.errors import RenderFailed
from jixiao.renderers.layout import (
    FAMILIES,
    FormLayout,
    TargetForm,
    ValueMode,
    build_layout,
    choose_family,
)

FORM_FORMATS: tuple[str, ...] = ("xlsx", "docx", "pdf", "html", "csv", "json")
PACKAGE_FORMATS: tuple[str, ...] = ("pdf", "docx", "html", "xlsx", "zip", "csv", "json")
MEDIA_TYPES: dict[str, str] = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "zip": "application/zip",
}


def _renderer(fmt: str) -> Callable[..., bytes]:
    if fmt == "xlsx":
        from jixiao.renderers.xlsx import render_form_xlsx

        return render_form_xlsx
    if fmt == "docx":
        from jixiao.renderers.docx import render_form_docx

        return render_form_docx
    if fmt == "pdf":
        from jixiao.renderers.pdf import render_form_pdf

        return render_form_pdf
    if fmt == "html":
        from jixiao.renderers.html import render_form_html

        return render_form_html
    raise RenderFailed(f"不支持的导出格式“{fmt}”：应为 {'、'.join(FORM_FORMATS)} 之一")


def render_form(
    form: TargetForm, fmt: str, *, template: str | None = None, values: ValueMode = "raw"
) -> bytes:
    """One form in an official layout.

    Args:
        form: a department or project form.
        fmt: ``xlsx``, ``docx``, ``pdf``, ``html``, ``csv`` (its indicators) or ``json``.
        template: ``gd-county``, ``gd-city`` or ``hebei``; None lets the form's layout decide.
        values: ``raw`` writes each 指标值 as the user wrote it, ``canonical`` the standard way
            (``98%以上`` → ``≥98%``).

    Raises:
        RenderFailed: unknown format or template, or the format's library failed.
    """
    fmt = fmt.lower()
    if fmt == "csv":
        from jixiao.renderers.opendata import render_indicators_csv

        return render_indicators_csv([form])
    if fmt == "json":
        from jixiao.renderers.opendata import render_batch_json

        return render_batch_json([form])
    return _renderer(fmt)(form, template=template, values=values)


def form_filename(form: TargetForm, fmt: str, *, index: int = 1, template: str | None = None) -> str:
    """A download file name for one form: ``01-2025年县级项目支出绩效目标表.pdf``."""
    from jixiao.renderers.package import file_stem

    return f"{file_stem(index, build_layout(form, template=template))}.{fmt.lower()}"


def render_package(
    forms: Sequence[TargetForm], fmt: str, *, template: str | None = None, values: ValueMode = "raw",
    formats: Sequence[str] = ("pdf", "docx", "xlsx"), title: str | None = None,
) -> bytes:
    """A department's forms together.

    Args:
        forms: the department form(s) and project forms; departments are placed first.
        fmt: ``pdf``/``docx``/``html`` (one document with contents and page numbers), ``xlsx``
            (a sheet per form), ``zip`` (single forms in each of ``formats`` plus the CSVs),
            ``csv`` (a zip of forms.csv and indicators.csv) or ``json``.
        template: force one layout family for every form.
        values: ``raw`` or ``canonical`` 指标值.
        formats: the single-form formats inside a ``zip``.
        title: the cover title; by default "<部门><年度>年预算绩效目标".

    Raises:
        RenderFailed: no forms, an unknown format or template, or a library failure.
    """
    from jixiao.renderers.package import render_package_document, render_package_zip

    fmt = fmt.lower()
    if fmt == "zip":
        unknown = [f for f in formats if f not in FORM_FORMATS]
        if unknown:
            raise RenderFailed(f"不支持的导出格式“{'、'.join(unknown)}”：应为 {'、'.join(FORM_FORMATS)} 之一")
        return render_package_zip(forms, formats, template=template, values=values)
    if fmt == "csv":
        from jixiao.renderers.opendata import render_forms_csv, render_indicators_csv

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("forms.csv", render_forms_csv(forms))
            archive.writestr("indicators.csv", render_indicators_csv(forms))
        return buffer.getvalue()
    if fmt == "json":
        from jixiao.renderers.opendata import render_batch_json

        return render_batch_json(forms)
    return render_package_document(forms, fmt, template=template, values=values, title=title)


__all__ = [
    "FAMILIES",
    "FORM_FORMATS",
    "MEDIA_TYPES",
    "PACKAGE_FORMATS",
    "FormLayout",
    "build_layout",
    "choose_family",
    "form_filename",
    "render_form",
    "render_package",
]
