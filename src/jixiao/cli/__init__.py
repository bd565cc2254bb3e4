"""The ``jixiao`` command line (Typer + rich). The logic lives in the core; see main.py."""
