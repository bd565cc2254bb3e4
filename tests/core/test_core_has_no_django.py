"""The core (``src/jixiao``) never imports Django; only ``jixiao_web`` may (style.md B1).

Every module of the package is imported in a fresh interpreter, which then reports the
modules that failed to import and any ``django`` module that got loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

PROBE = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys
    import jixiao

    failed = []
    for info in pkgutil.walk_packages(jixiao.__path__, "jixiao."):
        try:
            importlib.import_module(info.name)
        except Exception as exc:  # report, do not stop: every module is checked
            failed.append(f"{info.name}: {type(exc).__name__}: {exc}")
    django = sorted(name for name in sys.modules if name == "django" or name.startswith("django."))
    print(json.dumps({"failed": failed, "django": django}))
    """
)


def test_core_importing_every_module_loads_no_django():
    """Importing all of jixiao (core, importers, review, renderers, CLI) loads no django module."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=False, timeout=300
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"failed": [], "django": []}
