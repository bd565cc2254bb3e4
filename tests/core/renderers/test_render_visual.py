"""Visual checks: every PDF page rendered to PNG (pdftoppm) shows the expected ruled tables.

For each sample the golden file holds, per page, the picture's size and the number of
horizontal and vertical rules seen in it, and the table structure (grid size, merged ranges)
that pdfplumber reads from the same page. Look at the PNGs themselves with
``pdftoppm -r 60 -png out.pdf page`` when a golden file changes.
"""

from __future__ import annotations

import shutil

import pytest
from dumps import compare_golden, pdf_fonts, pdf_table_structure, png_pages, png_rules
from sample_forms import ALL_FORMS, big_project

from jixiao.renderers import render_form

needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")

SAMPLES = {**ALL_FORMS, "gd-county-project-60": big_project}


@needs_poppler
@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_render_pdf_pages_show_expected_tables(sample: str, update_golden: bool) -> None:
    """The rendered pages show the ruled tables, merges and page count recorded for the sample."""
    data = render_form(SAMPLES[sample](), "pdf")
    pictures = [png_rules(path) for path in png_pages(data)]
    structure = pdf_table_structure(data)
    assert len(pictures) == len(structure)
    dump = {"pages": [picture | table for picture, table in zip(pictures, structure, strict=True)]}
    compare_golden(f"{sample}.png", dump, update_golden)


@needs_poppler
def test_render_pdf_long_form_repeats_indicator_header() -> None:
    """A 60-indicator form breaks across pages and each page's table starts with the header row."""
    from dumps import pdf_dump

    pages = pdf_dump(render_form(big_project(60), "pdf"))["pages"]
    assert len(pages) >= 2
    for page in pages[1:]:
        first_row = [cell for cell in page["tables"][0][0] if cell]
        assert {"一级指标", "二级指标", "三级指标", "当年度指标值"} <= set(first_row)


@needs_poppler
def test_render_pdf_embeds_noto_cjk_on_a4() -> None:
    """The PDF embeds the Noto CJK fonts it uses and its pages are A4 (595 × 842 pt)."""
    from dumps import pdf_dump

    data = render_form(ALL_FORMS["gd-county-project"](), "pdf")
    fonts = pdf_fonts(data)
    assert fonts and all(font.endswith(" emb") for font in fonts)
    assert any("Noto-Serif-CJK" in font or "Noto-Sans-CJK" in font for font in fonts)
    assert {tuple(page["size"]) for page in pdf_dump(data)["pages"]} == {(595, 842)}
