"""Settings shared by every environment.

The database is SQLite under ``var/`` unless ``DATABASE_URL`` names another one
(``postgres://postgres@127.0.0.1:5432/test``), read through dj-database-url.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
REPO_ROOT = BASE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("JIXIAO_VAR_DIR", REPO_ROOT / "var"))

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = False
ALLOWED_HOSTS: list[str] = ["localhost", "127.0.0.1", "[::1]"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "django_htmx",
    "simple_history",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "jixiao_web.core",
    "jixiao_web.orgs",
    "jixiao_web.accounts",
    "jixiao_web.audit",
    "jixiao_web.targets",
    "jixiao_web.workflow",
    "jixiao_web.review",
    "jixiao_web.dashboards",
    "jixiao_web.disclosures",
    "jixiao_web.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "jixiao_web.config.urls"
WSGI_APPLICATION = "jixiao_web.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'jixiao.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboards:home"
LOGOUT_REDIRECT_URL = "accounts:login"

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"

# Cookies and CSRF: the session cookie is never readable from JavaScript; the CSRF token is
# sent by htmx from the <body hx-headers> attribute, so the CSRF cookie may stay httponly too.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60  # a working day
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"

# django-axes: lock an account/IP pair after repeated failed logins.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True

# Background jobs (django-tasks) in the database (django-tasks-db); ``manage.py db_worker``
# runs them (scripts/run.sh starts one). Tests use the immediate backend.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "jixiao_web.api.exceptions.api_exception_handler",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "jixiao 绩效 API",
    "DESCRIPTION": "预算绩效目标管理：绩效目标表、审核流程",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
}

# Upload limits for imports (hostile uploads are refused with a clear message).
JIXIAO_UPLOAD_MAX_BYTES = 20 * 1024 * 1024
JIXIAO_UPLOAD_MAX_TOTAL_BYTES = 200 * 1024 * 1024
JIXIAO_UPLOAD_MAX_FILES = 200
JIXIAO_ZIP_MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
JIXIAO_ZIP_MAX_RATIO = 100
JIXIAO_IMPORT_BACKGROUND_THRESHOLD = 20  # files; larger batches run as a background job
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 200
FILE_UPLOAD_HANDLERS = [
    "jixiao_web.core.uploadhandlers.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Grade → allowed finance decisions (88号 第二十五条). A regime setting: replace per region.
JIXIAO_GRADE_ACTIONS: dict[str, dict[str, object]] = {
    "优": {"actions": ["approve"], "consequence": "直接进入预算安排"},
    "良": {"actions": ["approve", "return"], "consequence": "与填报单位商定修改，修改后进入预算安排"},
    "中": {"actions": ["return"], "consequence": "退回修改后重新报送审核"},
    "差": {"actions": ["reject"], "consequence": "不得进入预算安排"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# The review engine's configuration: the ``[review]`` table of jixiao.toml as a dict
# (select, ignore, profile, severity, rules, profiles, waivers). Checked at startup.
JIXIAO_REVIEW: dict = {}
