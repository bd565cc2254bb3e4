"""Checking uploads before anything reads them: sizes, names, zip archives.

A hostile upload is refused as a whole with a Chinese message naming the file and the reason:
a file over the size limit, a name with a path in it (``../``, ``/etc/passwd``, ``C:\\``), a
zip whose entries claim or expand to more than the limit or compress suspiciously well (zip
bombs), a zip inside a zip, or too many files.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

from django.conf import settings

from jixiao_web.core.exceptions import ApplicationError

SUPPORTED = (".txt", ".tsv", ".text", ".docx", ".xlsx", ".pdf")


@dataclass(frozen=True)
class UploadedDocument:
    name: str
    content: bytes


def _refuse(message: str, code: str = "upload_refused") -> ApplicationError:
    return ApplicationError(message, code=code)


def safe_name(name: str) -> str:
    """The name if it is a plain file name, else refuse (no directories, no traversal)."""
    if not name or "\x00" in name:
        raise _refuse("文件名为空或含有非法字符")
    if name.startswith(("/", "\\")) or ".." in PurePosixPath(name.replace("\\", "/")).parts or PureWindowsPath(name).drive:
        raise _refuse(f"文件名“{name}”含有路径，已拒绝（不允许 ../ 或绝对路径）", "unsafe_name")
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    if not base or base in (".", ".."):
        raise _refuse(f"文件名“{name}”无效", "unsafe_name")
    return base


def _read_zip(name: str, data: bytes) -> list[UploadedDocument]:
    max_total = settings.JIXIAO_ZIP_MAX_UNCOMPRESSED_BYTES
    max_file = settings.JIXIAO_UPLOAD_MAX_BYTES
    max_ratio = settings.JIXIAO_ZIP_MAX_RATIO
    max_files = settings.JIXIAO_UPLOAD_MAX_FILES
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, ValueError) as exc:
        raise _refuse(f"压缩包“{name}”已损坏或不是 zip 文件") from exc
    if len(infos) > max_files:
        raise _refuse(f"压缩包“{name}”内文件过多（{len(infos)} 个，上限 {max_files} 个）", "too_many_files")
    declared = sum(i.file_size for i in infos)
    if declared > max_total:
        raise _refuse(
            f"压缩包“{name}”解压后过大（{declared // 1048576} MB，上限 {max_total // 1048576} MB），已拒绝",
            "zip_too_large",
        )
    out: list[UploadedDocument] = []
    total = 0
    for info in infos:
        inner = safe_name(info.filename)
        if inner.lower().endswith(".zip"):
            raise _refuse(f"压缩包“{name}”内含压缩包“{inner}”，不支持嵌套压缩包", "nested_zip")
        if info.file_size > max_file:
            raise _refuse(f"压缩包“{name}”中的“{inner}”过大（上限 {max_file // 1048576} MB）", "file_too_large")
        if info.compress_size and info.file_size / info.compress_size > max_ratio and info.file_size > 1048576:
            raise _refuse(f"压缩包“{name}”中的“{inner}”压缩比异常（疑似压缩炸弹），已拒绝", "zip_bomb")
        if inner.startswith(("__MACOSX", "._")) or inner.startswith("."):
            continue
        # Read at most the declared size + 1 byte: a lying header cannot expand further.
        with archive.open(info) as handle:
            content = handle.read(info.file_size + 1)
        if len(content) > info.file_size:
            raise _refuse(f"压缩包“{name}”中的“{inner}”实际大小与声明不符，已拒绝", "zip_bomb")
        total += len(content)
        if total > max_total:
            raise _refuse(f"压缩包“{name}”解压后过大，已拒绝", "zip_too_large")
        out.append(UploadedDocument(inner, content))
    return out


def expand_uploads(files: list[tuple[str, bytes]]) -> list[UploadedDocument]:
    """The documents in an upload: plain files as they are, zip archives unpacked safely.

    Raises:
        ApplicationError: the upload is refused (see the module docstring).
    """
    if not files:
        raise _refuse("请选择要导入的文件", "no_files")
    max_file = settings.JIXIAO_UPLOAD_MAX_BYTES
    out: list[UploadedDocument] = []
    for raw_name, data in files:
        name = safe_name(raw_name)
        if len(data) > max_file:
            raise _refuse(f"文件“{name}”过大（上限 {max_file // 1048576} MB）", "file_too_large")
        if name.lower().endswith(".zip"):
            out.extend(_read_zip(name, data))
        else:
            out.append(UploadedDocument(name, data))
    if len(out) > settings.JIXIAO_UPLOAD_MAX_FILES:
        raise _refuse(f"一次最多导入 {settings.JIXIAO_UPLOAD_MAX_FILES} 个文件", "too_many_files")
    return out


def request_uploads(request, field: str = "files") -> list[tuple[str, bytes]]:
    """The files of a multipart request as ``(name, bytes)``, refusing what the streaming upload
    handler already stopped (``request.jixiao_refused_uploads``) and any file over the size limit.

    Raises:
        ApplicationError: an oversized file (its bytes are never read).
    """
    refused = getattr(request, "jixiao_refused_uploads", None) if request.FILES is not None else None
    if refused:
        raise _refuse("；".join(refused) + "，已拒绝", "file_too_large")
    limit = settings.JIXIAO_UPLOAD_MAX_BYTES
    out = []
    for f in request.FILES.getlist(field):
        if f.size > limit:
            raise _refuse(f"文件“{f.name}”过大（上限 {limit // 1048576} MB）", "file_too_large")
        out.append((f.name, f.read()))
    return out
