#!/usr/bin/env bash
# Sets up what is missing (with the test tools), then runs the whole test suite.
set -euo pipefail
export PLANNER_SETUP_TEST=1
source "$(dirname "${BASH_SOURCE[0]}")/scripts/setup.sh"
export QT_QPA_PLATFORM=offscreen
cd "$REPO"
"$VENV/bin/python" -m mypy   # the type checker, configured in pyproject.toml [tool.mypy]
exec "$VENV/bin/python" -m pytest -q -p no:cacheprovider "$@"
