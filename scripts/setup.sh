#!/usr/bin/env bash
# Sets up whatever is missing on a Debian/Ubuntu machine, then leaves a ready
# virtual environment in .venv. Sourced by ./start.sh and ./test.sh.
#   PLANNER_SETUP_TEST=1  also installs what the test suite uses
#                         (LibreOffice Writer, poppler, Xvfb, pandoc).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$REPO/.venv"

# Qt's run-time libraries (xcb platform, EGL, fontconfig, D-Bus) and CJK fonts.
APT_RUNTIME=(python3-venv libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxrender1 libxi6 libx11-xcb1
  fontconfig fonts-noto-cjk fonts-arphic-ukai)
APT_TEST=(libreoffice-writer-nogui poppler-utils xvfb xauth pandoc)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "需要 root 权限安装系统软件包：$*" >&2; return 1
  fi
}

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 || {
    echo "setup: not a Debian/Ubuntu system; install Qt's libraries and CJK fonts yourself." >&2
    return 0
  }
  local wanted=("${APT_RUNTIME[@]}") missing=()
  if [ "${PLANNER_SETUP_TEST:-0}" = 1 ]; then wanted+=("${APT_TEST[@]}"); fi
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  # python3-venv is only needed where python3 is Debian's own.
  if python3 -c "import ensurepip" >/dev/null 2>&1; then
    missing=("${missing[@]/python3-venv/}")
  fi
  local real=()
  for pkg in "${missing[@]}"; do [ -n "$pkg" ] && real+=("$pkg"); done
  if [ "${#real[@]}" -gt 0 ]; then
    echo "setup: installing system packages: ${real[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${real[@]}"
  fi
  # Font aliases so 仿宋/黑体/楷体/宋体 resolve to the installed CJK faces.
  local aliases="$REPO/planner_gui/resources/fonts/fontconfig-aliases.conf"
  local target=/etc/fonts/conf.d/65-planner-gui-aliases.conf
  if [ -f "$aliases" ] && ! cmp -s "$aliases" "$target" 2>/dev/null; then
    as_root install -m 0644 "$aliases" "$target" && as_root fc-cache -f >/dev/null 2>&1 || true
  fi
}

install_python_packages() {
  if [ ! -x "$VENV/bin/python" ]; then
    echo "setup: creating $VENV"
    python3 -m venv "$VENV"
  fi
  local extras="" stamp="$VENV/.planner-installed"
  [ "${PLANNER_SETUP_TEST:-0}" = 1 ] && extras="[test]"
  local want
  want="$(cat "$REPO/pyproject.toml" | sha256sum | cut -c1-16)$extras"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "setup: installing Python packages$extras"
    "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null 2>&1 || true
    "$VENV/bin/python" -m pip install -q -e "$REPO$extras"
    echo "$want" > "$stamp"
  fi
}

install_system_packages
install_python_packages
