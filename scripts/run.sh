#!/usr/bin/env bash
# Runs the system: installs what it needs, prepares the database (SQLite under var/ unless
# DATABASE_URL is set), seeds the fictional demo data from samples/, then starts the web server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-jixiao_web.config.settings.dev}
ADDR=${JIXIAO_ADDR:-127.0.0.1:8000}
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py seed_demo
cat <<MSG

jixiao 绩效 web: http://${ADDR}/
演示账号（密码均为 demo12345）:
  filer    单位填报人    青川县科技和工业信息化局（本级）
  dept     主管部门审核人 青川县科技和工业信息化局
  filer2   单位填报人    安平市商务局（本级）
  dept2    主管部门审核人 安平市商务局
  finance  财政审核人    青川县财政局
  admin    系统管理员（/admin/）
API 文档: http://${ADDR}/api/docs/

MSG
# The server and the background worker for large imports (django-tasks-db) stop together.
mkdir -p "${JIXIAO_VAR_DIR:-var}"
.venv/bin/python manage.py db_worker --no-startup-delay --no-reload >"${JIXIAO_VAR_DIR:-var}/worker.log" 2>&1 &
WORKER=$!
.venv/bin/python manage.py runserver --noreload "$ADDR" &
SERVER=$!
trap 'kill "$WORKER" "$SERVER" 2>/dev/null || true' EXIT INT TERM
wait "$SERVER"
