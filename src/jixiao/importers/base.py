"""Importer plumbing: the decoded document, detection results, the grid of cells.

Decoding happens once, in :class:`RawDocument`. An importer declares the layouts it handles,
answers :meth:`Importer.detect` with a scored :class:`Detection` (or None), and
:meth:`Importer.load` returns an :class:`~jixiao.model.ImportedDocument` whose ``problems``
list every cell it could not read. Table-shaped sources (tab-separated text, Word, Excel, PDF
tables) are first turned into a :class:`Grid`, so the form builders in
:mod:`jixiao.importers.builders` serve every format alike.
"""

from __future__ import annotations

import codecs
import re
import zipfile
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from jixiao.errors import UnreadableDocument
from jixiao.model import ImportedDocument, ImportProblem, ProblemSeverity, SourceRef

TEXT_SUFFIXES = (".txt", ".tsv", ".text", "")
NATIVE_MAGIC = {b"PK\x03\x04": "zip", b"%PDF": "pdf", b"\xd0\xcf\x11\xe0": "ole"}
MAX_BYTES = 50 * 1024 * 1024
#: Limits on an Office Open XML (zip) container, against zip bombs.
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_ZIP_RATIO = 200
#: Control characters other than tab, line feed, form feed and carriage return.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_OOXML_PARTS = {"docx": ("word/document.xml", "Word 文档"), "xlsx": ("xl/workbook.xml", "Excel 工作簿")}


class Detection(BaseModel):
    """An importer's claim on a document: which layout, how sure, and why."""

    layout: str
    confidence: float = Field(ge=0, le=1)
    reasons: list[str] = Field(default_factory=list)


