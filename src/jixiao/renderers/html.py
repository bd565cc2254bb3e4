"""HTML of the official layouts, from the Jinja2 templates in ``templates/html/``.

One template per family (``gd-county.html.j2``, ``gd-city.html.j2``, ``hebei.html.j2``) extends
``base.html.j2``; ``forms.css`` holds the shared print style. Administrators may edit them; the
page model they receive is :class:`~jixiao.renderers.layout.FormLayout`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from jixiao.renderers.layout import FormLayout, Table, TargetForm, ValueMode, build_layout

TEMPLATE_DIR = resources.files("jixiao.renderers") / "templates" / "html"


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
    )
    env.tests["table_block"] = lambda block: isinstance(block, Table)
    env.filters["kept_rows"] = kept_rows
    return env


#: Rows a rowspan label keeps together at its top: enough height for a label wrapped over
#: this many lines (二级指标 such as 服务对象满意度指标 take two in the narrow column).
KEEP_LINES = 3


def kept_rows(table: Table) -> frozenset[int]:
    """Body rows that must not end a printed page: the first rows under a labelled rowspan cell.

    A printer that breaks a table inside a rowspan cell lays the cell's whole text out in the
    part on the first page; when that part is one short row, the text runs below the table
    (and out of the cell, for anyone reading the page). Keeping the first rows of the span on
    one page gives the text room.
    """
    kept: set[int] = set()
    occupied: dict[int, int] = {}  # column → last row covered by a rowspan from above
    for index, row in enumerate(table.body):
        column = 0
        for cell in row:
            while occupied.get(column, -1) >= index:
                column += 1
            if cell.rowspan > 1:
                for covered in range(column, column + cell.colspan):
                    occupied[covered] = index + cell.rowspan - 1
                if cell.text.strip():
                    kept.update(range(index, index + min(cell.rowspan, KEEP_LINES) - 1))
            column += cell.colspan
    return frozenset(kept)


@cache
def stylesheet() -> str:
    return (TEMPLATE_DIR / "forms.css").read_text(encoding="utf-8")


def render_layouts_html(
    layouts: Sequence[FormLayout],
    *,
    template: str,
    title: str,
    package: bool = False,
    subtitle: str | None = None,
    inline_css: bool = True,
    keep_rows: bool = False,
) -> str:
    """The HTML page of ``layouts`` through ``templates/html/<template>.html.j2``.

    With ``inline_css`` false the shared ``forms.css`` is left out of the page (the PDF printer
    passes it as a pre-parsed stylesheet); the family template's own rules stay inline. With
    ``keep_rows`` the rows of :func:`kept_rows` are marked ``class="keep"`` (no page break after).
    """
    page = environment().get_template(f"{template}.html.j2")
    return page.render(
        layouts=list(layouts), css=stylesheet() if inline_css else "", title=title, package=package,
        subtitle=subtitle, keep_rows=keep_rows,
    )


def render_department_html(form: TargetForm, *, template: str | None = None, values: ValueMode = "raw") -> bytes:
    """部门整体绩效目标表 as a standalone HTML page (UTF-8)."""
    return render_form_html(form, template=template, values=values)


def render_project_html(form: TargetForm, *, template: str | None = None, values: ValueMode = "raw") -> bytes:
    """项目支出绩效目标表 as a standalone HTML page (UTF-8)."""
    return render_form_html(form, template=template, values=values)


def render_form_html(form: TargetForm, *, template: str | None = None, values: ValueMode = "raw") -> bytes:
    layout = build_layout(form, template=template, values=values)
    return render_layouts_html([layout], template=layout.family, title=layout.title).encode("utf-8")
