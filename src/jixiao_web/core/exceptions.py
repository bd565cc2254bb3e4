"""ApplicationError: the one error a service raises for a refused operation.

Views show it as a banner; the API returns it as ``{"code", "message", "extra"}``.
"""

from __future__ import annotations

from typing import Any


class ApplicationError(Exception):
    """A refused operation, with a Chinese message, a machine code and structured extras."""

    def __init__(self, message: str, *, code: str = "error", extra: dict[str, Any] | None = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.extra = extra or {}

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "extra": self.extra}
