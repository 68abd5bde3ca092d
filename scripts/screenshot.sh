#!/usr/bin/env bash
# Screenshot of the editor window on the sample plan, under Xvfb.
#   scripts/screenshot.sh [OUTPUT.png] [PLAN_FILE]
# Default output docs/screenshot-editor.png; default plan: a fresh file made
# from the built-in sample plan. Settings and data go to a temporary folder,
# so the user's recent files and window position are left alone.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT="${1:-docs/screenshot-editor.png}"
PLAN="${2:-}"
PYTHON="${PYTHON:-python3}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
export HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data" \
       XDG_CACHE_HOME="$TMP/cache" XDG_RUNTIME_DIR="$TMP/run"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
if [ -z "$PLAN" ]; then
    PLAN="$TMP/阳光实验学校工会2025年工作计划.ghjh"
    "$PYTHON" -m planner_gui new "$PLAN" --template sample --year 2025
fi
mkdir -p "$(dirname "$OUT")"
export QT_QPA_PLATFORM=xcb PLANNER_SHOT_OUT="$(realpath -m "$OUT")" PLANNER_SHOT_PLAN="$PLAN"
xvfb-run -a -s "-screen 0 1440x900x24 -dpi 96" "$PYTHON" - <<'PY'
import os
from PySide6.QtCore import QTimer
from planner_gui.app import build_window
from planner_gui.gui.launch import ensure_app

app = ensure_app()
window = build_window(os.environ["PLANNER_SHOT_PLAN"])
window.resize(1280, 800)
window.move(0, 0)
window.show()
plan = window.session.plan
# A section with text and subsections, so the outline and editor show content.
target = next((s for s in plan.sections if s.children and any(c.body for c in s.children)),
              plan.sections[0] if plan.sections else None)
if target is not None:
    window.select_section(target.children[0].id if target.children else target.id)


def shoot():
    window.grab().save(os.environ["PLANNER_SHOT_OUT"])
    window.session.close()
    app.exit(0)


QTimer.singleShot(1500, shoot)
app.exec()
PY
echo "$OUT"
