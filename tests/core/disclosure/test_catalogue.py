"""The shipped 2025 code catalogue, its validation and the install of a newer year."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.disclosure.catalogue import (
    install_catalogue,
    load_catalogue,
    normalise_name,
    parse_catalogue_csv,
)
from jixiao.errors import ImportFailed


def test_load_catalogue_2025_shipped_lists_consistent() -> None:
    """Every shipped entry has a parent in the list (or is a 类), the right length and a source."""
    catalogue = load_catalogue(2025)
    problems = []
    for kind, entries in catalogue.entries.items():
        for entry in entries.values():
            if entry.parent is not None and entry.parent not in entries:
                problems.append((kind, entry.code, "parent"))
            if not entry.source:
                problems.append((kind, entry.code, "source"))
    assert (catalogue.year, sorted(catalogue.entries), problems) == (2025, ["dept_econ", "function"], [])


def test_load_catalogue_later_year_falls_back_to_newest() -> None:
    """Asking for a year without its own list uses the newest earlier one."""
    assert load_catalogue(2030).year == 2025


def test_class_code_for_name_numbered_t1_labels() -> None:
    """T1 prints 类 names with Chinese numbering and with or without 支出."""
    catalogue = load_catalogue(2025)
    got = [catalogue.class_code_for_name(n) for n in ("六、科学技术支出", "二十四、预备费", "三十一、人行科目", "住房保障")]
    assert got == ["206", "227", None, "221"]


def test_normalise_name_brackets_and_blanks() -> None:
    """Brackets, blanks and a trailing 支出 do not make two names differ."""
    assert normalise_name("维修（护）费 ") == normalise_name("维修(护)费") == "维修护费"


@pytest.mark.parametrize(("body", "reason"), [
    ("2010,x,201,2,s\n", "第2级科目编码应为 5 位，“2010”为 4 位"),
    ("20101,人大事务,202,2,s\n", "科目 20101 的上级应为“201”，实际为“202”"),
    ("20a,x,,1,s\n", "科目编码应为数字，实际为“20a”"),
    ("201,x,,4,s\n", "级次应为 1/2/3，实际为“4”"),
    ("201,,,1,s\n", "科目 201 缺少名称"),
    ("201,a,,1,s\n201,b,,1,s\n", "科目编码 201 重复"),
])
def test_parse_catalogue_csv_bad_rows_named(body: str, reason: str) -> None:
    """A bad line is refused with the file, the line and the reason."""
    with pytest.raises(ImportFailed) as info:
        parse_catalogue_csv("code,name,parent,level,source\n" + body, kind="function", file="new.csv")
    assert (info.value.file, info.value.reason) == ("new.csv", reason)
    assert info.value.place is not None and info.value.place.startswith("第")


def test_parse_catalogue_csv_missing_parent_refused() -> None:
    """A 款 whose 类 is not in the list is refused."""
    with pytest.raises(ImportFailed) as info:
        parse_catalogue_csv("code,name,parent,level,source\n20101,人大事务,201,2,s\n", kind="function", file="n.csv")
    assert info.value.reason == "科目 20101 的上级 201 不在目录中"


def test_install_catalogue_newer_year_loaded(tmp_path: Path) -> None:
    """An installed 2026 list is validated, written under <dir>/2026 and preferred for 2026; the
    economic list, not installed for 2026, comes from 2025."""
    source = tmp_path / "f.csv"
    source.write_text("code,name,parent,level,source\n201,一般公共服务支出,,1,test\n20101,人大事务,201,2,test\n",
                      encoding="utf-8")
    target = install_catalogue(2026, source, catalogue_dir=tmp_path / "cat")
    catalogue = load_catalogue(2026, catalogue_dir=tmp_path / "cat")
    assert target == tmp_path / "cat" / "2026" / "function.csv"
    assert (catalogue.year, sorted(catalogue.entries["function"])) == (2026, ["201", "20101"])
    assert catalogue.entries["dept_econ"] == load_catalogue(2025).entries["dept_econ"]


def test_install_catalogue_invalid_file_not_installed(tmp_path: Path) -> None:
    """A list that fails validation is not installed."""
    source = tmp_path / "f.csv"
    source.write_text("code,name\n201,x\n", encoding="utf-8")
    with pytest.raises(ImportFailed):
        install_catalogue(2026, source, catalogue_dir=tmp_path / "cat")
    assert not (tmp_path / "cat" / "2026").exists()
