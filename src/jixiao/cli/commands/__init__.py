"""CLI command modules. Each exposes ``register(app: typer.Typer) -> None``.

:data:`jixiao.cli.main.COMMAND_MODULES` lists the modules that are registered, in help order.
"""