@dataclass(slots=True)
class RawDocument:
    """A file read once: bytes, and for text files the decoded text.

    Attributes:
        name: the file name as the user knows it (used in every message).
        data: the bytes.
        suffix: lower-case suffix including the dot (``.txt``), or ``""``.
        kind: ``"text"``, ``"docx"``, ``"xlsx"``, ``"pdf"`` or ``"unknown"``.
        text: the decoded text for ``kind == "text"``.
        encoding: the encoding that decoded it.
        problems: decoding problems that did not stop the import (a truncated last character).
    """

    name: str
    data: bytes
    suffix: str = ""
    kind: str = "unknown"
    text: str | None = None
    encoding: str | None = None
    problems: list[ImportProblem] = field(default_factory=list)
    _lines: list[str] | None = None
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """What an importer computed in :meth:`Importer.detect` and wants again in
    :meth:`Importer.load` (a grid), keyed by the importer; lives as long as the document."""

    @classmethod
    def from_path(cls, path: str | Path, *, name: str | None = None) -> RawDocument:
        path = Path(path)
        display = name or path.name
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise UnreadableDocument(display, f"文件过大（{size} 字节），上限为 {MAX_BYTES} 字节")
            data = path.read_bytes()
        except OSError as exc:
            raise UnreadableDocument(display, f"无法读取文件：{exc.strerror or exc}") from exc
        return cls.from_bytes(data, name=display)

    @classmethod
    def from_bytes(cls, data: bytes, *, name: str) -> RawDocument:
        suffix = Path(name).suffix.lower()
        if len(data) > MAX_BYTES:
            raise UnreadableDocument(name, f"文件过大（{len(data)} 字节），上限为 {MAX_BYTES} 字节")
        if not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
            raise UnreadableDocument(name, "文件为空：应为绩效目标表（文本、Word、Excel 或 PDF），实际没有任何内容")
        doc = cls(name=name, data=data, suffix=suffix)
        magic = next((kind for sig, kind in NATIVE_MAGIC.items() if data.startswith(sig)), None)
        if magic == "pdf" or suffix == ".pdf":
            doc.kind = "pdf"
        elif magic == "zip" and suffix in (".docx", ".docm"):
            doc.kind = "docx"
        elif magic == "zip" and suffix in (".xlsx", ".xlsm"):
            doc.kind = "xlsx"
        elif suffix in (".docx", ".xlsx"):
            # The suffix promises a zip container that is not there: say so plainly.
            if magic == "ole":
                found = "旧版 Office（.doc/.xls）文件，请另存为 .docx 或 .xlsx 后再导入"
            elif b"\x00" not in data[:8192]:
                found = "文本文件（不是 zip 格式的 Office 文档）"
            else:
                found = "其他二进制内容（不是 zip 格式的 Office 文档）"
            raise UnreadableDocument(name, f"扩展名为 {suffix}，应为 Office Open XML 文件，实际是{found}")
        elif magic == "zip":
            doc.kind = _sniff_zip(data)
        elif magic == "ole":
            raise UnreadableDocument(
                name, "这是旧版 Office 文件（.doc/.xls），请另存为 .docx 或 .xlsx 后再导入"
            )
        else:
            doc.kind = "text"
            doc.text, doc.encoding = doc._decode()
        return doc

    def _decode(self) -> tuple[str, str]:
        data = self.data
        for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                           (codecs.BOM_UTF16_BE, "utf-16")):
            if data.startswith(bom):
                try:
                    return data.decode(codec), codec
                except UnicodeDecodeError as exc:
                    raise UnreadableDocument(
                        self.name, f"文件声明为 {codec} 编码，但第 {exc.start} 字节处的内容无法按该编码解码"
                    ) from exc
        if b"\x00" in data[:8192]:
            bomless = _utf16_without_bom(data)
            if bomless is not None:
                return bomless
            raise UnreadableDocument(self.name, "这是二进制文件，不是文本：应为绩效目标表的文本、Word、Excel 或 PDF 文件")
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            if exc.start >= len(data) - 3 and exc.reason in ("unexpected end of data", "invalid continuation byte"):
                text = data[: exc.start].decode("utf-8")
                self.problems.append(ImportProblem(
                    severity=ProblemSeverity.WARNING, code="truncated-file",
                    message=f"{self.name}：文件末尾的字符不完整（第 {exc.start} 字节），文件可能被截断，已忽略该残缺字符",
                    source=SourceRef(file=self.name, line=text.count("\n") + 1),
                ))
                return text, "utf-8"
            utf8_error = exc
        return self._decode_legacy(utf8_error)

    def _decode_legacy(self, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
        from charset_normalizer import from_bytes

        best = from_bytes(self.data, cp_isolation=["gb18030", "gbk", "big5", "utf_16"]).best()
        if best is not None and best.encoding:
            encoding = "gb18030" if best.encoding in ("gbk", "gb2312", "gb18030") else best.encoding
            try:
                text = self.data.decode(encoding)
            except UnicodeDecodeError:
                text = None
            if text is not None and _looks_like_text(text):
                return text, encoding
        line = self.data[: utf8_error.start].count(b"\n") + 1
        raise UnreadableDocument(
            self.name,
            "无法识别文本编码：应为 UTF-8 或 GBK/GB18030 编码的文本，"
            f"第 {utf8_error.start} 字节处的内容不是合法的 UTF-8，也不是可读的 GBK/GB18030 文本",
            place=f"第{line}行",
        )

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = (self.text or "").splitlines()
        return self._lines

    @property
    def head_text(self) -> str:
        """The first 8,000 characters of text, for cheap detection."""
        return (self.text or "")[:8000]

    def source(self, **kwargs: int | str | None) -> SourceRef:
        return SourceRef(file=self.name, **kwargs)


def _sniff_zip(data: bytes) -> str:
    """"docx" or "xlsx" for an Office zip whatever its suffix, else "zip"."""
    try:
        names = set(zipfile.ZipFile(BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return "zip"
    return next((kind for kind, (part, _) in _OOXML_PARTS.items() if part in names), "zip")


def open_ooxml(doc: RawDocument, kind: str) -> zipfile.ZipFile:
    """Open a ``.docx``/``.xlsx`` container after checking it is whole, of that kind, and sane.

    Args:
        doc: the document, whose ``data`` holds the zip bytes.
        kind: ``"docx"`` or ``"xlsx"``.

    Returns:
        The open zip file.

    Raises:
        UnreadableDocument: the zip is truncated or broken, holds the other kind of Office
            file (or none), or would unpack to more than :data:`MAX_UNZIPPED_BYTES` or at a
            ratio above :data:`MAX_ZIP_RATIO` (a zip bomb).
    """
    part, expected = _OOXML_PARTS[kind]
    try:
        archive = zipfile.ZipFile(BytesIO(doc.data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise UnreadableDocument(
            doc.name, f"应为 {expected}，但文件已损坏或不完整（可能只下载了一部分）：{exc}"
        ) from exc
    names = {info.filename for info in infos}
    if part not in names:
        other = next((label for key, (path, label) in _OOXML_PARTS.items() if key != kind and path in names), None)
        found = f" {other}" if other else "不含 Office 文档内容的 zip 压缩包"
        raise UnreadableDocument(doc.name, f"扩展名为 {doc.suffix or '（无）'}，应为 {expected}，实际是{found}")
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > MAX_UNZIPPED_BYTES or (info.file_size > 10 * 1024 * 1024 and ratio > MAX_ZIP_RATIO):
            raise UnreadableDocument(
                doc.name,
                f"压缩包内的“{info.filename}”解压后过大（{info.file_size} 字节，压缩比 {ratio:.0f} 倍），"
                f"超过 {MAX_UNZIPPED_BYTES} 字节或 {MAX_ZIP_RATIO} 倍的上限，为安全起见不予读取",
            )
    return archive


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a BOM: tabs, digits and line ends leave zero bytes on one side."""
    head = data[:8192]
    even, odd = head[0::2], head[1::2]
    for codec, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if len(head) >= 4 and zeros.count(0) >= 0.2 * len(zeros) and other.count(0) <= 0.02 * len(other):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            return (text, codec) if _looks_like_text(text) else None
    return None


def _looks_like_text(text: str) -> bool:
    if not text:
        return False
    controls = len(_CONTROLS.findall(text))
    return controls / len(text) < 0.01


#: Page furniture of PDF and Word exports, written without spaces: "第2页", "第2页，共5页", "-3-",
#: "— 3 —", "2/5". Not part of any form; the builders skip such lines of running text.
_PAGE_NUMBER = re.compile(r"^(?:第\d+页(?:[/，,]?共\d+页)?|[-－—–]+\d{1,4}[-－—–]+|\d{1,4}/\d{1,4})$")
_NO_SPACE = re.compile(r"\s+")


def is_page_number(text: str) -> bool:
    """Whether a line of running text is a page number ("第 1 页", "— 2 —", "- 3 -", "2/5")."""
    return len(text) <= 24 and _PAGE_NUMBER.match(_NO_SPACE.sub("", text)) is not None


class Cell:
    """One table cell. ``col`` is its 0-based position in the printed row.

    ``Cell(text, col, source, colspan=1, rowspan=1)`` like a dataclass. A reader that makes
    many cells may give ``place`` (the SourceRef's fields) instead of ``source``: the
    :class:`~jixiao.model.SourceRef` is then made the first time :attr:`source` is read. Most
    cells of a grid are only looked at, never cited, and a SourceRef costs more to validate
    than the rest of the cell.
    """

    __slots__ = ("_place", "_source", "col", "colspan", "rowspan", "text")

    def __init__(self, text: str, col: int, source: SourceRef | None = None, colspan: int = 1,
                 rowspan: int = 1, *, place: dict[str, Any] | None = None) -> None:
        if source is None and place is None:
            raise TypeError("Cell needs a source or a place")
        self.text = text
        self.col = col
        self.colspan = colspan
        self.rowspan = rowspan
        self._source = source
        self._place = place

    @property
    def source(self) -> SourceRef:
        source = self._source
        if source is None:
            source = self._source = SourceRef(**self._place)  # type: ignore[arg-type]
            self._place = None
        return source

    @source.setter
    def source(self, value: SourceRef) -> None:
        self._source = value
        self._place = None

    def where(self, name: str) -> Any:
        """One field of :attr:`source` (``"line"``, ``"page"`` …), without making the SourceRef."""
        if self._source is not None:
            return getattr(self._source, name)
        return self._place.get(name) if self._place else None

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Cell)
        return (self.text, self.col, self.source, self.colspan, self.rowspan) == (
            other.text, other.col, other.source, other.colspan, other.rowspan)

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it was

    def __repr__(self) -> str:
        return (f"Cell(text={self.text!r}, col={self.col!r}, source={self.source!r}, "
                f"colspan={self.colspan!r}, rowspan={self.rowspan!r})")

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(slots=True)
class Row:
    """One printed row: all its cells in column order (blank ones included)."""

    cells: list[Cell]
    source: SourceRef
    table: int | None = None
    """Index of the table the row belongs to; None for running text outside tables."""

    def texts(self) -> list[str]:
        return [cell.text for cell in self.cells]

    def filled(self) -> list[Cell]:
        return [cell for cell in self.cells if not cell.blank]

    @property
    def leading_blanks(self) -> int:
        count = 0
        for cell in self.cells:
            if not cell.blank:
                break
            count += 1
        return count


@dataclass(slots=True)
class Grid:
    """A document as rows of cells, whatever format it came from."""

    file: str
    rows: list[Row] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)


class Importer(ABC):
    """Turns one kind of document into forms. See the module docstring."""

    formats: tuple[str, ...] = ()
    """RawDocument kinds this importer reads ("text", "docx", "xlsx", "pdf")."""
    layouts: tuple[str, ...] = ()

    @abstractmethod
    def detect(self, doc: RawDocument) -> Detection | None:
        """Claim the document with a layout and a confidence, or return None."""

    @abstractmethod
    def load(self, doc: RawDocument, layout: str) -> ImportedDocument:
        """Read every form of the document in ``layout``."""

    def describe_rejection(self, doc: RawDocument) -> str:
        """Why :meth:`detect` declined, for the "nothing matched" message."""
        return f"{type(self).__name__}：未找到其版式的特征"
