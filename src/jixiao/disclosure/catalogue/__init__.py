"""政府收支分类科目: the code catalogue, shipped as data, one folder per year.

``<year>/function.csv`` (支出功能分类) and ``<year>/dept_econ.csv`` (部门预算支出经济分类) have the
columns ``code,name,parent,level,source``; ``source`` says where each entry was seen (nothing here is
marked official unless it was checked against the official edition). A newer year's CSV can be
installed into a user directory (``$JIXIAO_CATALOGUE_DIR`` or ``~/.local/share/jixiao/catalogue``)
with :func:`install_catalogue`; user files take precedence over the shipped ones.
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from jixiao.errors import ImportFailed

SHIPPED_DIR = Path(__file__).resolve().parent
KINDS = ("function", "dept_econ")
LEVEL_LENGTHS = {"function": {1: 3, 2: 5, 3: 7}, "dept_econ": {1: 3, 2: 5}}
HEADER = ["code", "name", "parent", "level", "source"]
_NAME_NOISE = re.compile(r"[\s（）()]")


def user_catalogue_dir() -> Path:
    env = os.environ.get("JIXIAO_CATALOGUE_DIR")
    if env:
        return Path(env)
    return Path.home() / ".local" / "share" / "jixiao" / "catalogue"


def normalise_name(name: str) -> str:
    """Compare names without blanks, brackets or a trailing 支出 (T1 prints 类 names both ways)."""
    text = _NAME_NOISE.sub("", name)
    return text.removesuffix("支出")


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    code: str
    name: str
    parent: str | None
    level: int
    source: str


@dataclass(slots=True)
class Catalogue:
    """One year's code lists."""

    year: int
    entries: dict[str, dict[str, CatalogueEntry]] = field(default_factory=dict)
    origin: str = ""

    def get(self, kind: str, code: str) -> CatalogueEntry | None:
        return self.entries.get(kind, {}).get(code)

    def class_code_for_name(self, name: str) -> str | None:
        """The 功能分类 类 code whose name matches ``name`` (``六、科学技术支出`` → 206)."""
        wanted = normalise_name(re.sub(r"^[一二三四五六七八九十百]+[、.．]", "", name.strip()))
        for entry in self.entries.get("function", {}).values():
            if entry.level == 1 and normalise_name(entry.name) == wanted:
                return entry.code
        return None

    def names_match(self, kind: str, code: str, name: str) -> bool | None:
        entry = self.get(kind, code)
        if entry is None:
            return None
        return normalise_name(entry.name) == normalise_name(name)


def parse_catalogue_csv(text: str, *, kind: str, file: str) -> dict[str, CatalogueEntry]:
    """Read and validate one catalogue CSV; raise :class:`ImportFailed` naming the line and reason."""
    if kind not in KINDS:
        raise ImportFailed(file, f"目录类型应为 {'/'.join(KINDS)}，实际为“{kind}”")
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = next(reader, None)
    if header is None or [h.strip() for h in header[:4]] != HEADER[:4]:
        raise ImportFailed(file, f"表头应为 {','.join(HEADER)}，实际为 {','.join(header or [])}", place="第1行")
    lengths = LEVEL_LENGTHS[kind]
    entries: dict[str, CatalogueEntry] = {}
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) < 4:
            raise ImportFailed(file, f"应有至少 4 列（code,name,parent,level），实际 {len(cells)} 列", place=f"第{number}行")
        code, name, parent, level_text = (cell.strip() for cell in cells[:4])
        source = cells[4].strip() if len(cells) > 4 else ""
        if not code.isdigit():
            raise ImportFailed(file, f"科目编码应为数字，实际为“{code}”", place=f"第{number}行")
        if not level_text.isdigit() or int(level_text) not in lengths:
            raise ImportFailed(file, f"级次应为 {'/'.join(map(str, lengths))}，实际为“{level_text}”", place=f"第{number}行")
        level = int(level_text)
        if len(code) != lengths[level]:
            raise ImportFailed(
                file, f"第{level}级科目编码应为 {lengths[level]} 位，“{code}”为 {len(code)} 位", place=f"第{number}行"
            )
        if not name:
            raise ImportFailed(file, f"科目 {code} 缺少名称", place=f"第{number}行")
        expected_parent = code[: lengths[level - 1]] if level > 1 else ""
        if parent != expected_parent:
            raise ImportFailed(
                file, f"科目 {code} 的上级应为“{expected_parent or '（无）'}”，实际为“{parent}”", place=f"第{number}行"
            )
        if code in entries:
            raise ImportFailed(file, f"科目编码 {code} 重复", place=f"第{number}行")
        entries[code] = CatalogueEntry(code, name, parent or None, level, source)
    for entry in entries.values():
        if entry.parent and entry.parent not in entries:
            raise ImportFailed(file, f"科目 {entry.code} 的上级 {entry.parent} 不在目录中")
    return entries


def available_years(catalogue_dir: Path | None = None) -> list[int]:
    years: set[int] = set()
    for base in (SHIPPED_DIR, catalogue_dir or user_catalogue_dir()):
        if base.is_dir():
            years.update(int(p.name) for p in base.iterdir() if p.is_dir() and p.name.isdigit())
    return sorted(years)


def load_catalogue(year: int | None = None, *, catalogue_dir: Path | None = None) -> Catalogue:
    """The catalogue for ``year`` (the newest available year not after it; the newest when None)."""
    user_dir = catalogue_dir or user_catalogue_dir()
    years = available_years(user_dir)
    if not years:
        raise ImportFailed(str(SHIPPED_DIR), "找不到任何年度的政府收支分类科目目录")
    chosen = max((y for y in years if year is None or y <= year), default=min(years))
    catalogue = Catalogue(year=chosen)
    for kind in KINDS:
        # A year's list of one kind may be missing (only function.csv installed): use the newest earlier one.
        for candidate in sorted((y for y in years if y <= chosen), reverse=True):
            path = next((base / str(candidate) / f"{kind}.csv" for base in (user_dir, SHIPPED_DIR)
                         if (base / str(candidate) / f"{kind}.csv").is_file()), None)
            if path is not None:
                catalogue.entries[kind] = parse_catalogue_csv(
                    path.read_text(encoding="utf-8"), kind=kind, file=str(path)
                )
                catalogue.origin = catalogue.origin or str(path.parent)
                break
    return catalogue


def install_catalogue(year: int, csv_path: Path, *, kind: str = "function",
                      catalogue_dir: Path | None = None) -> Path:
    """Validate ``csv_path`` and install it as ``<dir>/<year>/<kind>.csv``; returns the new path."""
    if not 2000 <= year <= 2100:
        raise ImportFailed(str(csv_path), f"年度应在 2000–2100 之间，实际为 {year}")
    try:
        text = csv_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFailed(str(csv_path), f"无法按 UTF-8 读取目录文件：{exc}") from exc
    parse_catalogue_csv(text, kind=kind, file=csv_path.name)
    target = (catalogue_dir or user_catalogue_dir()) / str(year) / f"{kind}.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
