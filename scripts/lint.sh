#!/usr/bin/env bash
# The linters CI runs before the tests: ruff and mypy, configured in pyproject.toml.
set -euo pipefail
export PLANNER_SETUP_TEST=1
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$REPO"
"$VENV/bin/python" -m ruff check planner_gui tests scripts benchmarks
"$VENV/bin/python" -m mypy
