"""Local development: DEBUG on, SQLite under var/ unless DATABASE_URL is set."""

from jixiao_web.config.settings.base import *  # noqa: F403
from jixiao_web.config.settings.base import VAR_DIR

DEBUG = True
VAR_DIR.mkdir(parents=True, exist_ok=True)
