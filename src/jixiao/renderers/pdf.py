"""PDF of the official layouts: the HTML templates printed by WeasyPrint.

A4, Noto CJK (fonts-noto-cjk) embedded as subsets, tables that break across pages with their
header row repeated (thead), page numbers in the footer.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import cache

from jixiao.errors import RenderFailed
from jixiao.renderers.html import render_layouts_html
from jixiao.renderers.layout import FormLayout, TargetForm, ValueMode, build_layout

# WeasyPrint warns about every CSS property it ignores; those are not the user's concern.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


@cache
def _fonts():  # type: ignore[no-untyped-def]
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@cache
def _base_stylesheet():  # type: ignore[no-untyped-def]
    from weasyprint import CSS

    from jixiao.renderers.html import stylesheet

    return CSS(string=stylesheet(), font_config=_fonts())


def html_to_pdf(html: str, *, base_css: bool = False) -> bytes:
    """Print an HTML page to PDF bytes.

    Args:
        html: the page.
        base_css: add the shared ``forms.css`` (pre-parsed once) for pages rendered without it.

    Raises:
        RenderFailed: WeasyPrint is missing or failed.
    """
    try:
        from weasyprint import HTML
    except ImportError as exc:  # pragma: no cover - weasyprint is a dependency
        raise RenderFailed("无法生成 PDF：未安装 WeasyPrint") from exc
    try:
        stylesheets = [_base_stylesheet()] if base_css else None
        return HTML(string=html).write_pdf(stylesheets=stylesheets, font_config=_fonts())
    except Exception as exc:  # WeasyPrint raises many kinds; the message names the cause.
        raise RenderFailed(f"生成 PDF 失败：{exc}") from exc


def render_layouts_pdf(
    layouts: Sequence[FormLayout], *, template: str, title: str, package: bool = False,
    subtitle: str | None = None,
) -> bytes:
    html = render_layouts_html(
        layouts, template=template, title=title, package=package, subtitle=subtitle, inline_css=False,
        keep_rows=True,
    )
    return html_to_pdf(html, base_css=True)


def render_form_pdf(form: TargetForm, *, template: str | None = None, values: ValueMode = "raw") -> bytes:
    layout = build_layout(form, template=template, values=values)
    return render_layouts_pdf([layout], template=layout.family, title=layout.title)


def render_department_pdf(form: TargetForm, *, template: str | None = None, values: ValueMode = "raw") -> bytes:
    """部门整体绩效目标表 as PDF."""
    return render_form_pdf(form, template=template, values=values)


def render_project_pdf(form: TargetForm, *, template: str | None = None, values: ValueMode = "raw") -> bytes:
    """项目支出绩效目标表 as PDF."""
    return render_form_pdf(form, template=template, values=values)
