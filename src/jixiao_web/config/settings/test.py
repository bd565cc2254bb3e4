"""Tests: fast password hashing, in-memory SQLite unless DATABASE_URL is set."""

import os

from jixiao_web.config.settings.base import *  # noqa: F403

if not os.environ.get("DATABASE_URL"):
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
else:
    # Its own test database, so it never collides with other suites on the same server.
    DATABASES["default"]["TEST"] = {"NAME": "test_jixiao_web"}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AXES_ENABLED = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
