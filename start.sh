#!/usr/bin/env bash
# Sets up what is missing, then starts the editor: ./start.sh [计划文件.ghjh]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/setup.sh"
exec "$VENV/bin/python" "$REPO/main.py" "$@"
