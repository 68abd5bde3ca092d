#!/usr/bin/env bash
# Builds the one-folder bundle dist/planner-gui/ from a clean copy of the
# checkout, in its own virtual environment, then checks it by running the
# bundle itself and prints its size.
#
#   scripts/build_bundle.sh            build from the last commit (git archive HEAD)
#   BUILD_WORKTREE=1 scripts/...       build the working tree as it is (uncommitted changes too)
#   PYTHON=python3.12 scripts/...      the Python to build with (default python3)
#
# Needs network access to PyPI the first time (PySide6, python-docx,
# sqlite-utils, PyInstaller); later runs reuse build/venv. Takes a few minutes.
# Not part of the test suite. Windows: see docs/windows.md (same spec file).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
BUILD="$REPO/build"
SRC="$BUILD/src"
VENV="$BUILD/venv"
DIST="$REPO/dist"
BUNDLE="$DIST/planner-gui"

step() { printf '\n== %s\n' "$*"; }

step "source"
rm -rf "$SRC"
mkdir -p "$SRC"
if [ "${BUILD_WORKTREE:-0}" != 1 ] && git -C "$REPO" rev-parse --verify -q HEAD >/dev/null 2>&1; then
  git -C "$REPO" archive --format=tar HEAD | tar -x -C "$SRC"
  echo "commit $(git -C "$REPO" rev-parse --short HEAD)"
  if [ -n "$(git -C "$REPO" status --porcelain -- planner_gui packaging main.py pyproject.toml 2>/dev/null)" ]; then
    echo "note: uncommitted changes are NOT in this build (BUILD_WORKTREE=1 builds them)"
  fi
else
  # a copy of the tree without caches, virtual environments or earlier builds
  tar -C "$REPO" --exclude=./.git --exclude=./build --exclude=./dist --exclude=./.venv \
      --exclude='__pycache__' --exclude='*.pyc' --exclude=./.hypothesis -cf - . | tar -x -C "$SRC"
  echo "working tree of $REPO"
fi

step "virtual environment ($VENV)"
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip 2>&1 | grep -v "is ignored: it is neither" || true
"$VENV/bin/python" -m pip install -q "$SRC[build]"
"$VENV/bin/python" -m pip list 2>/dev/null | grep -i -E '^(pyinstaller|pyside6[-_]essentials|python-docx|sqlite-utils) '

step "pyinstaller"
rm -rf "$BUNDLE"
(cd "$SRC" && "$VENV/bin/pyinstaller" packaging/planner_gui.spec --noconfirm --log-level WARN \
    --distpath "$DIST" --workpath "$BUILD/pyinstaller")

step "check the bundle"
CHECK="$(mktemp -d)"
trap 'rm -rf "$CHECK"' EXIT
# run from an empty folder with a clean environment, so nothing outside the bundle is used
cd "$CHECK"
run() { env -i HOME="$CHECK" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"; }
run "$BUNDLE/planner-gui-cli" templates
run "$BUNDLE/planner-gui-cli" new sample.ghjh --template sample --year 2025
run "$BUNDLE/planner-gui" dump sample.ghjh > sample.json
"$VENV/bin/python" - "$CHECK/sample.json" <<'PY'
import json, sys
from planner_gui.core.interchange import dumps
from planner_gui.resources import sample_plan
got = json.load(open(sys.argv[1], encoding="utf-8"))
assert got == json.loads(dumps(sample_plan())), "the bundle's dump differs from the sample plan"
print(f"dump from the bundle: {got['meta']['title']}, {len(got['schedule'])} activities — matches the sample plan")
PY
run "$BUNDLE/planner-gui-cli" export sample.ghjh -o sample.docx
echo "export from the bundle: $(wc -c < sample.docx) bytes"
QM="$(find "$BUNDLE" -name 'qtbase_zh_CN.qm' | head -1)"
[ -n "$QM" ] || { echo "qtbase_zh_CN.qm is missing from the bundle" >&2; exit 1; }
echo "Qt's Chinese translation: ${QM#"$BUNDLE/"}"
SUPPLEMENT="$(find "$BUNDLE" -path '*planner_gui/resources/translations/wps_zh_CN.qm' | head -1)"
[ -n "$SUPPLEMENT" ] || { echo "wps_zh_CN.qm (Qt's words qtbase lacks) is missing from the bundle" >&2; exit 1; }
echo "supplement to Qt's Chinese: ${SUPPLEMENT#"$BUNDLE/"}"
# the editor itself: it must start and keep running (offscreen) until stopped
set +e
run timeout 20 "$BUNDLE/planner-gui" sample.ghjh > editor.log 2>&1
rc=$?
set -e
if [ "$rc" -ne 124 ]; then
  echo "the editor did not stay up (exit $rc):" >&2; cat editor.log >&2; exit 1
fi
echo "editor: started on sample.ghjh and ran until stopped after 20 s"

step "size"
du -sh "$BUNDLE" | sed 's/\t/  /'
echo "$(du -sb "$BUNDLE" | cut -f1) bytes, $(find "$BUNDLE" -type f | wc -l) files"
