"""Bad input: one clear Chinese message naming the file, what was expected and what was found.

Every case goes through :func:`jixiao.importers.import_bytes` (and one through ``import_file``)
and must raise an :class:`~jixiao.errors.ImportFailed`, never anything else.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import native_forms as nf  # tests/core/importers is on sys.path
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.errors import ImportFailed, UnreadableDocument, UnsupportedDocument
from jixiao.importers import base, import_bytes, import_file


def _with_entry(data: bytes, name: str, content: bytes) -> bytes:
    """The zip ``data`` with one more entry (or a replaced one)."""
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info))
        target.writestr(name, content)
    return out.getvalue()


def _encrypted_pdf() -> bytes:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen.canvas import Canvas

    out = BytesIO()
    canvas = Canvas(out, encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    canvas.drawString(100, 700, "project")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _half(data: bytes) -> bytes:
    return data[: len(data) // 2]


CASES: dict[str, tuple[str, Callable[[], bytes], type[ImportFailed], list[str]]] = {
    "empty": ("空.txt", lambda: b"", UnreadableDocument, ["文件为空"]),
    "blank lines only": ("空行.txt", lambda: b"\r\n \n\t\n", UnreadableDocument, ["文件为空"]),
    "binary": ("数据.txt", lambda: bytes(range(256)) * 8, UnreadableDocument, ["二进制文件", "应为"]),
    "docx cut in half": (
        "半截.docx", lambda: _half(nf.to_docx(nf.guangdong_project())), UnreadableDocument,
        ["应为 Word 文档", "损坏或不完整"],
    ),
    "xlsx cut in half": (
        "半截.xlsx", lambda: _half(nf.to_xlsx(nf.guangdong_project())), UnreadableDocument,
        ["应为 Excel 工作簿", "损坏或不完整"],
    ),
    "pdf cut in half": (
        "半截.pdf", lambda: _half(nf.to_pdf(nf.guangdong_project())), UnreadableDocument,
        ["损坏或不完整", "应为完整的 PDF 文件"],
    ),
    "docx that is text": (
        "改名.docx", lambda: "项目名称\t乡村书屋".encode(), UnreadableDocument,
        ["扩展名为 .docx", "应为 Office Open XML", "实际是文本文件"],
    ),
    "docx that is a workbook": (
        "表格.docx", lambda: nf.to_xlsx(nf.guangdong_project()), UnreadableDocument,
        ["应为 Word 文档", "实际是 Excel 工作簿"],
    ),
    "old doc": (
        "旧版.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024, UnreadableDocument,
        ["旧版 Office", "另存为 .docx"],
    ),
    "old doc renamed docx": (
        "旧版.docx", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024, UnreadableDocument,
        ["扩展名为 .docx", "旧版 Office"],
    ),
    "unrecognised text": (
        "随笔.txt", lambda: "今天整理了图书室。\n明天继续。\n".encode(), UnsupportedDocument,
        ["未识别出绩效目标表", "应为部门整体绩效目标表或项目支出绩效目标表"],
    ),
    "word file without forms": (
        "纪要.docx", lambda: nf.to_docx(["会议纪要", "讨论了图书采购。"]), UnsupportedDocument,
        ["未识别出绩效目标表", "Word"],
    ),
    "zip bomb entry": (
        "炸弹.docx",
        lambda: _with_entry(nf.to_docx(nf.guangdong_project()), "word/media/padding.bin", b"\x00" * (12 * 1024 * 1024)),
        UnreadableDocument, ["word/media/padding.bin", "解压后过大", "不予读取"],
    ),
    "broken document xml": (
        "坏正文.docx",
        lambda: _with_entry(nf.to_docx(nf.guangdong_project()), "word/document.xml", b"<w:document><w:body><w:p>"),
        UnreadableDocument, ["应为 Word 文档", "XML 不完整或已损坏"],
    ),
    "encrypted pdf": ("加密.pdf", _encrypted_pdf, UnreadableDocument, ["PDF 已加密", "取消加密"]),
    "not a pdf": ("假.pdf", lambda: b"plain words, no header", UnreadableDocument, ["应为 PDF 文件", "%PDF"]),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_import_bytes_bad_input_one_clear_message(case: str) -> None:
    """Each kind of bad file raises one ImportFailed whose message names the file and the reason."""
    name, make, error, phrases = CASES[case]
    with pytest.raises(ImportFailed) as caught:
        import_bytes(make(), name=name)
    message = str(caught.value)
    assert (type(caught.value), message.startswith(name), [p for p in phrases if p not in message]) == (
        error,
        True,
        [],
    )


def test_import_file_bad_input_message_names_file_on_disk(tmp_path: Path) -> None:
    """Reading from disk gives the same message, naming the file as the user knows it."""
    path = tmp_path / "半截.xlsx"
    path.write_bytes(_half(nf.to_xlsx(nf.guangdong_project())))
    with pytest.raises(UnreadableDocument, match=r"^半截\.xlsx：应为 Excel 工作簿"):
        import_file(path)


def test_import_bytes_oversized_file_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file over the size limit is refused before any parsing, with both sizes named."""
    monkeypatch.setattr(base, "MAX_BYTES", 1000)
    with pytest.raises(UnreadableDocument, match=r"^大\.txt：文件过大（2000 字节），上限为 1000 字节"):
        import_bytes(b"x" * 2000, name="大.txt")


def test_import_bytes_unrecognised_text_lists_layouts_tried() -> None:
    """When nothing matches, the error lists every importer asked and why it declined."""
    with pytest.raises(UnsupportedDocument) as caught:
        import_bytes("今天整理了图书室。\n".encode(), name="随笔.txt")
    assert len(caught.value.tried) >= 1 and all(caught.value.tried)


_VALID = {
    "docx": nf.to_docx(nf.guangdong_project()),
    "xlsx": nf.to_xlsx(nf.guangdong_project()),
    "pdf": nf.to_pdf(nf.guangdong_project()),
}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(sorted(_VALID)),
    cuts=st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=8)), min_size=1, max_size=4),
)
def test_import_bytes_damaged_native_file_never_raises_anything_else(kind: str, cuts) -> None:
    """A Word, Excel or PDF file with bytes overwritten imports or fails with ImportFailed only."""
    data = bytearray(_VALID[kind])
    for where, junk in cuts:
        start = int(where * (len(data) - 1))
        data[start : start + len(junk)] = junk
    name = f"坏.{kind}"
    try:
        result = import_bytes(bytes(data), name=name)
    except ImportFailed as error:
        named = str(error).startswith(name)
    else:
        named = result.file == name
    assert named


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=2048), suffix=st.sampled_from([".txt", ".docx", ".xlsx", ".pdf", ""]))
def test_import_bytes_random_bytes_never_raise_anything_else(data: bytes, suffix: str) -> None:
    """Arbitrary bytes under any suffix import or fail with ImportFailed naming the file."""
    name = f"随机{suffix}"
    try:
        result = import_bytes(data, name=name)
    except ImportFailed as error:
        named = str(error).startswith(name)
    else:
        named = result.file == name
    assert named
