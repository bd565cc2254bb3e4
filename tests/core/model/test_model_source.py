"""SourceRef: the Chinese description of a place, and spanning several lines."""

from __future__ import annotations

import pytest

from jixiao.model import SourceRef


@pytest.mark.parametrize(
    ("ref", "text"),
    [
        (SourceRef(file="a.txt", line=12), "a.txt 第12行"),
        (SourceRef(file="a.txt", line=12, line_end=14), "a.txt 第12–14行"),
        (SourceRef(file="a.txt", line=12, line_end=12), "a.txt 第12行"),
        (SourceRef(file="b.xlsx", sheet="项目表", row=3, column=5), "b.xlsx 工作表“项目表” 第3行 第5列"),
        (SourceRef(file="c.pdf", page=2, line=7), "c.pdf 第2页 第7行"),
        (SourceRef(file="d.docx", table=2, row=4, column=1), "d.docx 第2个表格 第4行（表格行） 第1列"),
        (SourceRef(file="e.txt"), "e.txt"),
    ],
)
def test_source_describe_names_file_and_place(ref: SourceRef, text: str):
    """describe() gives the file then the most precise place known, in Chinese."""
    assert ref.describe() == text


def test_source_spanning_extends_to_the_other_end():
    """spanning() keeps the start and takes the end of the other place."""
    start = SourceRef(file="a.txt", line=5)
    assert [
        start.spanning(SourceRef(file="a.txt", line=7)),
        start.spanning(SourceRef(file="a.txt", line=7, line_end=9)),
        start.spanning(None),
    ] == [
        SourceRef(file="a.txt", line=5, line_end=7),
        SourceRef(file="a.txt", line=5, line_end=9),
        start,
    ]
