"""Each sample form in each format, compared with its normalized dump in tests/golden/renderers/."""

from __future__ import annotations

import pytest
from dumps import compare_golden, docx_dump, pdf_dump, xlsx_dump
from sample_forms import ALL_FORMS

from jixiao.renderers import render_form

DUMPERS = {"xlsx": xlsx_dump, "docx": docx_dump, "pdf": pdf_dump}


@pytest.mark.parametrize("fmt", sorted(DUMPERS))
@pytest.mark.parametrize("sample", sorted(ALL_FORMS))
def test_render_form_sample_matches_golden(sample: str, fmt: str, update_golden: bool) -> None:
    """The cells and merges (xlsx), paragraphs and tables (docx), page text and tables (pdf) of
    every sample form stay as reviewed."""
    data = render_form(ALL_FORMS[sample](), fmt)
    compare_golden(f"{sample}.{fmt}", DUMPERS[fmt](data), update_golden)


@pytest.mark.parametrize("sample", sorted(ALL_FORMS))
def test_render_form_html_sample_matches_golden(sample: str, update_golden: bool) -> None:
    """The HTML page (template output) of every sample form stays as reviewed."""
    html = render_form(ALL_FORMS[sample](), "html").decode("utf-8")
    body = html[html.index("<body>"):]
    compare_golden(f"{sample}.html", {"body": body.splitlines()}, update_golden)
