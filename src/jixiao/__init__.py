"""jixiao (绩效): budget performance target management.

The public API of the core: load documents into the model (:func:`load`), and the model
itself. The core never imports Django; the CLI and the web app share it.
"""

from jixiao.errors import (
    ImportFailed,
    JixiaoError,
    RenderFailed,
    UnreadableDocument,
    UnsupportedDocument,
)
from jixiao.importers.registry import import_file as load
from jixiao.model import DepartmentTargetForm, ImportedDocument, ProjectTargetForm

__version__ = "0.1.0"

__all__ = [
    "DepartmentTargetForm",
    "ImportFailed",
    "ImportedDocument",
    "JixiaoError",
    "ProjectTargetForm",
    "RenderFailed",
    "UnreadableDocument",
    "UnsupportedDocument",
    "__version__",
    "load",
]
