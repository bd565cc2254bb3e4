"""The core exception tree.

::

    JixiaoError                      every error the core raises on purpose
    ├── ImportFailed                 a document could not be turned into forms
    │   ├── UnsupportedDocument      readable, but no importer recognised its layout
    │   └── UnreadableDocument       empty, binary, truncated, wrong encoding, broken container
    └── RenderFailed                 a form could not be rendered to the requested format

Each message names the file, the place and the reason, so that the CLI and the web app can
show it as it is. A review never raises: it returns findings as data.
"""

from __future__ import annotations


class JixiaoError(Exception):
    """Base class of every error the core raises on purpose."""


class ImportFailed(JixiaoError):
    """A document could not be turned into forms.

    Args:
        file: the file name as the user knows it.
        reason: a Chinese sentence saying what was expected and what was found.
        place: where in the file, when known (line, page, sheet).
    """

    def __init__(self, file: str, reason: str, place: str | None = None) -> None:
        self.file = file
        self.reason = reason
        self.place = place
        where = f"{file}（{place}）" if place else file
        super().__init__(f"{where}：{reason}")


class UnsupportedDocument(ImportFailed):
    """The file is readable, but no importer recognised its layout."""

    def __init__(
        self, file: str, reason: str, tried: list[str] | None = None, place: str | None = None
    ) -> None:
        self.tried = list(tried or [])
        super().__init__(file, reason, place)


class UnreadableDocument(ImportFailed):
    """The file is empty, binary, truncated, badly encoded or a broken container."""


class RenderFailed(JixiaoError):
    """A form could not be rendered to the requested format."""
