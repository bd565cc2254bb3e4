"""Text encodings: the same fictional form in every encoding users send gives the same forms."""

from __future__ import annotations

import native_forms as nf  # tests/core/importers is on sys.path
import pytest

from jixiao.importers import import_bytes

#: Ext-A character (U+3400) that GBK cannot encode and GB18030 can, in the project overview.
RARE = "㐀"


def _form_text(*, rare: bool = False) -> str:
    lines: list[str] = []
    for block in nf.guangdong_project():
        if isinstance(block, str):
            lines.append(block)
            continue
        for row in nf.texts(block):
            if rare and row[0] == "项目概述":
                row = [row[0], row[1] + RARE, *row[2:]]
            lines.append("\t".join(row))
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def reference() -> list[dict]:
    result = import_bytes(_form_text().encode("utf-8"), name="书屋.txt")
    return [form.model_dump() for form in result.forms]


@pytest.mark.parametrize(
    ("codec", "reported"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("gbk", "gb18030"),
        ("gb18030", "gb18030"),
        ("utf-16", "utf-16"),
        ("utf-16-be-bom", "utf-16"),
        ("utf-16-le", "utf-16-le"),
    ],
)
def test_import_text_encoding_same_forms_as_utf8(codec: str, reported: str, reference: list[dict]) -> None:
    """UTF-8 with or without BOM, GBK, GB18030 and UTF-16 (BOM or not) all give the UTF-8 forms."""
    text = _form_text()
    data = b"\xfe\xff" + text.encode("utf-16-be") if codec == "utf-16-be-bom" else text.encode(codec)
    result = import_bytes(data, name="书屋.txt")
    assert ([form.model_dump() for form in result.forms], result.encoding, result.problems) == (
        reference,
        reported,
        [],
    )


def test_import_text_gb18030_only_character_kept() -> None:
    """A character outside GBK survives a GB18030 file."""
    result = import_bytes(_form_text(rare=True).encode("gb18030"), name="书屋.txt")
    assert (result.encoding, RARE in (result.forms[0].overview or "")) == ("gb18030", True)


def test_import_text_crlf_line_ends_same_forms(reference: list[dict]) -> None:
    """Windows line ends give the same forms."""
    result = import_bytes(_form_text().replace("\n", "\r\n").encode("gbk"), name="书屋.txt")
    assert [form.model_dump() for form in result.forms] == reference


def test_import_text_utf8_cut_mid_character_imports_with_warning(reference: list[dict]) -> None:
    """A UTF-8 file cut inside its last character imports, with one truncated-file warning."""
    data = _form_text().encode("utf-8")[:-2]  # drops the line end and one byte of "。"
    result = import_bytes(data, name="书屋.txt")
    assert ([p.code for p in result.problems], len(result.forms)) == (["truncated-file"], len(reference))
